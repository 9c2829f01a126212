using System.Globalization;
using TorchSharp;
using static TorchSharp.torch;

namespace WeakToStrong.Training.Trainer;

/// <summary>
/// A resumable point of a training run in one folder: the module (safetensors), Adam's moments and step counts
/// (TorchSharp's optimizer format) and <c>step.txt</c>, written last, so a folder without it holds no state.
/// Resuming loads all three and continues at the saved step; with the same seed and thread count the result
/// is bit-identical to the uninterrupted run (data order and schedule depend only on the step).
/// </summary>
public static class TrainState
{
    private const string ModelFile = "model.safetensors", OptimizerFile = "optimizer.bin", StepFile = "step.txt";

    public static void Save(string directory, nn.Module module, TorchSharp.Modules.OptimizerHelper optimizer, int stepsDone)
    {
        Directory.CreateDirectory(directory);
        File.Delete(Path.Combine(directory, StepFile));
        Checkpoint.Save(module, Path.Combine(directory, ModelFile));
        var tmp = Path.Combine(directory, OptimizerFile + ".tmp");
        optimizer.save_state_dict(tmp);
        File.Move(tmp, Path.Combine(directory, OptimizerFile), overwrite: true);
        File.WriteAllText(Path.Combine(directory, StepFile), stepsDone.ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>Loads a saved state into the module and optimizer; returns the steps already done, or 0 when none.</summary>
    public static int TryLoad(string directory, nn.Module module, TorchSharp.Modules.OptimizerHelper optimizer)
    {
        var stepPath = Path.Combine(directory, StepFile);
        if (!File.Exists(stepPath)) return 0;
        Checkpoint.Load(module, Path.Combine(directory, ModelFile));
        optimizer.load_state_dict(Path.Combine(directory, OptimizerFile));
        return int.Parse(File.ReadAllText(stepPath).Trim(), CultureInfo.InvariantCulture);
    }
}
