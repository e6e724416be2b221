using System.Text;
using System.Text.Json;
using Clout.Core.Records;
using Clout.Importers.Interchange;

namespace Clout.Importers.Tests.Interchange;

/// <summary>
/// Issue #4 (import at 300,000 records/s): reading lines from bytes, with posts and actions parsed by the fast
/// parser, gives the same records, line numbers and errors as decoding the text and parsing each line in full.
/// </summary>
public class InterchangeFastParserTests
{
    private const string Post = """{"type":"post","network":"x","id":"p1","account":"12","time":"2026-11-01T10:00:00Z","text":"hello","kind":"post","parent":null}""";
    private const string Action = """{"type":"action","network":"x","id":"a1","kind":"reshare","actor":"34","target":"12","post":"p1","time":"2026-11-02T08:00:00Z"}""";

    public static TheoryData<string> Lines =>
    [
        Post,
        Action,
        """{"time":"2026-11-02T08:00:00Z","target":"12","actor":"34","kind":"like","id":"a2","network":"twitter","type":"action"}""",
        """{"type":"action","network":"x","id":"a3","kind":"Retweet","actor":"34","target":"12","time":"2026-11-02T08:00:00Z","post":null,"topic":null}""",
        """{"type":"post","network":"mastodon","id":"p2","account":"12","time":"2026-11-01T10:00:00+02:00","kind":"REPLY","parent":"p1"}""",
        """{"type":"post","network":"x","id":"p3","account":"12","time":"2026-11-01T10:00:00"}""",
        """{"type":"post","network":"x","id":"p4","account":"12","time":"2026-11-01T10:00:00.250Z","url":"https://x.example/p4"}""",
        """{"type":"post","network":"x","id":"p5","account":"12","time":"2026-02-30T10:00:00Z"}""",
        """{"type":"post","network":"x","id":"p6","account":"12","time":"2026-11-01T24:00:00Z"}""",
        """{"type":"post","network":"x","id":"p7","account":"12","time":"soon"}""",
        """{"type":"post","network":"x","id":"p8","account":"12","time":"2026-11-01T10:00:00Z","text":"caf\u00e9 \"quoted\" \\ done"}""",
        """{"type":"post","network":"x","\u0069d":"p9","account":"12","time":"2026-11-01T10:00:00Z"}""",
        """{"type":"post","network":"x","id":"p10","account":"12","time":"2026-11-01T10:00:00Z","lang":"en","counts":{"views":9}}""",
        """{"type":"post","network":"x","id":"p11","account":"12","time":"2026-11-01T10:00:00Z","actor":"34"}""",
        """{"type":"post","network":"x","id":"p12","account":"12","time":"2026-11-01T10:00:00Z","text":{"a":1}}""",
        """{"type":"post","network":"x","id":"p13","account":"12","time":"2026-11-01T10:00:00Z","id":"p14"}""",
        """{"type":"post","network":"x","id":"","account":"12","time":"2026-11-01T10:00:00Z"}""",
        """{"type":"post","network":"x","id":null,"account":"12","time":"2026-11-01T10:00:00Z"}""",
        """{"type":"post","network":"x","id":"p15","account":"12","time":"2026-11-01T10:00:00Z","kind":"story"}""",
        """{"type":"post","network":"x","id":"p16","account":"12","time":"2026-11-01T10:00:00Z"} trailing""",
        """{"type":"post","network":"x","id":"p17","account":"12","time":"2026-11-01T10:00:00Z",}""",
        """{"type":"post","network":"friendster","id":"p18","account":"12","time":"2026-11-01T10:00:00Z"}""",
        """{"type":"post","network":"x","id":17,"account":"12","time":"2026-11-01T10:00:00Z"}""",
        """{"type":"action","network":"x","id":"e1","kind":"endorse","actor":"34","target":"12","time":"2026-11-02T08:00:00Z"}""",
        """{"type":"action","network":"x","id":"e2","kind":"endorse","actor":"34","target":"12","topic":"  ","time":"2026-11-02T08:00:00Z"}""",
        """{"type":"action","network":"x","id":"e3","kind":"endorse","actor":"34","target":"12","topic":"rust","time":"2026-11-02T08:00:00Z"}""",
        """{"type":"action","network":"x","id":"a4","kind":"wave","actor":"34","target":"12","time":"2026-11-02T08:00:00Z"}""",
        """{"type":"action","network":"x","id":"a5","kind":"like","actor":"34","time":"2026-11-02T08:00:00Z"}""",
        """{"type":"action","network":"x","id":"a6","kind":"like","actor":"34","target":"12","account":"12","time":"2026-11-02T08:00:00Z"}""",
        """{"type":"account","network":"x","id":"12","handle":"alice","created":"2020-01-01T00:00:00Z","person":"alice","labels":["topic:rust"]}""",
        """{"type":"metrics","network":"x","account":"12","date":"2026-11-01","days":90,"followers":1200,"received":{"reshare":40}}""",
        """{"type":null}""",
        """{"type":"person"}""",
        "[1,2]",
        "{not json",
        "\u00a0",
    ];

