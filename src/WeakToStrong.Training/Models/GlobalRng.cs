using TorchSharp;

namespace WeakToStrong.Training.Models;

/// <summary>
/// Building a module draws its default init from torch's global generator (nn.Linear does, even where the weights are
/// then loaded or zeroed); a factory whose model takes nothing random from it puts the generator back as it found it,
/// so that building one model never changes another's random numbers.
/// </summary>
/// <remarks>
/// The generator is held in a local for both calls. TorchSharp's <c>torch.get_rng_state()</c> reads
/// <c>Generator.Default</c>, a new wrapper of a new native handle on every access, and passes only the handle to
/// libtorch; the wrapper is then unreachable, and a collection during the call lets its finalizer delete the handle
/// libtorch is reading. Measured on 2026-12-06: a w2s process died with SIGSEGV in <c>at::Generator::get_state()</c>
/// (libtorch_cpu.so at +0x1f82a05, symbolised with <c>nm -D</c>) as a probe stage began, once in about 3,000 probe
/// stages of the gate's derivations (docs/architecture.md §9).
/// </remarks>
public static class GlobalRng
{
    public static T LeftAlone<T>(Func<T> create)
    {
        using var generator = torch.Generator.Default;
        using var state = generator.get_state();
        try { return create(); }
        finally { generator.set_state(state); }
    }
}
