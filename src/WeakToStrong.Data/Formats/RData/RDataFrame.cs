namespace WeakToStrong.Data.Formats.RData;

/// <summary>
/// A data frame (or tibble) read as columns: a named <see cref="RList"/> whose class includes "data.frame", every
/// column as long as the frame. Text columns are read as strings whether R stored them as characters or as a factor.
/// </summary>
public sealed class RDataFrame
{
    readonly RList _list;
    readonly string _source;

    public IReadOnlyList<string> Columns { get; }
    public int RowCount { get; }

    /// <summary>Wraps <paramref name="value"/>; <paramref name="source"/> names it in errors.</summary>
    public RDataFrame(RValue value, string source)
    {
        _source = source;
        if (value is not RList list || !list.Class.Contains("data.frame") || list.Names is not { } names)
            throw new RDataException($"{source}: not a data frame (a named list of class data.frame)");
        _list = list;
        Columns = [.. names.Select((n, i) => n ?? throw new RDataException($"{source}: column {i + 1} has no name"))];
        RowCount = list.Count == 0 ? 0 : ((RVector)list.Items[0]).Count;
        for (int i = 0; i < list.Count; i++)
            if (list.Items[i] is not RVector column || column.Count != RowCount)
                throw new RDataException($"{source}: column '{Columns[i]}' is not a vector of {RowCount} rows");
    }

    public RValue Column(string name) => Columns.ToList().IndexOf(name) is var i and >= 0 ? _list.Items[i]
        : throw new RDataException($"{_source}: no column '{name}' (has {string.Join(", ", Columns)})");

    /// <summary>A character or factor column as strings (NA as null).</summary>
    public IReadOnlyList<string?> Strings(string name) => Column(name) switch
    {
        RStrings s => s.Values,
        RIntegers { IsFactor: true } f => f.FactorLabels(),
        _ => throw new RDataException($"{_source}: column '{name}' is neither character nor factor"),
    };
}
