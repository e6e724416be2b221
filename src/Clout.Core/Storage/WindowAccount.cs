using Clout.Core.Domain;

namespace Clout.Core.Storage;

/// <summary>An account as the scoring window sees it. <see cref="StoreId"/> is the store's own id, used by the other window rows.</summary>
public readonly record struct WindowAccount(long StoreId, Network Network, string SourceId, string Person, string? Handle, int? CreatedDay);
