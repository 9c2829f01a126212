using System.Numerics;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace WeakToStrong.Training.Trainer;

/// <summary>
/// Adam (default betas and eps, no weight decay, no AMSGrad: the reference's optimiser) with each parameter's update
/// done in one pass over its four arrays. TorchSharp's <see cref="Adam"/> runs nine tensor operations per parameter,
/// two of them allocating a temporary of the parameter's size: over MiniLM's 22.7 M parameters that took 53–71 ms a
/// step against 10–12 ms here (docs/speed.md "One pass of Adam"), a quarter to a third of a MiniLM fine-tuning step.
/// </summary>
/// <remarks>
/// <para>The arithmetic is TorchSharp's, element by element and in its order: m ← β₁m + (1−β₁)g and
/// v ← β₂v + (1−β₂)g·g each rounded as libtorch's kernels round them (a multiply, then one fused multiply-add), so the
/// moments are bit-identical to <see cref="Adam"/>'s; then p ← p + (−lr/bc₁)·m / (√v / √bc₂ + ε). The parameters can
/// differ in their last bit: libtorch's vectorised sqrt is not correctly rounded (measured: 3.9118055e-5 for the float
/// 1.5302221e-9, whose correctly rounded root is 3.911805e-5), and the root here is IEEE's. Every operation here is an
/// IEEE-754 single-precision one with one rounding, so the bits do not depend on the CPU's vector width or the
/// thread count.</para>
/// <para>A parameter group that this pass does not cover (weight decay, AMSGrad, maximising, a tensor that is not a
/// contiguous float32 one on the CPU) makes the whole step TorchSharp's. The saved state is <see cref="Adam"/>'s
/// format under this type's name.</para>
/// <para>The pass writes through the storage's pointer, so it does not bump the tensors' autograd version counters: a
/// graph kept alive across <see cref="step"/> would not get libtorch's "modified by an inplace operation" error. The
/// trainers build each step's graph inside the step and keep none across it.</para>
/// </remarks>
public sealed class FusedAdam : Adam
{
    public FusedAdam(IEnumerable<Parameter> parameters, double lr) : base(parameters, lr) { }

    /// <summary>How many steps the one-pass update did; the rest went to TorchSharp's (tests read it).</summary>
    public int FusedSteps { get; private set; }

    public override Tensor step(Func<Tensor>? closure = null)
    {
        if (closure is not null || !Covered()) return base.step(closure);
        foreach (var group in _parameter_groups)
        {
            var o = (Options)group.Options;
            double beta1 = o.beta1!.Value, beta2 = o.beta2!.Value, lr = o.LearningRate!.Value;
            var k = new Constants((float)beta1, (float)(1 - beta1), (float)beta2, (float)(1 - beta2), 0, (float)o.eps!.Value, 0);
            foreach (var param in group.Parameters)
            {
                using var grad = param.grad;
                if (grad is null) continue;
                var state = (State)_state[param.Handle];
                state.step += 1;
                double bc1 = 1 - Math.Pow(beta1, state.step), bc2 = 1 - Math.Pow(beta2, state.step);
                Update(param, grad, state.exp_avg, state.exp_avg_sq, k with { SqrtBc2 = (float)Math.Sqrt(bc2), NegStep = (float)(-(lr / bc1)) });
            }
        }
        FusedSteps++;
        return null!;
    }

    private bool Covered()
    {
        foreach (var group in _parameter_groups)
        {
            var o = (Options)group.Options;
            if (o.weight_decay != 0 || o.amsgrad == true || o.maximize == true) return false;
            foreach (var param in group.Parameters)
            {
                using var grad = param.grad;
                if (grad is null) continue;
                var state = (State)_state[param.Handle];
                if (!HostStorage.Plain(param) || !HostStorage.Plain(grad) || !HostStorage.Plain(state.exp_avg) || !HostStorage.Plain(state.exp_avg_sq)) return false;
            }
        }
        return true;
    }

    private readonly record struct Constants(float Beta1, float OneMinusBeta1, float Beta2, float OneMinusBeta2, float SqrtBc2, float Eps, float NegStep);

    private static unsafe void Update(Tensor p, Tensor g, Tensor m, Tensor v, Constants k)
    {
        long n = p.numel();
        if (g.numel() != n || m.numel() != n || v.numel() != n) throw new InvalidOperationException("A parameter, its gradient and its moments differ in size.");
        Range(HostStorage.Floats(p), HostStorage.Floats(g), HostStorage.Floats(m), HostStorage.Floats(v), n, k);
    }

    private static unsafe void Range(float* p, float* g, float* m, float* v, long n, Constants k)
    {
        long i = 0;
        var b1 = new Vector<float>(k.Beta1); var c1 = new Vector<float>(k.OneMinusBeta1);
        var b2 = new Vector<float>(k.Beta2); var c2 = new Vector<float>(k.OneMinusBeta2);
        var s2 = new Vector<float>(k.SqrtBc2); var eps = new Vector<float>(k.Eps); var step = new Vector<float>(k.NegStep);
        for (; i + Vector<float>.Count <= n; i += Vector<float>.Count)
        {
            var gi = Vector.Load(g + i);
            var mi = Vector.FusedMultiplyAdd(gi, c1, Vector.Load(m + i) * b1);       // exp_avg.mul_(β₁).add_(g, 1−β₁)
            var vi = Vector.FusedMultiplyAdd(c2 * gi, gi, Vector.Load(v + i) * b2);  // exp_avg_sq.mul_(β₂).addcmul_(g, g, 1−β₂)
            var denom = Vector.SquareRoot(vi) / s2 + eps;                           // (exp_avg_sq.sqrt() / √bc₂).add_(ε)
            var pi = Vector.Load(p + i) + step * mi / denom;                        // p.addcdiv_(exp_avg, denom, −lr/bc₁)
            mi.Store(m + i); vi.Store(v + i); pi.Store(p + i);
        }
        for (; i < n; i++)
        {
            float gi = g[i];
            float mi = MathF.FusedMultiplyAdd(gi, k.OneMinusBeta1, m[i] * k.Beta1);
            float vi = MathF.FusedMultiplyAdd(k.OneMinusBeta2 * gi, gi, v[i] * k.Beta2);
            float denom = MathF.Sqrt(vi) / k.SqrtBc2 + k.Eps;
            p[i] += k.NegStep * mi / denom;
            m[i] = mi; v[i] = vi;
        }
    }
}
