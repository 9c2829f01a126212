using WeakToStrong.Core.Manifests;

namespace WeakToStrong.Core.Tests.Reports;

/// <summary>The size axis of Fig. 3: a family/size's body parameters, worked out from the architectures (Runner.Tests' ParameterCountModuleTests checks them against the built modules).</summary>
public sealed class ParameterCountTests
{
    [Theory]
    [InlineData("gpt2-local", "w64-l2-h2", 3_382_080L)]    // 50257·64 + 1024·64 + 2·49,984 + 128
    [InlineData("gpt2-local", "w128-l2-h2", 6_960_768L)]
    [InlineData("gpt2-local", "w256-l4-h4", 16_287_488L)]
    [InlineData("gpt2-local", "w64-l2-h1", 3_382_080L)]    // the head count does not change the count
    [InlineData("gpt2-hf", "gpt2", 124_439_808L)]          // Hugging Face's published count for gpt2
    [InlineData("gpt2-hf", "gpt2-xl", 1_557_611_200L)]     // and for gpt2-xl
    [InlineData("minilm-l6", null, 22_565_376L)]           // all-MiniLM-L6-v2's 22.7M less its pooler (384² + 384), which BertModel does not build
    [InlineData("minilm-l6", "l6", 22_565_376L)]
    [InlineData("minilm-l6", "l1", 13_693_056L)]           // embeddings 11,918,592 + one layer 1,774,464
    [InlineData("minilm-l6", "l2", 15_467_520L)]
    [InlineData("bag-of-words", null, 262_144L)]           // no body: its hash table's buckets, 2^18 when no size is given
    [InlineData("bag-of-words", "h10", 1_024L)]
    [InlineData("bag-of-words", "h24", 16_777_216L)]
    public void A_known_family_and_size_has_its_bodys_parameter_count(string family, string? size, long expected) =>
        Assert.Equal(expected, ParameterCount.Of(family, size));

    [Theory]
    [InlineData("gpt2-local", null)]
    [InlineData("gpt2-local", "w64-l2")]
    [InlineData("minilm-l6", "l7")]
    [InlineData("minilm-l6", "l0")]
    [InlineData("bag-of-words", "h9")]
    [InlineData("bag-of-words", "l2")]
    [InlineData("noisy-truth", "flip0.25")]                // no network: nothing to count
    [InlineData("some-new-family", "x")]
    public void An_unknown_family_or_size_has_no_count_rather_than_a_wrong_one(string family, string? size) =>
        Assert.Null(ParameterCount.Of(family, size));
}
