using System.Text.Json.Nodes;
using WeakToStrong.Core.Canonical;

namespace WeakToStrong.Core.Tests.Canonical;

/// <summary>RFC 8785's own examples (§3.2.2, §3.2.3, Appendix B) plus the properties content keys rely on.</summary>
public class CanonicalJsonTests
{
    [Fact]
    public void Rfc8785_section_3_2_2_example()
    {
        const string input = """
            {
              "numbers": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001],
              "string": "\u20ac$\u000F\u000aA'\u0042\u0022\u005c\\\"\/",
              "literals": [null, true, false]
            }
            """;
        Assert.Equal("""{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],"string":"€$\u000f\nA'B\"\\\\\"/"}""",
            CanonicalJson.Canonicalize(input));
    }

    [Fact]
    public void Rfc8785_section_3_2_3_sorts_keys_by_utf16_code_units()
    {
        const string input = """
            {
              "\u20ac": "Euro Sign",
              "\r": "Carriage Return",
              "\ufb33": "Hebrew Letter Dalet With Dagesh",
              "1": "One",
              "\ud83d\ude00": "Emoji: Grinning Face",
              "\u0080": "Control",
              "\u00f6": "Latin Small Letter O With Diaeresis"
            }
            """;
        var values = JsonNode.Parse(CanonicalJson.Canonicalize(input))!.AsObject().Select(p => (string)p.Value!);
        Assert.Equal(["Carriage Return", "One", "Control", "Latin Small Letter O With Diaeresis", "Euro Sign",
            "Emoji: Grinning Face", "Hebrew Letter Dalet With Dagesh"], values);
    }

    [Theory]
    [InlineData(0x0000000000000000UL, "0")]
    [InlineData(0x8000000000000000UL, "0")]
    [InlineData(0x0000000000000001UL, "5e-324")]
    [InlineData(0x8000000000000001UL, "-5e-324")]
    [InlineData(0x7fefffffffffffffUL, "1.7976931348623157e+308")]
    [InlineData(0xffefffffffffffffUL, "-1.7976931348623157e+308")]
    [InlineData(0x4340000000000000UL, "9007199254740992")]
    [InlineData(0xc340000000000000UL, "-9007199254740992")]
    [InlineData(0x4430000000000000UL, "295147905179352830000")]
    [InlineData(0x44b52d02c7e14af5UL, "9.999999999999997e+22")]
    [InlineData(0x44b52d02c7e14af6UL, "1e+23")]
    [InlineData(0x44b52d02c7e14af7UL, "1.0000000000000001e+23")]
    [InlineData(0x444b1ae4d6e2ef4eUL, "999999999999999700000")]
    [InlineData(0x444b1ae4d6e2ef4fUL, "999999999999999900000")]
    [InlineData(0x444b1ae4d6e2ef50UL, "1e+21")]
    [InlineData(0x3eb0c6f7a0b5ed8cUL, "9.999999999999997e-7")]
    [InlineData(0x3eb0c6f7a0b5ed8dUL, "0.000001")]
    [InlineData(0x41b3de4355555553UL, "333333333.3333332")]
    [InlineData(0x41b3de4355555554UL, "333333333.33333325")]
    [InlineData(0x41b3de4355555555UL, "333333333.3333333")]
    [InlineData(0x41b3de4355555556UL, "333333333.3333334")]
    [InlineData(0x41b3de4355555557UL, "333333333.33333343")]
    [InlineData(0xbecbf647612f3696UL, "-0.0000033333333333333333")]
    [InlineData(0x43143ff3c1cb0959UL, "1424953923781206.2")]
    public void Rfc8785_appendix_b_number_serialization(ulong ieee, string expected) =>
        Assert.Equal(expected, CanonicalJson.FormatNumber(BitConverter.UInt64BitsToDouble(ieee)));

    [Theory]
    [InlineData("2", "2")]
    [InlineData("2.0", "2")]
    [InlineData("2e0", "2")]
    [InlineData("5e-5", "0.00005")]
    [InlineData("1e-7", "1e-7")]
    [InlineData("1e21", "1e+21")]
    [InlineData("123456789012345678901", "123456789012345680000")]
    public void Equal_numbers_have_one_form(string literal, string expected) =>
        Assert.Equal(expected, CanonicalJson.Canonicalize(literal));

    [Fact]
    public void Key_order_and_whitespace_do_not_change_the_key()
    {
        var a = JsonNode.Parse("""{"b": [1, 2.0, {"y": true, "x": null}], "a": "é"}""");
        var b = JsonNode.Parse("{\n\t\"a\":\"\\u00e9\",\"b\":[1.0,2,{\"x\":null,\"y\":true}]}");
        Assert.Equal(ContentKey.Of(a), ContentKey.Of(b));
        Assert.NotEqual(ContentKey.Of(a), ContentKey.Of(JsonNode.Parse("""{"a":"é","b":[1,3,{"x":null,"y":true}]}""")));
    }

    [Fact]
    public void Content_key_is_sha256_hex_of_the_canonical_utf8()
    {
        // sha256("{}") computed independently: echo -n '{}' | sha256sum
        Assert.Equal("44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a", ContentKey.Of(new JsonObject()));
    }

    [Fact]
    public void Non_finite_numbers_are_rejected() =>
        Assert.Throws<ArgumentException>(() => CanonicalJson.FormatNumber(double.PositiveInfinity));
}
