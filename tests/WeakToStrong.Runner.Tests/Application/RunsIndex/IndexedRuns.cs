using WeakToStrong.Runner.Application;

namespace WeakToStrong.Runner.Tests.Application.RunsIndex;

/// <summary>
/// A runs folder as users have it: three real records (brown-genre cpu and smoke, nlp-spam cpu), a report written for
/// two of them (the spam run has none yet, so the index must say so), and runs/index.html written by `w2s report --index`.
/// </summary>
sealed class IndexedRuns : IDisposable
{
    public string Root { get; } = Directory.CreateTempSubdirectory("w2s-runs-index-").FullName;
    public string Runs => Path.Combine(Root, "runs");
    public string Index => Path.Combine(Runs, "index.html");

    public IndexedRuns()
    {
        ReportVerb.Write(ReportRecordFixtures.BrownGenre(Runs));
        ReportVerb.Write(ReportRecordFixtures.WithIntervals(Runs));
        ReportRecordFixtures.Spam(Runs);
    }

    public const int Records = 3;

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
