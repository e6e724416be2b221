using Clout.Core.Records;

namespace Clout.Importers.Bluesky;

/// <summary>
/// Maps Jetstream events as they arrive over a WebSocket, one message at a time, with the same parser as saved
/// streams (follow deletes seen on the same connection become unfollows). <c>source</c> names the stream in errors.
/// </summary>
public sealed class JetstreamEvents(string source)
{
    private readonly JetstreamEventParser parser = new(source);
    private readonly List<ImportRecord> output = [];
    private long messages;

    /// <summary>The <c>time_us</c> of the last message, when it had a positive whole one (the stream's resume point).</summary>
    public long? TimeUs => parser.TimeUs;

    /// <summary>The records of one event message, or the error that replaces them.</summary>
    public IReadOnlyList<ImportItem> Parse(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        messages++;
        output.Clear();
        if (parser.Parse(message, messages, output) is { } error)
        {
            return [ImportItem.Fail(error)];
        }

        var items = new ImportItem[output.Count];
        for (var i = 0; i < items.Length; i++)
        {
            items[i] = ImportItem.Ok(output[i]);
        }

        return items;
    }
}
