using System.Text.RegularExpressions;
using WeakToStrong.Runner.Application;
using WeakToStrong.Runner.Experiments;

namespace WeakToStrong.Runner;

/// <summary>
/// A run's name and tags (issue 31; MLflow's run name and tags, W&amp;B's): what a person calls a run, recorded with
/// the execution that was given them (provenance: two runs that computed the same things share their key whatever
/// they are called). 1–64 characters of letters, digits, '.', '_' and '-', starting with a letter or digit, so that
/// they are safe in a file name, a table cell, a CSV field and a shell word.
/// </summary>
public static partial class RunLabels
{
    /// <exception cref="UserError">A name or tag outside that form: one line naming the option and the value.</exception>
    public static void Check(string? name, IReadOnlyList<string> tags)
    {
        if (name is not null && !Form().IsMatch(name)) throw Refused("--name", name);
        foreach (var tag in tags.Where(t => !Form().IsMatch(t))) throw Refused("--tag", tag);
    }

    static UserError Refused(string option, string value) =>
        new($"{option} '{value}': 1-64 letters, digits, '.', '_' or '-', starting with a letter or digit");

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")]
    private static partial Regex Form();
}
