using System.Text;
using WeakToStrong.Data.Formats;

namespace WeakToStrong.Runner.Tests.Data;

/// <summary>A weak reward model's labels travel as PairwiseItem.soft_preference; unlabelled pairs keep their old bytes.</summary>
public sealed class PairwiseJsonlTests : IDisposable
{
    private readonly TempDir _dir = new();
    public void Dispose() => _dir.Dispose();

    [Fact]
    public void A_pair_without_soft_preference_writes_the_same_bytes_as_before_the_field_existed()
    {
        var text = Encoding.UTF8.GetString(JsonlWriter.ToBytes([new PairwiseItem("n1", "lemma:bank", "Q: What is bank?", "sloping land", "a coin")]));
        Assert.Equal("{\"prompt\":\"Q: What is bank?\",\"chosen\":\"sloping land\",\"rejected\":\"a coin\",\"id\":\"n1\",\"group\":\"lemma:bank\"}\n", text);
    }

    [Fact]
    public void A_soft_preference_is_written_after_rejected_and_reads_back_exactly()
    {
        var items = new[]
        {
            new PairwiseItem("a", "g1", "Q", "good", "bad", 0.7310585786300049),
            new PairwiseItem("b", "g2", "Q2", "fine", "worse"),
        };
        var bytes = JsonlWriter.ToBytes(items);
        Assert.Equal(
            "{\"prompt\":\"Q\",\"chosen\":\"good\",\"rejected\":\"bad\",\"soft_preference\":0.7310585786300049,\"id\":\"a\",\"group\":\"g1\"}\n" +
            "{\"prompt\":\"Q2\",\"chosen\":\"fine\",\"rejected\":\"worse\",\"id\":\"b\",\"group\":\"g2\"}\n",
            Encoding.UTF8.GetString(bytes));
        var path = _dir.Combine("pairs.jsonl");
        JsonlWriter.Write(path, bytes);
        Assert.Equal(items, UserData.ReadPairwise(path));
    }

    [Fact]
    public void A_soft_preference_outside_zero_to_one_is_an_error_naming_the_line()
    {
        var path = _dir.Combine("bad.jsonl");
        File.WriteAllText(path, "{\"prompt\":\"Q\",\"chosen\":\"a\",\"rejected\":\"b\",\"soft_preference\":1.5}\n");
        var e = Assert.Throws<DataFormatException>(() => UserData.ReadPairwise(path));
        Assert.Equal([$"{path}(1): error: 'soft_preference' must be a probability in [0, 1], not 1.5"], e.Errors);
    }
}
