using Clout.Core.Domain;
using Clout.Core.Scoring;
using Clout.Engine.Topics.Assignment;
using Clout.Engine.Window;

namespace Clout.Engine.Styles;

/// <summary>
/// Places each person on the influence matrix from measured behaviour, four axes in 0..1:
/// <list type="bullet">
/// <item>creating: (originals + half the quotes) / (originals + quotes + reshares); 0 when nothing was posted;</item>
/// <item>consistency: the share of the window's weeks in which the person published anything;</item>
/// <item>breadth: (E − 1) / (E + 1) for E the effective number of topics in their evidence (from topic assignment);</item>
/// <item>participation: s / (s + <see cref="ParticipationHalf"/>) for s the engagement actions sent per week.</item>
/// </list>
/// The column is ⌊4 × mean(creating, consistency)⌋ (left: sharing, casual) and the row from the top is
/// 3 − ⌊4 × mean(participation, breadth)⌋ (top: participating, broad), each clamped to 0..3.
/// </summary>
public static class StyleClassifier
{
    /// <summary>Engagement actions per week at which participation is one half.</summary>
    public const double ParticipationHalf = 3.0;

    public static InfluenceStyle?[] Classify(ScoringInput input, TopicAssignment topics)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(topics);
        var persons = input.PersonKeys.Length;
        var originals = new double[persons];
        var quotes = new double[persons];
        var reshares = new double[persons];
        var sent = new double[persons];
        var active = new bool[persons];
        for (var a = 0; a < input.Accounts; a++)
        {
            var p = input.Person[a];
            originals[p] += input.PostsByKind[(a * 4) + (int)PostKind.Post];
            quotes[p] += input.PostsByKind[(a * 4) + (int)PostKind.Quote];
            reshares[p] += input.PostsByKind[(a * 4) + (int)PostKind.Reshare];
            sent[p] += input.ActionsSent[a];
            active[p] |= input.PostsRaw[a] > 0 || input.ActionsSent[a] > 0;
        }

        var styles = new InfluenceStyle?[persons];
        for (var p = 0; p < persons; p++)
        {
            if (!active[p])
            {
                continue; // nothing measured: no style rather than a made-up one
            }

            var shared = originals[p] + quotes[p] + reshares[p];
            var creating = shared > 0 ? (originals[p] + (0.5 * quotes[p])) / shared : 0;
            var consistency = Math.Clamp(topics.ActiveWeeks[p] / (double)topics.Weeks, 0, 1);
            var perWeek = sent[p] / topics.Weeks;
            var participation = perWeek / (perWeek + ParticipationHalf);
            styles[p] = Place(creating, consistency, topics.Breadth[p], participation);
        }

        return styles;
    }

    public static InfluenceStyle Place(double creating, double consistency, double breadth, double participation)
    {
        var column = Cell((creating + consistency) / 2);
        var row = 3 - Cell((participation + breadth) / 2);
        return new InfluenceStyle(InfluenceStyles.Name(row, column), InfluenceStyles.Description(row, column), row, column)
        {
            Creating = Math.Round(creating, 4),
            Consistency = Math.Round(consistency, 4),
            Breadth = Math.Round(breadth, 4),
            Participation = Math.Round(participation, 4),
        };
    }

    private static int Cell(double value) => Math.Clamp((int)Math.Floor(value * 4), 0, 3);
}
