using Clout.Core.Storage;

namespace Clout.Api.Models;

/// <summary>Daily scores of a person over a range of days (days without a score are absent).</summary>
public sealed record HistoryView(string Person, string Version, DateOnly From, DateOnly To, IReadOnlyList<HistoryPoint> Points);
