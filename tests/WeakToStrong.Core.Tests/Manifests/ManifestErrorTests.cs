using WeakToStrong.Core.Diagnostics;
using WeakToStrong.Core.Manifests;
using WeakToStrong.Data.Tasks;

namespace WeakToStrong.Core.Tests.Manifests;

/// <summary>Each manifest error kind (docs/architecture.md §3), with its stable code, exact line and column, and message.</summary>
public class ManifestErrorTests
{
    private const string File = ManifestAssert.File;

    private static void AssertSingle(string marked, string code, string message) => ManifestAssert.SingleError(marked, code, message);

    [Fact]
    public void Minimal_sample_is_valid()
    {
        var result = ManifestLoader.Load(ManifestSamples.Minimal, File, TaskCatalog.Default);
        Assert.Empty(result.Diagnostics);
        Assert.True(result.Success);
        Assert.Equal(32, result.Manifest!.Training.BatchSize); // default filled
    }

    [Fact]
    public void Unknown_key_suggests_the_nearest_name() => AssertSingle(
        ManifestSamples.With("\"epochs\": 1", "§\"epoch\": 1"),
        "W2S0010", "Unknown property 'epoch' in 'training'. Did you mean 'epochs'?");

    [Fact]
    public void Unknown_top_level_key_without_near_name_has_no_suggestion() => AssertSingle(
        ManifestSamples.With("\"seeds\": [0, 1]", "\"seeds\": [0, 1],\n  §\"zzzzzzzz\": true"),
        "W2S0010", "Unknown property 'zzzzzzzz' in the manifest.");

    [Fact]
    public void Wrong_type_names_expected_and_actual() => AssertSingle(
        ManifestSamples.With("\"epochs\": 1", "\"epochs\": §\"two\""),
        "W2S0011", "'training.epochs' must be an integer, got string \"two\".");

    [Fact]
    public void Out_of_range_value_states_the_bounds() => AssertSingle(
        ManifestSamples.With("\"lr\": 0.001", "\"lr\": §-1"),
        "W2S0012", "'training.lr' = -1 is out of range: it must be between 1E-12 and 10.");

    [Fact]
    public void Huge_number_is_out_of_range_not_a_crash() => AssertSingle(
        ManifestSamples.With("\"lr\": 0.001", "\"lr\": §1e400"),
        "W2S0012", "'training.lr' = 1e400 is out of range for a double.");

    [Fact]
    public void Missing_required_field_points_at_the_enclosing_object() => AssertSingle(
        ManifestSamples.With("\"split\": { \"seed\": 0, \"train1\": 10, \"train2\": 10, \"test\": 10 }",
            "\"split\": §{ \"seed\": 0, \"train1\": 10, \"test\": 10 }"),
        "W2S0013", "Missing required property 'train2' in 'data.split'.");

    [Fact]
    public void Duplicate_model_name_points_at_the_second_declaration() => AssertSingle(
        ManifestSamples.With("\"strong\": { \"family\": \"minilm-l6\" }", "§\"weak\": { \"family\": \"minilm-l6\" }"),
        "W2S0020", "Duplicate model name 'weak': each model needs a unique name.");

    [Fact]
    public void Unknown_loss_suggests_the_nearest() => AssertSingle(
        ManifestSamples.With("{ \"name\": \"xent\" }", "{ \"name\": §\"logconff\" }"),
        "W2S0021", "Unknown loss 'logconff'. Did you mean 'logconf'? Expected one of: xent, logconf, product, entropy, window, kl, bradley-terry.");

    [Fact]
    public void Unknown_model_family_suggests_the_nearest() => AssertSingle(
        ManifestSamples.With("\"weak\": { \"family\": \"minilm-l6\" }", "\"weak\": { \"family\": §\"minilm-l12\" }"),
        "W2S0022", "Unknown model family 'minilm-l12'. Did you mean 'minilm-l6'? Expected one of: gpt2-local, gpt2-hf, minilm-l6, bag-of-words, noisy-truth.");

    [Theory]
    [InlineData("../../etc/passwd")]
    [InlineData("/etc/passwd")]
    [InlineData("wordnet/../../x")]
    [InlineData("C:/data")]
    public void Data_path_escaping_the_root_is_rejected(string path) => AssertSingle(
        ManifestSamples.With("\"path\": \"wordnet/dict\"", $"\"path\": §\"{path}\""),
        "W2S0024", $"Data path \"{path}\" escapes the data root: use a relative path without leading '/', drive letters or '..' above the root.");

    [Fact]
    public void Non_integer_seed_has_its_own_code() => AssertSingle(
        ManifestSamples.With("\"seeds\": [0, 1]", "\"seeds\": [0, §1.5]"),
        "W2S0025", "Seed 1.5 is not an integer: seeds must be whole numbers.");

    [Fact]
    public void Integral_float_seed_is_accepted_as_the_same_number()
    {
        var result = ManifestLoader.Load(ManifestSamples.With("\"seeds\": [0, 1]", "\"seeds\": [0, 1.0, 2e0]"), File, TaskCatalog.Default);
        Assert.Empty(result.Diagnostics);
        Assert.Equal([0, 1, 2], result.Manifest!.Seeds);
    }

