using System.Globalization;
using System.Net;

namespace Clout.Core.Storage;

/// <summary>
/// A parsed <c>--store</c> value: <c>sqlite:PATH</c>, or
/// <c>clickhouse://[USER[:PASSWORD]@]HOST:PORT[,HOST:PORT…]/DATABASE[?cluster=NAME&amp;…]</c> naming the HTTP
/// interface of every node. <see cref="Parse"/> throws <see cref="FormatException"/> saying what was expected.
/// </summary>
public sealed record StoreUri(StoreKind Kind)
{
    public const string SqliteScheme = "sqlite:";

    public const string ClickHouseScheme = "clickhouse://";

    public const int DefaultClickHousePort = 8123;

    private const string ExpectedForms = "expected 'sqlite:PATH' or 'clickhouse://HOST:PORT[,HOST:PORT...]/DATABASE?cluster=NAME'";

    /// <summary>The database file of a SQLite store.</summary>
    public string? Path { get; init; }

    /// <summary>The HTTP endpoints of the ClickHouse nodes, in the order given.</summary>
    public IReadOnlyList<DnsEndPoint> Hosts { get; init; } = [];

    public string? Database { get; init; }

    /// <summary>The <c>remote_servers</c> cluster to shard over; null for a single node without Distributed tables.</summary>
    public string? Cluster { get; init; }

    public string? User { get; init; }

    public string? Password { get; init; }

    /// <summary>Query parameters other than <c>cluster</c>, such as <c>retries=5</c>; names are lower case.</summary>
    public IReadOnlyDictionary<string, string> Options { get; init; } = new Dictionary<string, string>();

    public static StoreUri Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var t = text.Trim();
        if (t.StartsWith(SqliteScheme, StringComparison.OrdinalIgnoreCase))
        {
            return ParseSqlite(t[SqliteScheme.Length..], text);
        }

        if (t.StartsWith(ClickHouseScheme, StringComparison.OrdinalIgnoreCase))
        {
            return ParseClickHouse(t[ClickHouseScheme.Length..], text);
        }

