using Clout.Application.Importing;
using Clout.Core.Domain;
using Clout.Core.Records;
using Clout.Generator;
using Clout.Importers;
using Clout.Importers.Interchange;
using Clout.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace Clout.Storage.Tests.Sqlite;

/// <summary>
/// Issue #4 (import at 300,000 records/s): the fast writer stores exactly the rows the staging-table reference
/// writer stores, in every table and with the same ids, on a first import, a re-import and an overlapping import.
/// </summary>
public sealed class SqliteImportWriterTests : IAsyncLifetime
{
    private static readonly string[] Tables =
    [
        "persons", "accounts", "posts", "actions", "metrics", "rollup_actions", "rollup_posts", "rollup_post_reactions",
    ];

    private static readonly DateTimeOffset T = new(2026, 11, 1, 10, 0, 0, TimeSpan.Zero);

    private readonly string directory = Path.Combine(Path.GetTempPath(), $"clout-import-{Guid.NewGuid():N}");
    private readonly List<TempStore> stores = [];

    public ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(directory);
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var store in stores)
        {
            await store.DisposeAsync();
        }

        Directory.Delete(directory, recursive: true);
    }

    [Fact]
    public async Task A_first_import_a_re_import_and_an_overlapping_import_store_the_rows_of_the_reference_writer()
    {
        var first = Write("first.jsonl", new GeneratorOptions { People = 300, Seed = 3, Days = 30 }, repeatEvery: 97);
        var second = Write("second.jsonl", new GeneratorOptions { People = 350, Seed = 4, Days = 20 }, repeatEvery: 0);
        var fast = await StoreAsync(reference: false);
        var reference = await StoreAsync(reference: true);

        foreach (var file in new[] { first, first, second, first })
        {
            var fastReport = await ImportService.ImportAsync(fast.Store, file, null, new ImportOptions(), false, null);
            var referenceReport = await ImportService.ImportAsync(reference.Store, file, null, new ImportOptions(), false, null);

            fastReport.Counts.ShouldBe(referenceReport.Counts);
            foreach (var table in Tables)
            {
                StoreFile.Dump(fast.Path, table).ShouldBe(StoreFile.Dump(reference.Path, table), $"table {table} after importing {Path.GetFileName(file)}");
            }
        }

        Count(fast.Path, "SELECT count(*) FROM actions").ShouldBeGreaterThan(1000);
        Count(fast.Path, "SELECT count(*) FROM rollup_post_reactions").ShouldBeGreaterThan(100);
        Indexes(fast.Path).ShouldBe(Indexes(reference.Path));
    }

    [Fact]
    public async Task A_re_import_adds_nothing_and_reports_every_record_as_already_stored()
    {
        var file = Write("again.jsonl", new GeneratorOptions { People = 200, Seed = 7, Days = 20 }, repeatEvery: 50);
        var fast = await StoreAsync(reference: false);

        var first = await ImportService.ImportAsync(fast.Store, file, null, new ImportOptions(), false, null);
        var tables = Tables.Select(t => StoreFile.Dump(fast.Path, t)).ToList();
        var second = await ImportService.ImportAsync(fast.Store, file, null, new ImportOptions(), false, null);

        first.Counts.Duplicates.ShouldBeGreaterThan(0);
        second.Counts.Duplicates.ShouldBe(first.Counts.Records);
        (second.Counts.Accounts, second.Counts.Posts, second.Counts.Actions, second.Counts.Metrics).ShouldBe((0L, 0L, 0L, 0L));
        Tables.Select(t => StoreFile.Dump(fast.Path, t)).ToList().ShouldBe(tables);
    }

    [Fact]
    public async Task A_record_seen_twice_in_one_import_is_stored_once_and_counted_once_in_the_roll_ups()
    {
        var fast = await StoreAsync(reference: false);
        var counts = await fast.Store.ImportAsync(
        [
            new PostRecord(Network.X, "p1", "1", T, PostKind.Post) { Text = "first" },
            new ActionRecord(Network.X, "a1", ActionKind.Like, "2", "1", T) { Post = "p1" },
            new PostRecord(Network.X, "p1", "1", T.AddHours(1), PostKind.Post) { Text = "second" },
            new ActionRecord(Network.X, "a1", ActionKind.Reshare, "3", "1", T) { Post = "p1" },
        ]);

        (counts.Posts, counts.Actions, counts.Duplicates).ShouldBe((1L, 1L, 2L));
        StoreFile.Dump(fast.Path, "posts").Single().ShouldContain("first");
        Count(fast.Path, "SELECT sum(count) FROM rollup_actions").ShouldBe(1);
        Count(fast.Path, $"SELECT count FROM rollup_post_reactions WHERE kind = {(int)ActionKind.Like}").ShouldBe(1);
        Count(fast.Path, "SELECT sum(count) FROM rollup_posts").ShouldBe(1);
    }

    [Fact]
    public async Task Repeats_within_one_multi_row_statement_and_across_statements_match_the_reference_writer()
    {
        IEnumerable<ImportRecord> Records()
        {
            for (var i = 0; i < 3 * SqliteImportWriter.RowsPerStatement + 7; i++)
            {
                // Every 10th action repeats an id from a few rows back (same statement) or far back (an earlier one).
                var id = i % 10 == 9 ? $"a{i - (i % 20 == 9 ? 3 : 200)}" : $"a{i}";
                yield return new ActionRecord(Network.X, id, (ActionKind)(i % 3), $"{i % 7}", $"{i % 5}", T.AddHours(i)) { Post = i % 4 == 0 ? $"p{i % 9}" : null };
                yield return new PostRecord(Network.X, $"p{(i % 10 == 9 ? i - 3 : i)}", $"{i % 5}", T.AddHours(i), PostKind.Post);
            }
        }

        var fast = await StoreAsync(reference: false);
        var reference = await StoreAsync(reference: true);

        (await fast.Store.ImportAsync(Records())).ShouldBe(await reference.Store.ImportAsync(Records()));
        (await fast.Store.ImportAsync(Records().Skip(100))).ShouldBe(await reference.Store.ImportAsync(Records().Skip(100)));
        foreach (var table in Tables)
        {
            StoreFile.Dump(fast.Path, table).ShouldBe(StoreFile.Dump(reference.Path, table), $"table {table}");
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task An_import_that_fails_part_way_leaves_the_store_as_it_was(bool storeHasData)
    {
        var fast = await StoreAsync(reference: false);
        if (storeHasData)
        {
            await ImportService.ImportAsync(fast.Store, Write("base.jsonl", new GeneratorOptions { People = 100, Seed = 5, Days = 10 }, 0), null, new ImportOptions(), false, null);
        }

        var tables = Tables.Select(t => StoreFile.Dump(fast.Path, t)).ToList();
        var indexes = Indexes(fast.Path);
        var generated = new PopulationGenerator(new GeneratorOptions { People = 150, Seed = 6, Days = 10 }).Generate().ToList();
        IEnumerable<ImportRecord> Failing()
        {
            // Far enough in for thousands of rows to have been written (more than one insert statement's worth).
            foreach (var record in generated.Take(generated.Count - 10))
            {
                yield return record;
            }

            throw new ImportFailedException([new ImportError("f.jsonl", generated.Count - 9, "time", "bad")]);
        }

        var failure = await Should.ThrowAsync<ImportFailedException>(() => fast.Store.ImportAsync(Failing()));

        failure.Errors.Single().Field.ShouldBe("time");
        Tables.Select(t => StoreFile.Dump(fast.Path, t)).ToList().ShouldBe(tables);
        Indexes(fast.Path).ShouldBe(indexes);
        StoreFile.JournalMode(fast.Path).ShouldBe("wal");
        File.Exists(fast.Path + "-journal").ShouldBeFalse();
    }

    [Fact]
    public async Task A_first_import_into_an_empty_store_leaves_it_in_WAL_mode_with_no_journal_behind()
    {
        // The first load of an empty store is written with the rollback journal (SqliteStore.TryRollbackJournal).
        var fast = await StoreAsync(reference: false);
        var file = Write("bulk.jsonl", new GeneratorOptions { People = 150, Seed = 8, Days = 10 }, 0);

        var first = await ImportService.ImportAsync(fast.Store, file, null, new ImportOptions(), false, null);

        first.Counts.Actions.ShouldBeGreaterThan(1000);
        StoreFile.JournalMode(fast.Path).ShouldBe("wal");
        File.Exists(fast.Path + "-journal").ShouldBeFalse();
        var again = await ImportService.ImportAsync(fast.Store, file, null, new ImportOptions(), false, null);
        again.Counts.Duplicates.ShouldBe(first.Counts.Records);
        StoreFile.JournalMode(fast.Path).ShouldBe("wal");
    }

    [Fact]
    public async Task An_import_into_an_empty_store_that_another_connection_holds_open_keeps_WAL_mode_and_stores_the_same_rows()
    {
        var file = Write("shared.jsonl", new GeneratorOptions { People = 150, Seed = 9, Days = 10 }, repeatEvery: 31);
        var fast = await StoreAsync(reference: false);
        var reference = await StoreAsync(reference: true);
        using var reader = new SqliteConnection($"Data Source={fast.Path};Pooling=False");
        reader.Open();
        using (var command = reader.CreateCommand())
        {
            command.CommandText = "SELECT count(*) FROM accounts";
            command.ExecuteScalar().ShouldBe(0L);
        }

        var fastReport = await ImportService.ImportAsync(fast.Store, file, null, new ImportOptions(), false, null);
        var referenceReport = await ImportService.ImportAsync(reference.Store, file, null, new ImportOptions(), false, null);

        fastReport.Counts.ShouldBe(referenceReport.Counts);
        foreach (var table in Tables)
        {
            StoreFile.Dump(fast.Path, table).ShouldBe(StoreFile.Dump(reference.Path, table), $"table {table}");
        }

        StoreFile.JournalMode(fast.Path).ShouldBe("wal");
    }

    [Fact]
    public async Task A_store_whose_row_ids_reach_the_top_of_the_range_is_written_by_the_reference_writer_with_the_same_result()
    {
        var fast = await StoreAsync(reference: false);
        using (var connection = new SqliteConnection($"Data Source={fast.Path};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = $"""
                INSERT INTO persons(id, key) VALUES (1, 'x:1');
                INSERT INTO accounts(id, network, source_id, person_id) VALUES (1, {(int)Network.X}, '1', 1);
                INSERT INTO posts(id, network, source_id, account_id, time, kind) VALUES ({long.MaxValue}, {(int)Network.X}, 'p0', 1, 0, 0);
                """;
            command.ExecuteNonQuery();
        }

        var counts = await fast.Store.ImportAsync(
        [
            new PostRecord(Network.X, "p1", "1", T, PostKind.Post),
            new PostRecord(Network.X, "p0", "1", T, PostKind.Post),
        ]);

        (counts.Posts, counts.Duplicates).ShouldBe((1L, 1L));
        Count(fast.Path, "SELECT sum(count) FROM rollup_posts").ShouldBe(1);
    }

    private async Task<TempStore> StoreAsync(bool reference)
    {
        var temp = new TempStore(reference);
        stores.Add(temp);
        await temp.Store.MigrateAsync();
        return temp;
    }

    /// <summary>A generated population as interchange lines; every <paramref name="repeatEvery"/>th line again at the end.</summary>
    private string Write(string name, GeneratorOptions options, int repeatEvery)
    {
        var path = Path.Combine(directory, name);
        var repeated = new List<ImportRecord>();
        using (var writer = JsonLinesWriter.Create(path))
        {
            var i = 0;
            foreach (var record in new PopulationGenerator(options).Generate())
            {
                writer.Write(record);
                if (repeatEvery > 0 && ++i % repeatEvery == 0)
                {
                    repeated.Add(record);
                }
            }

            foreach (var record in repeated)
            {
                writer.Write(record);
            }
        }

        return path;
    }

    private static List<string> Indexes(string path)
    {
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT name || ': ' || coalesce(sql, '') FROM sqlite_master WHERE type = 'index' ORDER BY name";
        using var reader = command.ExecuteReader();
        var names = new List<string>();
        while (reader.Read())
        {
            names.Add(reader.GetString(0));
        }

        return names;
    }

    private static long Count(string path, string sql) => StoreFile.Scalar(path, sql) is long n ? n : 0;
}
