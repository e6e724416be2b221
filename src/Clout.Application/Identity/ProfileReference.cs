namespace Clout.Application.Identity;

/// <summary>
/// Something an account's profile points at: a URL, a Mastodon address (<c>@name@instance</c>) or a Bluesky handle
/// (<c>@name.bsky.social</c>), found in <see cref="Field"/>. <see cref="Verified"/> is set when the source says the
/// link was checked (a Mastodon profile field with <c>verified_at</c>, i.e. a rel="me" link back).
/// </summary>
public readonly record struct ProfileReference(ReferenceKind Kind, string Field, string Value, bool Verified);
