using Clout.Core.Storage;
using Microsoft.Extensions.Options;

namespace Clout.Api.Security;

/// <summary>
/// Checks the caller's key and rate limits for an endpoint group. The key comes from the <c>key</c> query
/// parameter (as Klout clients send it), the <c>X-Api-Key</c> header or <c>Authorization: Bearer</c>.
/// </summary>
public sealed class AccessFilter(AccessPolicy policy) : IEndpointFilter
{
    public const string KeyItem = "clout.api_key";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var services = http.RequestServices;
        var options = services.GetRequiredService<IOptions<ApiOptions>>().Value;
        var token = TokenOf(http.Request);
        var required = policy != AccessPolicy.Read || options.RequireKeysForRead;
        if (token is null)
        {
            return required ? Refuse(http, 403, "Invalid or unprovided API key. All calls must have a key.", missing: true) : await next(context);
        }

        var key = await services.GetRequiredService<ApiKeyCache>().FindAsync(token, http.RequestAborted);
        if (key is null)
        {
            return Refuse(http, 403, "Invalid or unprovided API key. All calls must have a key.", missing: true);
        }

        if (key.Revoked is not null)
        {
            return Refuse(http, 401, $"API key {key.Id} has been revoked.", missing: false);
        }

        var decision = services.GetRequiredService<KeyRateLimiter>().TryAcquire(key.Id, key.PerSecond ?? options.PerSecond, key.PerDay ?? options.PerDay);
        http.Response.Headers["X-RateLimit-Limit-Day"] = decision.PerDay.ToString(System.Globalization.CultureInfo.InvariantCulture);
        http.Response.Headers["X-RateLimit-Remaining-Day"] = decision.RemainingToday.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (!decision.Allowed)
        {
            http.Response.Headers.RetryAfter = decision.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var text = decision.Limit == "day" ? "Account Over Rate Limit" : "Account Over Queries Per Second Limit";
            return policy == AccessPolicy.Klout
                ? KloutError.Result(403, text)
                : Results.Problem(
                    statusCode: 429,
                    title: "Too many requests",
                    detail: decision.Limit == "day"
                        ? $"key {key.Id} used its {decision.PerDay:N0} requests for today (UTC); retry after {decision.RetryAfterSeconds} s"
                        : $"key {key.Id} is limited to {decision.PerSecond:N0} requests per second; retry after {decision.RetryAfterSeconds} s");
        }

        http.Items[KeyItem] = key;
        return await next(context);
    }

    public static ApiKey? CurrentKey(HttpContext http) => http.Items.TryGetValue(KeyItem, out var k) ? k as ApiKey : null;

    private static string? TokenOf(HttpRequest request)
    {
        if (request.Query.TryGetValue("key", out var q) && !string.IsNullOrWhiteSpace(q.ToString()))
        {
            return q.ToString().Trim();
        }

        if (request.Headers.TryGetValue("X-Api-Key", out var h) && !string.IsNullOrWhiteSpace(h.ToString()))
        {
            return h.ToString().Trim();
        }

        var auth = request.Headers.Authorization.ToString();
        return auth.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? auth["Bearer ".Length..].Trim() : null;
    }

    private IResult Refuse(HttpContext http, int klout, string description, bool missing)
    {
        if (policy == AccessPolicy.Klout)
        {
            return KloutError.Result(klout, description);
        }

        http.Response.Headers.WWWAuthenticate = "Bearer";
        return Results.Problem(
            statusCode: 401,
            title: missing ? "API key required" : "API key revoked",
            detail: missing ? "send a valid API key in the X-Api-Key header, Authorization: Bearer, or the key query parameter; create one with clout keys create" : description);
    }
}
