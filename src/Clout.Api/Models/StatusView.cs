namespace Clout.Api.Models;

/// <summary>What the server serves: the published algorithm version and its latest scored day.</summary>
public sealed record StatusView(string Version, DateOnly? Day, bool KeysRequiredForRead);
