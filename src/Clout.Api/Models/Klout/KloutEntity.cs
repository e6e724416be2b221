namespace Clout.Api.Models.Klout;

/// <summary>v2 influence entry: <c>{"entity":{"id":"…","payload":{user}}}</c>.</summary>
public sealed record KloutEntity(KloutEntityBody Entity);
