using Clout.Core.Records;

namespace Clout.Importers.Tests;

/// <summary>Everything one import yielded, split by record type, for the web readers' tests.</summary>
public sealed record WebImport(
    IReadOnlyList<AccountRecord> Accounts,
    IReadOnlyList<PostRecord> Posts,
    IReadOnlyList<ActionRecord> Actions,
    IReadOnlyList<MetricsRecord> Metrics,
    IReadOnlyList<ImportError> Errors)
{
    public static readonly DateOnly Snapshot = new(2026, 1, 15);

    public static WebImport Run(IImporter importer, string path, ImportOptions? options = null)
    {
        var accounts = new List<AccountRecord>();
        var posts = new List<PostRecord>();
        var actions = new List<ActionRecord>();
        var metrics = new List<MetricsRecord>();
        var errors = new List<ImportError>();
        foreach (var item in importer.Read(path, options ?? new ImportOptions { SnapshotDate = Snapshot }, TestContext.Current.CancellationToken))
        {
            switch (item.Record)
            {
                case AccountRecord a:
                    accounts.Add(a);
                    break;
                case PostRecord p:
                    posts.Add(p);
                    break;
                case ActionRecord x:
                    actions.Add(x);
                    break;
                case MetricsRecord m:
                    metrics.Add(m);
                    break;
                default:
                    errors.Add(item.Error ?? throw new InvalidOperationException("an item with neither a record nor an error"));
                    break;
            }
        }

        return new WebImport(accounts, posts, actions, metrics, errors);
    }

    /// <summary>A fresh temp folder for broken inputs, removed when the test ends.</summary>
    public static TempFolder Temp() => new();

    public sealed class TempFolder : IDisposable
    {
        public string Path { get; } = Directory.CreateTempSubdirectory("clout-web-").FullName;

        public string File(string name, string text)
        {
            var file = System.IO.Path.Combine(Path, name);
            System.IO.File.WriteAllText(file, text);
            return file;
        }

        public string File(string name, byte[] bytes)
        {
            var file = System.IO.Path.Combine(Path, name);
            System.IO.File.WriteAllBytes(file, bytes);
            return file;
        }

        public void Dispose() => Directory.Delete(Path, recursive: true);
    }
}
