using WeakToStrong.Training.Models;

namespace WeakToStrong.Runner.Tests.Training;

/// <summary>A tiny random classification task and a tiny GPT-2 for trainer tests (seconds, not minutes).</summary>
internal static class TinyTask
{
    public static readonly Gpt2Config Config = new(VocabSize: 50, NPositions: 16, NEmbd: 32, NLayer: 2, NHead: 2);

    /// <summary>n distinct random sequences (length 3–10, ids 0–49), alternating hard labels.</summary>
    public static List<(int[] Ids, float[] SoftLabel)> Examples(int n, int seed)
    {
        var rng = new Random(seed);
        return Enumerable.Range(0, n)
            .Select(i => (Enumerable.Range(0, rng.Next(3, 11)).Select(_ => rng.Next(50)).ToArray(),
                          i % 2 == 0 ? new float[] { 1, 0 } : new float[] { 0, 1 }))
            .ToList();
    }

    public static string TempFile(string name) => Path.Combine(Path.GetTempPath(), $"w2s-{name}-{Guid.NewGuid():N}.safetensors");
}
