namespace Clout.Generator;

/// <summary>Name parts for generated people: plain lists, so generation is fast and needs no package.</summary>
internal static class Names
{
    public static readonly string[] First =
    [
        "ada", "alan", "alice", "amara", "ana", "andre", "anya", "arjun", "ben", "bianca", "carlos", "chen", "chloe", "dana", "daniel",
        "diego", "elena", "eli", "emma", "farah", "felix", "grace", "hana", "hugo", "ines", "isaac", "ivan", "jade", "jamal", "jin",
        "jonas", "julia", "kai", "kenji", "lara", "leo", "lina", "lucas", "maya", "mei", "mila", "nadia", "nina", "noah", "omar",
        "oscar", "paula", "priya", "quinn", "rafael", "rina", "rosa", "sam", "sara", "sofia", "tariq", "tess", "theo", "uma", "victor",
        "wen", "yara", "yusuf", "zoe",
    ];

    public static readonly string[] Last =
    [
        "abbott", "adeyemi", "alvarez", "andersen", "bauer", "becker", "costa", "dubois", "eriksson", "fischer", "garcia", "haddad",
        "hansen", "ito", "jensen", "kaur", "kim", "kowalski", "larsen", "lopez", "martin", "meyer", "moreau", "nakamura", "nguyen",
        "novak", "okafor", "olsen", "park", "patel", "petrov", "quispe", "rossi", "sato", "schmidt", "silva", "singh", "tanaka",
        "torres", "vargas", "wagner", "walker", "wang", "weber", "yilmaz", "young", "zhang", "ziegler",
    ];

    public static readonly string[] MastodonInstances = ["mastodon.social", "fosstodon.org", "hachyderm.io", "mas.to", "infosec.exchange", "mstdn.social"];

    public static readonly string[] Templates =
    [
        "Thoughts on {k} today",
        "New post: why {k} matters more than you think",
        "Just finished a deep dive into {k}",
        "Hot take on {k}: we are doing it wrong",
        "What I learned this week about {k}",
        "A short thread on {k}",
        "Really enjoyed this piece about {k}",
        "Question for everyone into {k}: what are you reading?",
    ];
}
