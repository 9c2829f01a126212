using System.Runtime.Intrinsics;

namespace WeakToStrong.Training.Probes;

/// <summary>
/// The two loops of a linear head on host arrays: a dot product and a sum of scaled rows. Both use 8-wide vectors whatever
/// the CPU (.NET emulates <see cref="Vector256{T}"/> where it has no such registers) and one fused multiply-add per
/// element, so their bits depend on neither the machine's vector width nor its thread count.
/// </summary>
public static class HostLinear
{
    /// <summary>Σ x_i·w_i over n elements: four 8-wide partial sums over consecutive 32-element blocks, joined as
    /// (s0+s1)+(s2+s3) and then lane by lane in order, then the tail element by element.</summary>
    public static unsafe float Dot(float* x, float* w, int n)
    {
        Vector256<float> s0 = Vector256<float>.Zero, s1 = s0, s2 = s0, s3 = s0;
        int i = 0;
        for (; i + 32 <= n; i += 32)
        {
            s0 = Vector256.FusedMultiplyAdd(Vector256.Load(x + i), Vector256.Load(w + i), s0);
            s1 = Vector256.FusedMultiplyAdd(Vector256.Load(x + i + 8), Vector256.Load(w + i + 8), s1);
            s2 = Vector256.FusedMultiplyAdd(Vector256.Load(x + i + 16), Vector256.Load(w + i + 16), s2);
            s3 = Vector256.FusedMultiplyAdd(Vector256.Load(x + i + 24), Vector256.Load(w + i + 24), s3);
        }
        for (; i + 8 <= n; i += 8) s0 = Vector256.FusedMultiplyAdd(Vector256.Load(x + i), Vector256.Load(w + i), s0);
        var lanes = (s0 + s1) + (s2 + s3);
        float sum = 0;
        for (int k = 0; k < Vector256<float>.Count; k++) sum += lanes.GetElement(k);
        for (; i < n; i++) sum = MathF.FusedMultiplyAdd(x[i], w[i], sum);
        return sum;
    }

    /// <summary>y = Σ_r a_r·table[rows_r] over the n elements of a row (the table's row width): each element summed
    /// over the rows in their order, one fused multiply-add per term from zero. A block of 32 elements stays in
    /// registers across the rows; adding whole rows into y one after another took 4× as long (docs/speed.md).</summary>
    public static unsafe void SumOfScaledRows(float* y, float* table, int n, ReadOnlySpan<long> rows, ReadOnlySpan<float> scales)
    {
        int e = 0;
        for (; e + 32 <= n; e += 32)
        {
            Vector256<float> s0 = Vector256<float>.Zero, s1 = s0, s2 = s0, s3 = s0;
            for (int r = 0; r < rows.Length; r++)
            {
                float* x = table + rows[r] * n + e;
                var a = Vector256.Create(scales[r]);
                s0 = Vector256.FusedMultiplyAdd(Vector256.Load(x), a, s0);
                s1 = Vector256.FusedMultiplyAdd(Vector256.Load(x + 8), a, s1);
                s2 = Vector256.FusedMultiplyAdd(Vector256.Load(x + 16), a, s2);
                s3 = Vector256.FusedMultiplyAdd(Vector256.Load(x + 24), a, s3);
            }
            s0.Store(y + e); s1.Store(y + e + 8); s2.Store(y + e + 16); s3.Store(y + e + 24);
        }
        Tail(y, table, n, e, rows, scales, 1, 0);
    }

    /// <summary><see cref="SumOfScaledRows(float*, float*, int, ReadOnlySpan{long}, ReadOnlySpan{float})"/> for two
    /// outputs at once, y0 with scales[2r] and y1 with scales[2r+1], reading each row once: the same bits as two calls.</summary>
    public static unsafe void SumOfScaledRows(float* y0, float* y1, float* table, int n, ReadOnlySpan<long> rows, ReadOnlySpan<float> scales)
    {
        int e = 0;
        for (; e + 32 <= n; e += 32)
        {
            Vector256<float> a0 = Vector256<float>.Zero, a1 = a0, a2 = a0, a3 = a0, b0 = a0, b1 = a0, b2 = a0, b3 = a0;
            for (int r = 0; r < rows.Length; r++)
            {
                float* x = table + rows[r] * n + e;
                var s = Vector256.Create(scales[2 * r]);
                var t = Vector256.Create(scales[2 * r + 1]);
                Vector256<float> x0 = Vector256.Load(x), x1 = Vector256.Load(x + 8), x2 = Vector256.Load(x + 16), x3 = Vector256.Load(x + 24);
                a0 = Vector256.FusedMultiplyAdd(x0, s, a0); a1 = Vector256.FusedMultiplyAdd(x1, s, a1);
                a2 = Vector256.FusedMultiplyAdd(x2, s, a2); a3 = Vector256.FusedMultiplyAdd(x3, s, a3);
                b0 = Vector256.FusedMultiplyAdd(x0, t, b0); b1 = Vector256.FusedMultiplyAdd(x1, t, b1);
                b2 = Vector256.FusedMultiplyAdd(x2, t, b2); b3 = Vector256.FusedMultiplyAdd(x3, t, b3);
            }
            a0.Store(y0 + e); a1.Store(y0 + e + 8); a2.Store(y0 + e + 16); a3.Store(y0 + e + 24);
            b0.Store(y1 + e); b1.Store(y1 + e + 8); b2.Store(y1 + e + 16); b3.Store(y1 + e + 24);
        }
        Tail(y0, table, n, e, rows, scales, 2, 0);
        Tail(y1, table, n, e, rows, scales, 2, 1);
    }

    /// <summary>Elements from <paramref name="e"/> on, one at a time, scales[stride·r + offset].</summary>
    private static unsafe void Tail(float* y, float* table, int n, int e, ReadOnlySpan<long> rows, ReadOnlySpan<float> scales, int stride, int offset)
    {
        for (; e < n; e++)
        {
            float sum = 0;
            for (int r = 0; r < rows.Length; r++) sum = MathF.FusedMultiplyAdd(table[rows[r] * n + e], scales[stride * r + offset], sum);
            y[e] = sum;
        }
    }
}
