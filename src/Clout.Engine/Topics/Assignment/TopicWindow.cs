using Clout.Core.Domain;
using Clout.Core.Storage;
using Clout.Engine.Collections;

namespace Clout.Engine.Topics.Assignment;

/// <summary>
/// Receives a store's topic window (<see cref="ITopicSink"/>) and keeps only what topic assignment and styles need,
/// in columns: texts are matched as they arrive, and only posts with topic evidence are kept (with their reactions).
/// Accounts are the canonical indexes of the scoring window, found through <c>indexOf</c> (-1 for unknown ids).
/// </summary>
public sealed class TopicWindow : ITopicSink
{
    /// <summary>Reaction counts kept per post, indexed by <see cref="ActionKind"/>.</summary>
    public const int Kinds = 11;

    private readonly TopicMatcher matcher;
    private readonly Func<long, int> indexOf;
    private readonly int lastDay;
    private readonly List<TopicEvidence> scratch = [];
    private readonly float[] topicWeight;
    private readonly List<int> touched = [];
    private readonly int[][] profileTopics;
    private readonly float[][] profileShares;

    private readonly GrowableArray<int> postAccount = new();
    private readonly GrowableArray<int> postDay = new();
    private readonly GrowableArray<int> postReactions = new(1 << 12);
    private readonly GrowableArray<int> postEvidenceStart = new();
    private readonly List<string> postSource = [];
    private readonly List<string> postText = [];

    private readonly GrowableArray<int> attributionActor = new();
    private readonly GrowableArray<int> attributionTarget = new();
    private readonly GrowableArray<byte> attributionKind = new();
    private readonly GrowableArray<int> attributionDay = new();
    private readonly GrowableArray<int> attributionEvidenceStart = new();
    private readonly List<string> attributionLabel = [];

    private readonly GrowableArray<int> evidenceTopic = new(1 << 12);
    private readonly GrowableArray<float> evidenceShare = new(1 << 12);
    private readonly GrowableArray<int> attributionTopic = new();
    private readonly GrowableArray<float> attributionShare = new();

    public TopicWindow(TopicMatcher matcher, int accounts, DateOnly day, Func<long, int> indexOf)
    {
        this.matcher = matcher ?? throw new ArgumentNullException(nameof(matcher));
        this.indexOf = indexOf ?? throw new ArgumentNullException(nameof(indexOf));
        Accounts = accounts;
        lastDay = DayNumber.Of(day);
        Bio = new string?[accounts];
        ActiveWeeks = new ulong[accounts];
        profileTopics = new int[accounts][];
        profileShares = new float[accounts][];
        Array.Fill(profileTopics, []);
        Array.Fill(profileShares, []);
        topicWeight = new float[matcher.Taxonomy.Count];
        postEvidenceStart.Add(0);
        attributionEvidenceStart.Add(0);
    }

    public TopicTaxonomy Taxonomy => matcher.Taxonomy;

    public TopicMatcher Matcher => matcher;

    public int Accounts { get; }

    public bool WantsPosts => true;

    /// <summary>Profile text per account.</summary>
    public string?[] Bio { get; }

    /// <summary>Bit w is set when the account published anything in week w of the window (0 = the last 7 days; capped at 63).</summary>
    public ulong[] ActiveWeeks { get; }

    public int Posts => postAccount.Count;

    public int Attributions => attributionActor.Count;

    public long PostsSeen { get; private set; }

    public void Account(long account, Network network, string sourceId, string person, string? bio)
    {
        var a = indexOf(account);
        if (a < 0 || string.IsNullOrWhiteSpace(bio))
        {
            return;
        }

        Bio[a] = bio;
        var topics = new GrowableArray<int>(16);
        var shares = new GrowableArray<float>(16);
        if (Collect(bio, EvidenceSource.Profile, topics, shares))
        {
            profileTopics[a] = topics.Span.ToArray();
            profileShares[a] = shares.Span.ToArray();
        }
    }

