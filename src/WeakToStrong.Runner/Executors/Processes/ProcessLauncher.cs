using System.Collections.Concurrent;
using System.Diagnostics;

namespace WeakToStrong.Runner.Executors.Processes;

/// <summary>
/// Starts the stage processes from one thread that lives as long as they may. A child asks the kernel for SIGKILL when
/// its parent dies (<see cref="ParentDeath"/>), and Linux sends that signal when the *thread* that forked it ends
/// (prctl(2), PR_SET_PDEATHSIG): started from a thread-pool thread, a pretraining child was killed (exit 137) 58 s in,
/// when the pool retired that thread. From this thread, only this process's death kills them.
/// </summary>
public sealed class ProcessLauncher : IDisposable
{
    readonly BlockingCollection<(Process Process, TaskCompletionSource Started)> _queue = new();
    readonly Thread _thread;

    public ProcessLauncher()
    {
        _thread = new Thread(Run) { IsBackground = true, Name = "w2s stage processes" };
        _thread.Start();
    }

    /// <summary>Starts <paramref name="process"/> on the launcher's thread; completes once it has started (or failed to).</summary>
    public Task StartAsync(Process process)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _queue.Add((process, started));
        return started.Task;
    }

    void Run()
    {
        foreach (var (process, started) in _queue.GetConsumingEnumerable())
        {
            try
            {
                process.Start();
                started.SetResult();
            }
            catch (Exception e)
            {
                started.SetException(e);
            }
        }
    }

    /// <summary>Ends the thread: call it once every process it started has exited.</summary>
    public void Dispose()
    {
        _queue.CompleteAdding();
        _thread.Join();
        _queue.Dispose();
    }
}
