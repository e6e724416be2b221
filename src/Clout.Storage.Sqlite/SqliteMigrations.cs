namespace Clout.Storage.Sqlite;

/// <summary>
/// The schema, as numbered steps. A step is never edited once released: changes are new steps, so any older
/// database upgrades in place.
/// </summary>
internal static class SqliteMigrations
{
    public static IReadOnlyList<(int Version, string Description, string Sql)> Steps { get; } =
    [
        (1, "events, identities, roll-ups, snapshots", """
            CREATE TABLE persons(
                id INTEGER PRIMARY KEY,
                key TEXT NOT NULL UNIQUE,
                name TEXT);
            CREATE TABLE accounts(
                id INTEGER PRIMARY KEY,
                network INTEGER NOT NULL,
                source_id TEXT NOT NULL,
                handle TEXT COLLATE NOCASE,
                name TEXT,
                created INTEGER,
                person_id INTEGER NOT NULL REFERENCES persons(id),
                bio TEXT,
                url TEXT,
                labels TEXT,
                raw TEXT,
                UNIQUE(network, source_id));
            CREATE INDEX accounts_handle ON accounts(handle);
            CREATE INDEX accounts_person ON accounts(person_id);
            CREATE TABLE posts(
                id INTEGER PRIMARY KEY,
                network INTEGER NOT NULL,
                source_id TEXT NOT NULL,
                account_id INTEGER NOT NULL REFERENCES accounts(id),
                time INTEGER NOT NULL,
                kind INTEGER NOT NULL,
                parent TEXT,
                text TEXT,
                url TEXT,
                raw TEXT,
                UNIQUE(network, source_id));
            CREATE INDEX posts_account ON posts(account_id, time);
            CREATE TABLE actions(
                id INTEGER PRIMARY KEY,
                network INTEGER NOT NULL,
                source_id TEXT NOT NULL,
                kind INTEGER NOT NULL,
                actor_id INTEGER NOT NULL REFERENCES accounts(id),
                target_id INTEGER NOT NULL REFERENCES accounts(id),
                post TEXT,
                time INTEGER NOT NULL,
                topic TEXT,
                raw TEXT,
                UNIQUE(network, source_id));
            CREATE INDEX actions_target ON actions(target_id, time);
            CREATE TABLE metrics(
                account_id INTEGER NOT NULL REFERENCES accounts(id),
                day INTEGER NOT NULL,
                days INTEGER NOT NULL,
                followers INTEGER,
                following INTEGER,
                lists INTEGER,
                posts INTEGER,
                received TEXT,
                sent TEXT,
                raw TEXT,
                PRIMARY KEY(account_id, day)) WITHOUT ROWID;
            CREATE TABLE rollup_actions(
                day INTEGER NOT NULL,
                target_id INTEGER NOT NULL,
                actor_id INTEGER NOT NULL,
                kind INTEGER NOT NULL,
                count INTEGER NOT NULL,
                PRIMARY KEY(day, target_id, actor_id, kind)) WITHOUT ROWID;
            CREATE TABLE rollup_posts(
                day INTEGER NOT NULL,
                account_id INTEGER NOT NULL,
                kind INTEGER NOT NULL,
                count INTEGER NOT NULL,
                PRIMARY KEY(day, account_id, kind)) WITHOUT ROWID;
            CREATE TABLE score_runs(
                day INTEGER NOT NULL,
                version TEXT NOT NULL,
                shadow INTEGER NOT NULL,
                started TEXT NOT NULL,
                seconds REAL NOT NULL,
                people INTEGER NOT NULL,
                accounts INTEGER NOT NULL,
                edges INTEGER NOT NULL,
                PRIMARY KEY(version, day));
            CREATE TABLE snapshots(
                version TEXT NOT NULL,
                day INTEGER NOT NULL,
                person_id INTEGER NOT NULL REFERENCES persons(id),
                score REAL NOT NULL,
                bucket TEXT NOT NULL,
                reach REAL NOT NULL,
                amplification REAL NOT NULL,
                network_impact REAL NOT NULL,
                audience REAL NOT NULL,
                day_change REAL,
                week_change REAL,
                month_change REAL,
                networks BLOB NOT NULL,
                explanation BLOB,
                PRIMARY KEY(version, day, person_id)) WITHOUT ROWID;
            CREATE INDEX snapshots_rank ON snapshots(version, day, score DESC);
            CREATE INDEX snapshots_person ON snapshots(person_id, version, day);
            CREATE TABLE account_scores(
                version TEXT NOT NULL,
                day INTEGER NOT NULL,
                account_id INTEGER NOT NULL,
                quality REAL NOT NULL,
                value REAL NOT NULL,
                score REAL NOT NULL,
                PRIMARY KEY(version, day, account_id)) WITHOUT ROWID;
            CREATE TABLE settings(
                key TEXT PRIMARY KEY,
                value TEXT NOT NULL);
            """),
        (2, "topic scores, influence styles, indexes for topic evidence", """
            ALTER TABLE snapshots ADD COLUMN topics BLOB;
            ALTER TABLE snapshots ADD COLUMN style BLOB;
            CREATE TABLE topic_scores(
                version TEXT NOT NULL,
                day INTEGER NOT NULL,
                topic TEXT NOT NULL,
                person_id INTEGER NOT NULL REFERENCES persons(id),
                score REAL NOT NULL,
                PRIMARY KEY(version, day, topic, person_id)) WITHOUT ROWID;
            CREATE INDEX topic_scores_rank ON topic_scores(version, day, topic, score DESC);
            CREATE INDEX actions_post ON actions(network, post);
            CREATE INDEX actions_kind ON actions(kind, time);
            CREATE INDEX posts_time ON posts(time);
            """),
        (3, "per-post reaction roll-ups for topic evidence", """
            CREATE TABLE rollup_post_reactions(
                network INTEGER NOT NULL,
                post TEXT NOT NULL,
                target_id INTEGER NOT NULL,
                kind INTEGER NOT NULL,
                day INTEGER NOT NULL,
                count INTEGER NOT NULL,
                PRIMARY KEY(network, post, target_id, kind, day)) WITHOUT ROWID;
            INSERT INTO rollup_post_reactions(network, post, target_id, kind, day, count)
                SELECT network, post, target_id, kind, time / 86400 - (time % 86400 < 0), count(*)
                FROM actions WHERE post IS NOT NULL AND actor_id <> target_id
                GROUP BY 1, 2, 3, 4, 5;
            """),
        (4, "api keys, Klout id lookup", """
            CREATE TABLE api_keys(
                id TEXT PRIMARY KEY,
                name TEXT NOT NULL,
                hash TEXT NOT NULL UNIQUE,
                created TEXT NOT NULL,
                revoked TEXT,
                per_second INTEGER,
                per_day INTEGER);
            CREATE TABLE klout_ids(
                klout_id INTEGER PRIMARY KEY,
                person_id INTEGER NOT NULL REFERENCES persons(id));
            """),
        (5, "sync sources and their cursors", """
            CREATE TABLE sync_sources(
                id TEXT PRIMARY KEY,
                connector TEXT NOT NULL,
                endpoint TEXT NOT NULL,
                follow TEXT NOT NULL,
                created TEXT NOT NULL,
                cursor TEXT,
                last_run TEXT,
                last_error TEXT,
                last_count INTEGER NOT NULL DEFAULT 0);
            """),
        (6, "case-insensitive indexes for people search by id, handle and name", """
            CREATE INDEX IF NOT EXISTS accounts_handle_nocase ON accounts(handle COLLATE NOCASE);
            CREATE INDEX IF NOT EXISTS accounts_name_nocase ON accounts(name COLLATE NOCASE);
            CREATE INDEX IF NOT EXISTS persons_key_nocase ON persons(key COLLATE NOCASE);
            CREATE INDEX IF NOT EXISTS persons_name_nocase ON persons(name COLLATE NOCASE);
            """),

        // The explanation's warning flags also in a column of their own (a JSON array), so a score request can show
        // them without reading and decoding the whole explanation. NULL for snapshots written before: readers fall
        // back to the explanation.
        (7, "warning flags of snapshots in a column of their own", """
            ALTER TABLE snapshots ADD COLUMN flags TEXT;
            """),

        // Snapshots become an ordinary (rowid) table. As a WITHOUT ROWID table each 2–3 KB row sat in the leaves of
        // its primary key, one row per page, and a day's rows, written in the engine's order rather than by person
        // id, were inserted at random places of that b-tree: at a million people most inserts read a page back from
        // the write-ahead log (a one-day write took 360 s). Rows are now appended in the order written and the key
        // (version, day, person_id) is a small unique index. score_runs.explained says whether a day's snapshots
        // still hold their explanations, so dropping old explanations touches only the days that still have them.
        (8, "snapshots appended in a rowid table; score runs record whether their explanations are kept", """
            CREATE TABLE snapshots_rowid(
                version TEXT NOT NULL,
                day INTEGER NOT NULL,
                person_id INTEGER NOT NULL REFERENCES persons(id),
                score REAL NOT NULL,
                bucket TEXT NOT NULL,
                reach REAL NOT NULL,
                amplification REAL NOT NULL,
                network_impact REAL NOT NULL,
                audience REAL NOT NULL,
                day_change REAL,
                week_change REAL,
                month_change REAL,
                networks BLOB NOT NULL,
                explanation BLOB,
                topics BLOB,
                style BLOB,
                flags TEXT,
                UNIQUE(version, day, person_id));
            INSERT INTO snapshots_rowid(version, day, person_id, score, bucket, reach, amplification, network_impact, audience,
                    day_change, week_change, month_change, networks, explanation, topics, style, flags)
                SELECT version, day, person_id, score, bucket, reach, amplification, network_impact, audience,
                    day_change, week_change, month_change, networks, explanation, topics, style, flags
                FROM snapshots ORDER BY version, day, person_id;
            DROP TABLE snapshots;
            ALTER TABLE snapshots_rowid RENAME TO snapshots;
            CREATE INDEX snapshots_rank ON snapshots(version, day, score DESC);
            CREATE INDEX snapshots_person ON snapshots(person_id, version, day);
            ALTER TABLE score_runs ADD COLUMN explained INTEGER NOT NULL DEFAULT 1;
            """),

        // At a million people a day of snapshots is gigabytes, and a store keeping weeks of days outgrows a small
        // machine's memory, so what a daily run reads and writes besides the new day comes from disk. Two indexes made
        // that cost grow with the days kept. The scores of the day, week and month before, which every run compares
        // with, were read from the rows (2.5 KB each, minutes from a cold disk at a million people): the rank index now
        // holds the person too, so they are read from it. The person index received every new row at a random place
        // among all days' entries, a page read per insert once it outgrew the cache: it is dropped, and one person's
        // snapshots are found through score_runs' days and the (version, day, person_id) key. Persons are never
        // deleted, so no foreign-key check needs an index on snapshots.person_id.
        (9, "the rank index holds the person; no person index on snapshots", """
            DROP INDEX snapshots_rank;
            CREATE INDEX snapshots_rank ON snapshots(version, day, score DESC, person_id);
            DROP INDEX snapshots_person;
            """),

        // From v4 a daily run reads the scored day's single actions (late reach) by kind and time. Through (kind, time)
        // each entry needed its row for the actor and target: one random page per action wherever an import did not
        // append the day's actions together (a bulk load, a backfill). The index now holds them.
        (10, "the kind and time index of actions holds actor and target", """
            DROP INDEX actions_kind;
            CREATE INDEX actions_kind ON actions(kind, time, actor_id, target_id);
            """),
    ];
}
