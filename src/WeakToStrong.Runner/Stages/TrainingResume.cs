using System.Globalization;

namespace WeakToStrong.Runner.Stages;

/// <summary>
/// A killed training stage resumes inside itself (issue 27 item 7): the trainer saves its state (model, Adam's
/// moments, every loss and evaluation so far: Training's TrainState) into the stage's resume folder once
/// <see cref="SaveInterval"/> has passed since the last save, and the next holder of the stage's lock continues from
/// the last save with a bit-identical result. Saving by time, not steps: the cost of a save (a MiniLM's weights and
/// Adam's two moments, about 270 MB) is paid at most once a minute, however fast the steps; when it is paid does not
/// change the result. W2S_RESUME_SAVE_SECONDS overrides the minute (0: after every step, for tests).
/// </summary>
public static class TrainingResume
{
    public const string Variable = "W2S_RESUME_SAVE_SECONDS";

    public static TimeSpan SaveInterval =>
        double.TryParse(Environment.GetEnvironmentVariable(Variable), NumberStyles.Float, CultureInfo.InvariantCulture, out double s) && s >= 0
            ? TimeSpan.FromSeconds(s) : TimeSpan.FromMinutes(1);

    /// <summary>"resuming at step k from &lt;folder&gt;" when the folder holds a saved state; null otherwise.</summary>
    public static string? Describe(string? directory)
    {
        string? step = directory is null ? null : Path.Combine(directory, "step.txt");
        return step is not null && File.Exists(step) ? $"resuming at step {File.ReadAllText(step).Trim()} from {directory}" : null;
    }
}
