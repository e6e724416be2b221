using System.Globalization;
using Clout.Application.Explaining;
using Clout.Application.Identity;
using Clout.Core.Domain;
using Clout.Core.Scoring;
using Clout.Core.Storage;

namespace Clout.Cli.Infrastructure;

/// <summary>The human-readable output of the CLI: plain aligned text that reads well in a terminal and in a log.</summary>
public static class TextViews
{
    public static void Leaderboard(TextWriter w, IReadOnlyList<LeaderboardEntry> rows, string title)
    {
        w.WriteLine(title);
        w.WriteLine($"{"rank",4}  {"score",6}  {"bucket",-6}  {"day",6}  person");
        foreach (var r in rows)
        {
            var who = r.Handle is null ? r.Person : $"@{r.Handle} ({r.Person}{(r.Name is null ? string.Empty : ", " + r.Name)})";
            w.WriteLine($"{r.Rank,4}  {r.Score,6:0.00}  {r.Bucket,-6}  {Delta(r.DayChange),6}  {who}");
        }
    }

    public static void Person(TextWriter w, PersonInfo person, ScoreSnapshot s)
    {
        w.WriteLine($"{person.Name ?? person.Person} ({person.Person}) on {s.Day:yyyy-MM-dd}, algorithm {s.Version}");
        w.WriteLine($"  Clout Score {s.Score:0.00}  bucket {s.Bucket}  change: day {Delta(s.DayChange)}, week {Delta(s.WeekChange)}, month {Delta(s.MonthChange)}");
        w.WriteLine($"  sub-scores (points): reach {s.Reach:0.00}, amplification {s.Amplification:0.00}, network impact {s.NetworkImpact:0.00}, audience {s.Audience:0.00}, base 1.00");
        foreach (var n in s.Networks.OrderByDescending(n => n.Points))
        {
            w.WriteLine($"  {n.Network.Name(),-9} {(n.Handle is null ? n.Account : "@" + n.Handle),-32} {n.Points,6:0.00} points");
        }

        if (s.Style is { } style)
        {
            w.WriteLine($"  style: {style.Name}: {style.Description}");
            w.WriteLine($"    creating {style.Creating:0.00}, consistency {style.Consistency:0.00}, breadth {style.Breadth:0.00}, participation {style.Participation:0.00}");
        }

        if (s.Topics.Count > 0)
        {
            w.WriteLine($"  topics: {string.Join(", ", s.Topics.Take(5).Select(t => $"{t.Name} {t.Score:0}"))}");
        }
    }

    public static void TopicEvidence(TextWriter w, TopicScore topic, string indent)
    {
        w.WriteLine($"{indent}{topic.Name} ({topic.Slug}) {topic.Score:0.00}: {topic.Posts} posts, {topic.Reactions:0.0} weighted reactions, {topic.Attributions} people attribute it");
        foreach (var e in topic.Evidence)
        {
            var text = e.Text is null ? string.Empty : $": {Shorten(e.Text, 60)}";
            w.WriteLine($"{indent}  {e.Weight,6:0.00}  {e.Description}{text}");
        }
    }

    public static void TopicLeaderboard(TextWriter w, IReadOnlyList<(TopicLeaderboardEntry Entry, TopicScore? Topic)> rows, string title)
    {
        w.WriteLine(title);
        w.WriteLine($"{"rank",4}  {"topic",6}  {"score",6}  person");
        foreach (var (r, topic) in rows)
        {
            var who = r.Handle is null ? r.Person : $"@{r.Handle} ({r.Person}{(r.Name is null ? string.Empty : ", " + r.Name)})";
            w.WriteLine($"{r.Rank,4}  {r.TopicScore,6:0.00}  {r.Score,6:0.00}  {who}");
            if (topic?.Evidence.FirstOrDefault() is { } top)
            {
                w.WriteLine($"{string.Empty,16}{top.Description}{(top.Text is null ? string.Empty : ": " + Shorten(top.Text, 50))}");
            }
        }
    }

