namespace Clout.Api.Infrastructure;

/// <summary>
/// What readers see right now: the published algorithm version and its latest scored day. <see cref="ETag"/>
/// changes whenever a run is published, so snapshot responses can be revalidated cheaply.
/// </summary>
public sealed record ScoreState(string Version, DateOnly? Day, string ETag);
