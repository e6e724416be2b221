using Clout.Core.Domain;

namespace Clout.Application.Endorsing;

/// <summary>A stored endorsement: who endorsed whom for which topic, and the accounts the action links.</summary>
public sealed record Endorsement(string By, string Person, string Topic, DateTimeOffset Time, AccountKey From, AccountKey To, string ActionId);
