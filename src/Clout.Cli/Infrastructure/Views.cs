using Clout.Application.Explaining;
using Clout.Application.Identity;
using Clout.Core.Domain;
using Clout.Core.Scoring;
using Clout.Core.Storage;

namespace Clout.Cli.Infrastructure;

/// <summary>The JSON shapes the CLI prints (snake_case), built from application results.</summary>
public static class Views
{
    public static object Leaderboard(IReadOnlyList<LeaderboardEntry> rows) =>
        rows.Select(r => new { rank = r.Rank, person = r.Person, name = r.Name, handle = r.Handle, score = Round(r.Score), bucket = r.Bucket, day_change = Round(r.DayChange) }).ToArray();

    public static object Person(PersonInfo person, ScoreSnapshot s) => new
    {
        person = person.Person,
        name = person.Name,
        day = s.Day.ToString("yyyy-MM-dd"),
        version = s.Version,
        score = Round(s.Score),
        bucket = s.Bucket,
        score_deltas = new { day_change = Round(s.DayChange), week_change = Round(s.WeekChange), month_change = Round(s.MonthChange) },
        sub_scores = new { reach = Round(s.Reach), amplification = Round(s.Amplification), network_impact = Round(s.NetworkImpact), audience = Round(s.Audience) },
        networks = s.Networks.Select(n => new { network = n.Network.Name(), account = n.Account, handle = n.Handle, points = Round(n.Points), reach = Round(n.Reach), amplification = Round(n.Amplification), network_impact = Round(n.NetworkImpact), audience = Round(n.Audience) }).ToArray(),
        accounts = person.Accounts.Select(a => new { network = a.Network.Name(), id = a.Id, handle = a.Handle, name = a.Name, created = a.Created, labels = a.Labels }).ToArray(),
        style = Style(s.Style),
        topics = Topics(s.Topics, evidence: false),
    };

    public static object? Style(InfluenceStyle? style) => style is null ? null : new
    {
        name = style.Name,
        description = style.Description,
        row = style.Row,
        column = style.Column,
        axes = new { creating = Math.Round(style.Creating, 3), consistency = Math.Round(style.Consistency, 3), breadth = Math.Round(style.Breadth, 3), participation = Math.Round(style.Participation, 3) },
    };

    public static object[] Topics(IReadOnlyList<TopicScore> topics, bool evidence) =>
        topics.Select(t => (object)new
        {
            slug = t.Slug,
            name = t.Name,
            score = Round(t.Score),
            weight = Math.Round(t.Weight, 3),
            posts = t.Posts,
            reactions = Math.Round(t.Reactions, 2),
            attributions = t.Attributions,
            evidence = evidence ? t.Evidence.Select(TopicEvidence).ToArray() : null,
        }).ToArray();

    public static object TopicEvidence(TopicEvidenceItem e) => new
    {
        source = e.Source,
        weight = Math.Round(e.Weight, 3),
        description = e.Description,
        network = e.Network?.Name(),
        account = e.Account,
        post = e.Post,
        text = e.Text,
        day = e.Day?.ToString("yyyy-MM-dd"),
        reactions = e.Reactions,
        by = e.By,
    };

    public static object TopicLeaderboard(string topic, DateOnly? day, IReadOnlyList<(TopicLeaderboardEntry Entry, TopicScore? Topic)> rows) => new
    {
        topic,
        day = day?.ToString("yyyy-MM-dd"),
        people = rows.Select(r => new
        {
            rank = r.Entry.Rank,
            person = r.Entry.Person,
            name = r.Entry.Name,
            handle = r.Entry.Handle,
            topic_score = Round(r.Entry.TopicScore),
            score = Round(r.Entry.Score),
            bucket = r.Entry.Bucket,
            posts = r.Topic?.Posts,
            reactions = r.Topic is null ? (double?)null : Math.Round(r.Topic.Reactions, 2),
            attributions = r.Topic?.Attributions,
            evidence = r.Topic?.Evidence.Select(TopicEvidence).ToArray() ?? [],
        }).ToArray(),
    };

    public static object Explanation(PersonReport report)
    {
        var s = report.Snapshot;
        var e = s.Explanation;
        return new
        {
            person = report.Person.Person,
            name = report.Person.Name,
            day = s.Day.ToString("yyyy-MM-dd"),
            version = s.Version,
            score = Round(s.Score),
            bucket = s.Bucket,
            sub_scores = new { reach = Round(s.Reach), amplification = Round(s.Amplification), network_impact = Round(s.NetworkImpact), audience = Round(s.Audience) },
            contributions = e.Contributions.Select(c => new { label = c.Label, points = Math.Round(c.Points, 6), sub_score = c.SubScore, network = c.Network?.Name(), account = c.Account, signal = c.Signal, value = Math.Round(c.Value, 4) }).ToArray(),
            networks = s.Networks.Select(n => new { network = n.Network.Name(), account = n.Account, handle = n.Handle, points = Round(n.Points) }).ToArray(),
            discounted = e.Discounted.Select(d => new { reason = d.Reason, description = d.Description, actions = Math.Round(d.Actions, 3), discounted = Math.Round(d.Discounted, 3), actors = d.Actors }).ToArray(),
            flags = e.Flags,
            influencers = Engagers(e.Influencers),
            influencees = Engagers(e.Influencees),
            moments = report.Moments.Select(m => new { network = m.Network.Name(), post = m.Post, account = m.Account, text = m.Text, url = m.Url, time = m.Time, weight = Math.Round(m.Weight, 4), reactions = m.Reactions }).ToArray(),
            totals = e.Totals.ToDictionary(t => t.Key, t => Math.Round(t.Value, 4)),
            style = Style(s.Style),
            topics = Topics(s.Topics, evidence: true),
        };
    }

    public static object Changes(ScoreChanges changes) => new
    {
        person = changes.Person,
        from = changes.From.ToString("yyyy-MM-dd"),
        to = changes.To.ToString("yyyy-MM-dd"),
        score_from = Round(changes.ScoreFrom),
        score_to = Round(changes.ScoreTo),
        change = Math.Round(changes.Delta, 4),
        items = changes.Items.Select(i => new { label = i.Label, points = Math.Round(i.Points, 4), signal = i.Signal, network = i.Network?.Name(), account = i.Account, before = Math.Round(i.ValueBefore, 4), after = Math.Round(i.ValueAfter, 4), description = i.Description }).ToArray(),
    };

    public static object Link(LinkChange change) => new
    {
        account = change.Account.ToString(),
        person = change.To,
        previous_person = change.From,
        changed = change.Changed,
    };

    public static object Suggestions(IReadOnlyList<IdentitySuggestion> shown, int total) => new
    {
        total,
        suggestions = shown.Select(s => new
        {
            person = s.Person,
            account = s.Account.ToString(),
            account_person = s.AccountPerson,
            other = s.Other.ToString(),
            confidence = s.Confidence,
            reason = s.Reason,
            command = s.Command,
            evidence = s.Evidence.Select(e => new { kind = e.Kind, description = e.Description, confidence = Math.Round(e.Confidence, 3), account = e.Account?.ToString(), field = e.Field, value = e.Value }).ToArray(),
        }).ToArray(),
    };

    private static object[] Engagers(IReadOnlyList<Engager> list) =>
        list.Select(x => (object)new { person = x.Person, network = x.Network.Name(), account = x.Account, handle = x.Handle, weight = Math.Round(x.Weight, 4), quality = Math.Round(x.Quality, 3) }).ToArray();

    public static double Round(double value) => Math.Round(value, 2);

    public static double? Round(double? value) => value is null ? null : Math.Round(value.Value, 2);
}
