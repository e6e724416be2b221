using Clout.Engine.Model;
using Clout.Importers;

namespace Clout.Application.Validation;

/// <summary>
/// What <see cref="PredictiveValidation"/> runs on: a temporal dataset, its format, cutoffs (YYYY-MM-DD, or a
/// day number of the data, 1 = its first UTC day; each means the end of that day) and optionally a follow graph.
/// </summary>
public sealed record PredictiveOptions
{
    public required string DataPath { get; init; }

    public string Format { get; init; } = "snap-temporal";

    public ImportOptions Import { get; init; } = new();

    public required IReadOnlyList<string> Cutoffs { get; init; }

    /// <summary>A follow edge list ("a b" = a follows b) over the same ids, for the follower baseline.</summary>
    public string? FollowsPath { get; init; }

    public IReadOnlyList<ModelParameters> Models { get; init; } = [Algorithms.Default];

    /// <summary>Days after the cutoff that count as its future (null: to the end of the data).</summary>
    public int? HorizonDays { get; init; }

    public int K { get; init; } = 100;
}
