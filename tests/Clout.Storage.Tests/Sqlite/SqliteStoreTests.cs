using Clout.Application.Importing;
using Clout.Application.Scoring;
using Clout.Core.Domain;
using Clout.Core.Records;
using Clout.Core.Scoring;
using Clout.Core.Storage;
using Clout.Engine.Model;
using Clout.Generator;
using Clout.Importers;
using Clout.Importers.Interchange;
using Microsoft.Data.Sqlite;

namespace Clout.Storage.Tests.Sqlite;

public class SqliteStoreTests
{
    private static readonly DateTimeOffset T = new(2026, 11, 1, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Migrating_twice_is_harmless_and_reaches_the_latest_version()
    {
        await using var temp = await TempStore.CreateAsync();
        await temp.Store.MigrateAsync();
        (await temp.Store.GetSchemaVersionAsync()).ShouldBe(Clout.Storage.Sqlite.SqliteStore.LatestSchemaVersion);
    }

    [Fact]
    public async Task A_new_file_has_schema_version_zero_until_migrated()
    {
        var temp = new TempStore();
        await using (temp)
        {
            (await temp.Store.GetSchemaVersionAsync()).ShouldBe(0);
        }
    }

    [Fact]
    public async Task An_import_that_fails_midway_stores_nothing()
    {
        await using var temp = await TempStore.CreateAsync();
        IEnumerable<ImportRecord> Records()
        {
            yield return new AccountRecord(Network.X, "1");
            yield return new ActionRecord(Network.X, "a1", ActionKind.Like, "2", "1", T);
            throw new ImportFailedException([new ImportError("f", 3, "kind", "bad")]);
        }

        await Should.ThrowAsync<ImportFailedException>(() => temp.Store.ImportAsync(Records()));

        (await temp.Store.GetActivitySpanAsync()).ShouldBeNull();
        await foreach (var _ in temp.Store.GetAccountsAsync())
        {
            throw new ShouldAssertException("no account may be stored");
        }
    }

    [Fact]
    public async Task Importing_the_same_file_twice_changes_nothing()
    {
        await using var temp = await TempStore.CreateAsync();
        var file = Path.Combine(Path.GetTempPath(), $"clout-{Guid.NewGuid():N}.jsonl");
        try
        {
            using (var writer = JsonLinesWriter.Create(file))
            {
                foreach (var r in new PopulationGenerator(new GeneratorOptions { People = 200, Seed = 3, Days = 30 }).Generate())
                {
                    writer.Write(r);
                }
            }

            var first = await ImportService.ImportAsync(temp.Store, file, null, new ImportOptions(), false, null);
            var rollupsBefore = Count(temp.Path, "SELECT sum(count) FROM rollup_actions");
            var second = await ImportService.ImportAsync(temp.Store, file, null, new ImportOptions(), false, null);

            first.Counts.Actions.ShouldBeGreaterThan(1000);
            second.Counts.Accounts.ShouldBe(0);
            second.Counts.Posts.ShouldBe(0);
            second.Counts.Actions.ShouldBe(0);
            second.Counts.Metrics.ShouldBe(0);
            second.Counts.Duplicates.ShouldBe(first.Counts.Records);
            Count(temp.Path, "SELECT sum(count) FROM rollup_actions").ShouldBe(rollupsBefore);
            Count(temp.Path, "SELECT count(*) FROM actions").ShouldBe(first.Counts.Actions);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task A_bad_record_in_a_file_imports_nothing_unless_invalid_records_are_skipped()
    {
        await using var temp = await TempStore.CreateAsync();
        var file = Path.Combine(Path.GetTempPath(), $"clout-{Guid.NewGuid():N}.jsonl");
        try
        {
            await File.WriteAllLinesAsync(file,
            [
                """{"type":"account","network":"x","id":"1"}""",
                """{"type":"action","network":"x","id":"a1","kind":"like","actor":"2","target":"1","time":"2026-11-01T00:00:00Z"}""",
                """{"type":"action","network":"x","id":"a2","kind":"like","actor":"3","target":"1","time":"not a time"}""",
            ]);

            var failure = await Should.ThrowAsync<ImportFailedException>(() => ImportService.ImportAsync(temp.Store, file, null, new ImportOptions(), false, null));
            failure.Errors[0].Line.ShouldBe(3);
            failure.Errors[0].Field.ShouldBe("time");
            Count(temp.Path, "SELECT count(*) FROM accounts").ShouldBe(0);

            var report = await ImportService.ImportAsync(temp.Store, file, null, new ImportOptions(), true, null);
            report.Skipped.ShouldBe(1);
            report.Counts.Actions.ShouldBe(1);
            report.Errors.Single().Line.ShouldBe(3);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Actions_are_rolled_up_per_day_actor_target_and_kind()
    {
        await using var temp = await TempStore.CreateAsync();
        await temp.Store.ImportAsync(
        [
            new ActionRecord(Network.X, "a1", ActionKind.Like, "2", "1", T),
            new ActionRecord(Network.X, "a2", ActionKind.Like, "2", "1", T.AddHours(1)),
            new ActionRecord(Network.X, "a3", ActionKind.Reshare, "2", "1", T.AddHours(2)),
            new ActionRecord(Network.X, "a4", ActionKind.Like, "2", "1", T.AddDays(1)),
        ]);

        Count(temp.Path, "SELECT count(*) FROM rollup_actions").ShouldBe(3);
        Count(temp.Path, $"SELECT count FROM rollup_actions WHERE kind = {(int)ActionKind.Like} AND day = {DayNumber.Of(T)}").ShouldBe(2);
    }

    [Fact]
    public async Task A_later_account_record_fills_in_the_stub_made_for_an_unknown_actor()
    {
        await using var temp = await TempStore.CreateAsync();
        await temp.Store.ImportAsync([new ActionRecord(Network.X, "a1", ActionKind.Like, "34", "12", T)]);
        var counts = await temp.Store.ImportAsync([new AccountRecord(Network.X, "34") { Handle = "bob", Person = "bob" }]);

        counts.Accounts.ShouldBe(1);
        var person = await temp.Store.GetPersonAsync("bob");
        person.ShouldNotBeNull().Accounts.Single().Handle.ShouldBe("bob");
        (await temp.Store.GetPersonAsync("x:34")).ShouldBeNull();
    }

    [Fact]
    public async Task Linking_moves_an_account_to_a_person_and_unlinking_makes_it_its_own_person()
    {
        await using var temp = await TempStore.CreateAsync();
        await temp.Store.ImportAsync([new AccountRecord(Network.X, "1") { Handle = "al" }, new AccountRecord(Network.Bluesky, "did:plc:1") { Handle = "al.bsky.social" }]);

        (await temp.Store.LinkAsync("alice", new AccountKey(Network.X, "1"))).ShouldBeTrue();
        (await temp.Store.LinkAsync("alice", new AccountKey(Network.Bluesky, "did:plc:1"))).ShouldBeTrue();
        (await temp.Store.GetPersonAsync("alice"))!.Accounts.Count.ShouldBe(2);
        (await temp.Store.LinkAsync("alice", new AccountKey(Network.X, "404"))).ShouldBeFalse();

        (await temp.Store.UnlinkAsync(new AccountKey(Network.X, "1"))).ShouldBeTrue();
        (await temp.Store.GetPersonAsync("alice"))!.Accounts.Count.ShouldBe(1);
        (await temp.Store.GetPersonAsync("x:1")).ShouldNotBeNull();
    }

    [Fact]
    public async Task Scores_round_trip_and_a_rerun_replaces_the_day()
    {
        await using var temp = await TempStore.CreateAsync();
        await temp.Store.ImportAsync(new PopulationGenerator(new GeneratorOptions { People = 300, Seed = 5, Days = 30 }).Generate());
        var service = new ScoringService(temp.Store, TimeProvider.System);

        var first = await service.ScoreDayAsync(null, Algorithms.Default, shadow: false);
        var top = await temp.Store.GetLeaderboardAsync(null, first.Version, null, 0, 5);
        var snapshot = await temp.Store.GetSnapshotAsync(top[0].Person, null, first.Version);
        var second = await service.ScoreDayAsync(first.Day, Algorithms.Default, shadow: false);

        second.People.ShouldBe(first.People);
        Count(temp.Path, "SELECT count(*) FROM snapshots").ShouldBe(first.People);
        snapshot.ShouldNotBeNull();
        snapshot.Score.ShouldBe(top[0].Score);
        snapshot.Explanation.Contributions.Sum(c => c.Points).ShouldBe(snapshot.Score, 1e-6);
        (await temp.Store.GetSnapshotAsync(top[0].Person, null, first.Version))!.Score.ShouldBe(snapshot.Score);
        top.Select(t => t.Score).ShouldBeInOrder(SortDirection.Descending);
    }

    [Fact]
    public async Task Daily_deltas_come_from_the_previous_days()
    {
        await using var temp = await TempStore.CreateAsync();
        await temp.Store.ImportAsync(new PopulationGenerator(new GeneratorOptions { People = 300, Seed = 6, Days = 40 }).Generate());
        var service = new ScoringService(temp.Store, TimeProvider.System);
        var last = new DateOnly(2026, 11, 1);

        await service.ScoreRangeAsync(last.AddDays(-7), last, Algorithms.Default, shadow: false);
        var top = (await temp.Store.GetLeaderboardAsync(last, Algorithms.Default.Version, null, 0, 1))[0];
        var today = await temp.Store.GetSnapshotAsync(top.Person, last, Algorithms.Default.Version);
        var yesterday = await temp.Store.GetSnapshotAsync(top.Person, last.AddDays(-1), Algorithms.Default.Version);
        var weekAgo = await temp.Store.GetSnapshotAsync(top.Person, last.AddDays(-7), Algorithms.Default.Version);

        today!.DayChange.ShouldNotBeNull().ShouldBe(today.Score - yesterday!.Score, 1e-9);
        today.WeekChange.ShouldNotBeNull().ShouldBe(today.Score - weekAgo!.Score, 1e-9);
        today.MonthChange.ShouldBeNull();
        (await temp.Store.GetHistoryAsync(top.Person, last.AddDays(-7), last, Algorithms.Default.Version)).Count.ShouldBe(8);
    }

    [Fact]
    public async Task Snapshots_stored_before_the_flags_column_read_their_flags_from_the_explanation()
    {
        await using var temp = await TempStore.CreateAsync();
        var day = new DateOnly(2026, 11, 1);
        var snapshot = new ScoreSnapshot("x:alice", day, "v1", 42, "40-49") { Explanation = new Explanation { Flags = ["engagement ring: 40%"] } };
        await temp.Store.WriteScoresAsync(new ScoreRun(day, "v1", false, T, 1, 1, 1, 0), [snapshot], []);
        Count(temp.Path, "SELECT count(*) FROM snapshots WHERE flags = '[\"engagement ring: 40%\"]'").ShouldBe(1);

        // A row written by an older version has no flags column value (schema step 7 added it).
        Execute(temp.Path, "UPDATE snapshots SET flags = NULL");
        SqliteConnection.ClearAllPools();
        (await temp.Store.GetSnapshotAsync("x:alice", day, "v1", SnapshotParts.Flags))!.Explanation.Flags.ShouldBe(["engagement ring: 40%"]);
        (await temp.Store.GetSnapshotAsync("x:alice", day, "v1", SnapshotParts.None))!.Explanation.Flags.ShouldBeEmpty();
    }

    [Fact]
    public async Task One_persons_snapshots_are_found_through_the_scored_days_and_the_previous_scores_come_from_the_rank_index()
    {
        await using var temp = await TempStore.CreateAsync();
        var day = new DateOnly(2026, 11, 1);
        ScoreSnapshot Snapshot(string person, int offset, string version, double score) => new(person, day.AddDays(offset), version, score, "10-19");
        await Publish(temp.Store, Snapshot("x:alice", 0, "v1", 10), Snapshot("x:bob", 0, "v1", 20));
        await Publish(temp.Store, Snapshot("x:alice", 1, "v1", 11));
        await Publish(temp.Store, Snapshot("x:bob", 2, "v1", 22));
        await Publish(temp.Store, Snapshot("x:alice", 3, "v9", 99));

        (await temp.Store.GetSnapshotAsync("x:alice", null, "v1"))!.Score.ShouldBe(11);
        (await temp.Store.GetSnapshotAsync("x:bob", null, "v1"))!.Score.ShouldBe(22);
        (await temp.Store.GetSnapshotAsync("x:bob", day, "v1"))!.Score.ShouldBe(20);
        (await temp.Store.GetSnapshotAsync("x:alice", day.AddDays(2), "v1")).ShouldBeNull();
        (await temp.Store.GetSnapshotAsync("x:alice", null, "v9"))!.Score.ShouldBe(99);
        (await temp.Store.GetHistoryAsync("x:alice", day, day.AddDays(3), "v1")).Select(h => (h.Day, h.Score)).ShouldBe([(day, 10.0), (day.AddDays(1), 11.0)]);
        (await temp.Store.GetHistoryAsync("x:bob", day.AddDays(1), day.AddDays(3), "v1")).Select(h => (h.Day, h.Score)).ShouldBe([(day.AddDays(2), 22.0)]);
        (await temp.Store.GetScoresAsync(day, "v1")).ShouldBe(new Dictionary<string, double> { ["x:alice"] = 10, ["x:bob"] = 20 }, ignoreOrder: true);

        // The rank index ends with the person, so the previous days' scores never read the 2.5 KB rows, and no index on
        // snapshots starts with the person (a new day's rows would land at random places among every day kept).
        (StoreFile.Scalar(temp.Path, "SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_index_info('snapshots_rank') ORDER BY seqno)") as string)
            .ShouldBe("version,day,score,person_id");
        Count(temp.Path, "SELECT count(*) FROM sqlite_master m, pragma_index_info(m.name) i WHERE m.type = 'index' AND m.tbl_name = 'snapshots' AND i.seqno = 0 AND i.name = 'person_id'")
            .ShouldBe(0);
    }

    [Fact]
    public async Task The_single_actions_of_a_day_are_read_from_the_kind_and_time_index_alone()
    {
        await using var temp = await TempStore.CreateAsync();
        (StoreFile.Scalar(temp.Path, "SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_index_info('actions_kind') ORDER BY seqno)") as string)
            .ShouldBe("kind,time,actor_id,target_id");
        StoreFile.Plan(temp.Path, "SELECT actor_id, target_id, kind, time FROM actions WHERE kind IN (0, 1, 5) AND time >= 0 AND time < 86400")
            .ShouldContain("COVERING INDEX actions_kind");
    }

    [Fact]
    public async Task A_shadow_run_does_not_change_the_published_version()
    {
        await using var temp = await TempStore.CreateAsync();
        await temp.Store.ImportAsync(new PopulationGenerator(new GeneratorOptions { People = 100, Seed = 2, Days = 20 }).Generate());
        var service = new ScoringService(temp.Store, TimeProvider.System);
        var shadow = Algorithms.V1 with { Version = "v1-shadow-test", ReachWeight = 2 };

        await service.ScoreDayAsync(null, Algorithms.V1, shadow: false);
        await service.ScoreDayAsync(null, shadow, shadow: true);

        (await Versions.PublishedAsync(temp.Store)).ShouldBe("v1");
        (await temp.Store.GetRunsAsync()).Select(r => (r.Version, r.Shadow)).ShouldBe([("v1", false), ("v1-shadow-test", true)], ignoreOrder: true);
    }

    [Fact]
    public async Task Explanations_past_the_retention_are_dropped_once_and_a_rescored_old_day_keeps_its_own_until_the_next_run()
    {
        await using var temp = await TempStore.CreateAsync();
        var old = new DateOnly(2026, 9, 1);
        var later = old.AddDays(temp.Store.ExplanationRetentionDays + 5);
        Task Write(DateOnly day) => Publish(temp.Store, new ScoreSnapshot("x:alice", day, "v1", 42, "40-49") { Explanation = new Explanation { Flags = ["a flag"] } });
        long Explained(DateOnly day) => Count(temp.Path, $"SELECT count(*) FROM snapshots WHERE day = {DayNumber.Of(day)} AND explanation IS NOT NULL");
        long RunExplained(DateOnly day) => Count(temp.Path, $"SELECT explained FROM score_runs WHERE day = {DayNumber.Of(day)}");

        await Write(old);
        await Write(later);
        Explained(old).ShouldBe(0);
        RunExplained(old).ShouldBe(0);
        Explained(later).ShouldBe(1);
        RunExplained(later).ShouldBe(1);
        (await temp.Store.GetSnapshotAsync("x:alice", old, "v1"))!.Score.ShouldBe(42);

        await Write(old);
        Explained(old).ShouldBe(1);
        RunExplained(old).ShouldBe(1);

        await Write(later.AddDays(1));
        Explained(old).ShouldBe(0);
        Explained(later).ShouldBe(1);
    }

    [Fact]
    public async Task A_day_is_replaced_and_its_explanations_dropped_through_its_run_of_row_ids_without_touching_another_day_inside_it()
    {
        await using var temp = await TempStore.CreateAsync();
        var old = new DateOnly(2026, 9, 1);
        var next = old.AddDays(1);
        ScoreSnapshot Person(string key, DateOnly day, double score) =>
            new(key, day, "v1", score, "40-49") { Explanation = new Explanation { Flags = ["a flag"] } };
        long Rows(DateOnly day, string where = "1") => Count(temp.Path, $"SELECT count(*) FROM snapshots WHERE day = {DayNumber.Of(day)} AND {where}");

        await Publish(temp.Store, Person("x:alice", old, 1), Person("x:bob", old, 2));
        await Publish(temp.Store, Person("x:carol", next, 3));

        // Alice's row of the old day moves past Carol's: the old day's rows now span a row of the next day.
        Execute(temp.Path, $"UPDATE snapshots SET rowid = 1000 WHERE day = {DayNumber.Of(old)} AND person_id = (SELECT id FROM persons WHERE key = 'x:alice')");
        SqliteConnection.ClearAllPools();

        var later = old.AddDays(temp.Store.ExplanationRetentionDays + 1);
        await Publish(temp.Store, Person("x:dave", later, 4));
        Rows(old, "explanation IS NOT NULL").ShouldBe(0);
        Rows(old).ShouldBe(2);
        Rows(next, "explanation IS NOT NULL").ShouldBe(1);

        await Publish(temp.Store, Person("x:bob", old, 5));
        Rows(old).ShouldBe(1);
        (await temp.Store.GetSnapshotAsync("x:bob", old, "v1"))!.Score.ShouldBe(5);
        (await temp.Store.GetSnapshotAsync("x:alice", old, "v1")).ShouldBeNull();
        var carol = (await temp.Store.GetSnapshotAsync("x:carol", next, "v1", SnapshotParts.All))!;
        carol.Score.ShouldBe(3);
        carol.Explanation.Flags.ShouldBe(["a flag"]);
    }

    [Fact]
    public async Task A_store_from_before_schema_step_8_keeps_its_snapshots_in_the_rowid_table()
    {
        var temp = new TempStore();
        await using (temp)
        {
            // Schema as of step 7, with one snapshot written by that version.
            await temp.Store.MigrateAsync(through: 7);
            Execute(temp.Path, """
                INSERT INTO persons(key, name) VALUES ('x:alice', 'Alice');
                INSERT INTO snapshots(version, day, person_id, score, bucket, reach, amplification, network_impact, audience, networks, flags)
                    VALUES ('v1', 20393, 1, 42, '40-49', 1, 2, 3, 4, x'', '["a flag"]');
                INSERT INTO score_runs(day, version, shadow, started, seconds, people, accounts, edges) VALUES (20393, 'v1', 0, '2026-11-01', 1, 1, 1, 0);
                """);

            await temp.Store.MigrateAsync();

            (await temp.Store.GetSchemaVersionAsync()).ShouldBe(Clout.Storage.Sqlite.SqliteStore.LatestSchemaVersion);
            Count(temp.Path, "SELECT count(*) FROM sqlite_master WHERE name = 'snapshots' AND sql LIKE '%WITHOUT ROWID%'").ShouldBe(0);
            Count(temp.Path, "SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name = 'snapshots_rank'").ShouldBe(1);
            Count(temp.Path, "SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name = 'snapshots_person'").ShouldBe(0);
            Count(temp.Path, "SELECT explained FROM score_runs").ShouldBe(1);
            var snapshot = await temp.Store.GetSnapshotAsync("x:alice", DayNumber.ToDate(20393), "v1", SnapshotParts.Flags);
            snapshot.ShouldNotBeNull();
            snapshot.Score.ShouldBe(42);
            snapshot.Explanation.Flags.ShouldBe(["a flag"]);
        }
    }

    /// <summary>Publishes the snapshots of one day and version as one run, as a daily run's write does.</summary>
    private static Task Publish(Clout.Storage.Sqlite.SqliteStore store, params ScoreSnapshot[] people) =>
        store.WriteScoresAsync(new ScoreRun(people[0].Day, people[0].Version, false, T, 1, people.Length, people.Length, 0), people, []);

    private static void Execute(string path, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static long Count(string path, string sql) =>
        StoreFile.Scalar(path, sql) is { } value and not DBNull ? Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture) : 0;
}