        throw new FormatException($"store '{text}': unknown kind of store; {ExpectedForms}");
    }

    /// <summary>The URI with any password hidden, for messages and <c>Location</c>.</summary>
    public override string ToString()
    {
        if (Kind == StoreKind.Sqlite)
        {
            return SqliteScheme + Path;
        }

        var user = User is null ? string.Empty : Uri.EscapeDataString(User) + (Password is null ? string.Empty : ":***") + "@";
        var hosts = string.Join(',', Hosts.Select(FormatHost));
        var query = new List<string>();
        if (Cluster is not null)
        {
            query.Add("cluster=" + Uri.EscapeDataString(Cluster));
        }

        query.AddRange(Options.OrderBy(o => o.Key, StringComparer.Ordinal).Select(o => o.Key + "=" + Uri.EscapeDataString(o.Value)));
        return $"{ClickHouseScheme}{user}{hosts}/{Database}" + (query.Count == 0 ? string.Empty : "?" + string.Join('&', query));
    }

    private static string FormatHost(DnsEndPoint host) =>
        (host.Host.Contains(':', StringComparison.Ordinal) ? $"[{host.Host}]" : host.Host) + ":" + host.Port.ToString(CultureInfo.InvariantCulture);

    private static StoreUri ParseSqlite(string rest, string text)
    {
        // sqlite:///abs/path and sqlite://rel are accepted as well as sqlite:PATH.
        var path = rest.StartsWith("//", StringComparison.Ordinal) ? rest[2..] : rest;
        if (path.Length == 0)
        {
            throw new FormatException($"store '{text}': missing database file; expected 'sqlite:PATH', such as 'sqlite:clout.db'");
        }

        return new StoreUri(StoreKind.Sqlite) { Path = path };
    }

    private static StoreUri ParseClickHouse(string rest, string text)
    {
        string? query = null;
        var q = rest.IndexOf('?', StringComparison.Ordinal);
        if (q >= 0)
        {
            query = rest[(q + 1)..];
            rest = rest[..q];
        }

        var slash = rest.IndexOf('/', StringComparison.Ordinal);
        var authority = slash < 0 ? rest : rest[..slash];
        var database = slash < 0 ? string.Empty : Uri.UnescapeDataString(rest[(slash + 1)..]);
        if (database.Length == 0 || database.Contains('/', StringComparison.Ordinal))
        {
            throw new FormatException($"store '{text}': missing or invalid database after the hosts; expected 'clickhouse://HOST:PORT/DATABASE', such as 'clickhouse://127.0.0.1:8123/clout'");
        }

        string? user = null;
        string? password = null;
        var at = authority.LastIndexOf('@');
        if (at >= 0)
        {
            var userInfo = authority[..at];
            authority = authority[(at + 1)..];
            var colon = userInfo.IndexOf(':', StringComparison.Ordinal);
            user = Uri.UnescapeDataString(colon < 0 ? userInfo : userInfo[..colon]);
            password = colon < 0 ? null : Uri.UnescapeDataString(userInfo[(colon + 1)..]);
            if (user.Length == 0)
            {
                throw new FormatException($"store '{text}': empty user before '@'; expected 'clickhouse://USER[:PASSWORD]@HOST:PORT/DATABASE'");
            }
        }

        if (authority.Length == 0)
        {
            throw new FormatException($"store '{text}': no hosts; expected 'clickhouse://HOST:PORT[,HOST:PORT...]/DATABASE'");
        }

        var hosts = new List<DnsEndPoint>();
        foreach (var part in authority.Split(','))
        {
            hosts.Add(ParseHost(part, text));
        }

        string? cluster = null;
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!string.IsNullOrEmpty(query))
        {
            foreach (var pair in query.Split('&', StringSplitOptions.RemoveEmptyEntries))
            {
                var eq = pair.IndexOf('=', StringComparison.Ordinal);
                var name = Uri.UnescapeDataString(eq < 0 ? pair : pair[..eq]).ToLowerInvariant();
                var value = eq < 0 ? string.Empty : Uri.UnescapeDataString(pair[(eq + 1)..].Replace('+', ' '));
                if (name.Length == 0 || options.ContainsKey(name) || (name == "cluster" && cluster is not null))
                {
                    throw new FormatException($"store '{text}': empty or repeated query parameter '{name}'; expected each of cluster, retries, timeout, batch, compress at most once");
                }

                if (name == "cluster")
                {
                    if (value.Length == 0)
                    {
                        throw new FormatException($"store '{text}': empty cluster; expected '?cluster=NAME' naming a cluster of the nodes' remote_servers");
                    }

                    cluster = value;
                }
                else
                {
                    options[name] = value;
                }
            }
        }

        return new StoreUri(StoreKind.ClickHouse)
        {
            Hosts = hosts,
            Database = database,
            Cluster = cluster,
            User = user,
            Password = password,
            Options = options,
        };
    }

    private static DnsEndPoint ParseHost(string part, string text)
    {
        string host;
        string? port;
        if (part.StartsWith('['))
        {
            var close = part.IndexOf(']', StringComparison.Ordinal);
            if (close < 0)
            {
                throw new FormatException($"store '{text}': host '{part}' has '[' without ']'; expected '[IPV6]:PORT'");
            }

            host = part[1..close];
            var after = part[(close + 1)..];
            port = after.Length == 0 ? null : after.StartsWith(':') ? after[1..] : throw new FormatException($"store '{text}': host '{part}': expected ':PORT' after ']'");
        }
        else
        {
            var colon = part.LastIndexOf(':');
            host = colon < 0 ? part : part[..colon];
            port = colon < 0 ? null : part[(colon + 1)..];
        }

        if (host.Length == 0)
        {
            throw new FormatException($"store '{text}': empty host in '{part}'; expected 'HOST:PORT' separated by commas");
        }

        var number = DefaultClickHousePort;
        if (port is not null && (!int.TryParse(port, NumberStyles.None, CultureInfo.InvariantCulture, out number) || number is < 1 or > 65535))
        {
            throw new FormatException($"store '{text}': port '{port}' of host '{host}' is not a number from 1 to 65535; expected 'HOST:PORT', such as '127.0.0.1:8123' (the HTTP port)");
        }

        return new DnsEndPoint(host, number);
    }
}
