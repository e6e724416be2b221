using Clout.Core.Domain;
using Clout.Engine.Topics;
using Clout.Engine.Topics.Assignment;

namespace Clout.Engine.Tests.Topics.Assignment;

/// <summary>A hand-made topic window: accounts are their own store ids, people own one or more accounts.</summary>
internal sealed class TopicScenario
{
    public static readonly DateOnly Day = new(2026, 11, 1);

    private static readonly TopicMatcher Matcher = new(TopicTaxonomy.Default);
    private readonly int[] person;
    private readonly double[] quality;
    private int posts;

    public TopicScenario(params int[] personOfAccount)
    {
        person = personOfAccount;
        quality = Enumerable.Repeat(1.0, person.Length).ToArray();
        Window = new TopicWindow(Matcher, person.Length, Day, id => (int)id);
    }

    public TopicWindow Window { get; }

    public TopicScenario Quality(int account, double value)
    {
        quality[account] = value;
        return this;
    }

    public TopicScenario Post(int account, string text, int likes = 0, int reshares = 0, int age = 0)
    {
        var reactions = new int[TopicWindow.Kinds];
        reactions[(int)ActionKind.Like] = likes;
        reactions[(int)ActionKind.Reshare] = reshares;
        Window.Post(account, "post" + posts++, PostKind.Post, DayNumber.Of(Day) - age, text, reactions);
        return this;
    }

    public TopicScenario Bio(int account, string bio)
    {
        Window.Account(account, Network.X, "a" + account, "p" + person[account], bio);
        return this;
    }

    public TopicScenario Endorse(int actor, int target, string slug)
    {
        Window.Attribution(actor, target, ActionKind.Endorse, slug, DayNumber.Of(Day));
        return this;
    }

    public TopicScenario List(int actor, int target, string name)
    {
        Window.Attribution(actor, target, ActionKind.List, name, DayNumber.Of(Day));
        return this;
    }

    public TopicAssignment Assign()
    {
        var persons = person.Max() + 1;
        return new TopicAssigner().Assign(Window, new AssignmentContext
        {
            Day = DayNumber.Of(Day),
            Person = person,
            PersonKeys = [.. Enumerable.Range(0, persons).Select(p => "p" + p)],
            Network = [.. person.Select((_, a) => a % 2 == 0 ? Network.X : Network.Bluesky)],
            SourceId = [.. person.Select((_, a) => "a" + a)],
            Quality = quality,
            ReactionQuality = [.. person.Select(_ => 1.0)],
            Decay = [.. Enumerable.Range(0, 90).Select(age => Math.Pow(0.5, age / 30.0))],
        });
    }
}
