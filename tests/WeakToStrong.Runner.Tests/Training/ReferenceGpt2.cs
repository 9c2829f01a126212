namespace WeakToStrong.Runner.Tests.Training;

/// <summary>
/// An independent GPT-2 forward in double precision over plain arrays, written from the GPT-2 / Hugging Face
/// definitions (not from the model under test): pre-LN blocks, Conv1D x·W + b with W [in,out], causal softmax
/// attention, GELU tanh approximation, final LayerNorm, logits tied to wte.
/// </summary>
internal sealed class ReferenceGpt2(Dictionary<string, float[]> w, int vocab, int d, int layers, int heads, double eps = 1e-5)
{
    public double[][] Logits(int[] ids)
    {
        int t = ids.Length;
        var x = new double[t][];
        for (int i = 0; i < t; i++)
        {
            x[i] = new double[d];
            for (int c = 0; c < d; c++) x[i][c] = w["wte.weight"][ids[i] * d + c] + w["wpe.weight"][i * d + c];
        }
        for (int l = 0; l < layers; l++)
        {
            string p = $"h.{l}.";
            var a = Attention(Norm(x, p + "ln_1"), p);
            for (int i = 0; i < t; i++) for (int c = 0; c < d; c++) x[i][c] += a[i][c];
            var hid = Conv(Norm(x, p + "ln_2"), p + "mlp.c_fc", d, 4 * d);
            foreach (var row in hid) for (int c = 0; c < row.Length; c++) row[c] = Gelu(row[c]);
            var m = Conv(hid, p + "mlp.c_proj", 4 * d, d);
            for (int i = 0; i < t; i++) for (int c = 0; c < d; c++) x[i][c] += m[i][c];
        }
        var h = Norm(x, "ln_f");
        var logits = new double[t][];
        for (int i = 0; i < t; i++)
        {
            logits[i] = new double[vocab];
            for (int v = 0; v < vocab; v++)
            {
                double s = 0;
                for (int c = 0; c < d; c++) s += h[i][c] * w["wte.weight"][v * d + c];
                logits[i][v] = s;
            }
        }
        return logits;
    }

    private static double Gelu(double x) => 0.5 * x * (1 + Math.Tanh(Math.Sqrt(2 / Math.PI) * (x + 0.044715 * x * x * x)));

    private double[][] Norm(double[][] x, string name)
    {
        var g = w[name + ".weight"];
        var b = w[name + ".bias"];
        return x.Select(row =>
        {
            double mean = row.Average();
            double var = row.Select(v => (v - mean) * (v - mean)).Average();
            return row.Select((v, c) => (v - mean) / Math.Sqrt(var + eps) * g[c] + b[c]).ToArray();
        }).ToArray();
    }

    private double[][] Conv(double[][] x, string name, int nIn, int nOut)
    {
        var wt = w[name + ".weight"];
        var b = w[name + ".bias"];
        return x.Select(row =>
        {
            var y = new double[nOut];
            for (int o = 0; o < nOut; o++)
            {
                double s = b[o];
                for (int i = 0; i < nIn; i++) s += row[i] * wt[i * nOut + o];
                y[o] = s;
            }
            return y;
        }).ToArray();
    }

    private double[][] Attention(double[][] x, string p)
    {
        int t = x.Length, hd = d / heads;
        var qkv = Conv(x, p + "attn.c_attn", d, 3 * d);
        var y = new double[t][];
        for (int i = 0; i < t; i++) y[i] = new double[d];
        for (int h = 0; h < heads; h++)
        {
            for (int i = 0; i < t; i++)
            {
                var scores = new double[i + 1];
                for (int j = 0; j <= i; j++)
                {
                    double s = 0;
                    for (int c = 0; c < hd; c++) s += qkv[i][h * hd + c] * qkv[j][d + h * hd + c];
                    scores[j] = s / Math.Sqrt(hd);
                }
                double max = scores.Max();
                var e = scores.Select(s => Math.Exp(s - max)).ToArray();
                double z = e.Sum();
                for (int j = 0; j <= i; j++)
                    for (int c = 0; c < hd; c++) y[i][h * hd + c] += e[j] / z * qkv[j][2 * d + h * hd + c];
            }
        }
        return Conv(y, p + "attn.c_proj", d, d);
    }

    /// <summary>Random weights in Hugging Face's GPT-2 layout (Conv1D weights [in,out]).</summary>
    public static Dictionary<string, (float[] Values, long[] Shape)> RandomWeights(int vocab, int positions, int d, int layers, int seed)
    {
        var rng = new Random(seed);
        var result = new Dictionary<string, (float[], long[])>();
        void Add(string name, double scale, double offset, params long[] shape)
        {
            long n = shape.Aggregate(1L, (a, b) => a * b);
            result[name] = (Enumerable.Range(0, (int)n).Select(_ => (float)(offset + scale * (2 * rng.NextDouble() - 1))).ToArray(), shape);
        }
        Add("wte.weight", 0.5, 0, vocab, d);
        Add("wpe.weight", 0.5, 0, positions, d);
        for (int l = 0; l < layers; l++)
        {
            string p = $"h.{l}.";
            Add(p + "ln_1.weight", 0.2, 1, d); Add(p + "ln_1.bias", 0.2, 0, d);
            Add(p + "attn.c_attn.weight", 0.4, 0, d, 3 * d); Add(p + "attn.c_attn.bias", 0.2, 0, 3 * d);
            Add(p + "attn.c_proj.weight", 0.4, 0, d, d); Add(p + "attn.c_proj.bias", 0.2, 0, d);
            Add(p + "ln_2.weight", 0.2, 1, d); Add(p + "ln_2.bias", 0.2, 0, d);
            Add(p + "mlp.c_fc.weight", 0.4, 0, d, 4 * d); Add(p + "mlp.c_fc.bias", 0.2, 0, 4 * d);
            Add(p + "mlp.c_proj.weight", 0.4, 0, 4 * d, d); Add(p + "mlp.c_proj.bias", 0.2, 0, d);
        }
        Add("ln_f.weight", 0.2, 1, d); Add("ln_f.bias", 0.2, 0, d);
        return result;
    }
}
