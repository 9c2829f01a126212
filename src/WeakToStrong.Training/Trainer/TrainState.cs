using System.Globalization;
using System.Text.Json;
using TorchSharp;
using static TorchSharp.torch;

namespace WeakToStrong.Training.Trainer;

/// <summary>
/// A resumable point of a training run in one folder: the module (safetensors), Adam's moments and step counts
/// (TorchSharp's optimizer format), what the run measured so far (<see cref="TrainHistory"/>: every step's loss and
/// learning rate, every evaluation) and <c>step.txt</c>, written last, so a folder without it holds
/// no state (a save cut short by a kill is no state, and the run starts over). Resuming loads all of it and continues
/// at the saved step; with the same seed and thread count the result, and what it reports, is bit-identical to the
/// uninterrupted run (data order and schedule depend only on the step; nothing draws random numbers).
/// </summary>
public static class TrainState
{
    private const string ModelFile = "model.safetensors", OptimizerFile = "optimizer.bin", HistoryFile = "history.json", StepFile = "step.txt";

    public static void Save(string directory, nn.Module module, TorchSharp.Modules.OptimizerHelper optimizer, int stepsDone, TrainHistory history)
    {
        Directory.CreateDirectory(directory);
        File.Delete(Path.Combine(directory, StepFile));
        Checkpoint.Save(module, Path.Combine(directory, ModelFile));
        var tmp = Path.Combine(directory, OptimizerFile + ".tmp");
        optimizer.save_state_dict(tmp);
        File.Move(tmp, Path.Combine(directory, OptimizerFile), overwrite: true);
        // Doubles written as JSON numbers round-trip exactly (shortest round-trip formatting).
        File.WriteAllText(Path.Combine(directory, HistoryFile), JsonSerializer.Serialize(history));
        File.WriteAllText(Path.Combine(directory, StepFile), stepsDone.ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>Loads a saved state into the module and optimizer; the steps already done and what they measured, or (0, empty) when none.</summary>
    public static (int Step, TrainHistory History) TryLoad(string directory, nn.Module module, TorchSharp.Modules.OptimizerHelper optimizer)
    {
        var stepPath = Path.Combine(directory, StepFile);
        if (!File.Exists(stepPath)) return (0, TrainHistory.Empty);
        Checkpoint.Load(module, Path.Combine(directory, ModelFile));
        optimizer.load_state_dict(Path.Combine(directory, OptimizerFile));
        var history = JsonSerializer.Deserialize<TrainHistory>(File.ReadAllText(Path.Combine(directory, HistoryFile)))
            ?? throw new InvalidDataException($"{directory}: {HistoryFile} is empty");
        int step = int.Parse(File.ReadAllText(stepPath).Trim(), CultureInfo.InvariantCulture);
        if (history.Losses.Count != step)
            throw new InvalidDataException($"{directory}: {HistoryFile} has {history.Losses.Count} steps' losses for {step} steps done");
        return (step, history);
    }
}

/// <summary>
/// What a training run measured up to a saved step, so that a resumed run reports the whole run. Token counts and
/// times are not in it: they measure the process (throughput, provenance), not the run.
/// </summary>
public sealed record TrainHistory(IReadOnlyList<double> Losses, IReadOnlyList<double> LearningRates, IReadOnlyList<StepEvaluation> Evaluations)
{
    public static TrainHistory Empty { get; } = new([], [], []);
}
