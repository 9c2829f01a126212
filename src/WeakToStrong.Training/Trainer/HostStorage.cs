using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using TorchSharp;
using static TorchSharp.torch;

namespace WeakToStrong.Training.Trainer;

/// <summary>A tensor's own fp32 storage, for the loops that work on it directly (<see cref="FusedAdam"/>, a probe
/// head on the host: <see cref="Probes.HostLinear"/>).</summary>
internal static class HostStorage
{
    /// <summary>Whether <paramref name="t"/> is a contiguous, dense fp32 tensor on the CPU small enough to index with an int.</summary>
    public static bool Plain(Tensor t) =>
        t.dtype == ScalarType.Float32 && t.device_type == DeviceType.CPU && !t.is_sparse && t.is_contiguous()
        && t.numel() <= int.MaxValue / sizeof(float);

    /// <summary>The tensor's own storage (a contiguous CPU tensor's <c>bytes</c> is a view of it, not a copy).</summary>
    public static unsafe float* Floats(Tensor t) => (float*)Unsafe.AsPointer(ref MemoryMarshal.GetReference(t.bytes));
}
