using System.Runtime.InteropServices;

namespace Clout.Engine.Topics;

/// <summary>The scan over one text: a single pass, stack buffers only.</summary>
public sealed partial class TopicMatcher
{
    /// <summary>
    /// Appends to <paramref name="into"/> the evidence found in <paramref name="text"/> and returns how many entries
    /// were added. Within one call each (topic, kind) appears once, with its strongest weight, so repeating a word
    /// does not multiply the evidence.
    /// </summary>
    public int Match(ReadOnlySpan<char> text, EvidenceSource source, List<TopicEvidence> into)
    {
        ArgumentNullException.ThrowIfNull(into);
        var start = into.Count;
        Span<int> recent = stackalloc int[TopicText.MaxPhraseTokens];
        var recentCount = 0;
        var head = 0;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (TopicText.IsWordChar(c))
            {
                if (TryLink(text, ref i, source, into, start))
                {
                    recentCount = 0;
                    continue;
                }

                var length = TopicText.WordLength(text, i);
                var token = LookupToken(text.Slice(i, length));
                if (token < 0)
                {
                    recentCount = 0;
                    if (source == EvidenceSource.ListName)
                    {
                        MatchHashtag(text.Slice(i, length), source, into, start);
                    }
                }
                else
                {
                    recent[head] = token;
                    head = (head + 1) % recent.Length;
                    recentCount = Math.Min(recentCount + 1, recent.Length);
                    MatchPhrases(token, recent, head, recentCount, source, into, start);
                    if (source == EvidenceSource.ListName && singleTokenSignal[token] < 0)
                    {
                        MatchHashtag(text.Slice(i, length), source, into, start);
                    }
                }

                i += length;
            }
            else if (c == '#' && (i == 0 || !TopicText.IsTagChar(text[i - 1])) && i + 1 < text.Length && TopicText.IsTagChar(text[i + 1]))
            {
                var end = i + 1;
                while (end < text.Length && TopicText.IsTagChar(text[end]))
                {
                    end++;
                }

                MatchHashtag(text[(i + 1)..end], source, into, start);
                recentCount = 0;
                i = end;
            }
            else if (c == '@')
            {
                // Handles and e-mail addresses are names, not prose; their domains are not links either.
                i++;
                while (i < text.Length && (TopicText.IsTagChar(text[i]) || text[i] is '.' or '-' or '@'))
                {
                    i++;
                }

                recentCount = 0;
            }
            else
            {
                if (!TopicText.IsJoiner(c))
                {
                    recentCount = 0;
                }

                i++;
            }
        }

