using System.Net;
using System.Text.Json;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace Clout.Application.Sync;

/// <summary>
/// GET requests through one resilience pipeline (Polly): each attempt has a timeout covering the whole body; 5xx,
/// timeouts, connection failures and truncated bodies are retried with exponential backoff and jitter; a 429 waits
/// what the server asks (Retry-After or its rate-limit reset), capped by <see cref="SyncOptions.MaxRateLimitWait"/>.
/// A response that says the rate limit is used up delays the next request until the reset (capped the same way).
/// </summary>
public sealed partial class SyncHttp
{
    private readonly HttpClient client;
    private readonly SyncOptions options;
    private readonly TimeProvider clock;
    private readonly ResiliencePipeline pipeline;
    private readonly Action<string>? progress;
    private DateTimeOffset notBefore = DateTimeOffset.MinValue;

    public SyncHttp(HttpClient client, SyncOptions options, TimeProvider clock, Action<string>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        this.client = client;
        this.options = options;
        this.clock = clock;
        this.progress = progress;
        var builder = new ResiliencePipelineBuilder { TimeProvider = clock };
        if (options.MaxRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<TransientFetchProblem>().Handle<TimeoutRejectedException>().Handle<HttpRequestException>().Handle<IOException>(),
                MaxRetryAttempts = options.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.RetryDelay,
                MaxDelay = options.MaxRetryDelay,
                DelayGenerator = args => ValueTask.FromResult(
                    args.Outcome.Exception is TransientFetchProblem { Wait: { } wait } ? Min(wait, options.MaxRateLimitWait) : (TimeSpan?)null),
                OnRetry = args =>
                {
                    progress?.Invoke($"retry {args.AttemptNumber + 1} of {options.MaxRetries} in {args.RetryDelay.TotalSeconds:0.###} s: {Describe(args.Outcome.Exception)}");
                    return ValueTask.CompletedTask;
                },
            });
        }

        pipeline = builder.AddTimeout(options.RequestTimeout).Build();
    }

    /// <summary>
    /// Opens a long-lived response (a server-sent event stream) through the same retries: 5xx and 429 are retried,
    /// other statuses fail at once. The caller reads and disposes the response.
    /// </summary>
    public Task<HttpResponseMessage> OpenStreamAsync(string source, Uri uri, IReadOnlyDictionary<string, string>? headers, CancellationToken cancellationToken) =>
        RetryAsync(
            source,
            $"GET {Redact(uri)}",
            async token =>
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, uri);
                request.Headers.TryAddWithoutValidation("Accept", "text/event-stream");
                foreach (var (name, value) in headers ?? new Dictionary<string, string>())
                {
                    request.Headers.TryAddWithoutValidation(name, value);
                }

                var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, token).ConfigureAwait(false);
                var status = (int)response.StatusCode;
                if (status is >= 200 and < 300)
                {
                    return response;
                }

                response.Dispose();
                if (status == 429 || status >= 500)
                {
                    throw new TransientFetchProblem($"HTTP {status} {response.ReasonPhrase}");
                }

                throw new SyncException($"source {source}: GET {Redact(uri)}: HTTP {status} {response.ReasonPhrase}{Hint(status)}");
            },
            cancellationToken);

    /// <summary>Requests made, attempts included (for reports).</summary>
    public int Requests { get; private set; }

    /// <summary>
    /// Fetches <paramref name="uri"/> completely. With <paramref name="json"/>, a 2xx body that does not parse as JSON
    /// counts as truncated and is fetched again. Throws <see cref="SyncException"/> naming the source, the URL and the
    /// last status or failure when retries are exhausted, or at once for a status that retrying cannot fix.
    /// </summary>
    public async Task<SyncResponse> GetAsync(string source, Uri uri, IReadOnlyDictionary<string, string>? headers, bool json, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(uri);

        // The last answer said the rate limit is used up: wait for its reset before asking again (outside the
        // per-attempt timeout, which the wait may well exceed).
        var wait = notBefore - clock.GetUtcNow();
        if (wait > TimeSpan.Zero)
        {
            wait = Min(wait, options.MaxRateLimitWait);
            progress?.Invoke($"the rate limit is used up; waiting {wait.TotalSeconds:0.###} s for its reset");
            await Task.Delay(wait, clock, cancellationToken).ConfigureAwait(false);
        }

        var attempts = 0;
        try
        {
            return await pipeline.ExecuteAsync(
                async token =>
                {
                    attempts++;
                    return await AttemptAsync(uri, headers, json, token).ConfigureAwait(false);
                },
                cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is TransientFetchProblem or TimeoutRejectedException or HttpRequestException or IOException)
        {
            throw new SyncException($"source {source}: GET {Redact(uri)} failed after {attempts} attempt{(attempts == 1 ? "" : "s")}: {Describe(e)}", e);
        }
        catch (PermanentFetchProblem e)
        {
            throw new SyncException($"source {source}: GET {Redact(uri)}: {e.Message}", e);
        }
    }

    /// <summary>
    /// Runs another kind of connection attempt (a WebSocket connect) through the same retries; failures named
    /// <paramref name="what"/> in the final error.
    /// </summary>
    public async Task<T> RetryAsync<T>(string source, string what, Func<CancellationToken, Task<T>> attempt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        var attempts = 0;
        try
        {
            return await pipeline.ExecuteAsync(
                async token =>
                {
                    attempts++;
                    Requests++;
                    try
                    {
                        return await attempt(token).ConfigureAwait(false);
                    }
                    catch (System.Net.WebSockets.WebSocketException e)
                    {
                        throw new TransientFetchProblem(e.InnerException is { } i ? $"{e.Message} ({i.Message})" : e.Message, inner: e);
                    }
                },
                cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is TransientFetchProblem or TimeoutRejectedException or HttpRequestException or IOException)
        {
            throw new SyncException($"source {source}: {what} failed after {attempts} attempt{(attempts == 1 ? "" : "s")}: {Describe(e)}", e);
        }
    }

    private async Task<SyncResponse> AttemptAsync(Uri uri, IReadOnlyDictionary<string, string>? headers, bool json, CancellationToken token)
    {
        Requests++;
        using var request = new HttpRequestMessage(HttpMethod.Get, uri);
        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, token).ConfigureAwait(false);
        var all = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var h in response.Headers.Concat(response.Content.Headers))
        {
            all[h.Key] = string.Join(",", h.Value);
        }

        var now = clock.GetUtcNow();
        // The newest answer says when the limit resets; the cap applies to the wait itself, in GetAsync, so the time
        // spent storing a page does not eat into it.
        notBefore = RateLimits.Exhausted(all, now) is { } reset ? now + reset : DateTimeOffset.MinValue;

        var status = (int)response.StatusCode;
        if (response.StatusCode == HttpStatusCode.TooManyRequests)
        {
            throw new TransientFetchProblem($"HTTP 429 Too Many Requests", RateLimits.RetryAfter(all, now) ?? options.RetryDelay);
        }

        if (status >= 500)
        {
            throw new TransientFetchProblem($"HTTP {status} {response.ReasonPhrase}", status == 503 ? RateLimits.RetryAfter(all, now) : null);
        }

        if (status == 304)
        {
            return new SyncResponse(uri, status, [], response.Headers.Date, all);
        }

        if (status is < 200 or >= 300)
        {
            throw new PermanentFetchProblem($"HTTP {status} {response.ReasonPhrase}{Hint(status)}");
        }

        byte[] body;
        try
        {
            body = await response.Content.ReadAsByteArrayAsync(token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is HttpRequestException or IOException)
        {
            throw new TransientFetchProblem($"the body was cut off ({e.Message})", inner: e);
        }

        if (response.Content.Headers.ContentLength is { } length && length != body.Length)
        {
            throw new TransientFetchProblem($"the body was cut off: {body.Length} of {length} bytes");
        }

        if (json && !IsJson(body))
        {
            throw new TransientFetchProblem($"the body is not complete JSON ({body.Length} bytes); the response was cut off or garbled");
        }

        return new SyncResponse(uri, status, body, response.Headers.Date, all);
    }

    /// <summary>The Authorization header of an OAuth bearer token, or none without a token.</summary>
    public static IReadOnlyDictionary<string, string>? Bearer(string? token) =>
        token is null ? null : new Dictionary<string, string> { ["Authorization"] = "Bearer " + token };

    /// <summary>The URI as it may be shown or stored: the values of key, access_token and token parameters hidden.</summary>
    public static string Redact(Uri uri)
    {
        ArgumentNullException.ThrowIfNull(uri);
        return SecretParameter().Replace(uri.ToString(), "$1=***");
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"([?&](?:key|access_token|token))=[^&#]*")]
    private static partial System.Text.RegularExpressions.Regex SecretParameter();

    private static bool IsJson(byte[] body)
    {
        try
        {
            var reader = new Utf8JsonReader(body, new JsonReaderOptions { MaxDepth = 256 });
            while (reader.Read())
            {
            }

            return reader.BytesConsumed > 0;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static string Hint(int status) => status switch
    {
        401 => " (an access token is missing or was refused; see docs/sync.md for the variable this network reads)",
        403 => " (the server refuses this request with these credentials)",
        404 => " (no such account, channel, subreddit or feed at this endpoint)",
        410 => " (the resource is gone)",
        _ => "",
    };

    private static string Describe(Exception? e) => e switch
    {
        TimeoutRejectedException => "no complete answer within the request timeout",
        TransientFetchProblem p => p.Message,
        HttpRequestException h => h.InnerException is { } i ? $"{h.Message} ({i.Message})" : h.Message,
        null => "unknown failure",
        _ => e.Message,
    };

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    private sealed class PermanentFetchProblem(string message) : Exception(message);
}
