using static TorchSharp.torch;

namespace WeakToStrong.Training.Trainer;

/// <summary>Turns <c>--device cpu|cuda</c> into a torch device, failing with one clear line when CUDA is absent.</summary>
public static class DeviceSelector
{
    public static Device Resolve(string name)
    {
        switch (name.Trim().ToLowerInvariant())
        {
            case "cpu":
                return CPU;
            case "cuda":
                if (!cuda.is_available())
                    throw new InvalidOperationException(
                        "--device cuda: CUDA is not available (this build uses LibTorch's CPU backend, or no GPU/driver is visible); " +
                        "build with -p:TorchBackend=cuda on a machine with an NVIDIA GPU, or use --device cpu.");
                return CUDA;
            default:
                throw new ArgumentException($"--device must be cpu or cuda, not '{name}'.");
        }
    }
}
