namespace WeakToStrong.Training.Models;

/// <summary>
/// Optional for an <see cref="IRowInput"/> whose logits are a linear map of its rows (a probe's bias-free head on a
/// features table). With a loss that has a host form (<see cref="Losses.IHostLoss"/>) the trainer runs such a head's
/// forward and backward on host arrays: a 384×2 head's arithmetic is a few microseconds, a tensor operation's dispatch
/// about as much, and a step took a dozen of them (docs/speed.md "Probe heads on the host").
/// </summary>
public interface IHostHead : IRowInput
{
    /// <summary>Whether the head's weight and its rows are contiguous fp32 on the CPU now, so their storage can be read.</summary>
    bool OnHost { get; }

    /// <summary>The logits of <paramref name="rows"/>, flat in <see cref="IRowInput.ClassifyRows"/>'s order.</summary>
    void Logits(ReadOnlySpan<long> rows, Span<float> logits);

    /// <summary>Sets the weight's gradient to Σ_rows ∂L/∂logits ⊗ row (allocating it where there is none).</summary>
    void SetGradient(ReadOnlySpan<long> rows, ReadOnlySpan<float> logitGradient);
}
