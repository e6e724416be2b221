using Clout.Core.Scoring;
using Clout.Core.Storage;

namespace Clout.Application.Explaining;

/// <summary>A person's snapshot with their accounts and the moments behind it.</summary>
public sealed record PersonReport(PersonInfo Person, ScoreSnapshot Snapshot, IReadOnlyList<Moment> Moments);
