using System.Runtime.InteropServices;

namespace WeakToStrong.Cli;

/// <summary>
/// SIGINT and SIGTERM cancel the run (the token every verb's action is given) and, when it has not ended
/// <see cref="Grace"/> later, end the process with 128 + the signal, as System.CommandLine's own handling did
/// (ProcessTerminationTimeout); a signal while it stops is absorbed. System.CommandLine 3.0.0's handler completed its
/// TaskCompletionSource a second time on a second signal and crashed the process with a stack trace: seen when `pkill -f`
/// reached both `w2s` and a wrapper that forwards signals to it (`TerminationSignalTests`).
/// </summary>
sealed class TerminationSignals : IDisposable
{
    /// <summary>1 s, not System.CommandLine's default 2: `timeout`, a CI cancel or a user's kill should find nothing of ours left within 2 s.</summary>
    public static readonly TimeSpan Grace = TimeSpan.FromSeconds(1);

    readonly CancellationTokenSource _cancel = new();
    readonly PosixSignalRegistration[] _registrations;
    int _first;

    public TerminationSignals() =>
        _registrations = [Register(PosixSignal.SIGINT, 2), Register(PosixSignal.SIGTERM, 15)];

    public CancellationToken Token => _cancel.Token;

    /// <summary>The first signal's number (2 or 15), null until one came.</summary>
    public int? Received => Volatile.Read(ref _first) is > 0 and var n ? n : null;

    PosixSignalRegistration Register(PosixSignal signal, int number) => PosixSignalRegistration.Create(signal, context =>
    {
        context.Cancel = true; // not the default, an exit on the spot: the run stops itself and drops its locks
        if (Interlocked.CompareExchange(ref _first, number, 0) != 0) return;
        _cancel.Cancel();
        _ = Task.Delay(Grace).ContinueWith(_ => Environment.Exit(128 + number), TaskScheduler.Default);
    });

    public void Dispose()
    {
        foreach (var registration in _registrations) registration.Dispose();
        _cancel.Dispose();
    }
}
