using System.Globalization;

namespace Clout.Engine.Topics;

/// <summary>
/// The character rules shared by the matcher and by the validation of keywords, so that a keyword is split into
/// tokens exactly the way text is. Words are runs of letters, digits and combining marks; a dot between word
/// characters stays inside the word (node.js, pm2.5) and a trailing "++" or "#" is kept (c++, c#).
/// </summary>
internal static class TopicText
{
    /// <summary>No keyword token is longer; longer words in text are skipped without a lookup.</summary>
    public const int MaxTokenLength = 64;

    /// <summary>The longest keyword phrase, in tokens; bounds the matcher's look-back.</summary>
    public const int MaxPhraseTokens = 8;

    /// <summary>The longest host name DNS allows.</summary>
    public const int MaxHostLength = 253;

    public static bool IsWordChar(char c)
    {
        if (c < 0x80)
        {
            return (uint)((c | 0x20) - 'a') <= 'z' - 'a' || (uint)(c - '0') <= 9;
        }

        if (char.IsLetterOrDigit(c))
        {
            return true;
        }

        var category = CharUnicodeInfo.GetUnicodeCategory(c);
        return category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark;
    }

    /// <summary>Hashtags and handles also allow the underscore.</summary>
    public static bool IsTagChar(char c) => c == '_' || IsWordChar(c);

    /// <summary>
    /// Characters that may sit between the words of a phrase without breaking it: "hip-hop" matches "hip hop",
    /// "r&amp;b" is r, b, "ci/cd" is ci, cd. Sentence punctuation breaks a phrase.
    /// </summary>
    public static bool IsJoiner(char c) =>
        c switch
        {
            ' ' or '\t' or '\n' or '\r' or '-' or '\'' or '&' or '/' or '_' => true,
            '\u00A0' or '\u2010' or '\u2011' or '\u2018' or '\u2019' => true,
            _ => c >= 0x80 && char.IsWhiteSpace(c),
        };

    public static char Lower(char c) =>
        c < 0x80 ? (uint)(c - 'A') <= 'Z' - 'A' ? (char)(c | 0x20) : c : char.ToLowerInvariant(c);

    /// <summary>Writes the lower-case form of <paramref name="text"/> into <paramref name="into"/> (same length).</summary>
    public static void Lower(ReadOnlySpan<char> text, Span<char> into)
    {
        for (var i = 0; i < text.Length; i++)
        {
            into[i] = Lower(text[i]);
        }
    }

    /// <summary>The length of the word starting at <paramref name="start"/>, which must be a word character.</summary>
    public static int WordLength(ReadOnlySpan<char> text, int start)
    {
        var i = start + 1;
        while (i < text.Length)
        {
            var c = text[i];
            if (IsWordChar(c))
            {
                i++;
            }
            else if (c == '.' && i + 1 < text.Length && IsWordChar(text[i + 1]))
            {
                i += 2;
            }
            else
            {
                break;
            }
        }

        if (i + 1 < text.Length && text[i] == '+' && text[i + 1] == '+' && (i + 2 == text.Length || !IsWordChar(text[i + 2])))
        {
            i += 2;
        }
        else if (i < text.Length && text[i] == '#' && (i + 1 == text.Length || !IsTagChar(text[i + 1])))
        {
            i++;
        }

        return i - start;
    }

    /// <summary>The length of the run of host-name characters (ASCII letters, digits, '-', '.') at <paramref name="start"/>, without trailing dots or hyphens.</summary>
    public static int HostLength(ReadOnlySpan<char> text, int start)
    {
        var i = start;
        while (i < text.Length && IsHostChar(text[i]))
        {
            i++;
        }

        while (i > start && text[i - 1] is '.' or '-')
        {
            i--;
        }

        return i - start;
    }