    [Fact]
    public void Unknown_model_in_a_pair_suggests_a_declared_one() => AssertSingle(
        ManifestSamples.With("\"seeds\": [0, 1]", "\"seeds\": [0, 1],\n  \"pairs\": [[\"weak\", §\"strnog\"]]"),
        "W2S0023", "Unknown model 'strnog'. Did you mean 'strong'? Declared models: weak, strong.");

    [Fact]
    public void Bad_path_in_a_scale_is_reported_at_the_scale_entry() => AssertSingle(
        ManifestSamples.With("\"seeds\": [0, 1]", "\"seeds\": [0, 1],\n  \"scales\": { \"smoke\": { §\"training.epoch\": 1 } }"),
        "W2S0010", "With scale 'smoke': Unknown property 'epoch' in 'training'. Did you mean 'epochs'?");

    [Fact]
    public void Bad_value_in_a_scale_is_reported_at_the_value() => AssertSingle(
        ManifestSamples.With("\"seeds\": [0, 1]", "\"seeds\": [0, 1],\n  \"scales\": { \"cpu\": { \"data.split.test\": §0 } }"),
        "W2S0012", "With scale 'cpu': 'data.split.test' = 0 is out of range: it must be at least 1.");

    [Fact]
    public void Loss_parameter_that_does_not_apply_is_rejected() => AssertSingle(
        ManifestSamples.With("{ \"name\": \"xent\" }", "{ \"name\": \"xent\", §\"radius\": 0.1 }"),
        "W2S0031", "Parameter 'radius' does not apply to loss 'xent' (it takes none).");

    [Fact]
    public void Truncated_json_is_one_invalid_json_error()
    {
        var result = ManifestLoader.Load(ManifestSamples.Minimal[..40], File, TaskCatalog.Default);
        var d = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticCodes.InvalidJson, d.Code);
        Assert.Null(result.Manifest);
    }

    [Fact]
    public void Invalid_utf8_points_at_the_bad_byte()
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes("{\n  \"id\": \"a").Concat(new byte[] { 0xC3, 0x28 }).Concat("\"\n}"u8.ToArray()).ToArray();
        var d = Assert.Single(ManifestLoader.Load(bytes, File, TaskCatalog.Default).Diagnostics);
        // line 2 is `  "id": "a` (10 characters), so the bad byte is column 11 and file offset 2 + 10.
        Assert.Equal($"{File}(2,11): error W2S0002: The file is not valid UTF-8: byte 0xC3 at offset 12 starts an invalid sequence.", d.ToString());
    }

    [Fact]
    public void Nesting_deeper_than_the_limit_is_too_deep()
    {
        const string prefix = "{\"data\":{\"params\":{\"x\":"; // the first '[' is level 3 (root object is level 0)
        var text = prefix + new string('[', 100) + new string(']', 100) + "}}}";
        var d = Assert.Single(ManifestLoader.Load(text, File, TaskCatalog.Default).Diagnostics);
        Assert.Equal(DiagnosticCodes.TooDeep, d.Code);
        Assert.Equal((1, prefix.Length + 1 + (64 - 3)), (d.Line, d.Column)); // the bracket that opens level 64
    }

    [Fact]
    public void Every_problem_is_reported_at_once_in_document_order()
    {
        var marked = ManifestSamples.Minimal
            .Replace("\"version\": \"1.0.0\"", "\"version\": §\"one\"")
            .Replace("\"epochs\": 1", "§\"epoch\": 1")
            .Replace("{ \"name\": \"xent\" }", "{ \"name\": §\"xnet\" }")
            .Replace("\"seeds\": [0, 1]", "\"seeds\": [§-0.5, 1]");
        var (text, marks) = Marked.Parse(marked);
        var result = ManifestLoader.Load(text, File, TaskCatalog.Default);
        Assert.Equal(["W2S0016", "W2S0010", "W2S0021", "W2S0025"], result.Diagnostics.Select(d => d.Code));
        Assert.Equal(marks, result.Diagnostics.Select(d => (d.Line, d.Column)));
    }

    [Fact]
    public void Unsupported_schema_version_names_the_supported_one() => AssertSingle(
        ManifestSamples.With("\"schemaVersion\": 1", "\"schemaVersion\": §2"),
        "W2S0028", "Unsupported schemaVersion 2: this version of WeakToStrong.Repro reads schemaVersion 1.");

    [Fact]
    public void Utf16_file_is_told_to_be_saved_as_utf8()
    {
        var bytes = System.Text.Encoding.Unicode.GetPreamble().Concat(System.Text.Encoding.Unicode.GetBytes("{}")).ToArray();
        Assert.Equal([$"{File}(1,1): error W2S0002: The file is UTF-16: save it as UTF-8."],
            ManifestLoader.Load(bytes, File, TaskCatalog.Default).Diagnostics.Select(d => d.ToString()));
    }

    [Fact]
    public void Trailing_comma_message_gives_no_reader_option_advice() => Assert.Equal(
        [$"{File}(1,9): error W2S0001: Invalid JSON: The JSON object contains a trailing comma at the end which is not supported."],
        ManifestLoader.Load("{\"id\":1,}", File, TaskCatalog.Default).Diagnostics.Select(d => d.ToString()));
}
