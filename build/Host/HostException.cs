namespace WeakToStrong.Build.Host;

/// <summary>
/// A mistake the user can fix from its message alone (unknown target, bad parameter value, missing experiment):
/// the host prints each of its lines as is and exits 1, without a stack trace or summary table. Several lines are
/// several problems (a manifest with two located errors): each stays a line of its own, as `w2s` prints them, so that
/// an editor or CI problem matcher finds every `file(line,col): error W2Sxxxx: …`.
/// </summary>
public sealed class HostException(IReadOnlyList<string> lines, Exception? inner = null) : Exception(string.Join(Environment.NewLine, lines), inner)
{
    public IReadOnlyList<string> Lines { get; } = lines;

    public HostException(string message) : this([message]) { }
}
