namespace Clout.Core.Scoring;

/// <summary>Klout's score buckets: "1-9", "10-19", … "80-89", "90-100".</summary>
public static class Buckets
{
    public static string Of(double score)
    {
        if (score >= 90)
        {
            return "90-100";
        }

        if (score < 10)
        {
            return "1-9";
        }

        var low = (int)Math.Floor(score / 10) * 10;
        return $"{low}-{low + 9}";
    }
}
