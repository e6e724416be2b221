namespace Clout.Api.Security;

/// <summary>Klout's error body: <c>{"error":403,"description":"…"}</c> with the same status code.</summary>
public sealed record KloutError(int Error, string Description)
{
    public static IResult Result(int status, string description) => Results.Json(new KloutError(status, description), statusCode: status);
}
