using System.Text.Json;
using Clout.Core.Domain;
using Clout.Core.Records;
using Clout.Core.Scoring;
using Clout.Core.Storage;
using static Clout.Storage.Tests.Contract.ContractData;

namespace Clout.Storage.Tests.Contract;

/// <summary>
/// What every <see cref="ICloutStore"/> must do, in terms of the port's documented semantics only. Each store's test
/// class derives from this and returns a new, empty, not yet migrated store from <see cref="CreateStoreAsync"/>.
/// </summary>
public abstract partial class StoreContractTests
{
    private const string V = "v1";

    protected abstract Task<ICloutStore> CreateStoreAsync();

    protected static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Migrations_are_idempotent_and_report_the_schema_version()
    {
        await using var store = await CreateStoreAsync();
        (await store.GetSchemaVersionAsync(Token)).ShouldBe(0);
        await store.MigrateAsync(Token);
        var version = await store.GetSchemaVersionAsync(Token);
        version.ShouldBeGreaterThan(0);
        await store.MigrateAsync(Token);
        await store.MigrateAsync(Token);
        (await store.GetSchemaVersionAsync(Token)).ShouldBe(version);
    }

    [Fact]
    public async Task Import_counts_new_records_per_type()
    {
        await using var store = await NewStoreAsync();
        var counts = await store.ImportAsync(Records(), cancellationToken: Token);
        counts.Accounts.ShouldBe(3);
        counts.Posts.ShouldBe(3);
        counts.Actions.ShouldBe(9);
        counts.Metrics.ShouldBe(3);
        counts.Duplicates.ShouldBe(0);
    }

    [Fact]
    public async Task Reimporting_the_same_records_changes_no_counts_and_no_rollups()
    {
        await using var store = await NewStoreAsync();
        await store.ImportAsync(Records(), cancellationToken: Token);
        var before = await WindowAsync(store, D, 90);

        var again = await store.ImportAsync(Records(), cancellationToken: Token);

        again.Accounts.ShouldBe(0);
        again.Posts.ShouldBe(0);
        again.Actions.ShouldBe(0);
        again.Metrics.ShouldBe(0);
        again.Duplicates.ShouldBe(Records().Count);
        (await WindowAsync(store, D, 90)).Lines().ShouldBe(before.Lines());
        (await CountAccountsAsync(store)).ShouldBe(5);
    }

    [Fact]
    public async Task Duplicates_within_one_import_are_stored_once()
    {
        await using var store = await NewStoreAsync();
        var like = new ActionRecord(Network.X, "same", ActionKind.Like, "bob", "alice", At(0));
        var counts = await store.ImportAsync([like, like with { Actor = "eve" }], cancellationToken: Token);
        counts.Actions.ShouldBe(1);
        counts.Duplicates.ShouldBe(1);
        (await WindowAsync(store, D, 1)).Rows("rollup").ShouldBe(["rollup x:bob -> x:alice like 2024-03-10 x1"]);
    }

    [Fact]
    public async Task Progress_reports_records_done()
    {
        await using var store = await NewStoreAsync();
        var reported = new List<long>();
        await store.ImportAsync(Records(), new SyncProgress(reported.Add), Token);
        reported.ShouldNotBeEmpty();
        reported[^1].ShouldBe(Records().Count);
    }

    [Fact]
    public async Task Actors_and_targets_without_an_account_record_get_an_account_of_their_own()
    {
        await using var store = await NewStoreAsync();
        await store.ImportAsync(Records(), cancellationToken: Token);

        var dave = await store.GetPersonByAccountAsync(Dave, Token);
        dave.ShouldNotBeNull();
        dave.Person.ShouldBe("x:dave");
        dave.Accounts.Single().Handle.ShouldBeNull();
        (await store.GetPersonByAccountAsync(Eve, Token)).ShouldNotBeNull();
        (await store.GetPersonByAccountAsync(new AccountKey(Network.X, "nobody"), Token)).ShouldBeNull();
    }

    [Fact]
    public async Task An_account_record_after_its_stub_is_new_and_fills_the_account()
    {
        await using var store = await NewStoreAsync();
        await store.ImportAsync(Records(), cancellationToken: Token);

        var counts = await store.ImportAsync([new AccountRecord(Network.X, "dave") { Handle = "dave", Name = "Dave Dunn" }], cancellationToken: Token);

        counts.Accounts.ShouldBe(1);
        counts.Duplicates.ShouldBe(0);
        var dave = (await store.GetPersonByAccountAsync(Dave, Token)).ShouldNotBeNull();
        dave.Accounts.Single().Handle.ShouldBe("dave");
        dave.Name.ShouldBe("Dave Dunn");
        (await CountAccountsAsync(store)).ShouldBe(5);
        (await WindowAsync(store, D, 90)).Accounts.Single(a => a.SourceId == "dave").Handle.ShouldBe("dave");
    }

    [Fact]
    public async Task Accounts_keep_every_field()
    {
        await using var store = await NewStoreAsync();
        await store.ImportAsync(Records(), cancellationToken: Token);

        var alice = (await store.GetPersonByAccountAsync(Alice, Token)).ShouldNotBeNull().Accounts.Single();

        alice.Network.ShouldBe(Network.X);
        alice.Id.ShouldBe("alice");
        alice.Handle.ShouldBe("alice");
        alice.Name.ShouldBe("Alice Archer");
        alice.Created.ShouldBe(AliceRecord.Created);
        alice.Bio.ShouldBe("writes about rust");
        alice.Url.ShouldBe("https://example.org/alice");
        alice.Labels.ShouldBe(["genuine"]);
        alice.Person.ShouldBe("x:alice");
    }

