using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using Clout.Core.Records;

namespace Clout.Importers.Common;

/// <summary>
/// Reads API responses saved as files: either one response body (a JSON document) or a Betamax cassette
/// (<c>{"http_interactions": [{"request": …, "response": {"body": {"string" | "base64_string"}, "status"}, "recorded_at"}]}</c>,
/// the format PRAW and other HTTP test suites record), yielding every successful response body.
/// </summary>
internal static class RecordedResponses
{
    /// <summary>The first bytes of a file as text, for cheap format sniffing.</summary>
    public static string Head(string file, int bytes = 4096)
    {
        try
        {
            using var stream = File.OpenRead(file);
            var buffer = new byte[bytes];
            var n = stream.ReadAtLeast(buffer, bytes, throwOnEndOfStream: false);
            return Encoding.UTF8.GetString(buffer, 0, n);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return string.Empty;
        }
    }

    /// <summary>The JSON files directly inside a folder, in a stable order, or the file itself.</summary>
    public static IReadOnlyList<string> Files(string path)
    {
        if (!Directory.Exists(path))
        {
            return [path];
        }

        var files = Directory.GetFiles(path, "*.json");
        System.Array.Sort(files, StringComparer.Ordinal);
        return files;
    }

    public static IEnumerable<(RecordedBody? Body, ImportError? Error)> Read(string file)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [(null, new ImportError(file, 0, null, $"cannot open the file: {e.Message}"))];
        }

        if (!TryParse(bytes, file, out var doc, out var error))
        {
            return [(null, error)];
        }

        if (doc.RootElement.ValueKind == JsonValueKind.Object
            && doc.RootElement.TryGetProperty("http_interactions", out var interactions))
        {
            return Cassette(file, doc, interactions);
        }

        return [(new RecordedBody(file, doc, bytes, null, null), null)];
    }

    /// <summary>A body fetched live, parsed as one response (never as a cassette).</summary>
    public static (RecordedBody? Body, ImportError? Error) Parse(FetchedResponse response)
    {
        var bytes = response.Body.ToArray();
        return TryParse(bytes, response.Uri, out var doc, out var error)
            ? (new RecordedBody(response.Uri, doc, bytes, response.Date, response.Uri), null)
            : (null, error);
    }

    private static IEnumerable<(RecordedBody? Body, ImportError? Error)> Cassette(string file, JsonDocument cassette, JsonElement interactions)
    {
        using (cassette)
        {
            if (interactions.ValueKind != JsonValueKind.Array)
            {
                yield return (null, new ImportError(file, 0, "http_interactions", $"expected an array of recorded interactions, found {WebJson.Describe(interactions.ValueKind)}"));
                yield break;
            }

            var i = 0;
            foreach (var interaction in interactions.EnumerateArray())
            {
                var path = $"http_interactions[{i}]";
                var source = $"{file}#{path}";
                i++;
                var response = WebJson.Object(interaction, "response");
                var body = response is { } r ? WebJson.Object(r, "body") : null;
                if (body is null)
                {
                    yield return (null, new ImportError(file, 0, $"{path}.response.body", "is missing; expected an object with \"string\" or \"base64_string\""));
                    continue;
                }

                if (response!.Value.TryGetProperty("status", out var status) && WebJson.Count(status, "code", $"{path}.response.status") is { } code and (< 200 or > 299))
                {
                    // Failed requests carry error bodies, not data.
                    continue;
                }

                if (!TryBody(body.Value, out var bytes, out var problem))
                {
                    yield return (null, new ImportError(file, 0, $"{path}.response.body", problem));
                    continue;
                }

                if (bytes.Length == 0)
                {
                    continue;
                }

                if (!TryParse(bytes, source, out var doc, out var error))
                {
                    yield return (null, error);
                    continue;
                }

                var recordedAt = WebJson.String(interaction, "recorded_at") is { } at
                    && DateTimeOffset.TryParse(at, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var t)
                    ? t : (DateTimeOffset?)null;
                var uri = WebJson.Object(interaction, "request") is { } request ? WebJson.String(request, "uri") : null;
                yield return (new RecordedBody(source, doc, bytes, recordedAt, uri), null);
            }
        }
    }

    private static bool TryBody(JsonElement body, out byte[] bytes, out string problem)
    {
        problem = string.Empty;
        if (WebJson.String(body, "string") is { } text)
        {
            bytes = Encoding.UTF8.GetBytes(text);
            return true;
        }

        if (WebJson.String(body, "base64_string") is { } base64)
        {
            try
            {
                bytes = Convert.FromBase64String(base64);
            }
            catch (FormatException)
            {
                bytes = [];
                problem = "base64_string is not valid base64";
                return false;
            }

            // Recorders keep compressed responses as base64 of the gzip stream.
            if (bytes.Length > 2 && bytes[0] == 0x1f && bytes[1] == 0x8b)
            {
                try
                {
                    using var gzip = new GZipStream(new MemoryStream(bytes), CompressionMode.Decompress);
                    using var plain = new MemoryStream();
                    gzip.CopyTo(plain);
                    bytes = plain.ToArray();
                }
                catch (InvalidDataException e)
                {
                    bytes = [];
                    problem = $"base64_string holds a corrupt gzip stream: {e.Message}";
                    return false;
                }
            }

            return true;
        }

        bytes = [];
        problem = "has neither \"string\" nor \"base64_string\"; expected the recorded response text";
        return false;
    }

    private static bool TryParse(byte[] bytes, string source, out JsonDocument doc, out ImportError? error)
    {
        try
        {
            doc = JsonDocument.Parse(bytes, WebJson.DocumentOptions);
            error = null;
            return true;
        }
        catch (JsonException e)
        {
            doc = null!;
            var line = (e.LineNumber ?? 0) + 1;
            var position = (e.BytePositionInLine ?? 0) + 1;
            var reason = e.Message.Split(" LineNumber", 2)[0].TrimEnd('.');
            error = new ImportError(source, line, null, $"not valid JSON at line {line}, byte {position} ({reason}); expected a JSON API response or a recorded HTTP cassette");
            return false;
        }
    }
}
