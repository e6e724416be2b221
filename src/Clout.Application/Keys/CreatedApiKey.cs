using Clout.Core.Storage;

namespace Clout.Application.Keys;

/// <summary>A key just created: what is stored, and the token itself, which is shown this once.</summary>
public sealed record CreatedApiKey(ApiKey Key, string Token);
