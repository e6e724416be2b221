namespace Clout.Core.Scoring;

/// <summary>
/// A person's score on a day with one algorithm version. Sub-scores are in points: with <see cref="Audience"/>
/// and the base point they add up to <see cref="Score"/>.
/// </summary>
public sealed record ScoreSnapshot(string Person, DateOnly Day, string Version, double Score, string Bucket)
{
    public double Reach { get; init; }

    public double Amplification { get; init; }

    public double NetworkImpact { get; init; }

    public double Audience { get; init; }

    public double? DayChange { get; init; }

    public double? WeekChange { get; init; }

    public double? MonthChange { get; init; }

    private IReadOnlyList<NetworkPart> networks = [];
    private Explanation explanation = new();
    private IReadOnlyList<TopicScore> topics = [];
    private InfluenceStyle? style;
    private StoredParts? stored;

    public IReadOnlyList<NetworkPart> Networks
    {
        get => stored?.Networks is { } n ? n.Value : networks;
        init => (networks, stored) = (value, stored is null ? null : stored with { Networks = null });
    }

    public Explanation Explanation
    {
        get => stored?.Explanation is { } e ? e.Value : explanation;
        init => (explanation, stored) = (value, stored is null ? null : stored with { Explanation = null });
    }

    /// <summary>Topics the person is influential about, highest score first; empty for snapshots scored before topics existed.</summary>
    public IReadOnlyList<TopicScore> Topics
    {
        get => stored?.Topics is { } t ? t.Value : topics;
        init => (topics, stored) = (value, stored is null ? null : stored with { Topics = null });
    }

    /// <summary>The person's influence style, or null when not measured.</summary>
    public InfluenceStyle? Style
    {
        get => stored?.Style is { } s ? s.Value : style;
        init => (style, stored) = (value, stored is null ? null : stored with { Style = null });
    }

    /// <summary>
    /// A copy whose structured parts are decoded from the stored bytes when first read, once (a store's reader passes
    /// the decoders): a request for the score alone never pays for decoding the explanation and topics. A null
    /// decoder keeps the part as it is.
    /// </summary>
    public ScoreSnapshot DecodingLater(Func<IReadOnlyList<NetworkPart>>? networks, Func<Explanation>? explanation, Func<IReadOnlyList<TopicScore>>? topics, Func<InfluenceStyle?>? style) =>
        this with
        {
            stored = new StoredParts(
                networks is null ? stored?.Networks : new(networks, LazyThreadSafetyMode.PublicationOnly),
                explanation is null ? stored?.Explanation : new(explanation, LazyThreadSafetyMode.PublicationOnly),
                topics is null ? stored?.Topics : new(topics, LazyThreadSafetyMode.PublicationOnly),
                style is null ? stored?.Style : new(style, LazyThreadSafetyMode.PublicationOnly)),
        };

    private sealed record StoredParts(Lazy<IReadOnlyList<NetworkPart>>? Networks, Lazy<Explanation>? Explanation, Lazy<IReadOnlyList<TopicScore>>? Topics, Lazy<InfluenceStyle?>? Style);
}