    /// <summary>
    /// True for a dotted name whose last label is at least two letters (github.com, crates.io); node.js passes
    /// too, which is why a host that is not a known domain falls back to being read as a word.
    /// </summary>
    public static bool LooksLikeHost(ReadOnlySpan<char> host)
    {
        var lastDot = host.LastIndexOf('.');
        if (lastDot <= 0 || host.Length - lastDot - 1 < 2 || host.Contains("..", StringComparison.Ordinal))
        {
            return false;
        }

        foreach (var c in host[(lastDot + 1)..])
        {
            if ((uint)((c | 0x20) - 'a') > 'z' - 'a')
            {
                return false;
            }
        }

        return true;
    }

    public static bool IsHostChar(char c) => c < 0x80 && (IsWordChar(c) || c is '-' or '.');

    /// <summary>
    /// Splits a keyword into lower-case tokens the way <see cref="TopicMatcher"/> splits text, or explains why it
    /// cannot be matched (punctuation that would break the phrase, too many tokens, a token too long).
    /// </summary>
    public static string[]? TokenizeKeyword(string keyword, out string? problem)
    {
        var tokens = new List<string>();
        var text = keyword.AsSpan();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (IsWordChar(c))
            {
                var length = WordLength(text, i);
                if (length > MaxTokenLength)
                {
                    problem = $"the word '{text.Slice(i, length)}' is longer than {MaxTokenLength} characters";
                    return null;
                }

                tokens.Add(text.Slice(i, length).ToString().ToLowerInvariant());
                i += length;
            }
            else if (IsJoiner(c))
            {
                i++;
            }
            else
            {
                problem = $"'{c}' at position {i} would split the phrase; expected letters, digits and spaces (also - ' & / between words)";
                return null;
            }
        }

        if (tokens.Count == 0)
        {
            problem = "expected at least one word";
            return null;
        }

        if (tokens.Count > MaxPhraseTokens)
        {
            problem = $"has {tokens.Count} words; at most {MaxPhraseTokens} are matched";
            return null;
        }

        problem = null;
        return [.. tokens];
    }

    /// <summary>Lower-cases a hashtag and drops a leading '#', or explains what is wrong with it.</summary>
    public static string? NormalizeHashtag(string hashtag, out string? problem)
    {
        var text = hashtag.Trim();
        if (text.StartsWith('#'))
        {
            text = text[1..];
        }

        if (text.Length == 0)
        {
            problem = "expected a hashtag such as \"rustlang\", found an empty string";
            return null;
        }

        if (text.Length > MaxTokenLength * 2)
        {
            problem = $"hashtag '{text}' is longer than {MaxTokenLength * 2} characters";
            return null;
        }

        foreach (var c in text)
        {
            if (!IsTagChar(c))
            {
                problem = $"hashtag '{text}' contains '{c}'; expected letters, digits or '_' only";
                return null;
            }
        }

        problem = null;
        return text.ToLowerInvariant();
    }

    /// <summary>Lower-cases a host name, or explains why it is not one (a URL, a path, a single label).</summary>
    public static string? NormalizeDomain(string domain, out string? problem)
    {
        var text = domain.Trim().ToLowerInvariant();
        if (text.Contains("://", StringComparison.Ordinal) || text.Contains('/', StringComparison.Ordinal))
        {
            problem = $"'{domain}' is a URL or path; expected a host name such as github.com";
            return null;
        }

        if (text.Length == 0 || text.Length > MaxHostLength || !text.Contains('.', StringComparison.Ordinal))
        {
            problem = $"'{domain}' is not a host name; expected a dotted name such as github.com";
            return null;
        }

        foreach (var label in text.Split('.'))
        {
            if (label.Length == 0 || label[0] == '-' || label[^1] == '-' || !label.All(c => c < 0x80 && (IsWordChar(c) || c == '-')))
            {
                problem = $"'{domain}' is not a host name; expected labels of letters, digits and '-' separated by dots, such as blog.example.com";
                return null;
            }
        }

        problem = null;
        return text;
    }
}
