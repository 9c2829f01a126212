using WeakToStrong.Training.Bert;
using static TorchSharp.torch;

namespace WeakToStrong.Runner.Tests.Bert;

/// <summary>
/// BERT's layers run on the real tokens alone when a training batch pads (Bert/TokenPacking.cs). These hold the packed
/// and the padded layouts of MiniLM to the same hidden states at every real token and the same gradients, in fp32 and
/// bf16, and a forward-only pass to the padded layout's exact bits.
/// </summary>
public class TokenPackingTests
{
    private static readonly string[] Texts =
    [
        "A dog.",
        "Weak-to-strong generalization: can a small supervisor elicit what a large model knows?",
        "The quick brown fox jumps over the lazy dog.",
        "Yes.",
    ];

    [Theory]
    [InlineData(ScalarType.Float32)]
    [InlineData(ScalarType.BFloat16)]
    public void Packed_and_padded_layouts_give_every_real_token_the_same_hidden_state(ScalarType compute)
    {
        using var setup = Setup.Of(compute);
        var (body, ids, mask) = (setup.Body, setup.Ids, setup.Mask);
        body.PacksTokens = true; // a forward that records gradients: a training step's
        using var packed = body.forward(ids, mask);
        body.PacksTokens = false;
        using var padded = body.forward(ids, mask);
        using var real = mask.to_type(ScalarType.Bool).unsqueeze(-1).expand_as(packed);
        using var a = packed.masked_select(real);
        using var b = padded.masked_select(real);
        Assert.Equal(b.shape, a.shape);
        double worst = (a - b).abs().max().item<float>(), scale = b.abs().max().item<float>();
        Assert.True(worst <= Tolerance(compute) * scale, $"largest difference {worst} at scale {scale}");
        using var pads = packed.masked_select(real.logical_not());
        Assert.Equal(0f, pads.abs().max().item<float>()); // the packed layout hands back zeros where the padding was
    }

    [Theory]
    [InlineData(ScalarType.Float32)]
    [InlineData(ScalarType.BFloat16)]
    public void A_forward_only_pass_keeps_the_padded_layout_and_its_bits(ScalarType compute)
    {
        using var setup = Setup.Of(compute);
        var (body, ids, mask) = (setup.Body, setup.Ids, setup.Mask);
        using var noGrad = no_grad();
        body.PacksTokens = true;
        using var asTrained = body.forward(ids, mask);
        body.PacksTokens = false;
        using var padded = body.forward(ids, mask);
        Assert.Equal(padded.data<float>().ToArray(), asTrained.data<float>().ToArray());
    }

    [Theory]
    [InlineData(ScalarType.Float32)]
    [InlineData(ScalarType.BFloat16)]
    public void Packed_and_padded_layouts_give_the_same_gradients(ScalarType compute)
    {
        using var setup = Setup.Of(compute);
        var (body, ids, mask) = (setup.Body, setup.Ids, setup.Mask);
        var packed = Gradients(body, ids, mask, packs: true);
        var padded = Gradients(body, ids, mask, packs: false);
        Assert.Equal(padded.Keys, packed.Keys);
        double scale = padded.Values.SelectMany(g => g).Max(Math.Abs); // one scale: some gradients are 0 up to rounding (a key bias's)
        foreach (var (name, g) in padded)
        {
            double worst = g.Zip(packed[name], (x, y) => (double)Math.Abs(x - y)).DefaultIfEmpty(0).Max();
            Assert.True(worst <= Tolerance(compute) * scale, $"{name}: largest difference {worst} at scale {scale}");
        }
    }

    // Relative to the largest value compared. fp32: float summation order alone (measured: 0 in the forward). bf16: a
    // matmul over fewer rows may block its sums differently, and one bf16 ulp (2^-8 relative) in one layer's output
    // moves the next layer's by as much; 2^-5 covers two layers of that (measured: 0.011 on hidden states up to ~1.5,
    // 0.0039 on gradients up to 0.24).
    private static double Tolerance(ScalarType compute) => compute == ScalarType.Float32 ? 1e-5 : 1.0 / 32;

    /// <summary>A two-layer MiniLM body computing in <c>compute</c> and the padded batch of <see cref="Texts"/>.</summary>
    private sealed record Setup(BertModel Body, Tensor Ids, Tensor Mask) : IDisposable
    {
        public static Setup Of(ScalarType compute)
        {
            var body = BertClassifier.CreateMiniLmBody(layers: 2);
            body.ComputeType = compute;
            var encoder = WordPieceEncoder.ForMiniLm(128);
            var (ids, mask) = MiniLmReference.Batch(Texts.Select(encoder.Encode).ToArray());
            return new Setup(body, ids, mask);
        }

        public void Dispose()
        {
            Ids.Dispose();
            Mask.Dispose();
            Body.Dispose();
        }
    }

    private static Dictionary<string, float[]> Gradients(BertModel body, Tensor ids, Tensor mask, bool packs)
    {
        body.PacksTokens = packs;
        body.zero_grad();
        using (var scope = NewDisposeScope())
        {
            var hidden = body.forward(ids, mask);
            var pooled = BertClassifier.MeanPool(hidden, mask);
            using var weights = linspace(-1, 1, pooled.shape[1]);
            (pooled * weights).sum().backward();
        }
        return body.named_parameters().Where(p => p.parameter.grad is not null)
            .ToDictionary(p => p.name, p => p.parameter.grad!.to_type(ScalarType.Float32).data<float>().ToArray());
    }
}
