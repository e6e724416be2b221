using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Clout.Core.Records;

namespace Clout.Importers.Common;

/// <summary>
/// Reads recorded API responses: a bare response body (.json), a VCR cassette in JSON form
/// (<c>{"interactions":[{"request":{"method","uri"},"response":{"status","headers","body":{"string"}}}]}</c>),
/// or a folder of either. A bare body's request comes from an <c>INDEX.tsv</c> beside it (file, method, uri)
/// or from a file name ending in <c>__GET_path_with_underscores.json</c>; without either the endpoint is unknown.
/// </summary>
internal static partial class RecordedHttpCassette
{
    public static IEnumerable<RecordedResponse> Read(string path, CancellationToken cancellationToken)
    {
        string[] files;
        if (Directory.Exists(path))
        {
            files = Directory.GetFiles(path, "*.json");
            Array.Sort(files, StringComparer.Ordinal);
        }
        else
        {
            files = [path];
        }

        var indexes = new Dictionary<string, Dictionary<string, (string Method, string Uri, string Status)>>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var dir = Path.GetDirectoryName(Path.GetFullPath(file)) ?? ".";
            if (!indexes.TryGetValue(dir, out var index))
            {
                index = ReadIndex(Path.Combine(dir, "INDEX.tsv"));
                indexes[dir] = index;
            }

            foreach (var r in ReadFile(file, index))
            {
                yield return r;
            }
        }
    }

    /// <summary>Bodies fetched live, as recorded responses of GET requests.</summary>
    public static List<RecordedResponse> FromFetched(IEnumerable<FetchedResponse> fetched)
    {
        var list = new List<RecordedResponse>();
        foreach (var f in fetched)
        {
            var (body, error) = RecordedResponses.Parse(f);
            list.Add(new RecordedResponse(f.Uri, 1, "GET", f.Uri, EndpointOf(f.Uri), f.Date, body?.Document, error));
        }

        return list;
    }

    /// <summary>True when the JSON root is a VCR cassette rather than a response body.</summary>
    public static bool IsCassette(JsonElement root) =>
        root.ValueKind == JsonValueKind.Object && root.TryGetProperty("interactions", out var i) && i.ValueKind == JsonValueKind.Array;

    /// <summary>The endpoint form of a URI or path: the path without query, '/' and '.' replaced by '_'.</summary>
    public static string EndpointOf(string uri)
    {
        var path = Uri.TryCreate(uri, UriKind.Absolute, out var u) ? u.AbsolutePath : uri.Split('?', 2)[0];
        return path.Trim('/').Replace('/', '_').Replace('.', '_');
    }

    private static IEnumerable<RecordedResponse> ReadFile(string file, Dictionary<string, (string Method, string Uri, string Status)> index)
    {
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(File.ReadAllBytes(file), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException e)
        {
            return [Failed(file, (e.LineNumber ?? 0) + 1, null, $"not valid JSON ({e.Message.Split(" LineNumber", 2)[0].TrimEnd('.')}); expected an API response body or a JSON VCR cassette")];
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [Failed(file, 0, null, $"cannot read the file: {e.Message}")];
        }

        if (IsCassette(doc.RootElement))
        {
            using (doc)
            {
                return ReadCassette(file, doc.RootElement);
            }
        }

        var name = Path.GetFileName(file);
        string? method = null;
        string? uri = null;
        string? endpoint = null;
        if (index.TryGetValue(name, out var entry))
        {
            if (!entry.Status.StartsWith('2') && entry.Status.Length > 0)
            {
                doc.Dispose();
                return [];
            }

            (method, uri, endpoint) = (entry.Method, entry.Uri, EndpointOf(entry.Uri));
        }
        else if (FileNameRequest().Match(name) is { Success: true } m)
        {
            (method, endpoint) = (m.Groups[1].Value, m.Groups[2].Value);
        }

        return [new RecordedResponse(file, 1, method, uri, endpoint, null, doc, null)];
    }

    private static List<RecordedResponse> ReadCassette(string file, JsonElement root)
    {
        var list = new List<RecordedResponse>();
        var n = 0;
        foreach (var interaction in root.GetProperty("interactions").EnumerateArray())
        {
            var at = $"interactions[{n++}]";
            try
            {
                var request = LenientJsonFields.Obj(interaction, "request") ?? throw new JsonFieldProblem("request", "is missing; expected the recorded request");
                var response = LenientJsonFields.Obj(interaction, "response") ?? throw new JsonFieldProblem("response", "is missing; expected the recorded response");
                var method = LenientJsonFields.Str(request, "method");
                var uri = LenientJsonFields.Str(request, "uri");
                var code = LenientJsonFields.Obj(response, "status") is { } status ? LenientJsonFields.Count(status, "code") : null;
                if (code is not null and not (>= 200 and < 300))
                {
                    continue;
                }

                var body = LenientJsonFields.Obj(response, "body") is { } b ? LenientJsonFields.Str(b, "string") : null;
                if (string.IsNullOrWhiteSpace(body))
                {
                    continue;
                }

                JsonDocument parsed;
                try
                {
                    parsed = JsonDocument.Parse(body);
                }
                catch (JsonException e)
                {
                    throw new JsonFieldProblem("response.body.string", $"the body is not JSON ({e.Message.Split(" LineNumber", 2)[0].TrimEnd('.')}); expected a JSON API response");
                }

                list.Add(new RecordedResponse(file, n, method, uri, uri is null ? null : EndpointOf(uri), HeaderDate(response), parsed, null));
            }
            catch (JsonFieldProblem p)
            {
                list.Add(Failed(file, n, $"{at}.{p.Field}", p.Message));
            }
        }

        return list;
    }

    private static DateTimeOffset? HeaderDate(JsonElement response)
    {
        if (LenientJsonFields.Obj(response, "headers") is not { } headers)
        {
            return null;
        }

        foreach (var h in headers.EnumerateObject())
        {
            if (!h.Name.Equals("date", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var value = h.Value.ValueKind == JsonValueKind.Array && h.Value.GetArrayLength() > 0 ? h.Value[0] : h.Value;
            if (value.ValueKind == JsonValueKind.String
                && DateTimeOffset.TryParseExact(value.GetString(), "r", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t))
            {
                return t;
            }
        }

        return null;
    }

    private static Dictionary<string, (string Method, string Uri, string Status)> ReadIndex(string path)
    {
        var index = new Dictionary<string, (string, string, string)>(StringComparer.Ordinal);
        if (!File.Exists(path))
        {
            return index;
        }

        foreach (var line in File.ReadLines(path))
        {
            var cols = line.Split('\t');
            if (cols.Length >= 3 && cols[0].EndsWith(".json", StringComparison.OrdinalIgnoreCase) && cols[2].Contains("://", StringComparison.Ordinal))
            {
                index[cols[0]] = (cols[1], cols[2], cols.Length > 3 ? cols[3] : "");
            }
        }

        return index;
    }

    private static RecordedResponse Failed(string file, long line, string? field, string message) =>
        new(file, line, null, null, null, null, null, new ImportError(file, line, field, message));

    [GeneratedRegex(@"__(GET|POST|PUT|PATCH|DELETE)_(.+)\.json$", RegexOptions.CultureInvariant)]
    private static partial Regex FileNameRequest();
}
