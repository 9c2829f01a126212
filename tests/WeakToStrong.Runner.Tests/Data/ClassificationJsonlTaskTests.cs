using WeakToStrong.Data.Formats;
using WeakToStrong.Data.Tasks;

namespace WeakToStrong.Runner.Tests.Data;

/// <summary>classification-jsonl: a user's txt/hard_label file becomes binary items; every bad line is one located error.</summary>
public sealed class ClassificationJsonlTaskTests : IDisposable
{
    private readonly TempDir _dir = new();
    public void Dispose() => _dir.Dispose();

    /// <summary>The file alone in a source folder, as the data stage hands a fetched <c>path</c> source over.</summary>
    private string Source(string text)
    {
        var folder = Directory.CreateDirectory(_dir.Combine("src-" + Guid.NewGuid().ToString("N"))).FullName;
        File.WriteAllText(Path.Combine(folder, "mine.jsonl"), text);
        return folder;
    }

    private DataFormatException Bad(string text) =>
        Assert.Throws<DataFormatException>(() => ClassificationJsonlTask.Build(Source(text), "data/mine.jsonl"));

    [Fact]
    public void A_good_file_keeps_file_order_ids_and_groups_and_drops_soft_labels()
    {
        var build = ClassificationJsonlTask.Build(Source(
            "{\"txt\":\"good film\",\"hard_label\":1,\"soft_label\":[0.3,0.7],\"id\":\"r1\",\"group\":\"film:a\"}\n" +
            "\n" +
            "{\"txt\":\"dull film\",\"hard_label\":0}\n" +
            "{\"txt\":\"dull film\",\"hard_label\":0,\"id\":\"r3\"}\n"), "data/mine.jsonl");

        Assert.Equal(
        [
            new ClassificationItem("r1", "film:a", "good film", 1),
            new ClassificationItem("line3", "txt:dull film", "dull film", 0),
            new ClassificationItem("r3", "txt:dull film", "dull film", 0),
        ], build.Items);
        Assert.Equal("classification-jsonl", build.Task);
        Assert.Equal(new Dictionary<string, int> { ["items"] = 3, ["positives"] = 1 }, build.Stats);
        Assert.Equal(JsonlWriter.Hash(build.Items), build.ContentHash);
    }

    [Fact]
    public void A_line_without_txt_is_an_error_at_that_line_of_the_users_file() =>
        Assert.Equal(["data/mine.jsonl(2): error: missing required field 'txt'"],
            Bad("{\"txt\":\"a\",\"hard_label\":1}\n{\"hard_label\":0}\n").Errors);

    [Theory]
    [InlineData("2", "2")]
    [InlineData("-1", "-1")]
    [InlineData("0.5", "0.5")]
    [InlineData("\"1\"", "\"1\"")]
    public void A_hard_label_other_than_0_or_1_is_an_error_at_its_line(string label, string shown) =>
        Assert.Equal([$"data/mine.jsonl(1): error: 'hard_label' must be 0 or 1, not {shown}"],
            Bad($"{{\"txt\":\"a\",\"hard_label\":{label}}}\n").Errors);

    [Fact]
    public void A_duplicate_id_is_an_error_at_the_second_line_naming_the_first() =>
        Assert.Equal(["data/mine.jsonl(3): error: id 'x' is used twice (first at line 1)"],
            Bad("{\"txt\":\"a\",\"hard_label\":1,\"id\":\"x\"}\n{\"txt\":\"b\",\"hard_label\":0}\n{\"txt\":\"c\",\"hard_label\":0,\"id\":\"x\"}\n").Errors);

    [Theory]
    [InlineData("")]
    [InlineData("\n\n")]
    public void An_empty_file_is_one_error_saying_it_has_no_items(string text) =>
        Assert.Equal(["data/mine.jsonl(1): error: no items"], Bad(text).Errors);

    [Fact]
    public void A_source_folder_with_two_files_is_refused()
    {
        var folder = Source("{\"txt\":\"a\",\"hard_label\":1}\n");
        File.WriteAllText(Path.Combine(folder, "other.jsonl"), "");
        var e = Assert.Throws<InvalidOperationException>(() => ClassificationJsonlTask.Build(folder));
        Assert.Equal($"classification-jsonl: the source must be one JSONL file; {folder} holds 2 files", e.Message);
    }
}
