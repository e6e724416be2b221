using Clout.Core.Domain;

namespace Clout.Core.Tests;

/// <summary>Enum values are stored in databases and files: these tests freeze them.</summary>
public class PersistedEnumsTests
{
    [Fact]
    public void Network_values_never_change()
    {
        Enum.GetValues<Network>().Select(n => ((int)n, n.Name())).ShouldBe(
        [
            (0, "generic"), (1, "x"), (2, "mastodon"), (3, "bluesky"), (4, "reddit"), (5, "youtube"), (6, "blog"), (7, "facebook"), (8, "instagram"), (9, "linkedin"),
        ]);
    }

    [Fact]
    public void Action_kind_values_never_change()
    {
        Enum.GetValues<ActionKind>().Select(k => ((int)k, k.Name())).ShouldBe(
        [
            (0, "like"), (1, "reshare"), (2, "reply"), (3, "comment"), (4, "quote"), (5, "mention"), (6, "follow"), (7, "unfollow"), (8, "list"), (9, "endorse"), (10, "block"),
        ]);
    }

    [Fact]
    public void Post_kind_values_never_change()
    {
        Enum.GetValues<PostKind>().Select(k => ((int)k, k.Name())).ShouldBe([(0, "post"), (1, "reply"), (2, "reshare"), (3, "quote")]);
    }
}
