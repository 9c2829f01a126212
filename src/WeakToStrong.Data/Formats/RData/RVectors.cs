namespace WeakToStrong.Data.Formats.RData;

/// <summary>
/// R's vectors. Missing values stay as R has them: a null string (NA_character_), <see cref="NaInteger"/> in an
/// integer or logical vector, and R's NA bit pattern (a NaN) in a double vector.
/// </summary>
public abstract class RVector : RValue
{
    /// <summary>NA_integer_ and NA (logical): the smallest int.</summary>
    public const int NaInteger = int.MinValue;

    public abstract int Count { get; }

    /// <summary>A factor: an integer vector of 1-based codes whose <c>class</c> includes "factor" and whose
    /// <c>levels</c> attribute names the codes.</summary>
    public bool IsFactor => this is RIntegers && Class.Contains("factor") && Attribute("levels") is RStrings;
}

/// <summary>A character vector (STRSXP); null is NA.</summary>
public sealed class RStrings(string?[] values) : RVector
{
    public IReadOnlyList<string?> Values { get; } = values;
    public override int Count => Values.Count;
}

/// <summary>An integer vector (INTSXP), also a factor's codes.</summary>
public sealed class RIntegers(int[] values) : RVector
{
    public IReadOnlyList<int> Values { get; } = values;
    public override int Count => Values.Count;

    /// <summary>A factor's values as its level strings (NA codes as null); throws unless <see cref="RVector.IsFactor"/>.</summary>
    public IReadOnlyList<string?> FactorLabels()
    {
        if (Attribute("levels") is not RStrings levels || !IsFactor)
            throw new InvalidOperationException("not a factor: an integer vector needs class \"factor\" and a levels attribute");
        return [.. Values.Select(code => code == NaInteger ? null
            : code >= 1 && code <= levels.Count ? levels.Values[code - 1]
            : throw new RDataException($"factor code {code} is outside its {levels.Count} levels"))];
    }
}

/// <summary>A logical vector (LGLSXP): 0 false, 1 true, <see cref="RVector.NaInteger"/> NA.</summary>
public sealed class RLogicals(int[] values) : RVector
{
    public IReadOnlyList<int> Values { get; } = values;
    public override int Count => Values.Count;
}

/// <summary>A double vector (REALSXP).</summary>
public sealed class RDoubles(double[] values) : RVector
{
    public IReadOnlyList<double> Values { get; } = values;
    public override int Count => Values.Count;
}

/// <summary>A raw vector (RAWSXP).</summary>
public sealed class RRaw(byte[] values) : RVector
{
    public IReadOnlyList<byte> Values { get; } = values;
    public override int Count => Values.Count;
}

/// <summary>A generic vector (VECSXP, or EXPRSXP read the same way): a list, a data frame's columns.</summary>
public sealed class RList(RValue[] items) : RVector
{
    public IReadOnlyList<RValue> Items { get; } = items;
    public override int Count => Items.Count;
}
