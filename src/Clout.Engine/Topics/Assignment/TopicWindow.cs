using Clout.Core.Domain;
using Clout.Core.Storage;
using Clout.Engine.Collections;

namespace Clout.Engine.Topics.Assignment;

/// <summary>
/// Receives a store's topic window (<see cref="ITopicSink"/>) and keeps only what topic assignment and styles need,
/// in columns: texts are matched as they arrive, and only posts with topic evidence are kept (with their reactions).
/// Accounts are the canonical indexes of the scoring window, found through <c>indexOf</c> (-1 for unknown ids).
/// Post texts are matched in batches on the other cores while the store goes on reading; results are appended
/// in arrival order, so the window is the same as a one-by-one match. Kept texts and source ids are held as UTF-8 in
/// blocks (<see cref="Utf8Arena"/>), not as millions of string objects. <see cref="Posts"/> (or
/// <see cref="Complete"/>) waits for the last batch.
/// </summary>
public sealed class TopicWindow : ITopicSink
{
    /// <summary>Reaction counts kept per post, indexed by <see cref="ActionKind"/>.</summary>
    public const int Kinds = 11;

    private readonly TopicMatcher matcher;
    private readonly Func<long, int> indexOf;
    private readonly int lastDay;
    private readonly EvidenceCollector collector;
    private readonly int[][] profileTopics;
    private readonly float[][] profileShares;

    private readonly GrowableArray<int> postAccount = new();
    private readonly GrowableArray<int> postDay = new();
    private readonly GrowableArray<int> postReactions = new(1 << 12);
    private readonly GrowableArray<int> postEvidenceStart = new();
    private readonly Utf8Arena postSource = new();
    private readonly Utf8Arena postText = new();

    private readonly GrowableArray<int> attributionActor = new();
    private readonly GrowableArray<int> attributionTarget = new();
    private readonly GrowableArray<byte> attributionKind = new();
    private readonly GrowableArray<int> attributionDay = new();
    private readonly GrowableArray<int> attributionEvidenceStart = new();
    private readonly List<string> attributionLabel = [];

    private PostBatch filling = new();
    private PostBatch spare = new();
    private Task<PostBatch>? matching;

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
        collector = new EvidenceCollector(matcher);
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

    /// <summary>Posts kept (with topic evidence); waits for the texts still being matched.</summary>
    public int Posts
    {
        get
        {
            Complete();
            return postAccount.Count;
        }
    }

    public int Attributions => attributionActor.Count;

    public long PostsSeen { get; private set; }

