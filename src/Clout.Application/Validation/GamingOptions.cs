using Clout.Engine.Model;
using Clout.Importers;

namespace Clout.Application.Validation;

/// <summary>
/// What <see cref="GamingValidation"/> runs on: a dataset (<see cref="DataPath"/>) or a generated population of
/// <see cref="People"/>; the volumes of injected actions; how many targets per score level.
/// </summary>
public sealed record GamingOptions
{
    public string? DataPath { get; init; }

    public string Format { get; init; } = "snap-temporal";

    public ImportOptions Import { get; init; } = new();

    public int People { get; init; } = 5_000;

    public ulong Seed { get; init; } = 7;

    public IReadOnlyList<int> Volumes { get; init; } = [10, 30, 100];

    public int TargetsPerLevel { get; init; } = 3;

    public ModelParameters Model { get; init; } = Algorithms.Default;
}
