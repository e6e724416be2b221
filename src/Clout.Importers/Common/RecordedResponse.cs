using System.Text.Json;
using Clout.Core.Records;

namespace Clout.Importers.Common;

/// <summary>
/// One recorded HTTP response body, with what is known of its request. <see cref="Endpoint"/> is the request
/// path with '/' and '.' as '_' (<c>2_tweets_123_liking_users</c>), the form recorded file names use too.
/// Exactly one of <see cref="Body"/> and <see cref="Error"/> is set.
/// </summary>
internal sealed record RecordedResponse(string Source, long Line, string? Method, string? Uri, string? Endpoint, DateTimeOffset? Date, JsonDocument? Body, ImportError? Error);