    /// <summary>Told the posts seen so far, every 65,536 posts.</summary>
    public IProgress<long>? Progress { get; init; }

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
        if (collector.Collect(bio, EvidenceSource.Profile, topics, shares))
        {
            profileTopics[a] = topics.Span.ToArray();
            profileShares[a] = shares.Span.ToArray();
        }
    }

    public void Post(long author, string sourceId, PostKind kind, int day, string? text, ReadOnlySpan<int> reactions)
    {
        if ((++PostsSeen & 0xFFFF) == 0)
        {
            Progress?.Report(PostsSeen);
        }

        var a = indexOf(author);
        var age = lastDay - day;
        if (a < 0 || age < 0)
        {
            return;
        }

        ActiveWeeks[a] |= 1UL << Math.Min(63, age / 7);
        if (string.IsNullOrEmpty(text))
        {
            return;
        }

        filling.Add(a, day, sourceId, text, reactions);
        if (filling.Count == PostBatch.Size)
        {
            Dispatch();
        }
    }

    /// <summary>Matches the posts still pending and appends them; idempotent. Call after the store has sent everything.</summary>
    public void Complete()
    {
        if (filling.Count > 0)
        {
            Dispatch();
        }

        AppendMatched();
    }

    /// <summary>Starts matching the filled batch in the background, after appending the one before it.</summary>
    private void Dispatch()
    {
        AppendMatched();
        var batch = filling;
        filling = spare;
        filling.Clear();
        matching = Task.Run(() =>
        {
            batch.Match(matcher);
            return batch;
        });
    }

    private void AppendMatched()
    {
        if (matching is null)
        {
            return;
        }

        var batch = matching.GetAwaiter().GetResult();
        matching = null;
        for (var i = 0; i < batch.Count; i++)
        {
            var (from, to) = (batch.EvidenceStart[i], batch.EvidenceStart[i + 1]);
            if (from == to)
            {
                continue;
            }

            evidenceTopic.AddRange(batch.Topics.Span[from..to]);
            evidenceShare.AddRange(batch.Shares.Span[from..to]);

            postEvidenceStart.Add(evidenceTopic.Count);
            postAccount.Add(batch.Account[i]);
            postDay.Add(batch.Day[i]);
            postSource.Add(batch.Source[i]);
            postText.Add(batch.Text[i]);
            postReactions.AddRange(batch.Reactions.AsSpan(i * Kinds, Kinds));
        }

        batch.Clear();
        spare = batch;
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
        else if (!collector.Collect(label, EvidenceSource.ListName, attributionTopic, attributionShare))
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

    /// <summary>Turns a text's matches into evidence, with scratch buffers of its own (one collector per thread).</summary>
    private sealed class EvidenceCollector(TopicMatcher matcher)
    {
        private readonly List<TopicEvidence> scratch = [];
        private readonly float[] topicWeight = new float[matcher.Taxonomy.Count];
        private readonly List<int> touched = [];

        /// <summary>
        /// Matches a text and appends one (topic, share) per topic found. A topic found by several kinds of signal in
        /// one text weighs their sum, capped at 1; shares are divided by the text's total when above 1, so one text
        /// never counts for more than one whole piece of evidence however many topics it touches.
        /// </summary>
        public bool Collect(string text, EvidenceSource source, GrowableArray<int> topics, GrowableArray<float> shares)
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

    /// <summary>Posts waiting to be matched, and after matching their evidence (per post, in arrival order).</summary>
    private sealed class PostBatch
    {
        public const int Size = 8192;
        private const int Chunks = 16;

        public int Count { get; private set; }

        public int[] Account { get; } = new int[Size];

        public int[] Day { get; } = new int[Size];

        public string[] Source { get; } = new string[Size];

        public string[] Text { get; } = new string[Size];

        public int[] Reactions { get; } = new int[Size * Kinds];

        public int[] EvidenceStart { get; } = new int[Size + 1];

        public GrowableArray<int> Topics { get; } = new(1 << 12);

        public GrowableArray<float> Shares { get; } = new(1 << 12);

        public void Add(int account, int day, string source, string text, ReadOnlySpan<int> reactions)
        {
            var i = Count++;
            Account[i] = account;
            Day[i] = day;
            Source[i] = source;
            Text[i] = text;
            var into = Reactions.AsSpan(i * Kinds, Kinds);
            into.Clear();
            reactions[..Math.Min(Kinds, reactions.Length)].CopyTo(into);
        }

        public void Clear()
        {
            Array.Clear(Source, 0, Count);
            Array.Clear(Text, 0, Count);
            Count = 0;
            Topics.Clear();
            Shares.Clear();
        }

        /// <summary>Matches every text, in fixed chunks on the thread pool, then lays the evidence out in post order.</summary>
        public void Match(TopicMatcher matcher)
        {
            var count = Count;
            var chunkTopics = new GrowableArray<int>[Chunks];
            var chunkShares = new GrowableArray<float>[Chunks];
            var perPost = new int[count];
            Parallel.For(0, Chunks, chunk =>
            {
                var from = (int)((long)count * chunk / Chunks);
                var to = (int)((long)count * (chunk + 1) / Chunks);
                var topics = new GrowableArray<int>(256);
                var shares = new GrowableArray<float>(256);
                var collector = new EvidenceCollector(matcher);
                for (var i = from; i < to; i++)
                {
                    var before = topics.Count;
                    collector.Collect(Text[i], EvidenceSource.Post, topics, shares);
                    perPost[i] = topics.Count - before;
                }

                chunkTopics[chunk] = topics;
                chunkShares[chunk] = shares;
            });

            EvidenceStart[0] = 0;
            for (var i = 0; i < count; i++)
            {
                EvidenceStart[i + 1] = EvidenceStart[i] + perPost[i];
            }

            for (var chunk = 0; chunk < Chunks; chunk++)
            {
                Topics.AddRange(chunkTopics[chunk].Span);
                Shares.AddRange(chunkShares[chunk].Span);
            }
        }
    }
}