    [Fact]
    public async Task The_window_streams_every_account_first_with_its_person()
    {
        await using var store = await NewStoreAsync();
        await store.ImportAsync(Records(), cancellationToken: Token);

        var window = await WindowAsync(store, D, 90);

        window.AccountAfterOtherRows.ShouldBeFalse();
        window.Rows("account").ShouldBe(
        [
            "account mastodon:carol@m.social person=mastodon:carol@m.social handle=carol created=-",
            "account x:alice person=x:alice handle=alice created=2020-01-01",
            "account x:bob person=x:bob handle=bob created=-",
            "account x:dave person=x:dave handle=- created=-",
            "account x:eve person=x:eve handle=- created=-",
        ]);
        window.Accounts.Select(a => a.StoreId).Distinct().Count().ShouldBe(5);
    }

    [Fact]
    public async Task The_window_sums_rollups_per_day_and_kind_within_inclusive_bounds()
    {
        await using var store = await NewStoreAsync();
        await store.ImportAsync(Records(), cancellationToken: Token);

        (await WindowAsync(store, D, 90)).Rows("rollup").ShouldBe(
        [
            "rollup x:bob -> x:alice like 2023-12-12 x1",
            "rollup x:bob -> x:alice like 2024-03-09 x1",
            "rollup x:bob -> x:alice like 2024-03-10 x2",
            "rollup x:bob -> x:alice reshare 2024-03-09 x1",
            "rollup x:dave -> x:alice reply 2024-03-10 x1",
        ]);
        (await WindowAsync(store, D, 1)).Rows("rollup").ShouldBe(
        [
            "rollup x:bob -> x:alice like 2024-03-10 x2",
            "rollup x:dave -> x:alice reply 2024-03-10 x1",
        ]);
        (await WindowAsync(store, D.AddDays(1), 1)).Rows("rollup").ShouldBe(["rollup x:bob -> x:alice like 2024-03-11 x1"]);
    }

    [Fact]
    public async Task The_window_sends_the_single_actions_of_its_last_days_with_their_time_when_asked()
    {
        await using var store = await NewStoreAsync();
        await store.ImportAsync(Records(), cancellationToken: Token);

        (await WindowAsync(store, D, 90)).Rows("action").ShouldBeEmpty();
        (await WindowAsync(store, D, 90, actionDays: 1)).Rows("action").ShouldBe(
        [
            "action x:bob -> x:alice like 2024-03-10T00:00:00",
            "action x:bob -> x:alice like 2024-03-10T18:00:00",
            "action x:dave -> x:alice reply 2024-03-10T23:00:00",
        ]);
        (await WindowAsync(store, D, 90, actionDays: 2)).Rows("action").ShouldBe(
        [
            "action x:bob -> x:alice like 2024-03-09T13:00:00",
            "action x:bob -> x:alice like 2024-03-10T00:00:00",
            "action x:bob -> x:alice like 2024-03-10T18:00:00",
            "action x:bob -> x:alice reshare 2024-03-09T12:00:00",
            "action x:dave -> x:alice reply 2024-03-10T23:00:00",
        ]);

        // Never more days than the window has.
        (await WindowAsync(store, D, 1, actionDays: 2)).Rows("action").Count.ShouldBe(3);
    }

    [Fact]
    public async Task The_window_counts_posts_per_account_kind_and_day()
    {
        await using var store = await NewStoreAsync();
        await store.ImportAsync(Records(), cancellationToken: Token);

        (await WindowAsync(store, D, 90)).Rows("posts").ShouldBe(
        [
            "posts mastodon:carol@m.social post 2024-03-10 x1",
            "posts x:alice post 2024-03-09 x1",
            "posts x:alice reply 2024-03-10 x1",
        ]);
        (await WindowAsync(store, D.AddDays(-1), 1)).Rows("posts").ShouldBe(["posts x:alice post 2024-03-09 x1"]);
    }

    [Fact]
    public async Task The_window_gives_the_latest_metrics_on_or_before_the_day()
    {
        await using var store = await NewStoreAsync();
        await store.ImportAsync(Records(), cancellationToken: Token);

        (await WindowAsync(store, D, 90)).Rows("metrics").ShouldBe(
        [
            "metrics x:alice 2024-03-08 days=30 followers=120 following=7 lists=2 posts=40 received=[11,7,-1,-1,-1,-1,-1,-1,-1,-1,-1] sent=[-1,-1,3,-1,-1,-1,-1,-1,-1,-1,-1]",
        ]);
        (await WindowAsync(store, D.AddDays(-3), 90)).Rows("metrics").ShouldBe(
        [
            "metrics x:alice 2024-03-05 days=90 followers=100 following=-1 lists=-1 posts=-1 received=[5,-1,-1,-1,-1,-1,-1,-1,-1,-1,-1] sent=[-1,-1,-1,-1,-1,-1,-1,-1,-1,-1,-1]",
        ]);
        (await WindowAsync(store, D.AddDays(-6), 90)).Rows("metrics").ShouldBeEmpty();
    }

    [Fact]
    public async Task The_activity_span_covers_posts_and_actions()
    {
        await using var store = await NewStoreAsync();
        (await store.GetActivitySpanAsync(Token)).ShouldBeNull();
        await store.ImportAsync(Records(), cancellationToken: Token);
        (await store.GetActivitySpanAsync(Token)).ShouldBe((D.AddDays(-95), D.AddDays(1)));
    }

