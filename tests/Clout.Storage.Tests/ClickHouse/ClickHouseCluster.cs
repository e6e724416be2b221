using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Clout.Storage.ClickHouse;
using Clout.Tests;

namespace Clout.Storage.Tests.ClickHouse;

/// <summary>
/// A real two-shard ClickHouse cluster on loopback, started by <c>scripts/clickhouse-cluster.sh</c> in a temporary
/// folder on free ports and stopped (folder deleted) when the tests are done. When no server binary is installed,
/// <see cref="Require"/> skips the test and says how to enable it.
/// </summary>
public sealed class ClickHouseCluster : IAsyncLifetime
{
    private static readonly Lock PortLock = new();
    private static readonly HashSet<int> TakenBases = [];
    private static readonly Random PortRandom = new(Environment.ProcessId);
    private static int _databases;
    private string? _dir;

    public string? Unavailable { get; private set; }

    public int BasePort { get; private set; }

    public IReadOnlyList<Uri> Nodes => [new($"http://127.0.0.1:{BasePort}/"), new($"http://127.0.0.1:{BasePort + 10}/")];

    public static string Script => Path.Combine(SharedData.RepositoryRoot, "scripts", "clickhouse-cluster.sh");

    public async ValueTask InitializeAsync()
    {
        if (!ServerInstalled())
        {
            Unavailable = "clickhouse-server not found: install it with 'apt-get install -y clickhouse-server' (or set CLICKHOUSE_SERVER) to run the ClickHouse store tests";
            return;
        }

        _dir = Directory.CreateTempSubdirectory("clout-clickhouse-").FullName;
        BasePort = FreeBasePort();
        var (code, output) = await RunScriptAsync("start", _dir);
        if (code != 0)
        {
            throw new InvalidOperationException($"{Script} start failed ({code}): {output}");
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_dir is null)
        {
            return;
        }

        await RunScriptAsync("stop", _dir);
        try
        {
            Directory.Delete(_dir, recursive: true);
        }
        catch (IOException)
        {
            // A server that is slow to release its files leaves the folder behind in the temp directory.
        }
    }

    public void Require()
    {
        if (Unavailable is not null)
        {
            Assert.Skip(Unavailable);
        }
    }

    /// <summary>Options for a database of its own, so tests do not see each other's data.</summary>
    public ClickHouseStoreOptions Options(string? database = null, int retries = 2) => new()
    {
        Nodes = Nodes,
        Database = database ?? NewDatabase(),
        Cluster = "clout",
        Retries = retries,
        RetryDelay = TimeSpan.FromMilliseconds(50),
        Location = $"clickhouse://127.0.0.1:{BasePort},127.0.0.1:{BasePort + 10}/test?cluster=clout",
    };

    public static string NewDatabase() => $"t{Environment.ProcessId}_{Interlocked.Increment(ref _databases)}";

    public Task StopNodeAsync(int node) => RunScriptAsync("stop-node", _dir!, node.ToString(System.Globalization.CultureInfo.InvariantCulture));

    public async Task StartNodeAsync(int node)
    {
        var (code, output) = await RunScriptAsync("start-node", _dir!, node.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (code != 0)
        {
            throw new InvalidOperationException($"{Script} start-node {node} failed ({code}): {output}");
        }
    }

    /// <summary>Runs SQL on one node directly (node 0 or 1), for checks below the store.</summary>
    public async Task<string> QueryNodeAsync(int node, string sql)
    {
        using var client = new HttpClient();
        using var content = new StringContent(sql);
        using var response = await client.PostAsync(Nodes[node], content);
        var text = await response.Content.ReadAsStringAsync();
        response.EnsureSuccessStatusCode();
        return text.Trim();
    }

    private static bool ServerInstalled()
    {
        if (Environment.GetEnvironmentVariable("CLICKHOUSE_SERVER") is { Length: > 0 } configured)
        {
            return File.Exists(configured);
        }

        var path = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator).Append("/usr/sbin");
        return path.Any(dir => File.Exists(Path.Combine(dir, "clickhouse-server")) || File.Exists(Path.Combine(dir, "clickhouse")));
    }

    /// <summary>
    /// A base port whose six ports (HTTP, TCP, interserver for two nodes) are free now and not handed to another
    /// cluster of this test run (fixtures start in parallel, before either has bound its ports).
    /// </summary>
    private static int FreeBasePort()
    {
        lock (PortLock)
        {
            for (var attempt = 0; attempt < 50; attempt++)
            {
                var candidate = PortRandom.Next(2_000, 4_000) * 10;
                int[] ports = [candidate, candidate + 1, candidate + 2, candidate + 10, candidate + 11, candidate + 12];
                if (!TakenBases.Contains(candidate) && !TakenBases.Contains(candidate - 10) && !TakenBases.Contains(candidate + 10) && ports.All(PortFree))
                {
                    TakenBases.Add(candidate);
                    return candidate;
                }
            }
        }

        throw new InvalidOperationException("no free ports for a ClickHouse test cluster between 20000 and 40000");
    }

    private static bool PortFree(int port)
    {
        try
        {
            var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            listener.Stop();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private async Task<(int Code, string Output)> RunScriptAsync(params string[] args)
    {
        var start = new ProcessStartInfo("bash")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Script);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["CLICKHOUSE_BASE_PORT"] = BasePort.ToString(System.Globalization.CultureInfo.InvariantCulture);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start bash");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, (await stdout) + (await stderr));
    }
}
