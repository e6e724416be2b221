namespace Clout.Api.Infrastructure;

/// <summary>The URL prefixes of the Klout-compatible API, whose errors use Klout's body rather than ProblemDetails.</summary>
public static class KloutPaths
{
    public static bool IsKlout(PathString path) =>
        path.StartsWithSegments("/v2", StringComparison.OrdinalIgnoreCase) || path.StartsWithSegments("/1", StringComparison.OrdinalIgnoreCase);
}