    [Fact]
    public async Task Linking_moves_accounts_to_a_person_and_unlinking_moves_them_back()
    {
        await using var store = await NewStoreAsync();
        await store.ImportAsync(Records(), cancellationToken: Token);

        (await store.LinkAsync("alice-archer", Alice, Token)).ShouldBeTrue();
        (await store.LinkAsync("alice-archer", Carol, Token)).ShouldBeTrue();
        (await store.LinkAsync("alice-archer", new AccountKey(Network.X, "nobody"), Token)).ShouldBeFalse();

        var person = (await store.GetPersonAsync("alice-archer", Token)).ShouldNotBeNull();
        person.Accounts.Select(a => a.Key.ToString()).Order(StringComparer.Ordinal).ShouldBe(["mastodon:carol@m.social", "x:alice"]);
        person.Accounts.ShouldAllBe(a => a.Person == "alice-archer");
        (await store.GetPersonByAccountAsync(Carol, Token)).ShouldNotBeNull().Person.ShouldBe("alice-archer");
        (await store.GetPersonAsync("x:alice", Token)).ShouldBeNull();
        (await WindowAsync(store, D, 90)).Rows("account").ShouldContain("account x:alice person=alice-archer handle=alice created=2020-01-01");

        (await store.UnlinkAsync(Alice, Token)).ShouldBeTrue();
        (await store.UnlinkAsync(new AccountKey(Network.X, "nobody"), Token)).ShouldBeFalse();

        (await store.GetPersonByAccountAsync(Alice, Token)).ShouldNotBeNull().Person.ShouldBe("x:alice");
        (await store.GetPersonAsync("alice-archer", Token)).ShouldNotBeNull().Accounts.Single().Key.ShouldBe(Carol);
        var accounts = new List<AccountInfo>();
        await foreach (var a in store.GetAccountsAsync(Token))
        {
            accounts.Add(a);
        }

        accounts.Single(a => a.Key == Alice).Person.ShouldBe("x:alice");
        accounts.Single(a => a.Key == Carol).Person.ShouldBe("alice-archer");

        // Identity suggestions read profile links from the fields the domain does not model.
        accounts.Single(a => a.Key == Alice).Raw.ShouldBe("{\"extra\":1}");
        accounts.Single(a => a.Key == Carol).Raw.ShouldBeNull();
    }

    [Fact]
    public async Task An_account_record_naming_a_person_is_linked_to_it()
    {
        await using var store = await NewStoreAsync();
        await store.ImportAsync([new AccountRecord(Network.Bluesky, "zed.bsky.social") { Handle = "zed", Person = "zed" }], cancellationToken: Token);
        (await store.GetPersonByAccountAsync(new AccountKey(Network.Bluesky, "zed.bsky.social"), Token)).ShouldNotBeNull().Person.ShouldBe("zed");
    }

    [Fact]
    public async Task Search_matches_the_start_of_person_ids_names_and_handles_ignoring_case()
    {
        await using var store = await NewStoreAsync();
        await store.ImportAsync(Records(), cancellationToken: Token);

        (await store.SearchPeopleAsync("ALI", 10, Token)).Select(p => p.Person).ShouldBe(["x:alice"]);
        (await store.SearchPeopleAsync("bob b", 10, Token)).Select(p => p.Person).ShouldBe(["x:bob"]);
        (await store.SearchPeopleAsync("mastodon:car", 10, Token)).Select(p => p.Person).ShouldBe(["mastodon:carol@m.social"]);
        (await store.SearchPeopleAsync("carol", 10, Token)).Single().Name.ShouldBe("Carol Cho");
        (await store.SearchPeopleAsync("zzz", 10, Token)).ShouldBeEmpty();
        (await store.SearchPeopleAsync("x:", 2, Token)).Count.ShouldBe(2);
    }

    [Fact]
    public async Task Snapshots_round_trip_every_field()
    {
        await using var store = await NewStoreAsync();
        // Scores that are not short decimals must come back bit for bit, or deltas between stores would differ.
        var snapshot = FullSnapshot("x:alice", D, 63 + (1.0 / 3));
        await store.WriteScoresAsync(Run(D, 1), [snapshot], [new AccountScore(Network.X, "alice", "x:alice", 0.75, 12.5, 63.25)], Token);

        var read = (await store.GetSnapshotAsync("x:alice", D, V, Token)).ShouldNotBeNull();

        Json(read).ShouldBe(Json(snapshot));
        read.Score.ShouldBe(63 + (1.0 / 3));
        (await store.GetScoresAsync(D, V, Token))["x:alice"].ShouldBe(63 + (1.0 / 3));
        Json((await store.GetSnapshotAsync("x:alice", null, V, Token))!).ShouldBe(Json(snapshot));
        (await store.GetSnapshotAsync("x:alice", D.AddDays(-1), V, Token)).ShouldBeNull();
        (await store.GetSnapshotAsync("x:alice", D, "other", Token)).ShouldBeNull();
        (await store.GetSnapshotAsync("x:nobody", D, V, Token)).ShouldBeNull();
    }

