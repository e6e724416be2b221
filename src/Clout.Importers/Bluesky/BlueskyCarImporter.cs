using System.Text.Json;
using Clout.Core.Domain;
using Clout.Core.Records;
using Clout.Importers.Bluesky.Car;

namespace Clout.Importers.Bluesky;

/// <summary>
/// Bluesky repository exports (<c>com.atproto.sync.getRepo</c>, "Export my data"): a CAR v1 file holding the signed
/// commit, the Merkle Search Tree and every record of one account. Every block is hash-checked; the MST is walked in
/// key order and each known record mapped (docs/formats/bluesky-car.md). PATH is a .car file or a folder of them.
/// </summary>
public sealed class BlueskyCarImporter : IImporter
{
    public string Format => "bluesky-car";

    public string Description => "Bluesky repository export: a CAR file of one account's records (.car, or a folder of them)";

    public bool CanRead(string path)
    {
        if (Directory.Exists(path))
        {
            var files = CarFiles(path);
            return files.Length > 0 && Array.TrueForAll(files, Sniff);
        }

        return File.Exists(path) && Sniff(path);
    }

    public IEnumerable<ImportItem> Read(string path, ImportOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (Directory.Exists(path))
        {
            var files = CarFiles(path);
            if (files.Length == 0)
            {
                return [ImportItem.Fail(new ImportError(path, 0, null, "the folder holds no .car file; expected a Bluesky repository export"))];
            }

            return files.SelectMany(f => ReadFile(f, options, cancellationToken));
        }

        return ReadFile(path, options, cancellationToken);
    }

    private static string[] CarFiles(string folder)
    {
        var files = Directory.GetFiles(folder, "*.car");
        Array.Sort(files, StringComparer.Ordinal);
        return files;
    }

