namespace WeakToStrong.Data.Formats;

/// <summary>User data failed validation; <see cref="Errors"/> holds one "file(line): error …" entry per problem.</summary>
public sealed class DataFormatException(IReadOnlyList<string> errors)
    : Exception(string.Join(Environment.NewLine, errors))
{
    public IReadOnlyList<string> Errors { get; } = errors;
}