    [Fact]
    public async Task A_snapshot_read_with_some_parts_has_those_parts_and_the_score_columns()
    {
        await using var store = await NewStoreAsync();
        var snapshot = FullSnapshot("x:alice", D, 63 + (1.0 / 3)) with
        {
            Topics = [new TopicScore("technology", "Technology", 55.5) { Weight = 2.5, Posts = 3 }],
            Style = new InfluenceStyle("Thought leader", "creates and shares widely", 0, 3) { Creating = 0.8 },
        };
        snapshot.Networks.ShouldNotBeEmpty();
        snapshot.Explanation.Contributions.ShouldNotBeEmpty();
        snapshot.Topics.ShouldNotBeEmpty();
        snapshot.Style.ShouldNotBeNull();
        await store.WriteScoresAsync(Run(D, 1), [snapshot], [], Token);

        var bare = (await store.GetSnapshotAsync("x:alice", D, V, SnapshotParts.None, Token)).ShouldNotBeNull();
        Json(bare with { Networks = snapshot.Networks, Explanation = snapshot.Explanation, Topics = snapshot.Topics, Style = snapshot.Style }).ShouldBe(Json(snapshot));
        bare.Networks.ShouldBeEmpty();
        bare.Explanation.Contributions.ShouldBeEmpty();
        bare.Topics.ShouldBeEmpty();
        bare.Style.ShouldBeNull();

        var topics = (await store.GetSnapshotAsync("x:alice", null, V, SnapshotParts.Topics | SnapshotParts.Networks, Token)).ShouldNotBeNull();
        JsonSerializer.Serialize(topics.Topics).ShouldBe(JsonSerializer.Serialize(snapshot.Topics));
        JsonSerializer.Serialize(topics.Networks).ShouldBe(JsonSerializer.Serialize(snapshot.Networks));
        topics.Explanation.Contributions.ShouldBeEmpty();
        topics.Style.ShouldBeNull();
        Json((await store.GetSnapshotAsync("x:alice", D, V, SnapshotParts.All, Token))!).ShouldBe(Json(snapshot));
    }

    [Fact]
    public async Task The_flags_part_carries_the_explanation_s_warning_flags()
    {
        await using var store = await NewStoreAsync();
        var flagged = FullSnapshot("x:alice", D, 40);
        flagged = flagged with { Explanation = flagged.Explanation with { Flags = ["likely bought or fake engagement: 80% of it", "engagement ring: 40% \"returned\""] } };
        var clean = FullSnapshot("x:bob", D, 30);
        clean = clean with { Explanation = clean.Explanation with { Flags = [] } };
        await store.WriteScoresAsync(Run(D, 2), [flagged, clean], [], Token);

        (await store.GetSnapshotAsync("x:alice", D, V, SnapshotParts.Flags, Token))!.Explanation.Flags.ShouldBe(flagged.Explanation.Flags);
        (await store.GetSnapshotAsync("x:bob", D, V, SnapshotParts.Flags, Token))!.Explanation.Flags.ShouldBeEmpty();
        (await store.GetSnapshotAsync("x:alice", D, V, SnapshotParts.None, Token))!.Explanation.Flags.ShouldBeEmpty();
    }

    [Fact]
    public async Task Writing_a_day_and_version_again_replaces_the_whole_run()
    {
        await using var store = await NewStoreAsync();
        await store.WriteScoresAsync(Run(D, 2), [Snap("a", D, 50), Snap("b", D, 40)], [], Token);
        await store.WriteScoresAsync(Run(D, 2, "v2"), [Snap("a", D, 10, "v2")], [], Token);

        await store.WriteScoresAsync(Run(D, 2, seconds: 9), [Snap("a", D, 30), Snap("c", D, 20)], [], Token);

        var scores = await store.GetScoresAsync(D, V, Token);
        scores.OrderBy(s => s.Key, StringComparer.Ordinal).ShouldBe([new("a", 30.0), new("c", 20.0)]);
        (await store.GetScoresAsync(D, "v2", Token))["a"].ShouldBe(10);
        var runs = await store.GetRunsAsync(Token);
        runs.Count(r => r.Version == V).ShouldBe(1);
        runs.Single(r => r.Version == V).Seconds.ShouldBe(9);
        (await store.GetLeaderboardAsync(D, V, null, 0, 10, Token)).Select(e => e.Person).ShouldBe(["a", "c"]);
    }

    [Fact]
    public async Task Runs_keep_their_metadata_and_the_latest_day_per_version()
    {
        await using var store = await NewStoreAsync();
        (await store.GetLatestScoredDayAsync(V, Token)).ShouldBeNull();
        var run = new ScoreRun(D, V, Shadow: true, new DateTimeOffset(2024, 3, 11, 1, 2, 3, TimeSpan.Zero), 12.5, 1, 2, 345);
        await store.WriteScoresAsync(run, [Snap("a", D, 50)], [], Token);
        await store.WriteScoresAsync(Run(D.AddDays(-3), 1), [Snap("a", D.AddDays(-3), 40)], [], Token);

        (await store.GetLatestScoredDayAsync(V, Token)).ShouldBe(D);
        (await store.GetLatestScoredDayAsync("other", Token)).ShouldBeNull();
        var runs = await store.GetRunsAsync(Token);
        runs.Select(r => r.Day).ShouldBe([D.AddDays(-3), D]);
        runs[1].ShouldBe(run);
        (await store.GetScoresAsync(D.AddDays(-1), V, Token)).ShouldBeEmpty();
    }

