using System.Globalization;
using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Text;
using Polly;
using Polly.Retry;

namespace Clout.Storage.ClickHouse.Http;

/// <summary>
/// Talks to ClickHouse nodes over HTTP: statements in the body (or the URL for inserts and external data), settings
/// as URL parameters, RowBinary insert bodies (gzip when configured), TSV results streamed. Requests that are safe to
/// repeat are retried with exponential backoff on transient failures; when a node cannot be reached the next node
/// takes the following attempt.
/// </summary>
internal sealed class ClickHouseHttp : IDisposable
{
    private readonly ClickHouseStoreOptions _options;
    private readonly HttpClient _client;
    private readonly ResiliencePipeline _retry;
    private int _current;

    public ClickHouseHttp(ClickHouseStoreOptions options)
    {
        _options = options;
        var handler = new SocketsHttpHandler
        {
            AutomaticDecompression = DecompressionMethods.GZip,
            PooledConnectionLifetime = TimeSpan.FromMinutes(2),
            PooledConnectionIdleTimeout = TimeSpan.FromSeconds(5),
            ConnectTimeout = TimeSpan.FromSeconds(10),
        };
        _client = new HttpClient(handler) { Timeout = options.Timeout };
        if (options.User is not null)
        {
            var token = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{options.User}:{options.Password}"));
            _client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", token);
        }

        _retry = options.Retries == 0
            ? ResiliencePipeline.Empty
            : new ResiliencePipelineBuilder().AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<ClickHouseException>(e => e.Transient),
                MaxRetryAttempts = options.Retries,
                Delay = options.RetryDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
            }).Build();
    }

    public IReadOnlyList<Uri> Nodes => _options.Nodes;

    /// <summary>Retries a whole unit of work (such as an import batch) on transient failures.</summary>
    public ResiliencePipeline Retry => _retry;

    /// <summary>Runs a statement and returns the response text. <paramref name="node"/> null: any node.</summary>
    public async Task<string> ExecuteAsync(string sql, CancellationToken cancellationToken, Uri? node = null, bool idempotent = true, IReadOnlyList<ExternalTable>? external = null)
    {
        return await (idempotent ? _retry : ResiliencePipeline.Empty).ExecuteAsync(
            async token =>
            {
                var target = node ?? CurrentNode();
                using var response = await SendAsync(target, sql, external, body: null, token).ConfigureAwait(false);
                return await response.Content.ReadAsStringAsync(token).ConfigureAwait(false);
            },
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Streams a TabSeparated result of <paramref name="columns"/> columns through <paramref name="row"/>. Connecting is
    /// retried; once rows have been delivered a failure is final, since the consumer has seen part of the result.
    /// </summary>
    /// <summary>Streams the rows of a query; <paramref name="settings"/> (<c>name=value&amp;…</c>) apply to this query only.</summary>
    public async Task QueryAsync(string sql, int columns, Action<TsvReader> row, CancellationToken cancellationToken, IReadOnlyList<ExternalTable>? external = null, string? settings = null)
    {
        using var result = await OpenAsync(sql, columns, external, cancellationToken, settings).ConfigureAwait(false);
        while (await result.Reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            row(result.Reader);
        }
    }

    /// <summary>The rows of a query as values, streamed.</summary>
    public async IAsyncEnumerable<T> RowsAsync<T>(string sql, int columns, Func<TsvReader, T> map, [EnumeratorCancellation] CancellationToken cancellationToken, IReadOnlyList<ExternalTable>? external = null)
    {
        using var result = await OpenAsync(sql, columns, external, cancellationToken).ConfigureAwait(false);
        while (await result.Reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            yield return map(result.Reader);
        }
    }

    /// <summary>All rows of a small result.</summary>
    public async Task<List<T>> ListAsync<T>(string sql, int columns, Func<TsvReader, T> map, CancellationToken cancellationToken, IReadOnlyList<ExternalTable>? external = null)
    {
        var list = new List<T>();
        await QueryAsync(sql, columns, r => list.Add(map(r)), cancellationToken, external).ConfigureAwait(false);
        return list;
    }

    /// <summary>
    /// Sends a RowBinary insert. Never retried here: a Distributed insert that failed on one shard may have been written on
    /// another, so callers retry a whole batch after checking what arrived.
    /// </summary>
    public async Task InsertAsync(string table, string columns, RowBinaryWriter rows, CancellationToken cancellationToken)
    {
        if (rows.Rows == 0)
        {
            return;
        }

        var body = rows.Written;
        if (_options.Compress)
        {
            var compressed = new MemoryStream();
            await using (var gzip = new GZipStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
            {
                await gzip.WriteAsync(body, cancellationToken).ConfigureAwait(false);
            }

            body = compressed.GetBuffer().AsMemory(0, (int)compressed.Length);
        }

        var sql = $"INSERT INTO {table} ({columns}) FORMAT RowBinary";
        using var response = await SendAsync(CurrentNode(), sql, external: null, body, cancellationToken).ConfigureAwait(false);
    }

    public void Dispose() => _client.Dispose();

    private async Task<TsvResult> OpenAsync(string sql, int columns, IReadOnlyList<ExternalTable>? external, CancellationToken cancellationToken, string? settings = null)
    {
        var node = CurrentNode();
        var response = await _retry.ExecuteAsync(
            async token =>
            {
                node = CurrentNode();
                return await SendAsync(node, sql + "\nFORMAT TabSeparated", external, body: null, token, settings).ConfigureAwait(false);
            },
            cancellationToken).ConfigureAwait(false);
        try
        {
            var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            return new TsvResult(response, new TsvReader(stream, node.Authority, columns, Excerpt(sql)));
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }

    private static string Excerpt(string sql)
    {
        var oneLine = string.Join(' ', sql.Split((char[])['\n', '\r', ' '], StringSplitOptions.RemoveEmptyEntries));
        return oneLine.Length > 300 ? oneLine[..300] + "…" : oneLine;
    }

    private Uri CurrentNode() => _options.Nodes[Volatile.Read(ref _current) % _options.Nodes.Count];

    private void MoveOn(Uri failed)
    {
        var index = Volatile.Read(ref _current);
        if (_options.Nodes[index % _options.Nodes.Count] == failed)
        {
            Interlocked.CompareExchange(ref _current, (index + 1) % _options.Nodes.Count, index);
        }
    }

    private async Task<HttpResponseMessage> SendAsync(Uri node, string sql, IReadOnlyList<ExternalTable>? external, ReadOnlyMemory<byte>? body, CancellationToken cancellationToken, string? settings = null)
    {
        var url = new StringBuilder(node.ToString()).Append("?insert_distributed_sync=1");
        if (_options.SpillBytes > 0)
        {
            var spill = _options.SpillBytes.ToString(CultureInfo.InvariantCulture);
            url.Append("&max_bytes_before_external_group_by=").Append(spill).Append("&max_bytes_before_external_sort=").Append(spill);
        }

        if (settings is not null)
        {
            url.Append('&').Append(settings);
        }

        if (_options.Compress)
        {
            url.Append("&enable_http_compression=1");
        }

        HttpContent content;
        if (body is not null || external is not null)
        {
            url.Append("&query=").Append(Uri.EscapeDataString(sql));
            if (body is not null)
            {
                content = new ReadOnlyMemoryContent(body.Value);
                if (_options.Compress)
                {
                    content.Headers.ContentEncoding.Add("gzip");
                }
            }
            else
            {
                var form = new MultipartFormDataContent();
                foreach (var table in external!)
                {
                    url.Append('&').Append(table.Name).Append("_structure=").Append(Uri.EscapeDataString(table.Structure));
                    url.Append('&').Append(table.Name).Append("_format=TabSeparated");
                    form.Add(new ByteArrayContent(table.Data), table.Name, table.Name);
                }

                content = form;
            }
        }
        else
        {
            content = new StringContent(sql, Encoding.UTF8, "text/plain");
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(url.ToString())) { Content = content };
        HttpResponseMessage response;
        try
        {
            response = await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException e)
        {
            MoveOn(node);
            throw new ClickHouseException(
                $"cannot reach ClickHouse node {node.Authority}: {e.Message}. Check that the node is running and that the store URI lists its HTTP port (query: {Excerpt(sql)})",
                0,
                transient: true,
                e);
        }
        catch (TaskCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            MoveOn(node);
            throw new ClickHouseException($"ClickHouse node {node.Authority} did not answer within {_options.Timeout.TotalSeconds:0} s (query: {Excerpt(sql)})", 0, transient: true, e);
        }

        if (response.IsSuccessStatusCode)
        {
            return response;
        }

        using (response)
        {
            var text = (await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false)).Trim();
            var code = ClickHouseErrors.CodeOf(text);
            var transient = ClickHouseErrors.IsTransient(code) || response.StatusCode is HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout;
            throw new ClickHouseException(
                $"ClickHouse node {node.Authority} answered {(int)response.StatusCode}: {text}.{ClickHouseErrors.Hint(code)} (query: {Excerpt(sql)})",
                code,
                transient);
        }
    }
}
