using Clout.Core.Domain;
using Clout.Core.Records;
using Clout.Engine.Model;
using Clout.Engine.Window;

namespace Clout.Engine.Tests.Model;

/// <summary>Small helpers to build scoring scenarios from records and score them.</summary>
internal static class Scenario
{
    public static readonly DateOnly Day = new(2026, 11, 1);

    public static DateTimeOffset At(int daysBefore, int hour = 12) =>
        new DateTimeOffset(Day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).AddDays(-daysBefore).AddHours(hour);

    public static AccountRecord Account(string id, int ageDays = 1000, string? person = null, Network network = Network.X) =>
        new(network, id) { Handle = id, Created = At(ageDays), Person = person };

    public static ActionRecord Act(string actor, string target, ActionKind kind = ActionKind.Reshare, int daysBefore = 3, Network network = Network.X, string? id = null) =>
        new(network, id ?? $"{actor}>{target}:{kind}:{daysBefore}:{Guid.NewGuid():N}", kind, actor, target, At(daysBefore));

    public static PostRecord Post(string account, int daysBefore = 3, Network network = Network.X) =>
        new(network, $"post:{account}:{daysBefore}:{Guid.NewGuid():N}", account, At(daysBefore), PostKind.Post);

    public static (ScoringInput Input, ModelOutput Output) Run(RecordWindow window, ModelParameters? model = null, bool reverse = false)
    {
        model ??= Algorithms.Default;
        var builder = new WindowBuilder(model, Day);
        window.Feed(builder, reverse);
        var input = builder.Build();
        return (input, new ScoringModel(model).Run(input));
    }

    public static double ScoreOf(this (ScoringInput Input, ModelOutput Output) run, string person)
    {
        var i = Array.IndexOf(run.Input.PersonKeys, person);
        return i < 0 ? throw new KeyNotFoundException(person) : run.Output.PersonScore[i];
    }

    /// <summary>
    /// The community of <see cref="Community"/> (80 members, seed 5) and an account "t" that posted and was reshared
    /// by <paramref name="engagers"/> members, all <paramref name="daysBefore"/> days before the scored day at
    /// <paramref name="hour"/> (UTC).
    /// </summary>
    public static RecordWindow Engaged(int daysBefore, int engagers = 10, int hour = 12)
    {
        var window = Community(80, 5);
        window.Add(Account("t"));
        window.Add(Post("t", daysBefore));
        for (var i = 0; i < engagers; i++)
        {
            window.Add(new ActionRecord(Network.X, $"m{i}>t:{daysBefore}:{hour}", ActionKind.Reshare, $"m{i}", "t", At(daysBefore, hour)));
        }

        return window;
    }

    /// <summary>
    /// An established community: <paramref name="size"/> old accounts that post and engage with each other at
    /// random (seeded), so every member has standing.
    /// </summary>
    public static RecordWindow Community(int size, int seed, int actionsPerMember = 8)
    {
        var rng = new Random(seed);
        var window = new RecordWindow();
        for (var i = 0; i < size; i++)
        {
            window.Add(Account($"m{i}", 400 + rng.Next(2000)));
            window.Add(Post($"m{i}", rng.Next(60)));
        }

        for (var i = 0; i < size; i++)
        {
            for (var k = 0; k < actionsPerMember; k++)
            {
                var t = rng.Next(size);
                if (t != i)
                {
                    window.Add(Act($"m{i}", $"m{t}", (ActionKind)rng.Next(3), rng.Next(80)));
                }
            }
        }

        return window;
    }
}
