namespace Clout.Application.Stores;

/// <summary>
/// Where the store is: <c>--store URI</c>, else <c>--db PATH</c>, else the <c>CLOUT_STORE</c> or <c>CLOUT_DB</c>
/// environment variables, else <c>clout.db</c> in the current directory.
/// </summary>
public static class StoreLocation
{
    public const string DefaultFile = "clout.db";

    public static string Resolve(string? store, string? db)
    {
        if (!string.IsNullOrWhiteSpace(store))
        {
            return store;
        }

        if (!string.IsNullOrWhiteSpace(db))
        {
            return "sqlite:" + db;
        }

        var env = Environment.GetEnvironmentVariable("CLOUT_STORE");
        if (!string.IsNullOrWhiteSpace(env))
        {
            return env;
        }

        var file = Environment.GetEnvironmentVariable("CLOUT_DB");
        return "sqlite:" + (string.IsNullOrWhiteSpace(file) ? DefaultFile : file);
    }
}