        return into.Count - start;
    }

    /// <summary>Reads a URL (http/https) or a bare host name at <paramref name="i"/>; true when it consumed one.</summary>
    private bool TryLink(ReadOnlySpan<char> text, ref int i, EvidenceSource source, List<TopicEvidence> into, int start)
    {
        var rest = text[i..];
        var scheme = rest.StartsWith("https://", StringComparison.OrdinalIgnoreCase) ? 8
            : rest.StartsWith("http://", StringComparison.OrdinalIgnoreCase) ? 7
            : 0;
        if (scheme > 0)
        {
            var hostLength = TopicText.HostLength(text, i + scheme);
            MatchDomain(text.Slice(i + scheme, hostLength), source, into, start);
            i = SkipToWhiteSpace(text, i + scheme + hostLength);
            return true;
        }

        var length = TopicText.HostLength(text, i);
        var host = text.Slice(i, length);
        if (length < 4 || !TopicText.LooksLikeHost(host))
        {
            return false;
        }

        // An unknown host with a path is still a link (example.com/technology): its path is not prose.
        var hasPath = i + length < text.Length && text[i + length] == '/';
        if (!MatchDomain(host, source, into, start) && !hasPath)
        {
            return false;
        }

        i = hasPath ? SkipToWhiteSpace(text, i + length) : i + length;
        return true;
    }

    private static int SkipToWhiteSpace(ReadOnlySpan<char> text, int i)
    {
        while (i < text.Length && !char.IsWhiteSpace(text[i]))
        {
            i++;
        }

        return i;
    }

    private int LookupToken(ReadOnlySpan<char> word)
    {
        if (word.Length > TopicText.MaxTokenLength)
        {
            return -1;
        }

        Span<char> lower = stackalloc char[TopicText.MaxTokenLength];
        TopicText.Lower(word, lower);
        return tokenIds.TryGetValue(lower[..word.Length], out var id) ? id : -1;
    }

    private void MatchPhrases(int token, ReadOnlySpan<int> recent, int head, int recentCount, EvidenceSource source, List<TopicEvidence> into, int start)
    {
        for (var k = phrasesByLastStart[token]; k < phrasesByLastStart[token + 1]; k++)
        {
            var phrase = phrasesByLast[k];
            var length = phraseLength[phrase];
            if (length > recentCount)
            {
                continue;
            }

            // Compare backwards from the token before the last; recent[head - 1] is the last token read.
            var matched = true;
            var first = phraseTokenStart[phrase];
            for (var back = 1; back < length; back++)
            {
                var slot = (head - 1 - back + recent.Length) % recent.Length;
                if (phraseTokens[first + length - 1 - back] != recent[slot])
                {
                    matched = false;
                    break;
                }
            }

            if (matched)
            {
                Emit(phraseSignal[phrase], signalKind[phraseSignal[phrase]], source, into, start);
            }
        }
    }

    private void MatchHashtag(ReadOnlySpan<char> tag, EvidenceSource source, List<TopicEvidence> into, int start)
    {
        if (tag.Length > TopicText.MaxTokenLength * 2)
        {
            return;
        }

        Span<char> lower = stackalloc char[TopicText.MaxTokenLength * 2];
        TopicText.Lower(tag, lower);
        var key = lower[..tag.Length];
        if (hashtagSignals.TryGetValue(key, out var signal))
        {
            Emit(signal, EvidenceKind.Hashtag, source, into, start);
        }
        else if (tokenIds.TryGetValue(key, out var token) && singleTokenSignal[token] >= 0)
        {
            // #kubernetes where only the keyword "kubernetes" is listed: still the author's own label.
            Emit(singleTokenSignal[token], EvidenceKind.Hashtag, source, into, start);
        }
    }

    private bool MatchDomain(ReadOnlySpan<char> host, EvidenceSource source, List<TopicEvidence> into, int start)
    {
        if (host.Length == 0 || host.Length > TopicText.MaxHostLength)
        {
            return false;
        }

        Span<char> lower = stackalloc char[TopicText.MaxHostLength];
        TopicText.Lower(host, lower);
        var name = lower[..host.Length];

        // The most specific listed domain wins: apod.nasa.gov before nasa.gov; blog.github.com finds github.com.
        while (true)
        {
            if (domainSignals.TryGetValue(name, out var signal))
            {
                Emit(signal, EvidenceKind.Domain, source, into, start);
                return true;
            }

            var dot = name.IndexOf('.');
            if (dot < 0 || name[(dot + 1)..].IndexOf('.') < 0)
            {
                return false;
            }

            name = name[(dot + 1)..];
        }
    }

    private void Emit(int signal, EvidenceKind kind, EvidenceSource source, List<TopicEvidence> into, int start)
    {
        var first = signalTargetStart[signal];
        var end = signalTargetStart[signal + 1];

        // A hashtag that matched a keyword signal carries a hashtag's strength, still split by ambiguity.
        var weight = kind == signalKind[signal] ? signalWeight[signal] : hashtagWeight / (end - first);
        for (var t = first; t < end; t++)
        {
            Add(into, start, new TopicEvidence(signalTargets[t], kind, source, weight));
        }
    }

    private static void Add(List<TopicEvidence> into, int start, TopicEvidence evidence)
    {
        var span = CollectionsMarshal.AsSpan(into)[start..];
        for (var k = 0; k < span.Length; k++)
        {
            if (span[k].Topic == evidence.Topic && span[k].Kind == evidence.Kind)
            {
                if (evidence.Weight > span[k].Weight)
                {
                    span[k] = evidence;
                }

                return;
            }
        }

        into.Add(evidence);
    }
}
