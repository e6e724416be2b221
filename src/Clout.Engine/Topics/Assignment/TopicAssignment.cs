using Clout.Core.Scoring;

namespace Clout.Engine.Topics.Assignment;

/// <summary>The topics of every person of a window (by person index), and the measures styles use.</summary>
public sealed class TopicAssignment
{
    public required IReadOnlyList<TopicScore>[] Topics { get; init; }

    /// <summary>How spread a person's topical evidence is: (E − 1) / (E + 1) for E the effective number of topics (0 focused, towards 1 broad).</summary>
    public required double[] Breadth { get; init; }

    /// <summary>Weeks of the window in which a person published anything.</summary>
    public required int[] ActiveWeeks { get; init; }

    /// <summary>Weeks in the window.</summary>
    public required int Weeks { get; init; }
}
