namespace WeakToStrong.Core.Plans;

/// <summary>
/// How the plan names its stages. The compiler names them with these, and stages that read other stages' outputs
/// by name (the evaluate stage) find them with the same functions.
/// </summary>
public static class StageIds
{
    public static string Data(int seed) => $"data/s{seed}";
    public static string Pretrain(string model) => $"pretrain/{model}";
    public static string Weights(string model) => $"weights/{model}";
    /// <summary>One per frozen model: its features of every split of every seed's data it serves (PlanCompiler).</summary>
    public static string Features(string model) => $"features/{model}";
    public static string Weak(string model, int seed) => $"weak/{model}/s{seed}";
    public static string Label(string model, int seed) => $"label/{model}/s{seed}";
    public static string Ceiling(string model, int seed) => $"ceiling/{model}/s{seed}";
    public static string Transfer(string weak, string strong, string loss, int seed) => $"transfer/{weak}->{strong}/{loss}/s{seed}";

    /// <summary>Step <paramref name="step"/> (1-based; step 0 is the chain's weak model) of a bootstrap chain.</summary>
    public static string Bootstrap(IReadOnlyList<string> chain, string loss, int step, int seed) =>
        $"bootstrap/{string.Join("->", chain)}/{loss}/{step}/s{seed}";
}
