using System.Text.Json.Nodes;
using WeakToStrong.Core.Stages;

namespace WeakToStrong.Core.Plans;

/// <summary>
/// What code computes a stage, as the hash its key folds in. Core cannot see code (it has no TorchSharp and knows no
/// executor), so the compiler asks this: the application's implementation hashes the stage's executor closure
/// (Runner/Identity/StageCode.cs); <see cref="Uniform"/> gives every stage one fixed string (tests, old plans).
/// </summary>
public interface IStageCode
{
    /// <summary>A human label for the code as a whole (the hand-kept stage version and the libraries), shown by `plan`.</summary>
    string Label { get; }

    /// <summary>The code hash of a stage of <paramref name="kind"/> with these parameters.</summary>
    string Of(StageKind kind, JsonObject parameters);

    /// <summary>Every stage gets <paramref name="code"/> as its code.</summary>
    static IStageCode Uniform(string code) => new UniformCode(code);

    private sealed record UniformCode(string Label) : IStageCode
    {
        public string Of(StageKind kind, JsonObject parameters) => Label;
    }
}
