namespace WeakToStrong.Runner.Experiments;

/// <summary>A user error with its lines ready to print (one per problem, MSBuild-style where a location is known).</summary>
public sealed class ExperimentException(IReadOnlyList<string> lines) : Exception(string.Join(System.Environment.NewLine, lines))
{
    public IReadOnlyList<string> Lines { get; } = lines;

    public ExperimentException(string line) : this([line]) { }
}
