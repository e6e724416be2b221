namespace Clout.Engine.Collections;

/// <summary>
/// Sums in fixed point (2^-24 units). Integer addition is associative, so a sum over rows that arrive in any
/// order is the same to the last bit: what makes scores identical across stores.
/// </summary>
public static class FixedPoint
{
    private const double Scale = 1 << 24;

    public static long From(double value) => (long)Math.Round(value * Scale);

    public static double ToDouble(long value) => value / Scale;

    public static double[] ToDoubles(long[] values)
    {
        var result = new double[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            result[i] = values[i] / Scale;
        }

        return result;
    }
}
