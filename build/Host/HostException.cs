namespace WeakToStrong.Build.Host;

/// <summary>
/// A mistake the user can fix from its message alone (unknown target, bad parameter value, missing experiment):
/// the host prints the message as one line and exits 1, without a stack trace or summary table.
/// </summary>
public sealed class HostException(string message) : Exception(message);
