namespace WeakToStrong.Runner.Progress;

/// <summary>What a progress line reports; a front-end may style by it (the build host colours), the text stays the same.</summary>
public enum ProgressLineKind
{
    StageStarted,
    StageCached,
    StageStep,
    StageFinished,
    Info,
}

/// <summary>One line of a run's progress, as <see cref="TextProgress"/> words it.</summary>
public readonly record struct ProgressLine(ProgressLineKind Kind, string Text);
