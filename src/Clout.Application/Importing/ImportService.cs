using System.Diagnostics;
using Clout.Core.Records;
using Clout.Core.Storage;
using Clout.Importers;

namespace Clout.Application.Importing;

/// <summary>
/// Imports a file or export folder: finds the format, validates every record, and stores all of it or nothing
/// (unless invalid records are to be skipped, when the rest is stored and the first errors reported).
/// </summary>
public static class ImportService
{
    public const int ErrorsKept = 20;

    public static IImporter ResolveFormat(string path, string? format)
    {
        if (!File.Exists(path) && !Directory.Exists(path))
        {
            throw new ImportFailedException([new ImportError(path, 0, null, "no such file or folder")]);
        }

        if (!string.IsNullOrWhiteSpace(format))
        {
            return ImporterRegistry.Find(format)
                ?? throw new ImportFailedException([new ImportError(path, 0, "--format", $"unknown format '{format}'; expected one of {ImporterRegistry.Names}")]);
        }

        var candidates = ImporterRegistry.Detect(path);
        return candidates.Count switch
        {
            1 => candidates[0],
            0 => throw new ImportFailedException([new ImportError(path, 0, "--format", $"cannot tell the format from the path; pass --format, one of {ImporterRegistry.Names}")]),
            _ => throw new ImportFailedException([new ImportError(path, 0, "--format", $"the path matches several formats ({string.Join(", ", candidates.Select(c => c.Format))}); pass --format")]),
        };
    }

    public static async Task<ImportReport> ImportAsync(ICloutStore store, string path, string? format, ImportOptions options, bool skipInvalid, IProgress<long>? progress, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        var importer = ResolveFormat(path, format);
        var errors = new List<ImportError>();
        long skipped = 0;
        var watch = Stopwatch.StartNew();
        if (!store.AtomicImport && !skipInvalid)
        {
            // Stores without transactions get a full validation pass first, so a bad record stores nothing.
            foreach (var item in importer.Read(path, options, cancellationToken))
            {
                if (item.Error is { } error)
                {
                    errors.Add(error);
                    if (errors.Count >= ErrorsKept)
                    {
                        break;
                    }
                }
            }

            if (errors.Count > 0)
            {
                throw new ImportFailedException(errors);
            }
        }

        IEnumerable<ImportRecord> Records()
        {
            foreach (var item in importer.Read(path, options, cancellationToken))
            {
                if (item.Record is { } record)
                {
                    yield return record;
                    continue;
                }

                if (!skipInvalid)
                {
                    throw new ImportFailedException([item.Error!]);
                }

                skipped++;
                if (errors.Count < ErrorsKept)
                {
                    errors.Add(item.Error!);
                }
            }
        }

        var counts = await store.ImportAsync(Records(), progress, cancellationToken);
        return new ImportReport(path, importer.Format, counts with { Skipped = skipped }, skipped, errors, watch.Elapsed.TotalSeconds);
    }
}