    /// <summary>A CAR v1 starts with a small varint, then the header map {roots, version} in canonical key order.</summary>
    private static bool Sniff(string file)
    {
        try
        {
            using var stream = File.OpenRead(file);
            Span<byte> head = stackalloc byte[8];
            var n = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
            return n == head.Length && head[0] is > 10 and < 0x80 && head[1] == 0xa2
                && head[2] == 0x65 && head[3..8].SequenceEqual("roots"u8);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static IEnumerable<ImportItem> ReadFile(string file, ImportOptions options, CancellationToken cancellationToken)
    {
        // Loaded on enumeration, with fresh state each time, so that enumerating twice reads the same items.
        var repository = Load(file, cancellationToken, out var openError);
        if (repository is null)
        {
            yield return ImportItem.Fail(openError!);
            yield break;
        }

        foreach (var item in new CarFileMapper(file, repository, options).Map(cancellationToken))
        {
            yield return item;
        }
    }

    private static CarRepository? Load(string file, CancellationToken cancellationToken, out ImportError? error)
    {
        error = null;
        try
        {
            using var stream = new BufferedStream(File.OpenRead(file), 1 << 16);
            return CarRepository.Load(stream, cancellationToken);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            error = new ImportError(file, 0, null, $"cannot open the file: {e.Message}");
            return null;
        }
    }

    /// <summary>Turns one loaded repository into items: errors for corrupt blocks, then the owner, then records in key order.</summary>
    private sealed class CarFileMapper(string file, CarRepository repository, ImportOptions options)
    {
        private readonly BlueskyRecordMapper mapper = new(options.Person);
        private readonly List<ImportRecord> records = [];
        private readonly List<ImportError> problems = [];

        public IEnumerable<ImportItem> Map(CancellationToken cancellationToken)
        {
            foreach (var block in repository.Corrupt)
            {
                yield return Fail(block.DataOffset, null, $"block {block.Cid} is corrupt: its bytes do not hash to its CID (sha2-256 mismatch); the block is skipped");
            }

            if (repository.Fatal is { } fatal)
            {
                var where = fatal.Cid is { } c ? $" (block {c})" : string.Empty;
                yield return Fail(fatal.Offset, null, $"{fatal.Message}{where}; expected a CAR v1 repository export, the rest of the file is not read");
                yield break;
            }

            var commit = ReadCommit();
            if (commit is null)
            {
                foreach (var problem in problems)
                {
                    yield return ImportItem.Fail(problem);
                }

                yield break;
            }

            var leaves = MstWalker.Walk(commit.Data, LoadNode, p => problems.Add(new ImportError(file, OffsetOf(p.Node), "mst", $"{p.Message} (node {p.Node})")));
            foreach (var problem in problems)
            {
                yield return ImportItem.Fail(problem);
            }

            problems.Clear();
            var profile = leaves.FirstOrDefault(l => l.Key == $"{BlueskyRecordMapper.Profile}/self");
            if (profile.Key is not null)
            {
                MapLeaf(commit.Did, profile);
            }

            if (records.Count == 0)
            {
                mapper.Account(new AccountRecord(Network.Bluesky, commit.Did) { Url = BlueskyRecordMapper.ProfileUrl(commit.Did), Person = options.Person }, records);
            }

            foreach (var item in Flush())
            {
                yield return item;
            }

            foreach (var leaf in leaves)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (leaf.Key != profile.Key)
                {
                    MapLeaf(commit.Did, leaf);
                    foreach (var item in Flush())
                    {
                        yield return item;
                    }
                }
            }
        }

        private IEnumerable<ImportItem> Flush()
        {
            foreach (var problem in problems)
            {
                yield return ImportItem.Fail(problem);
            }

            foreach (var record in records)
            {
                yield return ImportItem.Ok(record);
            }

            problems.Clear();
            records.Clear();
        }

        private RepoCommit? ReadCommit()
        {
            var header = repository.Header!;
            if (header.Roots.Count == 0)
            {
                problems.Add(new ImportError(file, 0, "roots", "the CAR header has no root; expected the CID of the repository commit"));
                return null;
            }

            var root = header.Roots[0];
            try
            {
                var value = repository.Decode(root);
                if (value is null)
                {
                    problems.Add(new ImportError(file, 0, "roots", $"the commit block {root} named by the header is not in the file (or was corrupt)"));
                    return null;
                }

                return RepoCommit.FromValue(value);
            }
            catch (DagCborException e)
            {
                problems.Add(new ImportError(file, repository.Blocks[root].DataOffset + e.Offset, "commit", $"the commit block {root} is not valid DAG-CBOR: {e.Message}"));
            }
            catch (FormatException e)
            {
                problems.Add(new ImportError(file, repository.Blocks[root].DataOffset, "commit", $"{e.Message} (block {root})"));
            }

            return null;
        }

        private DagCborValue? LoadNode(Cid cid)
        {
            try
            {
                return repository.Decode(cid);
            }
            catch (DagCborException e)
            {
                problems.Add(new ImportError(file, repository.Blocks[cid].DataOffset + e.Offset, "mst", $"MST node {cid} is not valid DAG-CBOR: {e.Message}; its subtree is skipped"));
                return DagCborValue.Null;
            }
        }

        private void MapLeaf(string did, MstLeaf leaf)
        {
            var slash = leaf.Key.IndexOf('/', StringComparison.Ordinal);
            var collection = leaf.Key[..slash];
            var rkey = leaf.Key[(slash + 1)..];
            if (!BlueskyRecordMapper.IsMapped(collection))
            {
                return;
            }

            var uri = AtUri.Of(did, collection, rkey);
            if (!repository.Blocks.TryGetValue(leaf.Value, out var block))
            {
                problems.Add(new ImportError(file, 0, leaf.Key, $"record {uri}: block {leaf.Value} is not in the file (or was corrupt); the record is skipped"));
                return;
            }

            try
            {
                var value = DagCborReader.Decode(block.Data.Span);
                if (value.Kind != DagCborKind.Map)
                {
                    problems.Add(new ImportError(file, block.DataOffset, leaf.Key, $"record {uri} (block {leaf.Value}) is a {value.Kind}; expected a map"));
                    return;
                }

                using var json = JsonDocument.Parse(DagCborJson.ToJson(value));
                mapper.Map(did, collection, rkey, leaf.Value.ToString(), json.RootElement, null, records);
            }
            catch (DagCborException e)
            {
                problems.Add(new ImportError(file, block.DataOffset + e.Offset, leaf.Key, $"record {uri} (block {leaf.Value}) is not valid DAG-CBOR: {e.Message}"));
            }
            catch (BlueskyFieldException e)
            {
                problems.Add(new ImportError(file, block.DataOffset, e.Field, $"record {uri} (block {leaf.Value}): {e.Message}"));
            }
        }

        private long OffsetOf(Cid cid) => repository.Blocks.TryGetValue(cid, out var block) ? block.DataOffset : 0;

        private ImportItem Fail(long offset, string? field, string message) => ImportItem.Fail(new ImportError(file, offset, field, message));
    }
}