    public void Post(long author, string sourceId, PostKind kind, int day, string? text, ReadOnlySpan<int> reactions)
    {
        PostsSeen++;
        var a = indexOf(author);
        var age = lastDay - day;
        if (a < 0 || age < 0)
        {
            return;
        }

        ActiveWeeks[a] |= 1UL << Math.Min(63, age / 7);
        if (string.IsNullOrEmpty(text) || !Collect(text, EvidenceSource.Post, evidenceTopic, evidenceShare))
        {
            return;
        }

        postEvidenceStart.Add(evidenceTopic.Count);
        postAccount.Add(a);
        postDay.Add(day);
        postSource.Add(sourceId);
        postText.Add(text);
        for (var k = 0; k < Kinds; k++)
        {
            postReactions.Add(k < reactions.Length ? reactions[k] : 0);
        }
    }

    public void Attribution(long actor, long target, ActionKind kind, string label, int day)
    {
        var a = indexOf(actor);
        var t = indexOf(target);
        if (a < 0 || t < 0 || string.IsNullOrWhiteSpace(label) || kind is not (ActionKind.List or ActionKind.Endorse))
        {
            return;
        }

        if (kind == ActionKind.Endorse)
        {
            // An endorsement names its topic by slug; an unknown slug is not evidence of anything.
            if (!matcher.Taxonomy.TryGetIndex(label.Trim(), out var topic))
            {
                return;
            }

            attributionTopic.Add(topic);
            attributionShare.Add(1f);
        }
        else if (!Collect(label, EvidenceSource.ListName, attributionTopic, attributionShare))
        {
            return;
        }

        attributionEvidenceStart.Add(attributionTopic.Count);
        attributionActor.Add(a);
        attributionTarget.Add(t);
        attributionKind.Add((byte)kind);
        attributionDay.Add(day);
        attributionLabel.Add(label);
    }

    /// <summary>The topics an account's profile text points at, with their shares (empty when none).</summary>
    public ReadOnlySpan<int> ProfileTopics(int account) => profileTopics[account];

    public ReadOnlySpan<float> ProfileShares(int account) => profileShares[account];

    public int PostAccount(int post) => postAccount[post];

    public int PostDay(int post) => postDay[post];

    public string PostSource(int post) => postSource[post];

    public string PostText(int post) => postText[post];

    public ReadOnlySpan<int> PostReactions(int post) => postReactions.Span.Slice(post * Kinds, Kinds);

    public ReadOnlySpan<int> PostTopics(int post) => evidenceTopic.Span[postEvidenceStart[post]..postEvidenceStart[post + 1]];

    public ReadOnlySpan<float> PostShares(int post) => evidenceShare.Span[postEvidenceStart[post]..postEvidenceStart[post + 1]];

    public int AttributionActor(int i) => attributionActor[i];

    public int AttributionTarget(int i) => attributionTarget[i];

    public ActionKind AttributionKind(int i) => (ActionKind)attributionKind[i];

    public int AttributionDay(int i) => attributionDay[i];

    public string AttributionLabel(int i) => attributionLabel[i];

    public ReadOnlySpan<int> AttributionTopics(int i) => attributionTopic.Span[attributionEvidenceStart[i]..attributionEvidenceStart[i + 1]];

    public ReadOnlySpan<float> AttributionShares(int i) => attributionShare.Span[attributionEvidenceStart[i]..attributionEvidenceStart[i + 1]];

    /// <summary>
    /// Matches a text and appends one (topic, share) per topic found. A topic found by several kinds of signal in one
    /// text weighs their sum, capped at 1; shares are divided by the text's total when above 1, so one text never
    /// counts for more than one whole piece of evidence however many topics it touches.
    /// </summary>
    private bool Collect(string text, EvidenceSource source, GrowableArray<int> topics, GrowableArray<float> shares)
    {
        scratch.Clear();
        matcher.Match(text, source, scratch);
        if (scratch.Count == 0)
        {
            return false;
        }

        touched.Clear();
        foreach (var e in scratch)
        {
            if (topicWeight[e.Topic] == 0)
            {
                touched.Add(e.Topic);
            }

            topicWeight[e.Topic] = Math.Min(1f, topicWeight[e.Topic] + e.Weight);
        }

        float total = 0;
        foreach (var t in touched)
        {
            total += topicWeight[t];
        }

        var scale = total > 1 ? 1 / total : 1;
        foreach (var t in touched)
        {
            topics.Add(t);
            shares.Add(topicWeight[t] * scale);
            topicWeight[t] = 0;
        }

        return true;
    }
}
