using System.Globalization;

namespace Clout.Storage.ClickHouse.Http;

/// <summary>Reads ClickHouse error codes from error text and tells transient failures from permanent ones.</summary>
internal static class ClickHouseErrors
{
    // Codes where the same request can succeed later: network trouble between nodes, a node restarting,
    // overload. Syntax, type and missing-table errors are permanent and never retried.
    private static readonly HashSet<int> TransientCodes =
    [
        3, // UNEXPECTED_END_OF_FILE
        32, // ATTEMPT_TO_READ_AFTER_EOF
        202, // TOO_MANY_SIMULTANEOUS_QUERIES
        209, // SOCKET_TIMEOUT
        210, // NETWORK_ERROR
        236, // ABORTED
        252, // TOO_MANY_PARTS
        279, // ALL_CONNECTION_TRIES_FAILED
        319, // UNKNOWN_STATUS_OF_INSERT
        425, // SYSTEM_ERROR
        999, // KEEPER_EXCEPTION
    ];

    /// <summary>The number after <c>Code: </c>, or 0.</summary>
    public static int CodeOf(string text)
    {
        var at = text.IndexOf("Code: ", StringComparison.Ordinal);
        if (at < 0)
        {
            return 0;
        }

        var start = at + 6;
        var end = start;
        while (end < text.Length && char.IsAsciiDigit(text[end]))
        {
            end++;
        }

        return int.TryParse(text.AsSpan(start, end - start), NumberStyles.None, CultureInfo.InvariantCulture, out var code) ? code : 0;
    }

    public static bool IsTransient(int code) => TransientCodes.Contains(code);

    /// <summary>What to tell the operator beside ClickHouse's own text.</summary>
    public static string Hint(int code) => code switch
    {
        279 or 210 or 209 => " A node of the cluster is down or unreachable: start it and run the command again.",
        81 => " The database does not exist: run the migrations (any clout command with this --store creates it).",
        60 => " A table is missing: run the migrations on every node (any clout command with this --store does).",
        516 or 192 or 193 or 194 => " Check the user and password (URI or CLOUT_CLICKHOUSE_USER / CLOUT_CLICKHOUSE_PASSWORD).",
        _ => string.Empty,
    };
}
