using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Clout.Core.Records;
using Clout.Importers.Common;

namespace Clout.Importers.Twitter;

/// <summary>
/// The archive's data files are scripts, <c>window.YTD.tweets.part0 = [ ... ]</c>: this finds the JSON after the
/// assignment and lists a data type's part files (<c>tweets.js</c>, <c>tweets-part1.js</c>, ...).
/// </summary>
internal static partial class YtdScript
{
    /// <summary>The part files of a data type in archive order; <paramref name="names"/> are the type's file names, newest first (tweets, tweet).</summary>
    public static List<string> Parts(string dataDir, params string[] names)
    {
        foreach (var name in names)
        {
            var parts = new List<(int Part, string File)>();
            foreach (var file in Directory.EnumerateFiles(dataDir, name + "*.js"))
            {
                var m = PartName().Match(Path.GetFileName(file));
                if (m.Success && m.Groups[1].Value == name)
                {
                    var part = m.Groups[2].Success ? int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture) : 0;
                    parts.Add((part, file));
                }
            }

            if (parts.Count > 0)
            {
                parts.Sort((a, b) => a.Part.CompareTo(b.Part));
                return parts.ConvertAll(p => p.File);
            }
        }

        return [];
    }

    /// <summary>Reads a part file and returns a cursor over its array, or an error naming the file.</summary>
    public static JsonArrayCursor? Open(string file, out ImportError? error)
    {
        error = null;
        byte[] data;
        try
        {
            data = File.ReadAllBytes(file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            error = new ImportError(file, 0, null, $"cannot read the file: {e.Message}");
            return null;
        }

        var start = JsonStart(data, (byte)'[');
        if (start < 0)
        {
            error = new ImportError(file, 1, null, "expected a script of the form 'window.YTD.<type>.part0 = [ ... ]'");
            return null;
        }

        return JsonArrayCursor.AtOffset(data, start, file);
    }

    /// <summary>The offset of the JSON value after <c>window.X = </c>, or -1 when the bytes do not start so.</summary>
    public static int JsonStart(byte[] data, byte open)
    {
        var head = Encoding.UTF8.GetString(data, 0, Math.Min(data.Length, 200)).TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
        if (!head.StartsWith("window.", StringComparison.Ordinal))
        {
            return -1;
        }

        var eq = Array.IndexOf(data, (byte)'=');
        var start = eq < 0 ? -1 : Array.IndexOf(data, open, eq);
        if (start < 0)
        {
            return -1;
        }

        for (var i = eq + 1; i < start; i++)
        {
            if (data[i] is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n'))
            {
                return -1;
            }
        }

        return start;
    }

    [GeneratedRegex(@"^([a-z\-]+?)(?:-part(\d+))?\.js$", RegexOptions.CultureInvariant)]
    private static partial Regex PartName();
}
