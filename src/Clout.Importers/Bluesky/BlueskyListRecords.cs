using System.Text.Json;
using Clout.Core.Records;
using Clout.Importers.Common;

namespace Clout.Importers.Bluesky;

/// <summary>
/// Maps pages of the public XRPC endpoint <c>com.atproto.repo.listRecords</c>
/// (<c>{"records":[{"uri":"at://did/collection/rkey","cid":…,"value":{…}}],"cursor":…}</c>) with the same record
/// mapping as CAR exports and Jetstream, so a record gets the same ids whichever way it arrived.
/// </summary>
public sealed class BlueskyListRecords
{
    private readonly BlueskyRecordMapper mapper = new(person: null);

    /// <summary>The records of one page and the page's cursor (null on the last page).</summary>
    public (IReadOnlyList<ImportItem> Items, string? Cursor) Read(FetchedResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var (body, error) = RecordedResponses.Parse(response);
        if (error is not null)
        {
            return ([ImportItem.Fail(error)], null);
        }

        using (body)
        {
            var root = body!.Document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || WebJson.Array(root, "records") is not { } records)
            {
                return ([ImportItem.Fail(new ImportError(response.Uri, 1, "records", "is missing; expected a listRecords page with a records array"))], null);
            }

            var items = new List<ImportItem>();
            var output = new List<ImportRecord>();
            var i = 0;
            foreach (var r in records.EnumerateArray())
            {
                var at = $"records[{i++}]";
                output.Clear();
                try
                {
                    var uriText = WebJson.String(r, "uri");
                    if (!AtUri.TryParse(uriText, out var uri))
                    {
                        throw new BlueskyFieldException("uri", $"'{uriText}' is not an at:// URI of a record; expected at://DID/COLLECTION/RKEY");
                    }

                    if (!BlueskyRecordMapper.IsMapped(uri.Collection))
                    {
                        continue;
                    }

                    var value = WebJson.Object(r, "value") ?? throw new BlueskyFieldException("value", "is missing; expected the record object");
                    mapper.Map(uri.Did, uri.Collection, uri.Rkey, WebJson.String(r, "cid"), value, eventTime: null, output);
                    foreach (var record in output)
                    {
                        items.Add(ImportItem.Ok(record));
                    }
                }
                catch (BlueskyFieldException e)
                {
                    items.Add(ImportItem.Fail(new ImportError(response.Uri, 1, $"{at}.{e.Field}", e.Message)));
                }
            }

            var cursor = WebJson.String(root, "cursor");
            return (items, string.IsNullOrEmpty(cursor) ? null : cursor);
        }
    }
}
