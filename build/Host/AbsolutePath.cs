namespace WeakToStrong.Build.Host;

/// <summary>
/// A rooted path with NUKE's `/` operator (`RootDirectory / "experiments"`), so target code reads as it would
/// against Nuke.Common and ports by a change of <c>using</c>.
/// </summary>
public readonly record struct AbsolutePath
{
    public AbsolutePath(string path) => Value = System.IO.Path.GetFullPath(path);

    public string Value { get; }

    public static AbsolutePath operator /(AbsolutePath left, string right) => new(System.IO.Path.Combine(left.Value, right));

    public static implicit operator string(AbsolutePath path) => path.Value;

    public override string ToString() => Value;
}
