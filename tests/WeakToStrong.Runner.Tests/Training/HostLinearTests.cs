using WeakToStrong.Training.Probes;

namespace WeakToStrong.Runner.Tests.Training;

/// <summary>The host head's two loops: sums right to float rounding, and the two-output loop the same bits as two one-output ones.</summary>
public class HostLinearTests
{
    [Theory]
    [InlineData(3)]
    [InlineData(8)]
    [InlineData(37)]
    [InlineData(384)]
    public unsafe void A_dot_product_is_the_exact_sum_to_float_rounding(int n)
    {
        var rng = new Random(n);
        var x = Enumerable.Range(0, n).Select(_ => (float)(rng.NextDouble() * 2 - 1)).ToArray();
        var w = Enumerable.Range(0, n).Select(_ => (float)(rng.NextDouble() * 2 - 1)).ToArray();
        double exact = 0, magnitude = 0;
        for (int i = 0; i < n; i++) { exact += (double)x[i] * w[i]; magnitude += Math.Abs((double)x[i] * w[i]); }
        fixed (float* px = x, pw = w)
            Assert.True(Math.Abs(HostLinear.Dot(px, pw, n) - exact) <= n * 6e-8 * magnitude, $"n={n}");
    }

    [Theory]
    [InlineData(5, 3)]
    [InlineData(40, 37)]
    [InlineData(100, 384)]
    public unsafe void Summed_rows_match_the_exact_sums_and_two_outputs_at_once_match_one_at_a_time_bit_for_bit(int count, int n)
    {
        var rng = new Random(count + n);
        var table = Enumerable.Range(0, 50 * n).Select(_ => (float)(rng.NextDouble() * 2 - 1)).ToArray();
        var rows = Enumerable.Range(0, count).Select(_ => (long)rng.Next(50)).ToArray();
        var scales = Enumerable.Range(0, 2 * count).Select(_ => (float)(rng.NextDouble() * 2 - 1)).ToArray();
        var both = new float[2 * n];
        var first = new float[n];
        var second = new float[n];
        fixed (float* t = table, b = both, f = first, s = second)
        {
            HostLinear.SumOfScaledRows(b, b + n, t, n, rows, scales);
            HostLinear.SumOfScaledRows(f, t, n, rows, scales.Where((_, i) => i % 2 == 0).ToArray());
            HostLinear.SumOfScaledRows(s, t, n, rows, scales.Where((_, i) => i % 2 == 1).ToArray());
        }
        Assert.Equal(first, both[..n]);
        Assert.Equal(second, both[n..]);
        for (int e = 0; e < n; e++)
        {
            double exact = 0, magnitude = 0;
            for (int r = 0; r < count; r++) { exact += (double)table[rows[r] * n + e] * scales[2 * r]; magnitude += Math.Abs((double)table[rows[r] * n + e] * scales[2 * r]); }
            Assert.True(Math.Abs(first[e] - exact) <= count * 6e-8 * magnitude, $"element {e}");
        }
    }
}
