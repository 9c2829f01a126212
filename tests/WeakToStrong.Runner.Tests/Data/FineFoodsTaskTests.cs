using WeakToStrong.Data.Tasks;

namespace WeakToStrong.Runner.Tests.Data;

/// <summary>The fine-foods builder on <see cref="FineFoodsFixture"/>, a miniature of modeldata's small_fine_foods.</summary>
public sealed class FineFoodsTaskTests : IDisposable
{
    readonly TempDir dir = new();
    public void Dispose() => dir.Dispose();

    TaskBuild<WeakToStrong.Data.Formats.ClassificationItem> Build(ulong seed = 0, int maxChars = 1000,
        (string, string?, string)[]? training = null) =>
        FineFoodsTask.Build(FineFoodsFixture.Write(dir.Combine("s" + seed + maxChars), training), new FineFoodsOptions { MaxChars = maxChars }, seed);

    [Fact]
    public void Both_tables_are_pooled_cleaned_deduplicated_and_balanced_with_great_as_label_1()
    {
        var build = Build();

        Assert.Equal(new Dictionary<string, int>
        {
            ["conflictingTexts"] = 0, ["emptyReviews"] = 1, ["items"] = 6, ["positives"] = 3, ["products"] = 6,
            ["repeatedTexts"] = 1, ["reviews"] = 10, ["uniqueTexts"] = 8,
        }, build.Stats);
        Assert.Equal(["training_data:2", "training_data:4", "testing_data:1"], build.Items.Where(i => i.HardLabel == 0).Select(i => i.Id));
        Assert.Equal(["product:P2", "product:P4", "product:P7"], build.Items.Where(i => i.HardLabel == 0).Select(i => i.Group));
        Assert.Equal(["Stale and bland & overpriced.", "It was fine, nothing special.", "Arrived broken."],
            build.Items.Where(i => i.HardLabel == 0).Select(i => i.Text));
        Assert.Equal(3, build.Items.Count(i => i.HardLabel == 1));
    }

    [Fact]
    public void The_larger_class_is_undersampled_by_seed_and_the_build_is_deterministic()
    {
        var kept = Build(seed: 0).Items.Where(i => i.HardLabel == 1).Select(i => i.Id).ToList();

        Assert.Equal(kept, Build(seed: 0).Items.Where(i => i.HardLabel == 1).Select(i => i.Id));
        Assert.Equal(Build(seed: 0).ContentHash, Build(seed: 0).ContentHash);
        Assert.Subset(new HashSet<string> { "training_data:1", "training_data:3", "training_data:6", "testing_data:2", "testing_data:4" }, kept.ToHashSet());
        Assert.NotEqual(Build(seed: 0).ContentHash, Build(seed: 5).ContentHash);
    }

    [Fact]
    public void A_review_repeated_under_another_product_is_kept_once_under_the_first()
    {
        var all = Build(training: [("P1", "Same words.", "great"), ("P2", "Same <b>words</b>.", "great"), ("P3", "No.", "other"), ("P4", "Meh.", "other")]);

        Assert.Equal(1, all.Stats["repeatedTexts"]);
        Assert.DoesNotContain(all.Items, i => i.Group == "product:P2");
    }

    [Fact]
    public void A_text_with_both_scores_is_dropped()
    {
        var build = Build(training: [("P1", "Fine.", "great"), ("P2", "Fine.", "other"), ("P3", "Good.", "great"), ("P4", "Bad.", "other")]);

        Assert.Equal(1, build.Stats["conflictingTexts"]);
        Assert.DoesNotContain(build.Items, i => i.Text == "Fine.");
    }

    [Fact]
    public void Reviews_are_cut_to_maxChars_after_cleaning()
    {
        var build = Build(maxChars: 5);

        Assert.Equal(["Stale", "It wa", "Arriv"], build.Items.Where(i => i.HardLabel == 0).Select(i => i.Text));
        Assert.Equal("5", build.Parameters["maxChars"]);
    }

    [Theory]
    [InlineData("Great coffee!<br /><br />Would buy again.", "Great coffee! Would buy again.")]
    [InlineData("My dog loves these <a href=\"http://example.org/x\">treats</a>.", "My dog loves these treats.")]
    [InlineData("Caf&eacute; &quot;ol&eacute;&quot; &lt;3 &#128522;", "Café \"olé\" <3 😊")]
    [InlineData("a < b and <span class=\"tiny\">c</span>", "a < b and c")]
    [InlineData("  spaced \n out  ", "spaced out")]
    public void Review_HTML_becomes_plain_text(string html, string text) => Assert.Equal(text, ReviewText.Clean(html));

    [Fact]
    public void A_source_without_the_modeldata_database_is_one_error_naming_it()
    {
        var e = Assert.Throws<FileNotFoundException>(() => FineFoodsTask.Build(dir.Path, new FineFoodsOptions(), 0));

        Assert.Equal($"no R lazy-load database {Path.Combine(dir.Path, FineFoodsTask.DatabasePath)}.rdx + {Path.Combine(dir.Path, FineFoodsTask.DatabasePath)}.rdb", e.Message);
    }
}
