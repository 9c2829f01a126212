using WeakToStrong.Core.Diagnostics;
using WeakToStrong.Core.Manifests;
using WeakToStrong.Core.Resolution;
using WeakToStrong.Core.Tests.Manifests;
using WeakToStrong.Data.Tasks;

namespace WeakToStrong.Core.Tests.Tasks;

/// <summary>The data section checked against the task catalog: one located error per problem, at the node it is about.</summary>
public class TaskManifestErrorTests
{
    const string Data = "\"task\": \"definitions\",";
    const string Split = "\"split\": { \"seed\": 0, \"train1\": 10, \"train2\": 10, \"test\": 10 }";

    static string WithParams(string task, string @params) =>
        ManifestSamples.With(Data, $"\"task\": \"{task}\",").Replace(Split, Split + ",\n    \"params\": " + @params);

    static void AssertSingle(string marked, string code, string message) => ManifestAssert.SingleError(marked, code, message);

    /// <summary>The catalog's names as the unknown-task error lists them (built here so that adding a task edits no test).</summary>
    internal static string Available => string.Join(", ", TaskCatalog.Default.Tasks.Select(t => t.Name));

    [Fact]
    public void An_unknown_task_suggests_the_nearest_and_lists_the_catalog() => AssertSingle(
        ManifestSamples.With(Data, "\"task\": §\"definition\","),
        DiagnosticCodes.UnknownTask,
        $"Unknown task 'definition'. Did you mean 'definitions'? Available: {Available}.");

    [Fact]
    public void An_unknown_parameter_is_reported_at_its_key_with_the_parameters_the_task_takes() => AssertSingle(
        WithParams("definitions", "{ §\"negative\": \"same-file\" }"),
        DiagnosticCodes.TaskParameterNotApplicable,
        "Task 'definitions' has no parameter 'negative'. Did you mean 'negatives'? It takes: partsOfSpeech (or partOfSpeech), negatives.");

    [Fact]
    public void A_task_without_parameters_refuses_any() => AssertSingle(
        WithParams("hypernym", "{ §\"partOfSpeech\": \"noun\" }"),
        DiagnosticCodes.TaskParameterNotApplicable, "Task 'hypernym' takes no parameters; remove 'partOfSpeech'.");

    [Fact]
    public void A_value_of_the_wrong_type_is_reported_at_the_value() => AssertSingle(
        WithParams("spam", "{ \"maxChars\": §\"2000\" }"),
        DiagnosticCodes.WrongType, "Parameter 'maxChars' of task 'spam' must be an integer, got string \"2000\".");

    [Fact]
    public void A_fractional_integer_parameter_is_refused() => AssertSingle(
        WithParams("spam", "{ \"maxChars\": §2.5 }"),
        DiagnosticCodes.NonInteger, "Parameter 'maxChars' of task 'spam' must be an integer, got 2.5.");

    [Fact]
    public void An_integer_below_its_minimum_states_the_bound() => AssertSingle(
        WithParams("spam", "{ \"maxChars\": §0 }"),
        DiagnosticCodes.OutOfRange, "Parameter 'maxChars' of task 'spam' = 0 is out of range: it must be at least 1.");

    [Fact]
    public void An_integer_beyond_32_bits_is_refused_rather_than_overflowing_in_the_builder() => AssertSingle(
        WithParams("spam", "{ \"maxChars\": §3000000000 }"),
        DiagnosticCodes.OutOfRange, "Parameter 'maxChars' of task 'spam' = 3000000000 is out of range for a 32-bit integer.");

    [Fact]
    public void A_list_entry_of_the_wrong_type_is_reported_at_that_entry() => AssertSingle(
        WithParams("definitions", "{ \"partsOfSpeech\": [\"noun\", §3] }"),
        DiagnosticCodes.WrongType, "Entry 1 of parameter 'partsOfSpeech' of task 'definitions' must be a string, got number 3.");

    [Fact]
    public void A_value_outside_the_allowed_set_suggests_the_nearest() => AssertSingle(
        WithParams("definitions", "{ \"negatives\": §\"same-fil\" }"),
        DiagnosticCodes.UnknownEnumValue,
        "Unknown value 'same-fil' for parameter 'negatives' of task 'definitions'. Did you mean 'same-file'? Expected one of: same-file, any-file, sibling.");

    [Fact]
    public void A_bad_list_entry_is_reported_at_that_entry() => AssertSingle(
        WithParams("definitions", "{ \"partsOfSpeech\": [\"noun\", §\"nuon\"] }"),
        DiagnosticCodes.UnknownEnumValue,
        "Unknown value 'nuon' for parameter 'partsOfSpeech' of task 'definitions'. Did you mean 'noun'? Expected one of: noun, verb, adj, adv.");

