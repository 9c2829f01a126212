namespace WeakToStrong.Runner.Application;

/// <summary>
/// What a verb throws for a request the user must change: its lines ready to print (one per problem, MSBuild-style
/// where a location is known). Both front-ends show them as they are (<see cref="UserErrors"/>).
/// </summary>
public sealed class UserError(IReadOnlyList<string> lines) : Exception(string.Join(System.Environment.NewLine, lines))
{
    public IReadOnlyList<string> Lines { get; } = lines;

    public UserError(string line) : this([line]) { }
}
