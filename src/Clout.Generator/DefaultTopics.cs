namespace Clout.Generator;

/// <summary>A small built-in topic list, used when no taxonomy is given.</summary>
public static class DefaultTopics
{
    public static IReadOnlyList<GeneratorTopic> All { get; } =
    [
        new("software-development", ["coding", "programming", "devops"], ["software", "code review", "programming"], ["github.com"]),
        new("rust", ["rustlang", "rust"], ["rust", "cargo", "borrow checker"], ["rust-lang.org"]),
        new("machine-learning", ["ml", "ai", "deeplearning"], ["machine learning", "neural networks", "llm"], ["arxiv.org"]),
        new("cybersecurity", ["infosec", "cybersecurity"], ["security", "vulnerability", "malware"], ["krebsonsecurity.com"]),
        new("football", ["football", "premierleague"], ["football", "goal", "transfer window"], ["espn.com"]),
        new("basketball", ["nba", "basketball"], ["basketball", "playoffs", "three pointer"], ["nba.com"]),
        new("tennis", ["tennis", "atp"], ["tennis", "grand slam", "wimbledon"], ["atptour.com"]),
        new("indie-music", ["indiemusic", "newmusic"], ["album", "indie band", "vinyl"], ["bandcamp.com"]),
        new("jazz", ["jazz"], ["jazz", "saxophone", "bebop"], ["jazztimes.com"]),
        new("film", ["film", "movies", "cinema"], ["film", "director", "box office"], ["imdb.com"]),
        new("cooking", ["cooking", "recipes", "foodie"], ["recipe", "sourdough", "cooking"], ["seriouseats.com"]),
        new("coffee", ["coffee", "espresso"], ["coffee", "espresso", "pour over"], ["sprudge.com"]),
        new("politics", ["politics", "election"], ["election", "parliament", "policy"], ["politico.com"]),
        new("startups", ["startups", "vc", "founders"], ["startup", "fundraising", "founders"], ["techcrunch.com"]),
        new("personal-finance", ["personalfinance", "investing"], ["investing", "index funds", "budget"], ["investopedia.com"]),
        new("running", ["running", "marathon"], ["marathon", "running", "trail run"], ["runnersworld.com"]),
        new("travel", ["travel", "wanderlust"], ["travel", "itinerary", "backpacking"], ["lonelyplanet.com"]),
        new("video-games", ["gaming", "videogames"], ["video games", "speedrun", "console"], ["ign.com"]),
        new("photography", ["photography", "filmphotography"], ["photography", "lens", "aperture"], ["petapixel.com"]),
        new("climate", ["climate", "climatechange"], ["climate", "emissions", "renewables"], ["carbonbrief.org"]),
        new("astronomy", ["astronomy", "space"], ["telescope", "galaxy", "astronomy"], ["nasa.gov"]),
        new("fashion", ["fashion", "style"], ["fashion", "runway", "streetwear"], ["vogue.com"]),
        new("books", ["books", "amreading"], ["novel", "book club", "reading list"], ["goodreads.com"]),
        new("parenting", ["parenting"], ["parenting", "toddler", "school run"], ["todaysparent.com"]),
    ];
}
