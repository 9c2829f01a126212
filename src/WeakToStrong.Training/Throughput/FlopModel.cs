using static TorchSharp.torch;

namespace WeakToStrong.Training.Throughput;

/// <summary>
/// FLOPs per token, as Kaplan et al. (2020) count them and docs/speed.md uses them: 2·N for a forward, 6·N for a
/// forward and backward, where N is the parameters outside the embedding tables (a lookup multiplies nothing). A
/// tied language-model head is a [V, C] matmul per token, so pretraining counts it: 6·(N + V·C).
/// </summary>
public static class FlopModel
{
    /// <summary>Parameter-name fragments of embedding tables: GPT-2's wte and wpe, BERT's three tables.</summary>
    private static readonly string[] EmbeddingNames = ["wte.", "wpe.", "word_embeddings.", "position_embeddings.", "token_type_embeddings."];

    public static bool IsEmbedding(string parameterName) => EmbeddingNames.Any(e => parameterName.Contains(e, StringComparison.Ordinal));

    public static long NonEmbeddingParameters(nn.Module module) =>
        module.named_parameters().Where(p => !IsEmbedding(p.name)).Sum(p => p.parameter.numel());

    /// <summary>FLOPs per real token of one training step: 6·N when the body trains, 2·N when only a head on a
    /// frozen body does (linear probe: nothing upstream needs a gradient, so only the forward counts).</summary>
    public static double TrainingPerToken(nn.Module module)
    {
        var body = module.named_parameters().Where(p => !IsEmbedding(p.name)).ToList();
        long n = body.Sum(p => p.parameter.numel());
        long trainable = body.Where(p => p.parameter.requires_grad).Sum(p => p.parameter.numel());
        return trainable * 2 > n ? 6.0 * n : 2.0 * n;
    }

    public static double InferencePerToken(nn.Module module) => 2.0 * NonEmbeddingParameters(module);

    /// <summary>Causal-LM pretraining with the head tied to a [vocab, width] embedding.</summary>
    public static double PretrainingPerToken(nn.Module body, long vocab, long width) => 6.0 * (NonEmbeddingParameters(body) + vocab * width);
}
