namespace Clout.Core.Scoring;

/// <summary>
/// A person's place on the 16-cell influence matrix, with the four measured axes (each 0..1) that placed them:
/// <see cref="Creating"/> (0 sharing, 1 creating), <see cref="Consistency"/> (0 casual, 1 consistent),
/// <see cref="Breadth"/> (0 focused, 1 broad) and <see cref="Participation"/> (0 listening, 1 participating).
/// <see cref="Row"/> 0 is the top row (participating, broad), <see cref="Column"/> 0 the left (sharing, casual).
/// </summary>
public sealed record InfluenceStyle(string Name, string Description, int Row, int Column)
{
    public double Creating { get; init; }

    public double Consistency { get; init; }

    public double Breadth { get; init; }

    public double Participation { get; init; }
}
