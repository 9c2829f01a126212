using WeakToStrong.Build.Host.Text;

namespace WeakToStrong.Runner.Tests.BuildHost;

public class SuggestionsTests
{
    static readonly string[] Targets = ["Clean", "Restore", "Compile", "Test", "Plan", "Reproduce"];

    [Theory]
    [InlineData("kitten", "sitting", 3)]
    [InlineData("", "abc", 3)]
    [InlineData("Clean", "Clean", 0)]
    [InlineData("Cleam", "Clean", 1)]
    [InlineData("flaw", "lawn", 2)]
    public void Levenshtein_counts_insertions_deletions_and_substitutions(string a, string b, int expected)
    {
        Assert.Equal(expected, Suggestions.Levenshtein(a, b));
        Assert.Equal(expected, Suggestions.Levenshtein(b, a));
    }

    [Theory]
    [InlineData("Cleam", "Clean")]
    [InlineData("compil", "Compile")]
    [InlineData("reproduse", "Reproduce")]
    [InlineData("Tets", "Test")]
    public void Nearest_finds_the_intended_target_case_insensitively(string typo, string expected)
    {
        Assert.Equal(expected, Suggestions.Nearest(typo, Targets));
    }

    [Fact]
    public void Nearest_declines_when_nothing_is_close()
    {
        Assert.Null(Suggestions.Nearest("Deploy", Targets));
    }

    [Fact]
    public void The_unknown_name_message_is_one_line()
    {
        Assert.Equal("Unknown target 'Cleam'; did you mean 'Clean'?", Suggestions.UnknownNameMessage("target", "Cleam", Targets));
        Assert.Equal("Unknown target 'Deploy'; available: Clean, Restore, Compile, Test, Plan, Reproduce.",
            Suggestions.UnknownNameMessage("target", "Deploy", Targets));
    }

    [Theory]
    [InlineData("Experiment", "experiment", "EXPERIMENT")]
    [InlineData("StoreRoot", "store-root", "STORE_ROOT")]
    [InlineData("TestFilter", "test-filter", "TEST_FILTER")]
    [InlineData("HTTPPort", "http-port", "HTTP_PORT")]
    [InlineData("Gpt2Size", "gpt2-size", "GPT2_SIZE")]
    public void Member_names_have_kebab_and_upper_snake_spellings(string member, string kebab, string upperSnake)
    {
        Assert.Equal(kebab, NameStyle.Kebab(member));
        Assert.Equal(upperSnake, NameStyle.UpperSnake(member));
        Assert.Equal(NameStyle.Normalize(member), NameStyle.Normalize(kebab));
        Assert.Equal(NameStyle.Normalize(member), NameStyle.Normalize(upperSnake));
    }
}
