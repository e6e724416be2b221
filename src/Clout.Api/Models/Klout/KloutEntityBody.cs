namespace Clout.Api.Models.Klout;

/// <summary>The <c>entity</c> of a v2 influence entry: the Klout id and the user payload.</summary>
public sealed record KloutEntityBody(string Id, KloutUser Payload);
