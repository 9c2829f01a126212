using WeakToStrong.Training.Bert;
using WeakToStrong.Training.Trainer;

namespace WeakToStrong.Runner.Tests.Bert;

/// <summary>
/// Pins that every BertClassifier tensor is registered once, under its Hugging Face name. Submodules registered
/// both by register_module and (by TorchSharp's state_dict) under their private field names once gave 1221
/// state-dict entries and 588 MB checkpoints (measured). parameters() was deduplicated by TorchSharp even then;
/// the no-duplicate test still guards it, as a tensor listed twice would get two Adam updates per step.
/// </summary>
public class BertParameterLayoutTests
{
    // MiniLM-L6's 22,713,216 imported values, minus the pooler (384×384 weight + 384 bias, not part of the
    // model: pooling is a masked mean), plus the 2×384 classifier head.
    private const long ExpectedParameterCount = 22_713_216L - (384 * 384 + 384) + 2 * 384;

    private static IEnumerable<string> ExpectedNames()
    {
        yield return "bert.embeddings.word_embeddings.weight";
        yield return "bert.embeddings.position_embeddings.weight";
        yield return "bert.embeddings.token_type_embeddings.weight";
        yield return "bert.embeddings.LayerNorm.weight";
        yield return "bert.embeddings.LayerNorm.bias";
        string[] perLayer =
        [
            "attention.self.query", "attention.self.key", "attention.self.value", "attention.output.dense",
            "attention.output.LayerNorm", "intermediate.dense", "output.dense", "output.LayerNorm",
        ];
        for (var i = 0; i < 6; i++)
            foreach (var module in perLayer)
            {
                yield return $"bert.encoder.layer.{i}.{module}.weight";
                yield return $"bert.encoder.layer.{i}.{module}.bias";
            }
        yield return "classifier.weight";
    }

    [Fact]
    public void StateDictHoldsExactlyTheHuggingFaceNames()
    {
        var state = MiniLmReference.Model.Module.state_dict();
        // 5 embedding tensors + 16 per layer × 6 + classifier.weight; the importer's 2 pooler tensors are not used.
        Assert.Equal(102, state.Count);
        Assert.Equal(ExpectedNames().Order(StringComparer.Ordinal), state.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void ParameterCountIsMiniLmWithoutPoolerPlusHead()
    {
        Assert.Equal(22_566_144L, ExpectedParameterCount);
        Assert.Equal(ExpectedParameterCount, MiniLmReference.Model.Module.parameters().Sum(p => p.numel()));
    }

    [Fact]
    public void ParametersHoldNoTensorTwice()
    {
        var handles = MiniLmReference.Model.Module.parameters().Select(p => p.Handle).ToList();
        Assert.Equal(102, handles.Count);
        Assert.Equal(handles.Count, handles.Distinct().Count());
    }

    [Fact]
    public void CheckpointIsOneCopyOfTheWeightsAndLoadsBackStrictly()
    {
        var path = Path.Combine(Path.GetTempPath(), $"w2s-bert-{Guid.NewGuid():N}.safetensors");
        try
        {
            Checkpoint.Save(MiniLmReference.Model.Module, path);
            var bytes = new FileInfo(path).Length;
            // fp32 weights (90.3 MB) plus the safetensors header; a duplicated registration was 588 MB.
            Assert.InRange(bytes, ExpectedParameterCount * 4, 100_000_000L);
            using var fresh = new BertClassifier(new BertModel(BertConfig.MiniLmL6), WordPieceEncoder.ForMiniLm(), linearProbe: false);
            Checkpoint.Load(fresh.Module, path);
            var loaded = fresh.Module.state_dict();
            Assert.All(MiniLmReference.Model.Module.state_dict(), kv => Assert.True(loaded[kv.Key].eq(kv.Value).all().item<bool>(), kv.Key));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
