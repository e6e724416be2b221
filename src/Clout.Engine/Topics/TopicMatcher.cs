namespace Clout.Engine.Topics;

/// <summary>
/// Finds topic evidence in text: hashtags, keywords and phrases (whole words, case-insensitive), and links to
/// topic domains (subdomains match their parent domain). Built once per taxonomy; <see cref="Match"/> allocates
/// nothing beyond the caller's list and is safe to call from many threads at once.
/// </summary>
public sealed partial class TopicMatcher
{
    private readonly TopicTaxonomy taxonomy;
    private readonly float hashtagWeight;

    // Signals: one per distinct hashtag, keyword phrase or domain; each points at the topics that list it.
    private readonly EvidenceKind[] signalKind;
    private readonly float[] signalWeight;
    private readonly int[] signalTargetStart;
    private readonly int[] signalTargets;

    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> tokenIds;
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> hashtagSignals;
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> domainSignals;

    // Keyword phrases as token-id sequences, indexed by their last token so the scan can check them as it reads.
    private readonly int[] singleTokenSignal;
    private readonly int[] phrasesByLastStart;
    private readonly int[] phrasesByLast;
    private readonly int[] phraseTokenStart;
    private readonly int[] phraseLength;
    private readonly int[] phraseSignal;
    private readonly int[] phraseTokens;

    public TopicMatcher(TopicTaxonomy taxonomy, TopicMatchWeights? weights = null)
    {
        ArgumentNullException.ThrowIfNull(taxonomy);
        weights ??= TopicMatchWeights.Default;
        weights.Validate();
        this.taxonomy = taxonomy;
        hashtagWeight = weights.Hashtag;

        var tokenMap = new Dictionary<string, int>(StringComparer.Ordinal);
        var hashtagMap = new Dictionary<string, int>(StringComparer.Ordinal);
        var domainMap = new Dictionary<string, int>(StringComparer.Ordinal);
        var phraseMap = new Dictionary<string, int>(StringComparer.Ordinal);
        var targets = new List<List<int>>();
        var kinds = new List<EvidenceKind>();
        var baseWeights = new List<float>();
        var phrases = new List<(int[] Tokens, int Signal)>();

        int SignalFor(Dictionary<string, int> map, string key, EvidenceKind kind, float weight)
        {
            if (!map.TryGetValue(key, out var signal))
            {
                signal = targets.Count;
                map.Add(key, signal);
                targets.Add([]);
                kinds.Add(kind);
                baseWeights.Add(weight);
            }

            return signal;
        }

        void Target(int signal, int topic)
        {
            if (!targets[signal].Contains(topic))
            {
                targets[signal].Add(topic);
            }
        }

        for (var topic = 0; topic < taxonomy.Count; topic++)
        {
            var t = taxonomy[topic];
            foreach (var hashtag in t.Hashtags)
            {
                Target(SignalFor(hashtagMap, hashtag, EvidenceKind.Hashtag, weights.Hashtag), topic);
            }

            foreach (var domain in t.Domains)
            {
                Target(SignalFor(domainMap, domain, EvidenceKind.Domain, weights.Domain), topic);
            }

            foreach (var keyword in t.Keywords)
            {
                // Keywords were validated when the taxonomy was read, so they always tokenize.
                var words = TopicText.TokenizeKeyword(keyword, out _)!;
                var key = string.Join(' ', words);
                var isNew = !phraseMap.ContainsKey(key);
                var signal = SignalFor(phraseMap, key, EvidenceKind.Keyword, words.Length > 1 ? weights.Phrase : weights.Keyword);
                Target(signal, topic);
                if (isNew)
                {
                    var ids = new int[words.Length];
                    for (var i = 0; i < words.Length; i++)
                    {
                        if (!tokenMap.TryGetValue(words[i], out ids[i]))
                        {
                            ids[i] = tokenMap.Count;
                            tokenMap.Add(words[i], ids[i]);
                        }
                    }

                    phrases.Add((ids, signal));
                }
            }
        }

        signalKind = [.. kinds];
        signalWeight = new float[targets.Count];
        signalTargetStart = new int[targets.Count + 1];
        for (var s = 0; s < targets.Count; s++)
        {
            signalWeight[s] = baseWeights[s] / targets[s].Count;
            signalTargetStart[s + 1] = signalTargetStart[s] + targets[s].Count;
        }

        signalTargets = new int[signalTargetStart[^1]];
        for (var s = 0; s < targets.Count; s++)
        {
            targets[s].CopyTo(signalTargets, signalTargetStart[s]);
        }

        tokenIds = tokenMap.GetAlternateLookup<ReadOnlySpan<char>>();
        hashtagSignals = hashtagMap.GetAlternateLookup<ReadOnlySpan<char>>();
        domainSignals = domainMap.GetAlternateLookup<ReadOnlySpan<char>>();

        singleTokenSignal = new int[tokenMap.Count];
        Array.Fill(singleTokenSignal, -1);
        phrasesByLastStart = new int[tokenMap.Count + 1];
        phraseTokenStart = new int[phrases.Count];
        phraseLength = new int[phrases.Count];
        phraseSignal = new int[phrases.Count];
        var tokenList = new List<int>();
        for (var p = 0; p < phrases.Count; p++)
        {
            var (ids, signal) = phrases[p];
            phraseTokenStart[p] = tokenList.Count;
            phraseLength[p] = ids.Length;
            phraseSignal[p] = signal;
            tokenList.AddRange(ids);
            phrasesByLastStart[ids[^1] + 1]++;
            if (ids.Length == 1)
            {
                singleTokenSignal[ids[0]] = signal;
            }
        }

        phraseTokens = [.. tokenList];
        for (var t = 0; t < tokenMap.Count; t++)
        {
            phrasesByLastStart[t + 1] += phrasesByLastStart[t];
        }

        phrasesByLast = new int[phrases.Count];
        var fill = new int[tokenMap.Count];
        for (var p = 0; p < phrases.Count; p++)
        {
            var last = phrases[p].Tokens[^1];
            phrasesByLast[phrasesByLastStart[last] + fill[last]++] = p;
        }
    }

    public TopicTaxonomy Taxonomy => taxonomy;

    /// <summary>Evidence in a post (or reply, comment, article title).</summary>
    public int MatchPost(ReadOnlySpan<char> text, List<TopicEvidence> into) => Match(text, EvidenceSource.Post, into);

    /// <summary>Evidence in a profile: bio, display name, website.</summary>
    public int MatchProfile(ReadOnlySpan<char> text, List<TopicEvidence> into) => Match(text, EvidenceSource.Profile, into);

    /// <summary>
    /// Evidence in the name of a list the person is on. List names are often one run-together word
    /// ("machinelearning", "tech_news"), so each word is also looked up among the hashtags.
    /// </summary>
    public int MatchListName(ReadOnlySpan<char> text, List<TopicEvidence> into) => Match(text, EvidenceSource.ListName, into);

    /// <summary>Convenience for tests and tools: the evidence in one text, in a new list.</summary>
    public List<TopicEvidence> Match(string text, EvidenceSource source = EvidenceSource.Post)
    {
        ArgumentNullException.ThrowIfNull(text);
        var list = new List<TopicEvidence>();
        Match(text, source, list);
        return list;
    }
}
