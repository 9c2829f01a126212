namespace WeakToStrong.Runner.Execution;

/// <summary>
/// The folders a stage computes in, both owned by the holder of its stage lock: <see cref="Work"/>, scratch for its
/// outputs (removed after the stage, or by the next holder after a crash), and <see cref="Resume"/>, where a training
/// stage keeps a resumable state that outlives a kill (Provenance's StageLock.ResumeDirectory).
/// </summary>
public sealed record StageFolders(string Work, string Resume);
