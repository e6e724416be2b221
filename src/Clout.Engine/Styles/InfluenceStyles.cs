namespace Clout.Engine.Styles;

/// <summary>
/// The 16 cells of the influence matrix, rows from the top (participating, broad) to the bottom (listening,
/// focused) and columns from the left (sharing, casual) to the right (creating, consistent), with our own
/// one-line description of each.
/// </summary>
public static class InfluenceStyles
{
    private static readonly (string Name, string Description)[,] Grid =
    {
        {
            ("Curator", "Finds the best of what others make and passes it on to a wide, engaged audience."),
            ("Broadcaster", "Shares a steady stream of content across many subjects, and it travels far."),
            ("Taste Maker", "Makes and shares content on many subjects that people act on; ahead of the trend, not following it."),
            ("Celebrity", "Posts original content constantly on everything; whatever they say draws a crowd."),
        },
        {
            ("Syndicator", "Watches what is moving and passes on the pick of it, often to one audience."),
            ("Feeder", "A reliable stream of posts that people come back to, mostly passed on rather than written."),
            ("Thought Leader", "Shares the news of their field and adds their own view to it."),
            ("Pundit", "Writes the takes rather than sharing them; their opinions spread and are trusted."),
        },
        {
            ("Dabbler", "Posts now and then on a few things; engagement is light so far."),
            ("Conversationalist", "Here to talk: replies and joins in more than they broadcast."),
            ("Socializer", "At the centre of their circle, connecting people and sharing what they make."),
            ("Networker", "Consistently connects with the right people and brings their own work to them."),
        },
        {
            ("Observer", "Mostly reads: posts little and rarely joins in, but keeps up."),
            ("Explorer", "Tries things out in a narrow area, posting occasionally; likely to grow."),
            ("Activist", "Keeps coming back to one cause or subject and champions it."),
            ("Specialist", "Consistently creates on one subject for an audience that listens closely."),
        },
    };

    public const int Rows = 4;

    public const int Columns = 4;

    public static string Name(int row, int column) => Grid[row, column].Name;

    public static string Description(int row, int column) => Grid[row, column].Description;

    /// <summary>All names in reading order (rows top to bottom, columns left to right).</summary>
    public static IReadOnlyList<string> Names { get; } =
        [.. Enumerable.Range(0, Rows * Columns).Select(i => Grid[i / Columns, i % Columns].Name)];
}
