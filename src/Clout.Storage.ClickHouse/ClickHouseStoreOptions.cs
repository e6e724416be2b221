using System.Globalization;
using System.Text.RegularExpressions;
using Clout.Core.Storage;

namespace Clout.Storage.ClickHouse;

/// <summary>
/// How to reach a ClickHouse cluster: the HTTP endpoint of every node, the database, the <c>remote_servers</c>
/// cluster to shard over (null: one node, no Distributed tables), credentials and request behaviour.
/// </summary>
public sealed partial record ClickHouseStoreOptions
{
    public const string UserVariable = "CLOUT_CLICKHOUSE_USER";

    public const string PasswordVariable = "CLOUT_CLICKHOUSE_PASSWORD";

    /// <summary>HTTP base addresses of the nodes, such as <c>http://127.0.0.1:8123/</c>. DDL runs on each of them.</summary>
    public required IReadOnlyList<Uri> Nodes { get; init; }

    public required string Database { get; init; }

    public string? Cluster { get; init; }

    public string? User { get; init; }

    public string? Password { get; init; }

    /// <summary>Retries of a failed request or import batch on transient errors (network, node restarting, overload).</summary>
    public int Retries { get; init; } = 3;

    /// <summary>The first retry delay; it doubles on each retry, with jitter.</summary>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromMilliseconds(200);

    public TimeSpan Timeout { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>Records per import batch: one existence check and one bulk insert per table per batch.</summary>
    public int BatchSize { get; init; } = 100_000;

    /// <summary>
    /// A GROUP BY or ORDER BY that holds more than this many bytes spills to the server's disk instead of failing
    /// against the server's per-query memory limit (the daily run's window aggregation at a million people needs
    /// several GB on each shard). Sent with every request as <c>max_bytes_before_external_group_by</c> and
    /// <c>max_bytes_before_external_sort</c>; 0 leaves the server's settings alone.
    /// </summary>
    public long SpillBytes { get; init; } = 1_000_000_000;

    /// <summary>Gzip request bodies and ask for gzip responses; worth it off loopback.</summary>
    public bool Compress { get; init; }

    /// <summary>The store URI without the password, as <c>Location</c>.</summary>
    public string Location { get; init; } = string.Empty;

    /// <summary>
    /// Options from a <c>clickhouse://</c> URI. User and password come from the URI, else from
    /// <c>CLOUT_CLICKHOUSE_USER</c> and <c>CLOUT_CLICKHOUSE_PASSWORD</c> (read through <paramref name="environment"/>).
    /// Query parameters: <c>cluster</c>, <c>retries</c>, <c>timeout</c> (seconds), <c>batch</c>, <c>compress</c> (true/false).
    /// </summary>
    public static ClickHouseStoreOptions FromUri(StoreUri uri, Func<string, string?>? environment = null)
    {
        ArgumentNullException.ThrowIfNull(uri);
        if (uri.Kind != StoreKind.ClickHouse)
        {
            throw new FormatException($"store '{uri}': not a ClickHouse store; expected 'clickhouse://HOST:PORT[,HOST:PORT...]/DATABASE?cluster=NAME'");
        }

        environment ??= Environment.GetEnvironmentVariable;
        var location = uri.ToString();
        var database = uri.Database ?? string.Empty;
        if (!Identifier().IsMatch(database))
        {
            throw new FormatException($"store '{location}': database '{database}' is not a plain identifier; expected letters, digits and '_', not starting with a digit");
        }

        if (uri.Cluster is not null && !Identifier().IsMatch(uri.Cluster))
        {
            throw new FormatException($"store '{location}': cluster '{uri.Cluster}' is not a plain identifier; expected the name of a remote_servers cluster (letters, digits, '_')");
        }

        if (uri.Cluster is null && uri.Hosts.Count > 1)
        {
            throw new FormatException($"store '{location}': several hosts but no cluster; expected '?cluster=NAME' naming the remote_servers cluster the hosts form");
        }

        var options = new ClickHouseStoreOptions
        {
            Nodes = uri.Hosts.Select(h => new UriBuilder("http", h.Host, h.Port, "/").Uri).ToArray(),
            Database = database,
            Cluster = uri.Cluster,
            User = uri.User ?? NullIfEmpty(environment(UserVariable)),
            Password = uri.Password ?? NullIfEmpty(environment(PasswordVariable)),
            Location = location,
        };

        foreach (var (name, value) in uri.Options)
        {
            options = name switch
            {
                "retries" => options with { Retries = ParseInt(location, name, value, 0, 100) },
                "timeout" => options with { Timeout = TimeSpan.FromSeconds(ParseInt(location, name, value, 1, 86_400)) },
                "batch" => options with { BatchSize = ParseInt(location, name, value, 1, 10_000_000) },
                "compress" => options with { Compress = ParseBool(location, name, value) },
                _ => throw new FormatException($"store '{location}': unknown parameter '{name}'; expected cluster, retries, timeout, batch or compress"),
            };
        }

        return options;
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;

    private static int ParseInt(string location, string name, string value, int min, int max) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max
            ? n
            : throw new FormatException($"store '{location}': parameter '{name}' is '{value}'; expected a whole number from {min} to {max}");

    private static bool ParseBool(string location, string name, string value) =>
        value.ToLowerInvariant() switch
        {
            "true" or "1" or "yes" => true,
            "false" or "0" or "no" => false,
            _ => throw new FormatException($"store '{location}': parameter '{name}' is '{value}'; expected true or false"),
        };

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex Identifier();
}
