using System.Text.Json.Nodes;
using WeakToStrong.Core.Plans;
using WeakToStrong.Provenance.Stages;

namespace WeakToStrong.Runner.Execution;

/// <summary>A stage after this run: its stored output, whether it came from the cache, and how long it took here.</summary>
public sealed record ExecutedStage(Stage Stage, StageOutput Output, bool Cached, TimeSpan Elapsed, JsonObject Timing);
