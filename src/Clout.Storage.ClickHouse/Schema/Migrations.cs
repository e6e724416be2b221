namespace Clout.Storage.ClickHouse.Schema;

/// <summary>
/// The schema, as versions applied in order on every node. SQL here runs on ClickHouse 18.16 and current releases:
/// <c>CREATE … IF NOT EXISTS</c> instead of <c>ON CLUSTER</c> (which needs ZooKeeper), the <c>ENGINE … ORDER BY</c>
/// syntax, materialized views with <c>TO</c>, no parameters or modern functions.
/// </summary>
internal static class Migrations
{
    public static IReadOnlyList<Migration> All { get; } =
    [
        new(1, "accounts, links, posts, actions with daily roll-ups, metrics, score runs and snapshots, settings", Initial),
        new(2, "topics and influence style of snapshots, per-topic scores for topic leaderboards", TopicScores),
        new(3, "API keys", ApiKeys),
        new(4, "sync sources and their cursors", SyncSources),
    ];

    public static int Latest => All[^1].Version;

    private static IReadOnlyList<string> Initial(SqlNames n)
    {
        var db = $"`{n.Database}`";
        var statements = new List<string>
        {
            $"CREATE DATABASE IF NOT EXISTS {db}",
            $"CREATE TABLE IF NOT EXISTS {n.Local("schema_version")} (version UInt32, applied DateTime) ENGINE = MergeTree ORDER BY version",

            // ver 0 is a stub made for an actor, target or author without an account record; ver 1 is the record.
            $"""
            CREATE TABLE IF NOT EXISTS {n.Local("accounts")} (
                akey String, sid UInt64, network UInt8, id String, ver UInt8,
                handle Nullable(String), name Nullable(String), created Nullable(Int64),
                bio Nullable(String), url Nullable(String), labels String, raw String
            ) ENGINE = ReplacingMergeTree(ver) ORDER BY akey
            """,

            // person '' means the account is its own person again (unlinked); the highest ver wins.
            $"CREATE TABLE IF NOT EXISTS {n.Local("links")} (akey String, sid UInt64, person String, ver UInt64) ENGINE = ReplacingMergeTree(ver) ORDER BY akey",
            $"""
            CREATE TABLE IF NOT EXISTS {n.Local("posts")} (
                network UInt8, id String, author String, author_sid UInt64, time Int64, day Int32, kind UInt8,
                text Nullable(String), url Nullable(String), parent Nullable(String), raw String
            ) ENGINE = ReplacingMergeTree PARTITION BY intDiv(day, 100) ORDER BY (network, id)
            """,
            $"""
            CREATE TABLE IF NOT EXISTS {n.Local("actions")} (
                network UInt8, id String, kind UInt8, actor String, target String, actor_sid UInt64, target_sid UInt64,
                time Int64, day Int32, post Nullable(String), topic Nullable(String), raw String
            ) ENGINE = ReplacingMergeTree PARTITION BY intDiv(day, 100) ORDER BY (network, id)
            """,
            $"""
            CREATE TABLE IF NOT EXISTS {n.Local("rollups")} (day Int32, target_sid UInt64, actor_sid UInt64, kind UInt8, count UInt64)
            ENGINE = SummingMergeTree PARTITION BY intDiv(day, 100) ORDER BY (day, target_sid, actor_sid, kind)
            """,
            $"""
            CREATE MATERIALIZED VIEW IF NOT EXISTS {db}.`rollups_mv` TO {n.Local("rollups")} AS
            SELECT day, target_sid, actor_sid, kind, toUInt64(count()) AS count FROM {n.Local("actions")} GROUP BY day, target_sid, actor_sid, kind
            """,
            $"""
            CREATE TABLE IF NOT EXISTS {n.Local("post_days")} (day Int32, author_sid UInt64, kind UInt8, count UInt64)
            ENGINE = SummingMergeTree PARTITION BY intDiv(day, 100) ORDER BY (day, author_sid, kind)
            """,
            $"""
            CREATE MATERIALIZED VIEW IF NOT EXISTS {db}.`post_days_mv` TO {n.Local("post_days")} AS
            SELECT day, author_sid, kind, toUInt64(count()) AS count FROM {n.Local("posts")} GROUP BY day, author_sid, kind
            """,
            $"""
            CREATE TABLE IF NOT EXISTS {n.Local("metrics")} (
                akey String, sid UInt64, network UInt8, account String, day Int32, days Int32,
                followers Int64, following Int64, lists Int64, posts Int64, received Array(Int64), sent Array(Int64), raw String
            ) ENGINE = ReplacingMergeTree ORDER BY (akey, day)
            """,

            // One row per publication of (day, version); the highest ver names the published run.
            $"""
            CREATE TABLE IF NOT EXISTS {n.Local("runs")} (
                day Int32, version String, run_id String, shadow UInt8, started Int64, seconds Float64,
                people Int32, accounts Int32, edges Int64, ver UInt64
            ) ENGINE = ReplacingMergeTree(ver) ORDER BY (version, day)
            """,
            $"""
            CREATE TABLE IF NOT EXISTS {n.Local("snapshots")} (
                day Int32, version String, run_id String, person String, score Float64, bucket String,
                reach Float64, amplification Float64, network_impact Float64, audience Float64,
                day_change Nullable(Float64), week_change Nullable(Float64), month_change Nullable(Float64),
                networks String, explanation String
            ) ENGINE = MergeTree PARTITION BY intDiv(day, 100) ORDER BY (version, day, run_id, person)
            """,
            $"""
            CREATE TABLE IF NOT EXISTS {n.Local("account_scores")} (
                day Int32, version String, run_id String, network UInt8, account String, person String,
                quality Float64, value Float64, score Float64
            ) ENGINE = MergeTree PARTITION BY intDiv(day, 100) ORDER BY (version, day, run_id, network, account)
            """,
            $"CREATE TABLE IF NOT EXISTS {n.Local("settings")} (key String, value String, ver UInt64) ENGINE = ReplacingMergeTree(ver) ORDER BY key",
        };

        if (n.Cluster is not null)
        {
            // Each account's incoming activity (actions and roll-ups by target, posts by author) lives on one shard.
            (string Table, string Key)[] sharded =
            [
                ("accounts", "sid"), ("links", "sid"), ("posts", "author_sid"), ("actions", "target_sid"),
                ("rollups", "target_sid"), ("post_days", "author_sid"), ("metrics", "sid"),
                ("runs", "cityHash64(version, day)"), ("snapshots", "cityHash64(person)"),
                ("account_scores", "cityHash64(network, account)"), ("settings", "cityHash64(key)"),
            ];
            foreach (var (table, key) in sharded)
            {
                statements.Add($"CREATE TABLE IF NOT EXISTS {n.All(table)} AS {n.Local(table)} ENGINE = Distributed(`{n.Cluster}`, `{n.Database}`, `{table}_local`, {key})");
            }
        }

        return statements;
    }

