using System.Diagnostics;

namespace WeakToStrong.Runner.Tests.Data;

/// <summary>
/// A real read-only folder: a read-only bind mount of a fresh folder (root ignores permission bits, so chmod proves
/// nothing); or a real full disk: a tmpfs of a few hundred KiB. Null, with the reason printed, where the process may
/// not mount (not root, or no CAP_SYS_ADMIN).
/// </summary>
public sealed class ReadOnlyMount : IDisposable
{
    public string Path { get; }

    ReadOnlyMount(string path) => Path = path;

    /// <param name="prepare">Fills the folder before it becomes read-only.</param>
    public static ReadOnlyMount? TryCreate(string path, Action<string>? prepare = null)
    {
        Directory.CreateDirectory(path);
        prepare?.Invoke(path);
        if (!OperatingSystem.IsLinux() || Run("mount", "--bind", path, path) != 0)
        {
            Console.WriteLine($"SKIPPED: cannot bind-mount {path} read-only here (needs root with CAP_SYS_ADMIN)");
            return null;
        }
        if (Run("mount", "-o", "remount,bind,ro", path) != 0)
        {
            Run("umount", path);
            Console.WriteLine($"SKIPPED: cannot remount {path} read-only here");
            return null;
        }
        return new ReadOnlyMount(path);
    }

    /// <summary>A tmpfs of <paramref name="kib"/> KiB at <paramref name="path"/>: writing more fills it, and nothing else.</summary>
    public static ReadOnlyMount? TrySmallTmpfs(string path, int kib)
    {
        Directory.CreateDirectory(path);
        if (!OperatingSystem.IsLinux() || Run("mount", "-t", "tmpfs", "-o", $"size={kib}k", "tmpfs", path) != 0)
        {
            Console.WriteLine($"SKIPPED: cannot mount a tmpfs at {path} here (needs root with CAP_SYS_ADMIN)");
            return null;
        }
        return new ReadOnlyMount(path);
    }

    public void Dispose() => Run("umount", Path);

    static int Run(string file, params string[] args)
    {
        var psi = new ProcessStartInfo(file) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var a in args) psi.ArgumentList.Add(a);
        try
        {
            using var p = Process.Start(psi)!;
            p.WaitForExit();
            return p.ExitCode;
        }
        catch (System.ComponentModel.Win32Exception) { return -1; }
    }
}
