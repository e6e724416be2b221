using System.Collections;
using Clout.Application.Scoring;
using Clout.Core.Scoring;
using Clout.Core.Storage;
using Clout.Engine.Model;
using Clout.Generator;
using Microsoft.Data.Sqlite;

namespace Clout.Storage.Tests.Sqlite;

/// <summary>
/// A daily write with the store to itself goes through SQLite's rollback journal, with another connection open it
/// stays in WAL mode (SqliteStore.WriteScoresAsync); both must store the same rows and leave the store in WAL mode.
/// </summary>
public class DailyWriteJournalTests
{
    private static readonly string[] Tables = ["snapshots", "topic_scores", "account_scores"];

    [Fact]
    public async Task A_day_written_with_the_store_to_itself_equals_one_written_while_a_reader_holds_it_open()
    {
        await using var alone = await TempStore.CreateAsync();
        await using var shared = await TempStore.CreateAsync();
        var options = new GeneratorOptions { People = 300, Seed = 12, Days = 30 };
        await alone.Store.ImportAsync(new PopulationGenerator(options).Generate());
        await shared.Store.ImportAsync(new PopulationGenerator(options).Generate());
        using var reader = new SqliteConnection($"Data Source={shared.Path};Pooling=False");
        reader.Open();
        using (var command = reader.CreateCommand())
        {
            command.CommandText = "SELECT count(*) FROM accounts";
            ((long)command.ExecuteScalar()!).ShouldBeGreaterThan(0);
        }

        var first = await new ScoringService(alone.Store, TimeProvider.System).ScoreDayAsync(null, Algorithms.Default, shadow: false);
        await new ScoringService(shared.Store, TimeProvider.System).ScoreDayAsync(first.Day, Algorithms.Default, shadow: false);

        foreach (var table in Tables)
        {
            StoreFile.Dump(alone.Path, table).ShouldBe(StoreFile.Dump(shared.Path, table), $"table {table}");
        }

        StoreFile.Dump(alone.Path, "snapshots").Count.ShouldBe(first.People);
        StoreFile.JournalMode(alone.Path).ShouldBe("wal");
        StoreFile.JournalMode(shared.Path).ShouldBe("wal");
        File.Exists(alone.Path + "-journal").ShouldBeFalse();
    }

    [Fact]
    public async Task A_store_held_for_readers_keeps_a_daily_run_of_another_store_object_in_the_write_ahead_log()
    {
        await using var temp = await TempStore.CreateAsync();
        await temp.Store.ImportAsync(new PopulationGenerator(new GeneratorOptions { People = 300, Seed = 14, Days = 30 }).Generate());
        await using var server = new Clout.Storage.Sqlite.SqliteStore(temp.Path); // as `clout serve` holds it
        using var hold = server.HoldForReaders();
        hold.ShouldNotBeNull();

        var report = await new ScoringService(temp.Store, TimeProvider.System).ScoreDayAsync(null, Algorithms.Default, shadow: false);

        // The day's pages went through the log (a rollback-journal write would have removed it and written only the
        // few pages of the publish setting into a new one); the held connection keeps the file in place.
        new FileInfo(temp.Path + "-wal").Length.ShouldBeGreaterThan(256 * 1024);
        File.Exists(temp.Path + "-journal").ShouldBeFalse();
        (await server.GetScoresAsync(report.Day, report.Version)).Count.ShouldBe(report.People);
        StoreFile.JournalMode(temp.Path).ShouldBe("wal");
    }

    [Fact]
    public async Task A_write_that_fails_midway_keeps_the_published_day_and_leaves_the_store_in_WAL_mode()
    {
        await using var temp = await TempStore.CreateAsync();
        await temp.Store.ImportAsync(new PopulationGenerator(new GeneratorOptions { People = 300, Seed = 13, Days = 30 }).Generate());
        var report = await new ScoringService(temp.Store, TimeProvider.System).ScoreDayAsync(null, Algorithms.Default, shadow: false);
        var before = Tables.Select(t => StoreFile.Dump(temp.Path, t)).ToList();
        var published = await temp.Store.GetScoresAsync(report.Day, report.Version);
        var snapshot = (await temp.Store.GetSnapshotAsync(published.Keys.First(), report.Day, report.Version))!;

        // A rerun of the day whose snapshots fail to build after some were written.
        var run = new ScoreRun(report.Day, report.Version, false, DateTimeOffset.UnixEpoch, 1, 20_000, 1, 0);
        var failing = new FailingList(20_000, 9_000, snapshot);
        await Should.ThrowAsync<InvalidOperationException>(() => temp.Store.WriteScoresAsync(run, failing, []));

        Tables.Select(t => StoreFile.Dump(temp.Path, t)).ToList().ShouldBe(before);
        StoreFile.JournalMode(temp.Path).ShouldBe("wal");
        File.Exists(temp.Path + "-journal").ShouldBeFalse();
        (await temp.Store.GetScoresAsync(report.Day, report.Version)).Count.ShouldBe(report.People);
    }

    private sealed class FailingList(int count, int failAt, ScoreSnapshot template) : IReadOnlyList<ScoreSnapshot>
    {
        public int Count => count;

        public ScoreSnapshot this[int index] => index < failAt
            ? template with { Person = $"p-{index}" }
            : throw new InvalidOperationException($"snapshot {index} could not be built");

        public IEnumerator<ScoreSnapshot> GetEnumerator()
        {
            for (var i = 0; i < count; i++)
            {
                yield return this[i];
            }
        }

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
