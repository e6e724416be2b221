
namespace Clout.Api.Infrastructure;

/// <summary>
/// Conditional GET for snapshot data: the ETag is the published run's, so a client that asks again before the next
/// run gets 304 without the server reading the store beyond its cached state.
/// </summary>
public static class CacheHeaders
{
    /// <summary>True when the client already has this state (answer 304); sets ETag and Cache-Control either way.</summary>
    public static bool NotModified(HttpContext http, ScoreState state)
    {
        var headers = http.Response.Headers;
        headers.ETag = state.ETag;
        headers.CacheControl = "public, max-age=60";
        var sent = http.Request.Headers.IfNoneMatch;
        foreach (var value in sent)
        {
            if (value is null)
            {
                continue;
            }

            foreach (var tag in value.Split(',', StringSplitOptions.TrimEntries))
            {
                if (tag == "*" || tag == state.ETag || tag == "W/" + state.ETag)
                {
                    return true;
                }
            }
        }

        return false;
    }

    public static IResult NotModifiedResult => Results.StatusCode(StatusCodes.Status304NotModified);

}
