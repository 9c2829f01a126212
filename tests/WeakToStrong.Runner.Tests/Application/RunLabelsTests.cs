using WeakToStrong.Runner;
using WeakToStrong.Runner.Application;
using WeakToStrong.Runner.Experiments;

namespace WeakToStrong.Runner.Tests.Application;

/// <summary>`--name` and `--tag` (issue 31): their form, refused in one line by both front-ends before anything runs.</summary>
public class RunLabelsTests
{
    static readonly string Experiments = Path.Combine(FrontEnds.RepositoryRoot, "experiments");

    [Theory]
    [InlineData("lr-sweep_2.a")]
    [InlineData("0")]
    public void A_name_of_letters_digits_dot_underscore_and_dash_is_taken(string name) => RunLabels.Check(name, [name]);

    [Theory]
    [InlineData("--name", "two words")]
    [InlineData("--name", "-leading-dash")]
    [InlineData("--tag", "a,b")]
    [InlineData("--tag", "")]
    public void Anything_else_is_refused_naming_the_option_and_the_value(string option, string value)
    {
        var e = Assert.Throws<UserError>(() => RunLabels.Check(option == "--name" ? value : null, option == "--tag" ? [value] : []));
        Assert.Equal($"{option} '{value}': 1-64 letters, digits, '.', '_' or '-', starting with a letter or digit", e.Message);
    }

    [Fact]
    public void A_name_of_65_characters_is_refused() =>
        Assert.Throws<UserError>(() => RunLabels.Check(new string('a', 65), []));

    [Fact]
    public async Task Both_front_ends_refuse_a_bad_tag_in_one_line_before_running()
    {
        var tool = await FrontEnds.W2s("reproduce", "-e", "brown-genre", "--experiments-dir", Experiments, "--tag", "a b", "--store", "/nonexistent/never-created");
        var host = FrontEnds.Host(FrontEnds.RepositoryRoot, "Reproduce", "--experiment", "brown-genre", "--tag", "a b", "--store", "/nonexistent/never-created");

        Assert.Equal((1, "--tag 'a b': 1-64 letters, digits, '.', '_' or '-', starting with a letter or digit\n"), (tool.ExitCode, tool.Error));
        Assert.NotEqual(0, host.ExitCode);
        Assert.Contains("--tag 'a b': 1-64 letters, digits, '.', '_' or '-', starting with a letter or digit\n", host.Error + host.Output);
        Assert.False(Directory.Exists("/nonexistent/never-created"));
    }
}
