using WeakToStrong.Build.Host;
using WeakToStrong.Build.Host.CommandLine;

namespace WeakToStrong.Runner.Tests.BuildHost;

public class CommandLineParserTests
{
    static readonly OptionShape[] Options =
    [
        new("plan", OptionArity.Flag),
        new("skip", OptionArity.Many),
        new("experiment", OptionArity.Single),
        new("seeds", OptionArity.Many),
        new("set", OptionArity.Many),
        new("store-root", OptionArity.Single),
    ];

    static ParsedCommandLine Parse(params string[] args) => CommandLineParser.Parse(args, Options);

    [Fact]
    public void Positional_names_anywhere_are_targets_in_order()
    {
        var parsed = Parse("Reproduce", "Test", "--experiment", "nlp", "--plan", "Clean");

        Assert.Equal(["Reproduce", "Test", "Clean"], parsed.Targets);
        Assert.Equal("nlp", parsed.Single("experiment"));
        Assert.True(parsed.Flag("plan"));
    }

    [Fact]
    public void A_flag_does_not_swallow_the_target_after_it()
    {
        var parsed = Parse("--plan", "Reproduce", "--experiment", "nlp-definitions");

        Assert.Equal(["Reproduce"], parsed.Targets);
        Assert.True(parsed.Flag("plan"));
    }

    [Fact]
    public void A_flag_takes_an_explicit_false()
    {
        var parsed = Parse("--plan", "false", "Compile");

        Assert.False(parsed.Flag("plan"));
        Assert.Equal(["Compile"], parsed.Targets);
    }

    [Fact]
    public void A_multi_valued_option_takes_every_value_up_to_the_next_option()
    {
        var parsed = Parse("--seeds", "0", "1", "2", "--experiment", "x");

        Assert.Equal(["0", "1", "2"], parsed.Many("seeds"));
        Assert.Empty(parsed.Targets);
    }

    [Fact]
    public void A_repeated_multi_valued_option_appends()
    {
        var parsed = Parse("--set", "a.b=1", "--set", "c=2", "--seeds", "3", "--seeds", "4");

        Assert.Equal(["a.b=1", "c=2"], parsed.Many("set"));
        Assert.Equal(["3", "4"], parsed.Many("seeds"));
    }

    [Fact]
    public void A_repeated_single_valued_option_keeps_the_last()
    {
        Assert.Equal("b", Parse("--experiment", "a", "--experiment", "b").Single("experiment"));
    }

    [Fact]
    public void Negative_numbers_are_values_not_options()
    {
        Assert.Equal(["-1", "2"], Parse("--seeds", "-1", "2").Many("seeds"));
    }

    [Fact]
    public void Bare_skip_is_present_with_no_values()
    {
        var parsed = Parse("Test", "--skip");

        Assert.True(parsed.Has("skip"));
        Assert.Empty(parsed.Many("skip"));
    }

    [Theory]
    [InlineData("--store-root")]
    [InlineData("--StoreRoot")]
    [InlineData("-storeroot")]
    public void Option_names_match_in_any_spelling(string spelling)
    {
        Assert.Equal("/tmp/s", Parse(spelling, "/tmp/s").Single("store-root"));
    }

    [Fact]
    public void An_inline_value_after_equals_is_accepted_and_keeps_later_equals_signs()
    {
        Assert.Equal(["training.lr=1e-5"], Parse("--set=training.lr=1e-5").Many("set"));
    }

    [Fact]
    public void An_unknown_option_is_one_line_naming_the_nearest()
    {
        var error = Assert.Throws<HostException>(() => Parse("Reproduce", "--experment", "x"));

        Assert.Equal("Unknown parameter '--experment'; did you mean '--experiment'?", error.Message);
    }

    [Fact]
    public void An_unknown_option_far_from_every_name_lists_them_all()
    {
        var error = Assert.Throws<HostException>(() => Parse("--zzzzzzzzzz"));

        Assert.Equal("Unknown parameter '--zzzzzzzzzz'; available: --plan, --skip, --experiment, --seeds, --set, --store-root.", error.Message);
    }

    [Fact]
    public void A_single_valued_option_without_a_value_is_an_error()
    {
        var error = Assert.Throws<HostException>(() => Parse("--experiment", "--plan"));

        Assert.Equal("Parameter '--experiment' needs a value.", error.Message);
    }
}
