namespace Clout.Api.Models;

/// <summary>A page of a longer list: <see cref="Next"/> is the URL of the next page, or null on the last one.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, int Offset, int Limit, int? Total, string? Next);
