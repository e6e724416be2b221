using Clout.Engine.Model;
using Clout.Importers;

namespace Clout.Application.Validation;

/// <summary>What <see cref="StabilityValidation"/> scores day by day: a dataset, or a generated population over <see cref="Days"/> days.</summary>
public sealed record StabilityOptions
{
    public string? DataPath { get; init; }

    public string Format { get; init; } = "snap-temporal";

    public ImportOptions Import { get; init; } = new();

    public int People { get; init; } = 2_000;

    public int Days { get; init; } = 120;

    public ulong Seed { get; init; } = 7;

    /// <summary>Days at the start that are scored but not counted (the window is still filling).</summary>
    public int WarmupDays { get; init; } = 14;

    public ModelParameters Model { get; init; } = Algorithms.Default;

    /// <summary>The version <see cref="Model"/> is compared from on the last day (usually the current default; null: none).</summary>
    public ModelParameters? Compare { get; init; }
}
