using Clout.Engine.Topics;

namespace Clout.Application.Topics;

/// <summary>
/// The topic taxonomy in use: the shipped one, extended by a user file (<c>--topics PATH</c>, else the
/// <c>CLOUT_TOPICS</c> environment variable) without rebuilding. A bad file is an error naming the file, the topic
/// and the field (<see cref="TopicFileException"/>).
/// </summary>
public static class TaxonomyLoader
{
    public const string Variable = "CLOUT_TOPICS";

    public static TopicTaxonomy Load(string? path)
    {
        path = string.IsNullOrWhiteSpace(path) ? Environment.GetEnvironmentVariable(Variable) : path;
        if (string.IsNullOrWhiteSpace(path))
        {
            return TopicTaxonomy.Default;
        }

        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"topics file '{path}' not found; expected a JSON file of topics (docs/topics.md)", path);
        }

        using var stream = File.OpenRead(path);
        return TopicTaxonomy.Default.Merge(stream, path);
    }
}