    public static void Explanation(TextWriter w, PersonReport report)
    {
        var s = report.Snapshot;
        var e = s.Explanation;
        Person(w, report.Person, s);
        w.WriteLine();
        w.WriteLine("  where the points come from (they add up to the score):");
        foreach (var c in e.Contributions)
        {
            w.WriteLine($"    {c.Points,7:+0.00;-0.00}  {c.Label}");
        }

        if (e.Flags.Count > 0)
        {
            w.WriteLine();
            foreach (var f in e.Flags)
            {
                w.WriteLine($"  ! {f}");
            }
        }

        if (e.Discounted.Count > 0)
        {
            w.WriteLine();
            w.WriteLine("  engagement that counted for little:");
            foreach (var d in e.Discounted)
            {
                w.WriteLine($"    {d.Discounted,7:0.0} weight removed: {d.Description} ({d.Actors:N0} such actors sent {d.Actions:0.0} weighted actions)");
            }
        }

        if (s.Topics.Count > 0)
        {
            w.WriteLine();
            w.WriteLine("  topics (with the evidence behind them):");
            foreach (var topic in s.Topics.Take(5))
            {
                TopicEvidence(w, topic, "    ");
            }
        }

        Engagers(w, "who moves this person (influencers)", e.Influencers);
        Engagers(w, "whom this person moves (influencees)", e.Influencees);
        if (report.Moments.Count > 0)
        {
            w.WriteLine();
            w.WriteLine("  moments (posts that drove the score):");
            foreach (var m in report.Moments)
            {
                var reactions = string.Join(", ", m.Reactions.OrderByDescending(r => r.Value).Select(r => $"{r.Value} {r.Key}"));
                w.WriteLine($"    {m.Time:yyyy-MM-dd} {m.Network.Name()} {Shorten(m.Text ?? m.Post, 60)} ({reactions})");
            }
        }
    }

    public static void Changes(TextWriter w, ScoreChanges changes)
    {
        w.WriteLine($"{changes.Person}: {changes.ScoreFrom:0.00} on {changes.From:yyyy-MM-dd} → {changes.ScoreTo:0.00} on {changes.To:yyyy-MM-dd} ({Delta(changes.Delta)})");
        foreach (var item in changes.Items.Take(15))
        {
            w.WriteLine($"  {item.Description}");
        }

        if (changes.Items.Count > 15)
        {
            w.WriteLine($"  … and {changes.Items.Count - 15} smaller changes ({Delta(changes.Items.Skip(15).Sum(i => i.Points))} together)");
        }
    }

    private static void Engagers(TextWriter w, string title, IReadOnlyList<Engager> list)
    {
        if (list.Count == 0)
        {
            return;
        }

        w.WriteLine();
        w.WriteLine($"  {title}:");
        foreach (var x in list)
        {
            w.WriteLine($"    {(x.Handle is null ? x.Account : "@" + x.Handle),-32} {x.Network.Name(),-9} weight {x.Weight,7:0.00}  actor quality {x.Quality:0.00}");
        }
    }

    public static string Delta(double? value) =>
        value is null ? "n/a" : value.Value.ToString("+0.00;-0.00;0.00", CultureInfo.InvariantCulture);

    private static string Shorten(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";

    public static void Suggestions(TextWriter w, IReadOnlyList<IdentitySuggestion> shown, int total, double minConfidence)
    {
        if (total == 0)
        {
            w.WriteLine($"no suggested links with confidence {minConfidence:0.00} or more: no accounts of two people share a handle or link to each other");
            return;
        }

        w.WriteLine($"{total} suggested link{(total == 1 ? string.Empty : "s")}{(shown.Count < total ? $", the {shown.Count} strongest shown" : string.Empty)}; nothing is linked until you run the command under one");
        foreach (var s in shown)
        {
            w.WriteLine();
            w.WriteLine($"  {s.Confidence,5:0.00}  {s.Account} -> {s.Person}  ({s.Reason})");
            foreach (var e in s.Evidence)
            {
                w.WriteLine($"         {e.Confidence:0.00} {e.Description}");
            }

            w.WriteLine($"         confirm: {s.Command}");
        }
    }
}
