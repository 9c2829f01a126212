using System.Text.Json;
using System.Text.Json.Serialization;
using WeakToStrong.Core.Plans;

namespace WeakToStrong.Core.Tests.Plans;

/// <summary>A stage kind has one spelling: the one its JSON serialization writes is the one plans, records and progress print.</summary>
public class StageKindNamesTests
{
    public static TheoryData<StageKind> Kinds() => new(Enum.GetValues<StageKind>());

    [Theory]
    [MemberData(nameof(Kinds))]
    public void A_kinds_name_is_its_json_spelling(StageKind kind)
    {
        var options = new JsonSerializerOptions { Converters = { new JsonStringEnumConverter() } };
        Assert.Equal(JsonSerializer.Serialize(kind, options), $"\"{kind.Name()}\"");
    }

    [Fact]
    public void The_names_are_the_lower_case_words_the_records_hold()
    {
        Assert.Equal(["data", "pretrain", "weights", "features", "weak", "label", "ceiling", "transfer", "bootstrap", "evaluate"],
            Enum.GetValues<StageKind>().Select(k => k.Name()));
    }
}
