namespace Clout.Core.Storage;

/// <summary>A person and the accounts linked to them.</summary>
public sealed record PersonInfo(string Person, string? Name, IReadOnlyList<AccountInfo> Accounts);
