namespace Clout.Engine.Graph.EdgeLists;

/// <summary>Reads an edge list in either form, telling them apart by the binary form's magic bytes.</summary>
public static class EdgeListFile
{
    public static EdgeList Read(string path, bool weighted, int threads, IProgress<long>? progress = null, CancellationToken cancellationToken = default)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"{path}: no such edge list file", path);
        }

        return EdgeListBinary.IsBinary(path)
            ? EdgeListBinary.Read(path, weighted, threads, progress, cancellationToken)
            : EdgeListText.Read(path, weighted, threads, progress, cancellationToken);
    }
}
