namespace Clout.Api.Security;

/// <summary>What an endpoint group asks of a caller's key, and how refusals are worded.</summary>
public enum AccessPolicy
{
    /// <summary>The read API and the dashboard data: a key only when <see cref="ApiOptions.RequireKeysForRead"/>.</summary>
    Read,

    /// <summary>Endpoints that change the store: always a key.</summary>
    Write,

    /// <summary>The Klout-compatible API: always a key in <c>key</c>; refusals in Klout's shape, limits as 403.</summary>
    Klout,
}
