using Clout.Core.Storage;

namespace Clout.Api.Models;

/// <summary>The calling key: id, name, limits in force and requests used today.</summary>
public sealed record KeyView(string Id, string Name, DateTimeOffset Created, int PerSecond, int PerDay, long UsedToday)
{
    public static KeyView Of(ApiKey k, ApiOptions options, long used) => new(k.Id, k.Name, k.Created, k.PerSecond ?? options.PerSecond, k.PerDay ?? options.PerDay, used);
}
