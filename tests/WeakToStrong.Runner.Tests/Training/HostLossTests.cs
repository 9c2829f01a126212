using WeakToStrong.Core.Manifests;
using WeakToStrong.Training.Losses;
using static TorchSharp.torch;

namespace WeakToStrong.Runner.Tests.Training;

/// <summary>
/// A loss's host form (<see cref="IHostLoss"/>) is the loss its tensor form defines: the same value and the same
/// gradient as autograd through <see cref="ILoss.Compute"/>, to float rounding, on batches that exercise every branch
/// (logconf's interpolated threshold and its ties, either sign of the Bradley-Terry margin, targets that do not sum to 1).
/// </summary>
public class HostLossTests
{
    public static TheoryData<string, double> Losses => new()
    {
        { "xent", 0.0 }, { "logconf", 0.0 }, { "logconf", 0.1 }, { "logconf", 0.7 }, { "bradley-terry", 0.0 },
    };

    private static ILoss Create(string name) => name switch
    {
        "xent" => new XentLoss(),
        "logconf" => LogConfidenceLoss.From(new LossSpec { Name = LossName.LogConf, AuxCoef = 0.5, Warmup = Warmup.Step, WarmupFrac = 0.2 }),
        _ => new BradleyTerryLoss(),
    };

    [Theory]
    [MemberData(nameof(Losses))]
    public void The_host_form_gives_the_tensor_forms_value_and_autograd_gradient(string name, double progress)
    {
        var rng = new Random(17);
        foreach (int batch in new[] { 1, 7, 100 })
        {
            var z = Enumerable.Range(0, 2 * batch).Select(_ => (float)(rng.NextDouble() * 8 - 4)).ToArray();
            var y = Enumerable.Range(0, batch).SelectMany(_ => { float p = (float)rng.NextDouble(); return new[] { 1 - p, p }; }).ToArray();
            AssertSame(Create(name), z, y, progress);
        }
    }

    [Fact]
    public void Logconf_on_host_sends_ties_at_the_threshold_to_class_zero_as_the_tensor_form_does()
    {
        // A zero-initialised head: every p0 is 0.5, the threshold is 0.5, and every row is hardened to class 0.
        var loss = Create("logconf");
        var z = new float[20];
        var y = Enumerable.Range(0, 10).SelectMany(i => i % 3 == 0 ? new[] { 0.2f, 0.8f } : new[] { 0.9f, 0.1f }).ToArray();
        var gradient = AssertSame(loss, z, y, progress: 0.5);
        // With c = 0.5 every target is (0.5·y0 + 0.5, 0.5·y1): ∂L/∂z0 = (0.5 − t0)/B < 0 for every row.
        for (int i = 0; i < 10; i++) Assert.Equal((0.5 - (0.5 * y[2 * i] + 0.5)) / 10, gradient[2 * i], 6);
    }

    [Fact]
    public void Targets_that_do_not_sum_to_one_get_log_softmaxs_own_gradient()
    {
        var z = new[] { 1f, -2f, 0.5f, 0.25f };
        var y = new[] { 0.3f, 0.3f, 1f, 0.5f };
        AssertSame(new XentLoss(), z, y, 0);
    }

    private static float[] AssertSame(ILoss loss, float[] z, float[] y, double progress)
    {
        int batch = z.Length / 2;
        var gradient = new float[z.Length];
        double value = ((IHostLoss)loss).Gradient(z, y, progress, gradient);

        using var logits = tensor(z, batch, 2).requires_grad_(true);
        using var targets = tensor(y, batch, 2);
        using var expected = loss.Compute(logits, targets, progress);
        expected.backward();
        var expectedGradient = logits.grad!.data<float>().ToArray();

        Assert.Equal(expected.item<float>(), value, 5);
        for (int i = 0; i < z.Length; i++) Assert.True(Math.Abs(expectedGradient[i] - gradient[i]) <= 1e-6 + 1e-5 * Math.Abs(expectedGradient[i]),
            $"∂L/∂z[{i}]: autograd {expectedGradient[i]:G9}, host {gradient[i]:G9}");
        return gradient;
    }
}