    [Fact]
    public async Task The_leaderboard_orders_by_score_then_person_and_ranks_from_one()
    {
        await using var store = await NewStoreAsync();
        await store.ImportAsync(Records(), cancellationToken: Token);
        await store.WriteScoresAsync(
            Run(D, 4),
            [Snap("x:bob", D, 50) with { DayChange = 1.5 }, Snap("x:alice", D, 50), Snap("mastodon:carol@m.social", D, 70), Snap("x:dave", D, 10)],
            [],
            Token);
        await store.WriteScoresAsync(Run(D.AddDays(-1), 1), [Snap("x:dave", D.AddDays(-1), 99)], [], Token);

        var board = await store.GetLeaderboardAsync(D, V, null, 0, 10, Token);
        board.Select(e => (e.Rank, e.Person)).ShouldBe([(1, "mastodon:carol@m.social"), (2, "x:alice"), (3, "x:bob"), (4, "x:dave")]);
        board[2].ShouldBe(new LeaderboardEntry(3, "x:bob", "Bob Baker", "bob", 50, "50-59", 1.5));

        (await store.GetLeaderboardAsync(null, V, null, 1, 2, Token)).Select(e => (e.Rank, e.Person)).ShouldBe([(2, "x:alice"), (3, "x:bob")]);
        (await store.GetLeaderboardAsync(D, V, Network.Mastodon, 0, 10, Token)).Select(e => e.Person).ShouldBe(["mastodon:carol@m.social"]);
        (await store.GetLeaderboardAsync(D, V, Network.Reddit, 0, 10, Token)).ShouldBeEmpty();
        (await store.GetLeaderboardAsync(D, "other", null, 0, 10, Token)).ShouldBeEmpty();
    }

    [Fact]
    public async Task The_leaderboard_filter_by_network_follows_links()
    {
        await using var store = await NewStoreAsync();
        await store.ImportAsync(Records(), cancellationToken: Token);
        await store.LinkAsync("alice-archer", Alice, Token);
        await store.LinkAsync("alice-archer", Carol, Token);
        await store.WriteScoresAsync(Run(D, 2), [Snap("alice-archer", D, 60), Snap("x:bob", D, 50)], [], Token);

        (await store.GetLeaderboardAsync(D, V, Network.Mastodon, 0, 10, Token)).Select(e => e.Person).ShouldBe(["alice-archer"]);
        (await store.GetLeaderboardAsync(D, V, Network.X, 0, 10, Token)).Select(e => e.Person).ShouldBe(["alice-archer", "x:bob"]);
    }

