using TorchSharp;
using TorchSharp.Modules;
using WeakToStrong.Training.Trainer;
using static TorchSharp.torch;

namespace WeakToStrong.Runner.Tests.Training;

/// <summary>
/// <see cref="FusedAdam"/> against TorchSharp's <see cref="Adam"/> on the same parameters and gradients: the moments
/// bit for bit, the parameters within the last bit of libtorch's square root per step, and TorchSharp's own step
/// wherever the one pass does not apply.
/// </summary>
public class FusedAdamTests
{
    private const int Steps = 5;

    // Sizes that leave a tail after any vector width (4, 8 or 16 floats), a row of embeddings most of whose gradient
    // is zero, and a scalar.
    private static readonly long[][] Shapes = [[37, 19], [64], [1]];

    private static List<Parameter> Parameters(ScalarType dtype = ScalarType.Float32)
    {
        using var _ = NewDisposeScope();
        var g = new Generator(11);
        return Shapes.Select(s => new Parameter((randn(s, generator: g) * 0.02f).to(dtype).DetachFromDisposeScope())).ToList();
    }

    /// <summary>Runs both optimisers <see cref="Steps"/> steps on the same gradients, the learning rate falling.</summary>
    private static (List<Parameter> Theirs, Adam TheirAdam, List<Parameter> Ours, FusedAdam OurAdam) RunBoth(double lr, ScalarType dtype = ScalarType.Float32)
    {
        var theirs = Parameters(dtype);
        var ours = Parameters(dtype);
        var theirAdam = optim.Adam(theirs, lr: lr);
        var ourAdam = new FusedAdam(ours, lr);
        var g = new Generator(23);
        for (int step = 0; step < Steps; step++)
        {
            foreach (var (a, b) in theirs.Zip(ours))
            {
                using var grad = (randn(a.shape, generator: g) * 1e-3f).to(dtype);
                if (a.shape[0] == 37 && step > 0) grad.narrow(0, 3, 30).zero_(); // rows no later token touched: zero gradient, moments still moving
                a.grad = grad.clone();
                b.grad = grad.clone();
            }
            foreach (var group in theirAdam.ParamGroups) group.LearningRate = lr * (1 - 0.1 * step);
            foreach (var group in ourAdam.ParamGroups) group.LearningRate = lr * (1 - 0.1 * step);
            theirAdam.step();
            ourAdam.step();
        }
        return (theirs, theirAdam, ours, ourAdam);
    }

    /// <summary>Bit for bit (no NaNs here, so equality of values is equality of bits up to the sign of zero).</summary>
    private static bool Same(Tensor a, Tensor b) => a.eq(b).all().item<bool>();

    private static Adam.State State(Adam adam, int index) => (Adam.State)adam.state_dict().State[index];

    [Fact]
    public void The_moments_are_bit_identical_to_TorchSharps_Adam_after_several_steps()
    {
        var (theirs, theirAdam, ours, ourAdam) = RunBoth(1e-3);
        Assert.Equal(Steps, ourAdam.FusedSteps);
        for (int i = 0; i < theirs.Count; i++)
        {
            Assert.True(Same(State(theirAdam, i).exp_avg, State(ourAdam, i).exp_avg), $"exp_avg of parameter {i}");
            Assert.True(Same(State(theirAdam, i).exp_avg_sq, State(ourAdam, i).exp_avg_sq), $"exp_avg_sq of parameter {i}");
            Assert.Equal(State(theirAdam, i).step, State(ourAdam, i).step);
        }
    }

    [Fact]
    public void The_parameters_move_as_TorchSharps_do_to_within_one_last_bit_per_step()
    {
        var (theirs, _, ours, _) = RunBoth(1e-3);
        var initial = Parameters();
        for (int i = 0; i < theirs.Count; i++)
        {
            using var moved = (theirs[i] - initial[i]).abs();
            Assert.True(moved.min().item<float>() > 0, "every element moved (Adam moves even a zero-gradient row while its moments are nonzero)");
            // One unit in the last place of a float near |p| is at most |p|·2⁻²³; the sqrt's last bit can tip each
            // step's rounding of p by one such unit.
            using var bound = (theirs[i].abs() + moved) * (Steps * MathF.Pow(2, -23));
            using var diff = (theirs[i] - ours[i]).abs();
            Assert.True((diff <= bound).all().item<bool>(), $"parameter {i}: max difference {diff.max().item<float>():E3}");
        }
    }

    [Fact]
    public void A_parameter_that_is_not_float32_leaves_the_step_to_TorchSharp_with_its_exact_bits()
    {
        var (theirs, _, ours, ourAdam) = RunBoth(1e-3, ScalarType.Float64);
        Assert.Equal(0, ourAdam.FusedSteps);
        for (int i = 0; i < theirs.Count; i++) Assert.True(Same(theirs[i], ours[i]), $"parameter {i}");
    }

    [Fact]
    public void A_parameter_without_a_gradient_is_skipped_and_its_step_count_stays()
    {
        var ps = Parameters();
        var adam = new FusedAdam(ps, 1e-3);
        ps[0].grad = ones_like(ps[0]);
        adam.step();
        Assert.Equal(1, adam.FusedSteps);
        Assert.Equal(1, State(adam, 0).step);
        Assert.Equal(0, State(adam, 1).step);
        // A first Adam step moves every element by the learning rate (m̂/√v̂ = ±1 up to ε).
        var initial = Parameters();
        using var moved = initial[0] - ps[0];
        Assert.Equal(1e-3, moved.max().item<float>(), 1e-8);
        Assert.Equal(1e-3, moved.min().item<float>(), 1e-8);
        Assert.True(Same(ps[1], initial[1]));
    }
}
