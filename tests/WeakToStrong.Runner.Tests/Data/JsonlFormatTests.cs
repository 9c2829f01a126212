using System.Text;
using WeakToStrong.Data.Formats;

namespace WeakToStrong.Runner.Tests.Data;

public sealed class JsonlFormatTests : IDisposable
{
    private readonly TempDir _dir = new();
    public void Dispose() => _dir.Dispose();

    private string Write(string name, string text)
    {
        var path = _dir.Combine(name);
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void The_writer_emits_reference_fields_first_escapes_minimally_and_ends_lines_with_newline()
    {
        var items = new[]
        {
            new ClassificationItem("n1", "lemma:café", "Q: \"café\"\tA: ok", 1, [0.25, 0.75], "What is café?", "ok"),
            new ClassificationItem("n2", "g", "line\nbreak\\", 0),
        };
        var text = Encoding.UTF8.GetString(JsonlWriter.ToBytes(items));
        Assert.Equal(
            "{\"txt\":\"Q: \\\"café\\\"\\tA: ok\",\"hard_label\":1,\"soft_label\":[0.25,0.75],\"id\":\"n1\",\"group\":\"lemma:café\",\"question\":\"What is café?\",\"answer\":\"ok\"}\n" +
            "{\"txt\":\"line\\nbreak\\\\\",\"hard_label\":0,\"id\":\"n2\",\"group\":\"g\"}\n",
            text);
    }

    [Fact]
    public void Written_classification_jsonl_reads_back_to_the_same_items()
    {
        var items = new[] { new ClassificationItem("a", "g1", "hello", 1, [0.1, 0.9]), new ClassificationItem("b", "g2", "bye", 0, [1.0, 0.0]) };
        var path = _dir.Combine("items.jsonl");
        JsonlWriter.Write(path, JsonlWriter.ToBytes(items));
        var back = UserData.ReadClassification(path);
        Assert.Equal(items.Select(i => (i.Id, i.Group, i.Text, i.HardLabel)), back.Select(i => (i.Id, i.Group, i.Text, i.HardLabel)));
        Assert.Equal([0.1, 0.9], back[0].SoftLabel!);
    }

    [Fact]
    public void Classification_errors_name_the_file_and_line()
    {
        var path = Write("bad.jsonl",
            "{\"txt\":\"fine\",\"hard_label\":1}\n" +
            "\n" +
            "{\"txt\":\"no label\"}\n" +
            "{\"txt\":3,\"hard_label\":-1}\n" +
            "{\"txt\":\"x\",\"hard_label\":1,\"soft_label\":[0.5,0.75]}\n" +
            "{\"txt\":\"x\",\"hard_label\":2,\"soft_label\":[0.5,0.5]}\n" +
            "not json\n" +
            "[1,2]\n");
        var e = Assert.Throws<DataFormatException>(() => UserData.ReadClassification(path));
        Assert.Equal(
        [
            $"{path}(3): error: missing required field 'hard_label'",
            $"{path}(4): error: 'txt' must be a string, not a number",
            $"{path}(4): error: 'hard_label' must be a non-negative integer class index, not -1",
            $"{path}(5): error: 'soft_label' must sum to 1, sums to 1.25",
            $"{path}(6): error: 'hard_label' 2 is out of range for a soft_label of 2 classes",
            $"{path}(7,2): error: invalid JSON",
            $"{path}(8): error: a line must be a JSON object",
        ], e.Errors);
    }

    [Fact]
    public void Pairwise_lines_need_prompt_chosen_and_rejected_that_differ()
    {
        var path = Write("pairs.jsonl",
            "{\"prompt\":\"Q\",\"chosen\":\"good\",\"rejected\":\"bad\"}\n" +
            "{\"prompt\":\"Q\",\"chosen\":\"same\",\"rejected\":\"same\"}\n" +
            "{\"prompt\":\"\",\"chosen\":\"a\"}\n");
        var e = Assert.Throws<DataFormatException>(() => UserData.ReadPairwise(path));
        Assert.Equal(
        [
            $"{path}(2): error: 'chosen' and 'rejected' are identical",
            $"{path}(3): error: 'prompt' must not be empty",
            $"{path}(3): error: missing required field 'rejected'",
        ], e.Errors);
    }

    [Fact]
    public void Valid_pairwise_data_reads_with_the_prompt_as_default_group()
    {
        var path = Write("ok.jsonl", "{\"prompt\":\"Q\",\"chosen\":\"good\",\"rejected\":\"bad\"}\n");
        var item = Assert.Single(UserData.ReadPairwise(path));
        Assert.Equal(new PairwiseItem("line1", "prompt:Q", "Q", "good", "bad"), item);
    }

    [Fact]
    public void Invalid_utf8_is_reported_at_its_own_line_and_column_under_the_users_name_for_the_file()
    {
        var lines = Enumerable.Range(0, 5000).Select(i => $"{{\"txt\":\"item {i}\",\"hard_label\":{i % 2}}}\n").ToList();
        var bytes = Encoding.UTF8.GetBytes(string.Concat(lines.Take(4321))).Concat(
            Encoding.UTF8.GetBytes("{\"txt\":\"bad ")).Concat(new byte[] { 0xC3, 0x28 }).Concat(
            Encoding.UTF8.GetBytes("\",\"hard_label\":0}\n" + string.Concat(lines.Skip(4321)))).ToArray();
        var path = _dir.Combine("cache-copy.jsonl");
        File.WriteAllBytes(path, bytes);
        var e = Assert.Throws<DataFormatException>(() => UserData.ReadClassification(path, displayPath: "data/mine.jsonl"));
        Assert.Equal(["data/mine.jsonl(4322,13): error: not valid UTF-8"], e.Errors);
    }

    [Fact]
    public void Duplicate_ids_and_a_changing_class_count_are_errors_at_the_later_line()
    {
        var path = Write("dups.jsonl",
            "{\"id\":\"a\",\"txt\":\"x\",\"hard_label\":1,\"soft_label\":[0.5,0.5]}\n" +
            "{\"id\":\"b\",\"txt\":\"y\",\"hard_label\":0,\"soft_label\":[0.2,0.3,0.5]}\n" +
            "{\"id\":\"a\",\"txt\":\"z\",\"hard_label\":0}\n");
        var e = Assert.Throws<DataFormatException>(() => UserData.ReadClassification(path));
        Assert.Equal(
        [
            $"{path}(2): error: 'soft_label' has 3 classes, but line 1 has 2",
            $"{path}(3): error: id 'a' is used twice (first at line 1)",
        ], e.Errors);
        var pairs = Write("dup-pairs.jsonl",
            "{\"id\":\"p\",\"prompt\":\"Q\",\"chosen\":\"a\",\"rejected\":\"b\"}\n{\"id\":\"p\",\"prompt\":\"R\",\"chosen\":\"a\",\"rejected\":\"b\"}\n");
        Assert.Equal([$"{pairs}(2): error: id 'p' is used twice (first at line 1)"],
            Assert.Throws<DataFormatException>(() => UserData.ReadPairwise(pairs)).Errors);
    }
}