    [Fact]
    public async Task History_lists_the_days_in_range_in_order()
    {
        await using var store = await NewStoreAsync();
        foreach (var offset in (int[])[0, -2, -1, 5])
        {
            var day = D.AddDays(offset);
            await store.WriteScoresAsync(Run(day, 1), [Snap("x:alice", day, 40 + offset) with { Reach = offset, Amplification = 2, NetworkImpact = 3 }], [], Token);
        }

        var history = await store.GetHistoryAsync("x:alice", D.AddDays(-2), D, V, Token);

        history.ShouldBe(
        [
            new HistoryPoint(D.AddDays(-2), 38, -2, 2, 3),
            new HistoryPoint(D.AddDays(-1), 39, -1, 2, 3),
            new HistoryPoint(D, 40, 0, 2, 3),
        ]);
        (await store.GetHistoryAsync("x:bob", D.AddDays(-2), D, V, Token)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Settings_keep_the_last_value()
    {
        await using var store = await NewStoreAsync();
        (await store.GetSettingAsync("published-version", Token)).ShouldBeNull();
        await store.SetSettingAsync("published-version", "v1", Token);
        await store.SetSettingAsync("published-version", "v2 'quoted'\\", Token);
        await store.SetSettingAsync("other", "x", Token);
        (await store.GetSettingAsync("published-version", Token)).ShouldBe("v2 'quoted'\\");
        (await store.GetSettingAsync("other", Token)).ShouldBe("x");
    }

    [Fact]
    public async Task Post_engagement_counts_actions_per_post_and_kind_weighted_by_actor_quality()
    {
        await using var store = await NewStoreAsync();
        await store.ImportAsync(Records(), cancellationToken: Token);
        await store.WriteScoresAsync(Run(D.AddDays(-1), 1), [Snap("x:bob", D.AddDays(-1), 50)], [new AccountScore(Network.X, "bob", "x:bob", 0.8, 1, 50)], Token);

        var engagement = await store.GetPostEngagementAsync([Alice], D.AddDays(-1), D, D.AddDays(-1), V, Token);

        engagement.Select(e => (e.PostId, e.Kind, e.Count, Math.Round(e.QualitySum, 9))).OrderBy(e => e.PostId, StringComparer.Ordinal).ThenBy(e => e.Kind).ShouldBe(
        [
            ("p1", ActionKind.Like, 1L, 0.8),
            ("p1", ActionKind.Reshare, 1L, 0.8),
            ("p1", ActionKind.Reply, 1L, 0.5),
            ("p2", ActionKind.Like, 2L, 1.6),
        ]);
        var p1 = engagement.First(e => e.PostId == "p1");
        p1.Network.ShouldBe(Network.X);
        p1.Author.ShouldBe("alice");
        p1.Text.ShouldBe("hello\tworld\nline two \\ 'quoted'");
        p1.Url.ShouldBe("https://x.example/p1");
        p1.Time.ShouldBe(At(-1));
        (await store.GetPostEngagementAsync([Alice], D.AddDays(-1), D.AddDays(-1), D.AddDays(-1), V, Token)).Count.ShouldBe(2);
        (await store.GetPostEngagementAsync([Bob], D.AddDays(-100), D, D, V, Token)).ShouldBeEmpty();
    }

    [Fact]
    public async Task The_topic_window_streams_every_account_first_with_its_bio()
    {
        await using var store = await NewStoreAsync();
        await store.ImportAsync([.. Records(), .. TopicRecords()], cancellationToken: Token);

        var window = await TopicWindowAsync(store, D, 3);

        window.AccountAfterOtherRows.ShouldBeFalse();
        window.SortedAccounts().ShouldBe(
        [
            "account mastodon:carol@m.social person=mastodon:carol@m.social bio=-",
            "account mastodon:dave@m.social person=mastodon:dave@m.social bio=-",
            "account x:alice person=x:alice bio=writes about rust",
            "account x:bob person=x:bob bio=-",
            "account x:dave person=x:dave bio=-",
            "account x:eve person=x:eve bio=-",
        ]);
    }

    [Fact]
    public async Task The_topic_window_gives_posts_with_reactions_by_other_accounts_aimed_at_the_author()
    {
        await using var store = await NewStoreAsync();
        await store.ImportAsync([.. Records(), .. TopicRecords()], cancellationToken: Token);

        // Not counted: alice liking her own post, a like of p1 aimed at bob, a quote after the window's last day.
        (await TopicWindowAsync(store, D, 3)).Rows("post").ShouldBe(
        [
            "post mastodon:carol@m.social c1 post 2024-03-10 text=- reactions=reshare=1",
            "post x:alice p1 post 2024-03-09 text=hello\tworld\nline two \\ 'quoted' reactions=like=1,reshare=1,reply=1",
            "post x:alice p2 reply 2024-03-10 text=- reactions=like=2",
        ]);
    }

    [Fact]
    public async Task The_topic_window_takes_posts_of_its_days_only_and_reactions_up_to_its_last_day()
    {
        await using var store = await NewStoreAsync();
        await store.ImportAsync([.. Records(), .. TopicRecords()], cancellationToken: Token);

        (await TopicWindowAsync(store, D.AddDays(-1), 1)).Rows("post").Select(Brief).ShouldBe(["x:alice p1 like=1,reshare=1"]);
        (await TopicWindowAsync(store, D.AddDays(1), 3)).Rows("post").Select(Brief).ShouldBe(
        [
            "mastodon:carol@m.social c1 reshare=1",
            "x:alice p1 like=1,reshare=1,reply=1,quote=1",
            "x:alice p2 like=2",
        ]);
        (await TopicWindowAsync(store, D, 4)).Rows("post").Select(Brief).ShouldContain("x:bob p0 none");
        (await TopicWindowAsync(store, D.AddDays(-4), 1)).Rows("post").ShouldBeEmpty();
    }

    [Fact]
    public async Task The_topic_window_gives_list_adds_and_endorsements_of_its_days()
    {
        await using var store = await NewStoreAsync();
        await store.ImportAsync([.. Records(), .. TopicRecords()], cancellationToken: Token);

        var window = await TopicWindowAsync(store, D, 3);

        window.Rows("list").ShouldBe(["list x:bob -> x:alice 'Rust people' 2024-03-10"]);
        window.Rows("endorse").ShouldBe(["endorse x:dave -> x:alice 'rust' 2024-03-09"]);
        (await TopicWindowAsync(store, D, 10)).Rows("list").ShouldBe(
        [
            "list x:bob -> x:alice 'Rust people' 2024-03-10",
            "list x:bob -> x:dave 'old list' 2024-03-05",
        ]);
        (await TopicWindowAsync(store, D.AddDays(1), 1)).Rows("list").ShouldBe(["list x:eve -> x:alice 'later' 2024-03-11"]);
    }

    [Fact]
    public async Task The_topic_window_skips_posts_when_the_sink_does_not_want_them()
    {
        await using var store = await NewStoreAsync();
        await store.ImportAsync([.. Records(), .. TopicRecords()], cancellationToken: Token);

        var sink = new TopicRecordingSink(wantsPosts: false);
        await store.ReadTopicWindowAsync(D, 3, sink, Token);

        sink.Accounts.Count.ShouldBe(6);
        sink.Rows("post").ShouldBeEmpty();
        sink.Rows("list").Count.ShouldBe(1);
        sink.Rows("endorse").Count.ShouldBe(1);
    }

    [Fact]
    public async Task Snapshots_round_trip_topics_and_style()
    {
        await using var store = await NewStoreAsync();
        var snapshot = FullSnapshot("x:alice", D, 63 + (1.0 / 3)) with
        {
            Topics = [RustTopic(71 + (1.0 / 3)), new TopicScore("python", "Python", 12.5) { Weight = 2.25, Posts = 1 }],
            Style = new InfluenceStyle("Specialist", "focused and consistent", 3, 3) { Creating = 0.875, Consistency = 1.0 / 3, Breadth = 0.1, Participation = 0 },
        };
        var plain = Snap("x:bob", D, 20);
        await store.WriteScoresAsync(Run(D, 2), [snapshot, plain], [], Token);

        var read = (await store.GetSnapshotAsync("x:alice", D, V, Token)).ShouldNotBeNull();

        Json(read).ShouldBe(Json(snapshot));
        read.Topics[0].Score.ShouldBe(71 + (1.0 / 3));
        read.Topics[0].Evidence[0].Reactions.ShouldNotBeNull()["reshare"].ShouldBe(3);
        read.Style.ShouldNotBeNull().Name.ShouldBe("Specialist");
        var bob = (await store.GetSnapshotAsync("x:bob", null, V, Token)).ShouldNotBeNull();
        bob.Topics.ShouldBeEmpty();
        bob.Style.ShouldBeNull();
    }

    [Fact]
    public async Task The_topic_leaderboard_orders_by_topic_score_then_score_then_person()
    {
        await using var store = await NewStoreAsync();
        await store.ImportAsync(Records(), cancellationToken: Token);
        await store.WriteScoresAsync(
            Run(D, 5),
            [
                WithTopics(Snap("x:alice", D, 40), ("rust", 60), ("python", 90)),
                WithTopics(Snap("x:bob", D, 70), ("rust", 60)),
                WithTopics(Snap("mastodon:carol@m.social", D, 30), ("rust", 80)),
                WithTopics(Snap("x:dave", D, 70), ("rust", 60)),
                WithTopics(Snap("x:eve", D, 90), ("python", 10)),
            ],
            [],
            Token);
        await store.WriteScoresAsync(Run(D.AddDays(-1), 1), [WithTopics(Snap("x:eve", D.AddDays(-1), 90), ("rust", 99))], [], Token);

        var board = await store.GetTopicLeaderboardAsync("rust", D, V, null, 0, 10, Token);

        board.Select(e => (e.Rank, e.Person, e.TopicScore)).ShouldBe(
        [
            (1, "mastodon:carol@m.social", 80.0),
            (2, "x:bob", 60.0),
            (3, "x:dave", 60.0),
            (4, "x:alice", 60.0),
        ]);
        board[1].ShouldBe(new TopicLeaderboardEntry(2, "x:bob", "Bob Baker", "bob", 60, 70, "70-79"));
        (await store.GetTopicLeaderboardAsync("rust", null, V, null, 0, 2, Token)).Select(e => e.Person).ShouldBe(["mastodon:carol@m.social", "x:bob"]);
        (await store.GetTopicLeaderboardAsync("rust", D.AddDays(-1), V, null, 0, 10, Token)).Select(e => e.Person).ShouldBe(["x:eve"]);
        (await store.GetTopicLeaderboardAsync("python", D, V, null, 0, 10, Token)).Select(e => e.Person).ShouldBe(["x:alice", "x:eve"]);
        (await store.GetTopicLeaderboardAsync("cooking", D, V, null, 0, 10, Token)).ShouldBeEmpty();
        (await store.GetTopicLeaderboardAsync("rust", D, "other", null, 0, 10, Token)).ShouldBeEmpty();
        (await store.GetTopicLeaderboardAsync("rust", D, V, null, 0, 0, Token)).ShouldBeEmpty();
    }

    [Fact]
    public async Task The_topic_leaderboard_filters_by_network_and_minimum_score()
    {
        await using var store = await NewStoreAsync();
        await store.ImportAsync(Records(), cancellationToken: Token);
        await store.LinkAsync("alice-archer", Alice, Token);
        await store.LinkAsync("alice-archer", Carol, Token);
        await store.WriteScoresAsync(
            Run(D, 3),
            [WithTopics(Snap("alice-archer", D, 60), ("rust", 50)), WithTopics(Snap("x:bob", D, 50), ("rust", 70)), WithTopics(Snap("x:dave", D, 40), ("rust", 30.5))],
            [],
            Token);

        (await store.GetTopicLeaderboardAsync("rust", D, V, Network.Mastodon, 0, 10, Token)).Select(e => e.Person).ShouldBe(["alice-archer"]);
        (await store.GetTopicLeaderboardAsync("rust", D, V, Network.X, 0, 10, Token)).Select(e => e.Person).ShouldBe(["x:bob", "alice-archer", "x:dave"]);
        (await store.GetTopicLeaderboardAsync("rust", D, V, Network.Reddit, 0, 10, Token)).ShouldBeEmpty();
        (await store.GetTopicLeaderboardAsync("rust", D, V, null, 50, 10, Token)).Select(e => e.Person).ShouldBe(["x:bob", "alice-archer"]);
        (await store.GetTopicLeaderboardAsync("rust", D, V, null, 30.5, 10, Token)).Count.ShouldBe(3);
        (await store.GetTopicLeaderboardAsync("rust", D, V, null, 70.01, 10, Token)).ShouldBeEmpty();
        (await store.GetTopicLeaderboardAsync("rust", D, V, Network.X, 60, 10, Token)).Select(e => e.Person).ShouldBe(["x:bob"]);
    }

    [Fact]
    public async Task Writing_a_day_again_replaces_its_topic_scores()
    {
        await using var store = await NewStoreAsync();
        await store.WriteScoresAsync(Run(D, 2), [WithTopics(Snap("a", D, 50), ("rust", 60)), WithTopics(Snap("b", D, 40), ("rust", 70))], [], Token);

        await store.WriteScoresAsync(Run(D, 2), [WithTopics(Snap("a", D, 50), ("rust", 65)), Snap("c", D, 40)], [], Token);

        (await store.GetTopicLeaderboardAsync("rust", D, V, null, 0, 10, Token)).Select(e => (e.Person, e.TopicScore)).ShouldBe([("a", 65.0)]);
        (await store.GetSnapshotAsync("b", D, V, Token)).ShouldBeNull();
    }

    protected async Task<ICloutStore> NewStoreAsync()
    {
        var store = await CreateStoreAsync();
        await store.MigrateAsync(Token);
        return store;
    }

    protected static async Task<RecordingSink> WindowAsync(ICloutStore store, DateOnly day, int days, int actionDays = 0)
    {
        var sink = new RecordingSink { ActionDays = actionDays };
        await store.ReadWindowAsync(day, days, sink, Token);
        return sink;
    }

    protected static ScoreRun Run(DateOnly day, int people, string version = V, double seconds = 1.5) =>
        new(day, version, false, new DateTimeOffset(2024, 3, 11, 0, 0, 0, TimeSpan.Zero), seconds, people, people, 10);

    protected static ScoreSnapshot Snap(string person, DateOnly day, double score, string version = V) =>
        new(person, day, version, score, Buckets.Of(score));

    private static async Task<int> CountAccountsAsync(ICloutStore store)
    {
        var n = 0;
        await foreach (var _ in store.GetAccountsAsync(Token))
        {
            n++;
        }

        return n;
    }

    private static string Json(ScoreSnapshot snapshot) => JsonSerializer.Serialize(snapshot);

    private static async Task<TopicRecordingSink> TopicWindowAsync(ICloutStore store, DateOnly day, int days)
    {
        var sink = new TopicRecordingSink();
        await store.ReadTopicWindowAsync(day, days, sink, Token);
        return sink;
    }

    /// <summary>"post KEY SOURCE KIND DAY text=… reactions=R" as "KEY SOURCE R".</summary>
    private static string Brief(string post)
    {
        var parts = post.Split(' ');
        return $"{parts[1]} {parts[2]} {post[(post.LastIndexOf("reactions=", StringComparison.Ordinal) + "reactions=".Length)..]}";
    }

    /// <summary>
    /// Records for the topic window around <see cref="ContractData"/>: reactions that must not count (self, aimed at
    /// another account, after the window), a reaction on Mastodon, an older post, list adds and an endorsement.
    /// </summary>
    private static IReadOnlyList<ImportRecord> TopicRecords() =>
    [
        new PostRecord(Network.X, "p0", "bob", At(-3), PostKind.Post) { Text = "old rust post" },
        new ActionRecord(Network.X, "t1", ActionKind.Like, "alice", "alice", At(0, 2)) { Post = "p1" },
        new ActionRecord(Network.X, "t2", ActionKind.Like, "dave", "bob", At(0, 3)) { Post = "p1" },
        new ActionRecord(Network.X, "t3", ActionKind.Quote, "eve", "alice", At(1, 1)) { Post = "p1" },
        new ActionRecord(Network.Mastodon, "m1", ActionKind.Reshare, "dave@m.social", "carol@m.social", At(0, 23)) { Post = "c1" },
        new ActionRecord(Network.X, "l1", ActionKind.List, "bob", "alice", At(0, 1)) { Topic = "Rust people" },
        new ActionRecord(Network.X, "e1", ActionKind.Endorse, "dave", "alice", At(-1, 2)) { Topic = "rust" },
        new ActionRecord(Network.X, "l2", ActionKind.List, "bob", "dave", At(-5)) { Topic = "old list" },
        new ActionRecord(Network.X, "l3", ActionKind.List, "eve", "alice", At(1)) { Topic = "later" },
        new ActionRecord(Network.X, "l4", ActionKind.List, "eve", "bob", At(0)),
    ];

    private static TopicScore RustTopic(double score) =>
        new("rust", "Rust", score)
        {
            Weight = 7.125,
            Posts = 3,
            Reactions = 4.5,
            Attributions = 2,
            Evidence =
            [
                new TopicEvidenceItem("post", 2.5, "x post on 2024-03-09 (3 reshare)")
                {
                    Network = Network.X,
                    Account = "alice",
                    Post = "p1",
                    Text = "borrow checker\ttips 'quoted'",
                    Day = D.AddDays(-1),
                    Reactions = new SortedDictionary<string, int>(StringComparer.Ordinal) { ["like"] = 1, ["reshare"] = 3 },
                },
                new TopicEvidenceItem("endorsement", 1.6, "endorsed for Rust by x:dave") { Network = Network.X, Day = D, By = "x:dave" },
                new TopicEvidenceItem("profile", 1.5, "the x profile mentions it") { Network = Network.X, Account = "alice", Text = "writes about rust" },
            ],
        };

    private static ScoreSnapshot WithTopics(ScoreSnapshot snapshot, params (string Slug, double Score)[] topics) =>
        snapshot with { Topics = [.. topics.Select(t => new TopicScore(t.Slug, t.Slug, t.Score))] };

    private static ScoreSnapshot FullSnapshot(string person, DateOnly day, double score) =>
        new(person, day, V, score, Buckets.Of(score))
        {
            Reach = 1.0 / 7,
            Amplification = 15.5,
            NetworkImpact = 17.625,
            Audience = 9,
            DayChange = -0.1,
            WeekChange = 2.75,
            MonthChange = null,
            Networks =
            [
                new NetworkPart(Network.X, "alice", "alice", 50.5, 15, 12, 14, 9.5),
                new NetworkPart(Network.Mastodon, "alice@m.social", null, 12.75, 5.125, 3.5, 3.625, 0.5),
            ],
            Explanation = new Explanation
            {
                Contributions =
                [
                    new Contribution("12 people reshared you", 20.125, "reach", Network.X, "alice", "distinct_engagers", 12),
                    new Contribution("base", 1, "base", null, null, "base", 1),
                ],
                Discounted = [new DiscountedSignal("fresh_account", 4.5, 4.25, 3, "3 accounts created this week")],
                Flags = ["likely bought engagement"],
                Influencers = [new Engager("x:bob", Network.X, "bob", "bob", 0.625, 0.8)],
                Influencees = [new Engager("x:dave", Network.X, "dave", null, 0.125, 0.5)],
                Totals = new Dictionary<string, double> { ["engagers"] = 12, ["posts"] = 40.5 },
            },
        };

    /// <summary>Reports on the calling thread, unlike <see cref="Progress{T}"/>.</summary>
    private sealed class SyncProgress(Action<long> report) : IProgress<long>
    {
        public void Report(long value) => report(value);
    }
}