    [Theory]
    [MemberData(nameof(Lines))]
    public void Each_line_reads_as_the_full_parser_reads_it(string line) =>
        Fast(line + "\n").ShouldBe(Full(line + "\n"));

    [Theory]
    [InlineData("\r\n")]
    [InlineData("\r")]
    [InlineData("\n")]
    public void Line_ends_and_blank_lines_count_as_the_text_reader_counts_them(string end)
    {
        var text = "\uFEFF" + string.Join(end, [Post, "", "  \t ", Action, "\u00a0", "{bad", Post]) + end + end + Action;

        var fast = Fast(text);

        fast.ShouldBe(Full(text));
        fast.Count.ShouldBe(5);
    }

    [Fact]
    public void Invalid_utf8_inside_a_string_reads_as_the_decoded_text_does()
    {
        var bytes = Encoding.UTF8.GetBytes(Post).ToList();
        bytes.InsertRange(bytes.Count - 40, [0xC3, 0x28, 0xFF]);

        Read(bytes.ToArray(), fast: true).ShouldBe(Read(bytes.ToArray(), fast: false));
    }

    [Fact]
    public void A_file_in_utf16_is_read_as_text()
    {
        var bytes = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(Post + "\n" + Action + "\n")).ToArray();

        var items = Read(bytes, fast: true);

        items.ShouldBe(Read(bytes, fast: false));
        items.Count.ShouldBe(2);
    }

    [Fact]
    public void A_line_longer_than_the_read_buffer_is_read_whole()
    {
        var line = Post.Replace("hello", new string('x', 3 << 20), StringComparison.Ordinal);

        var items = Fast(line + "\n" + Action);

        items.Count.ShouldBe(2);
        items.ShouldBe(Full(line + "\n" + Action));
    }

    [Fact]
    public void Many_seeded_random_lines_read_the_same_both_ways()
    {
        var random = new Random(9);
        string[] networks = ["x", "twitter", "mastodon", "bluesky", "reddit", "youtube", "blog", "generic"];
        string[] kinds = ["like", "reshare", "retweet", "reply", "comment", "quote", "mention", "follow", "list", "endorse", "block"];
        string[] texts = ["plain", @"caf\u00e9", @"emoji \ud83d\ude00", @"quote \"" and \\", @"tab\tnew\nline", "ünïcödé", ""];
        var text = new StringBuilder();
        for (var i = 0; i < 6000; i++)
        {
            var time = DateTimeOffset.FromUnixTimeSeconds(random.NextInt64(-100_000_000, 4_000_000_000)).ToString(random.Next(4) == 0 ? "yyyy-MM-ddTHH:mm:sszzz" : "yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture);
            var network = networks[random.Next(networks.Length)];
            if (random.Next(2) == 0)
            {
                text.Append($$"""{"type":"post","network":"{{network}}","id":"p{{random.Next(3000)}}","account":"{{random.Next(50)}}","time":"{{time}}","text":"{{texts[random.Next(texts.Length)]}}"{{(random.Next(3) == 0 ? ",\"kind\":\"reply\",\"parent\":\"p1\"" : string.Empty)}}}""");
            }
            else
            {
                var kind = kinds[random.Next(kinds.Length)];
                var topic = random.Next(3) == 0 ? ",\"topic\":\"rust\"" : random.Next(2) == 0 ? ",\"topic\":null" : string.Empty;
                text.Append($$"""{"type":"action","network":"{{network}}","id":"a{{random.Next(3000)}}","kind":"{{kind}}","actor":"{{random.Next(50)}}","target":"{{random.Next(50)}}","time":"{{time}}"{{(random.Next(2) == 0 ? ",\"post\":\"p7\"" : string.Empty)}}{{topic}}}""");
            }

            text.Append(random.Next(10) == 0 ? "\r\n" : "\n");
        }

        var fast = Fast(text.ToString());

        fast.Count.ShouldBe(6000);
        fast.ShouldBe(Full(text.ToString()));
    }

    private static List<string> Fast(string text) => Read(Encoding.UTF8.GetBytes(text), fast: true);

    private static List<string> Full(string text) => Read(Encoding.UTF8.GetBytes(text), fast: false);

    /// <summary>Items as JSON text, so records with lists and dictionaries compare by value.</summary>
    private static List<string> Read(byte[] bytes, bool fast)
    {
        var items = fast ? JsonLinesImporter.ReadStream(new MemoryStream(bytes), "in.jsonl").ToList() : ReadText(bytes);
        return items.Select(i => i.Record is { } r ? $"{r.GetType().Name} {JsonSerializer.Serialize(r, r.GetType())}" : $"error {i.Error}").ToList();
    }

    /// <summary>The text reading of the format: decode, cut with <see cref="StreamReader.ReadLine"/>, parse each line.</summary>
    private static List<ImportItem> ReadText(byte[] bytes)
    {
        using var reader = new StreamReader(new MemoryStream(bytes), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        var parser = new InterchangeParser("in.jsonl");
        var items = new List<ImportItem>();
        long line = 0;
        while (reader.ReadLine() is { } text)
        {
            line++;
            if (!string.IsNullOrWhiteSpace(text))
            {
                items.Add(parser.Parse(text, line));
            }
        }

        return items;
    }
}
