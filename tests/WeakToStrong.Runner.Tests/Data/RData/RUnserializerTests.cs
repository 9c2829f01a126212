using System.Text;
using WeakToStrong.Data.Formats.RData;

namespace WeakToStrong.Runner.Tests.Data.RData;

/// <summary>R's XDR serialization as <see cref="RSerializationWriter"/> lays it out by hand, read back by <see cref="RUnserializer"/>.</summary>
public sealed class RUnserializerTests
{
    [Fact]
    public void A_character_vector_keeps_NA_and_decodes_each_string_by_its_declared_encoding()
    {
        var bytes = new RSerializationWriter().Int(16).Int(4)
            .CharSxp("plain", RSerializationWriter.Ascii)
            .CharSxp("café", RSerializationWriter.Utf8)
            .CharSxp("crème", RSerializationWriter.Latin1, Encoding.Latin1)
            .CharSxp(null, 0).ToArray();

        var value = Assert.IsType<RStrings>(RUnserializer.Read(bytes, "t.rds"));

        Assert.Equal(["plain", "café", "crème", null], value.Values);
    }

    [Fact]
    public void A_string_without_an_encoding_flag_is_read_in_the_native_encoding_the_version_3_header_declares()
    {
        var bytes = new RSerializationWriter(nativeEncoding: "latin1").Int(16).Int(1).CharSxp("naïve", 0, Encoding.Latin1).ToArray();

        Assert.Equal(["naïve"], Assert.IsType<RStrings>(RUnserializer.Read(bytes, "t.rds")).Values);
    }

    [Fact]
    public void A_tibble_reads_as_a_data_frame_with_its_factor_column_as_level_strings()
    {
        var bytes = new RSerializationWriter().Tibble(3,
            ("product", w => w.Strings(["B01", "B02", "B03"])),
            ("stars", w => w.Doubles([5, 4.5, double.NaN])),
            ("score", w => w.Factor([1, 2, int.MinValue], ["great", "other"]))).ToArray();

        var value = RUnserializer.Read(bytes, "t.rds");
        var frame = new RDataFrame(value, "t.rds");

        Assert.Equal(["tbl_df", "tbl", "data.frame"], value.Class);
        Assert.Equal(["product", "stars", "score"], frame.Columns);
        Assert.Equal(3, frame.RowCount);
        Assert.Equal(["B01", "B02", "B03"], frame.Strings("product"));
        Assert.Equal(["great", "other", null], frame.Strings("score"));
        Assert.Equal([5, 4.5], ((RDoubles)frame.Column("stars")).Values.Take(2));
        Assert.Equal([int.MinValue, -3], Assert.IsType<RIntegers>(value.Attribute("row.names")).Values);
    }

    [Fact]
    public void A_symbol_written_again_is_a_back_reference_to_the_first()
    {
        // The factor's "class" attribute writes the symbol first; the tibble's own "class" refers back to it (REFSXP).
        var bytes = new RSerializationWriter().Tibble(1, ("score", w => w.Factor([2], ["great", "other"]))).ToArray();

        var frame = Assert.IsType<RList>(RUnserializer.Read(bytes, "t.rds"));

        Assert.Equal(["class", "row.names", "names"], frame.Attributes.Select(a => a.Key));
        Assert.Equal(["levels", "class"], frame.Items[0].Attributes.Select(a => a.Key));
    }

    [Fact]
    public void An_unsupported_type_is_refused_naming_the_type_and_its_offset()
    {
        var bytes = new RSerializationWriter().Int(19).Int(1).Int(3).ToArray(); // a list holding a closure

        var e = Assert.Throws<RDataException>(() => RUnserializer.Read(bytes, "t.rds"));

        Assert.Equal("t.rds: unsupported R object type CLOSXP (3) at offset 31", e.Message);
    }

    [Fact]
    public void A_truncated_stream_names_where_it_ended()
    {
        var bytes = new RSerializationWriter().Int(13).Int(2).Int(7).ToArray();

        var e = Assert.Throws<RDataException>(() => RUnserializer.Read(bytes, "t.rds"));

        Assert.Equal("t.rds: truncated: needs 4 more bytes, 0 left at offset 35", e.Message);
    }

    [Fact]
    public void Bytes_after_the_object_are_an_error()
    {
        var bytes = new RSerializationWriter().Null().Int(0).ToArray();

        Assert.Equal("t.rds: trailing bytes after the serialized object at offset 27",
            Assert.Throws<RDataException>(() => RUnserializer.Read(bytes, "t.rds")).Message);
    }

    [Fact]
    public void The_ascii_format_is_refused_rather_than_misread()
    {
        var e = Assert.Throws<RDataException>(() => RUnserializer.Read("A\n3\n"u8.ToArray(), "t.rds"));

        Assert.Equal("t.rds: serialization format 'A' (ascii or native binary) is not supported, only XDR ('X') at offset 0", e.Message);
    }

    [Fact]
    public void Format_version_2_has_no_encoding_header_and_reads_the_same()
    {
        var bytes = new RSerializationWriter(version: 2).Ints([1, 2, RVector.NaInteger]).ToArray();

        Assert.Equal([1, 2, int.MinValue], Assert.IsType<RIntegers>(RUnserializer.Read(bytes, "t.rds")).Values);
    }

    [Fact]
    public void Invalid_utf8_is_an_error_naming_the_string()
    {
        var bytes = new RSerializationWriter().Int(16).Int(1).Int(9 | (RSerializationWriter.Utf8 << 12)).Int(1).Raw([0xFF]).ToArray();

        Assert.Equal("t.rds: a string is not valid utf-8 at offset 31",
            Assert.Throws<RDataException>(() => RUnserializer.Read(bytes, "t.rds")).Message);
    }
}
