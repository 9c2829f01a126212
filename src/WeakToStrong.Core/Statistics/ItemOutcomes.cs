namespace WeakToStrong.Core.Statistics;

/// <summary>
/// Per-item test outcomes of one checkpoint (was item i predicted correctly?), as a stage record stores them:
/// bit-packed LSB-first (item i → byte i / 8, bit i % 8; trailing bits of the last byte are zero) and base64-encoded.
/// The item order is the test split's order, so two records over the same split are paired item by item.
/// </summary>
public static class ItemOutcomes
{
    public static string Encode(IReadOnlyList<bool> correct)
    {
        ArgumentNullException.ThrowIfNull(correct);
        var bytes = new byte[(correct.Count + 7) / 8];
        for (var i = 0; i < correct.Count; i++)
            if (correct[i]) bytes[i >> 3] |= (byte)(1 << (i & 7));
        return Convert.ToBase64String(bytes);
    }

    /// <summary>Decodes <paramref name="count"/> outcomes; throws when the encoding's length does not fit that count
    /// (or a padding bit past the last item is set).</summary>
    public static bool[] Decode(string encoded, int count)
    {
        ArgumentNullException.ThrowIfNull(encoded);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        byte[] bytes;
        try { bytes = Convert.FromBase64String(encoded); }
        catch (FormatException e) { throw new FormatException($"item outcomes are not valid base64: {e.Message}", e); }
        var expected = (count + 7) / 8;
        if (bytes.Length != expected)
            throw new FormatException($"item outcomes hold {bytes.Length} byte(s), {count} item(s) need {expected}");
        if (count % 8 != 0 && (bytes[^1] >> (count % 8)) != 0)
            throw new FormatException($"item outcomes have bits set past item {count - 1}: more items were encoded than {count}");
        var result = new bool[count];
        for (var i = 0; i < count; i++) result[i] = (bytes[i >> 3] & (1 << (i & 7))) != 0;
        return result;
    }
}
