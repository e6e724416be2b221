using Clout.Core.Domain;
using Clout.Engine.Model;

namespace Clout.Engine.Topics.Assignment;

/// <summary>
/// What topic assignment needs to know about the accounts of a window, by account index: whose they are, how much
/// their actions count (<see cref="Quality"/>), how much of the engagement they received survived the quality
/// discounts (<see cref="ReactionQuality"/>), and how activity decays with age.
/// </summary>
public sealed class AssignmentContext
{
    public required int Day { get; init; }

    public required int[] Person { get; init; }

    public required string[] PersonKeys { get; init; }

    public required Network[] Network { get; init; }

    public required string[] SourceId { get; init; }

    public required double[] Quality { get; init; }

    public required double[] ReactionQuality { get; init; }

    /// <summary>Weight of activity by age in days (0 = the scored day); ages past the end weigh 0.</summary>
    public required double[] Decay { get; init; }

    public int Persons => PersonKeys.Length;

    /// <summary>The context of a scored window: qualities from the model, decay from its parameters.</summary>
    public static AssignmentContext From(ModelOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var input = output.Input;
        var reactionQuality = new double[input.Accounts];
        for (var a = 0; a < reactionQuality.Length; a++)
        {
            // Engagement the model kept over engagement received: low for accounts whose audience is bought or bots.
            var raw = output.RawReceived[a];
            reactionQuality[a] = raw > 0 ? Math.Clamp(output.Engagement[a] / raw, 0, 1) : 1;
        }

        var decay = new double[output.Parameters.WindowDays];
        for (var age = 0; age < decay.Length; age++)
        {
            decay[age] = output.Parameters.Decay(age);
        }

        return new AssignmentContext
        {
            Day = input.Day,
            Person = input.Person,
            PersonKeys = input.PersonKeys,
            Network = input.Network,
            SourceId = input.SourceId,
            Quality = output.Quality,
            ReactionQuality = reactionQuality,
            Decay = decay,
        };
    }
}
