namespace WeakToStrong.Build.Experiments;

/// <summary>The sizes an experiment runs at (docs/architecture.md §12): minutes on a laptop, the PR gate (docs/gate.md), the CPU study, the paper's models.</summary>
public enum Scale
{
    Smoke,
    Gate,
    Cpu,
    Paper,
}

/// <summary>Where tensors live; `cuda` needs the TorchSharp-cuda backend (`-p:TorchBackend=cuda`, docs/architecture.md §7).</summary>
public enum Device
{
    Cpu,
    Cuda,
}

public enum Configuration
{
    Debug,
    Release,
}