    /// <summary>
    /// Topics and styles live in tables of their own rather than new columns of <c>snapshots</c>: 18.16 has no
    /// <c>ADD COLUMN IF NOT EXISTS</c>, and a migration must be safe to run again. Both are written under the run id
    /// of the snapshots they belong to and become visible with the run.
    /// </summary>
    private static IReadOnlyList<string> TopicScores(SqlNames n)
    {
        var statements = new List<string>
        {
            // One row per person with topics or a style; topics and style as JSON text, '' when absent.
            $"""
            CREATE TABLE IF NOT EXISTS {n.Local("snapshot_topics")} (
                day Int32, version String, run_id String, person String, topics String, style String
            ) ENGINE = MergeTree PARTITION BY intDiv(day, 100) ORDER BY (version, day, run_id, person)
            """,

            // One row per (person, topic); the person's overall score and bucket ride along so that a topic
            // leaderboard is one scan of one table.
            $"""
            CREATE TABLE IF NOT EXISTS {n.Local("topic_scores")} (
                day Int32, version String, run_id String, topic String, person String, score Float64,
                overall Float64, bucket String
            ) ENGINE = MergeTree PARTITION BY intDiv(day, 100) ORDER BY (version, day, run_id, topic, person)
            """,
        };

        if (n.Cluster is not null)
        {
            foreach (var table in (string[])["snapshot_topics", "topic_scores"])
            {
                statements.Add($"CREATE TABLE IF NOT EXISTS {n.All(table)} AS {n.Local(table)} ENGINE = Distributed(`{n.Cluster}`, `{n.Database}`, `{table}_local`, cityHash64(person))");
            }
        }

        return statements;
    }

    private static IReadOnlyList<string> ApiKeys(SqlNames n)
    {
        var statements = new List<string>
        {
            $"""
            CREATE TABLE IF NOT EXISTS {n.Local("api_keys")} (
                id String, name String, hash String, created Int64, revoked Int64, per_second Int32, per_day Int32, ver UInt64
            ) ENGINE = ReplacingMergeTree(ver) ORDER BY id
            """,
        };

        if (n.Cluster is not null)
        {
            statements.Add($"CREATE TABLE IF NOT EXISTS {n.All("api_keys")} AS {n.Local("api_keys")} ENGINE = Distributed(`{n.Cluster}`, `{n.Database}`, `api_keys_local`, cityHash64(id))");
        }

        return statements;
    }

    private static IReadOnlyList<string> SyncSources(SqlNames n)
    {
        // One row per change of a source; the highest ver is the source (deleted = 1 when removed). Absent values
        // are '' and 0, which argMax treats the same on every release.
        var statements = new List<string>
        {
            $"""
            CREATE TABLE IF NOT EXISTS {n.Local("sync_sources")} (
                id String, connector String, endpoint String, follow String, created Int64, cursor String,
                last_run Int64, last_error String, last_count Int64, deleted UInt8, ver UInt64
            ) ENGINE = ReplacingMergeTree(ver) ORDER BY id
            """,
        };

        if (n.Cluster is not null)
        {
            statements.Add($"CREATE TABLE IF NOT EXISTS {n.All("sync_sources")} AS {n.Local("sync_sources")} ENGINE = Distributed(`{n.Cluster}`, `{n.Database}`, `sync_sources_local`, cityHash64(id))");
        }

        return statements;
    }
}
