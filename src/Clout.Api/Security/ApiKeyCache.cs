using System.Collections.Concurrent;
using Clout.Application.Keys;
using Clout.Core.Storage;
using Microsoft.Extensions.Options;

namespace Clout.Api.Security;

/// <summary>
/// Looks presented keys up in the store and keeps found ones for a few seconds, so a busy key costs one hash
/// lookup in memory rather than a query per request. Unknown tokens are not cached (they could fill memory).
/// </summary>
public sealed class ApiKeyCache(ICloutStore store, TimeProvider time, IOptions<ApiOptions> options)
{
    private const int MaxEntries = 10_000;
    private readonly ConcurrentDictionary<string, (ApiKey Key, DateTimeOffset Until)> entries = new(StringComparer.Ordinal);

    public async ValueTask<ApiKey?> FindAsync(string token, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (entries.TryGetValue(token, out var hit) && hit.Until > now)
        {
            return hit.Key;
        }

        if (!ApiKeyService.LooksLikeKey(token))
        {
            return null;
        }

        var key = await store.FindApiKeyAsync(ApiKeyService.Hash(token), cancellationToken);
        if (key is not null)
        {
            if (entries.Count >= MaxEntries)
            {
                entries.Clear();
            }

            entries[token] = (key, now.AddSeconds(options.Value.KeyCacheSeconds));
        }

        return key;
    }
}
