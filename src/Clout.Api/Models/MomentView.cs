using Clout.Application.Explaining;
using Clout.Core.Domain;

namespace Clout.Api.Models;

/// <summary>A post that drove the score, with its reactions by kind and its weight in the score.</summary>
public sealed record MomentView(string Network, string Post, string Account, string? Text, string? Url, DateTimeOffset? Time, double Weight, IReadOnlyDictionary<string, long> Reactions)
{
    public static MomentView Of(Moment m) => new(m.Network.Name(), m.Post, m.Account, m.Text, m.Url, m.Time, m.Weight, m.Reactions);
}
