using System.Security.Cryptography;
using System.Text;
using Clout.Core.Storage;

namespace Clout.Application.Keys;

/// <summary>
/// Creates, finds and revokes API keys. A key reads <c>ck_&lt;id&gt;_&lt;secret&gt;</c>: the id is public (lists,
/// revocation), the whole key is shown once at creation and only its SHA-256 is stored. Keys carry 160 random
/// bits, so a plain hash cannot be reversed by guessing and needs no per-key salt.
/// </summary>
public sealed class ApiKeyService(ICloutStore store, TimeProvider time)
{
    public const string Prefix = "ck_";

    public async Task<CreatedApiKey> CreateAsync(string name, int? perSecond = null, int? perDay = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (perSecond is <= 0)
        {
            throw new ArgumentException($"per-second limit {perSecond} is out of range; expected a positive number");
        }

        if (perDay is <= 0)
        {
            throw new ArgumentException($"per-day limit {perDay} is out of range; expected a positive number");
        }

        var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4));
        var secret = Base32(RandomNumberGenerator.GetBytes(20));
        var token = $"{Prefix}{id}_{secret}";
        var key = new ApiKey(id, name.Trim(), Hash(token), time.GetUtcNow()) { PerSecond = perSecond, PerDay = perDay };
        await store.CreateApiKeyAsync(key, cancellationToken);
        return new CreatedApiKey(key, token);
    }

    /// <summary>The active key for a presented token, or null when it is unknown or revoked.</summary>
    public async Task<ApiKey?> FindAsync(string token, CancellationToken cancellationToken = default)
    {
        if (!LooksLikeKey(token))
        {
            return null;
        }

        return await store.FindApiKeyAsync(Hash(token), cancellationToken);
    }

    public Task<IReadOnlyList<ApiKey>> ListAsync(CancellationToken cancellationToken = default) => store.ListApiKeysAsync(cancellationToken);

    public Task<bool> RevokeAsync(string id, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        return store.RevokeApiKeyAsync(id.Trim(), time.GetUtcNow(), cancellationToken);
    }

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    public static bool LooksLikeKey(string? token) =>
        token is { Length: > 12 and < 200 } && token.StartsWith(Prefix, StringComparison.Ordinal);

    private static string Base32(byte[] bytes)
    {
        const string Alphabet = "abcdefghijklmnopqrstuvwxyz234567";
        var text = new StringBuilder((bytes.Length * 8 + 4) / 5);
        int buffer = 0, bits = 0;
        foreach (var b in bytes)
        {
            buffer = (buffer << 8) | b;
            bits += 8;
            while (bits >= 5)
            {
                text.Append(Alphabet[(buffer >> (bits - 5)) & 31]);
                bits -= 5;
            }
        }

        if (bits > 0)
        {
            text.Append(Alphabet[(buffer << (5 - bits)) & 31]);
        }

        return text.ToString();
    }
}