    [Fact]
    public void A_list_entry_given_twice_is_reported_at_the_second() => AssertSingle(
        WithParams("definitions", "{ \"partsOfSpeech\": [\"noun\", \"verb\", §\"noun\"] }"),
        DiagnosticCodes.DuplicateValue, "Parameter 'partsOfSpeech' of task 'definitions' lists 'noun' twice.");

    [Fact]
    public void An_empty_list_is_refused() => AssertSingle(
        WithParams("definitions", "{ \"partsOfSpeech\": §[] }"),
        DiagnosticCodes.OutOfRange, "Parameter 'partsOfSpeech' of task 'definitions' must have at least 1 entry, got 0.");

    [Fact]
    public void The_singular_spelling_is_checked_under_the_name_written() => AssertSingle(
        WithParams("definitions", "{ \"partOfSpeech\": §\"nouns\" }"),
        DiagnosticCodes.UnknownEnumValue,
        "Unknown value 'nouns' for parameter 'partOfSpeech' of task 'definitions'. Did you mean 'noun'? Expected one of: noun, verb, adj, adv.");

    [Fact]
    public void The_singular_spelling_takes_a_string_only() => AssertSingle(
        WithParams("definitions", "{ \"partOfSpeech\": §[\"noun\"] }"),
        DiagnosticCodes.WrongType,
        "Parameter 'partOfSpeech' of task 'definitions' is the one-value spelling of 'partsOfSpeech': it must be a string, got an array.");

    [Fact]
    public void Both_spellings_of_one_parameter_are_refused_at_the_second() => AssertSingle(
        WithParams("definitions", "{ \"partOfSpeech\": \"noun\", §\"partsOfSpeech\": [\"verb\"] }"),
        DiagnosticCodes.InconsistentValue, "Task 'definitions': set 'partsOfSpeech' or 'partOfSpeech', not both.");

    [Fact]
    public void A_task_of_the_other_setting_is_refused_at_the_task_name() => AssertSingle(
        ManifestSamples.With(Data, "\"task\": §\"pairwise-jsonl\","),
        DiagnosticCodes.InconsistentValue, "Task 'pairwise-jsonl' builds reward-model items, but the manifest's setting is classification.");

    [Fact]
    public void The_source_count_must_be_what_the_task_reads() => AssertSingle(
        ManifestSamples.With("\"sources\": [ { \"name\": \"w\", \"path\": \"wordnet/dict\" } ]",
            "\"sources\": §[ { \"name\": \"w\", \"path\": \"wordnet/dict\" }, { \"name\": \"v\", \"path\": \"other\" } ]"),
        DiagnosticCodes.InconsistentValue, "Task 'definitions' reads 1 source; data.sources declares 2.");

    [Fact]
    public void Every_problem_is_reported_not_only_the_first() => Assert.Equal(
        [DiagnosticCodes.TaskParameterNotApplicable, DiagnosticCodes.UnknownEnumValue, DiagnosticCodes.OutOfRange],
        ManifestLoader.Load(WithParams("spam", "{ \"hamm\": \"all\", \"ham\": \"spam\", \"maxChars\": -1 }"), ManifestAssert.File, TaskCatalog.Default)
            .Diagnostics.Select(d => d.Code));

    [Fact]
    public void A_scale_that_sets_a_bad_parameter_is_reported_at_the_scale_entry()
    {
        var (text, marks) = Marked.Parse(WithParams("spam", "{ \"ham\": \"all\" }")
            .Replace("\"seeds\": [0, 1]", "\"seeds\": [0, 1],\n  \"scales\": { \"smoke\": { \"data.params.ham\": §\"sometimes\" } }"));
        var (line, column) = Assert.Single(marks);
        Assert.Equal([$"{ManifestAssert.File}({line},{column}): error W2S0015: With scale 'smoke': Unknown value 'sometimes' for parameter 'ham' of task 'spam'. Expected one of: all, easy, hard."],
            ManifestLoader.Load(text, ManifestAssert.File, TaskCatalog.Default).Diagnostics.Select(d => d.ToString()));
    }

    [Fact]
    public void A_command_line_override_is_checked_against_the_task_and_blamed_on_the_argument()
    {
        var loaded = ManifestLoader.Load(ManifestSamples.Minimal, ManifestAssert.File, TaskCatalog.Default);
        var resolved = ManifestResolver.Resolve(loaded.Syntax!, null, [OverrideLayer.FromCommandLine(["data.params.negatives=random"])], TaskCatalog.Default);
        var d = Assert.Single(resolved.Diagnostics);
        Assert.Equal("W2S0015", d.Code);
        Assert.Equal("--set data.params.negatives=random", d.Location.File);
        Assert.Null(resolved.Task);
    }
}
