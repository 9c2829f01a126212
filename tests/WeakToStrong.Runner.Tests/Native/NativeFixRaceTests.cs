using System.Diagnostics;
using WeakToStrong.Runner.Tests.Audit;
using WeakToStrong.MSBuild.NativeFix;

namespace WeakToStrong.Runner.Tests.Native;

/// <summary>
/// A rebuild never leaves the unpatched libLibTorchSharp.so visible. A throwaway TorchSharp console app
/// that imports this repository's native-fix targets is rebuilt several times while (a) a loop starts it, each start
/// loading TorchSharp, and (b) a watcher re-reads the output copy continuously and compares it with the patched bytes.
/// The watcher catches the window every time it opens (the loader only by luck): before the fix every incremental
/// build copied the NuGet file over the patched one and patched it a moment later.
/// </summary>
[Collection(TrainingRunsCollection.Name)]
public class NativeFixRaceTests : IDisposable
{
    readonly string _dir = Directory.CreateTempSubdirectory("w2s-native-race-").FullName;
    public void Dispose() => Directory.Delete(_dir, recursive: true);

    static string RepoRoot()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
            if (File.Exists(Path.Combine(d.FullName, "WeakToStrong.Repro.sln"))) return d.FullName;
        throw new InvalidOperationException("repository root not found");
    }

    static string NuGetRoot() => Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } p
        ? p : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");

    void WriteProject()
    {
        string targets = Path.Combine(RepoRoot(), "src", "WeakToStrong.MSBuild", "build", "WeakToStrong.Repro.NativeFix.targets");
        // Restored from the local package cache (the repository's own build has put TorchSharp there), hard-linking
        // libtorch's gigabyte of natives rather than copying it.
        File.WriteAllText(Path.Combine(_dir, "Loader.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <W2sNativeFixInline>true</W2sNativeFixInline>
                <RestoreSources>{NuGetRoot()}</RestoreSources>
                <CreateHardLinksForCopyLocalIfPossible>true</CreateHardLinksForCopyLocalIfPossible>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="TorchSharp-cpu" Version="0.107.0" />
              </ItemGroup>
              <Import Project="{targets}" />
            </Project>
            """);
        File.WriteAllText(Path.Combine(_dir, "Program.cs"), "using var t = TorchSharp.torch.ones(3);\nSystem.Console.WriteLine(t.sum().item<float>());\n");
    }

    static async Task<(int Code, string Output)> Run(string workingDir, params string[] args)
    {
        var psi = new ProcessStartInfo("dotnet") { WorkingDirectory = workingDir, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        var output = p.StandardOutput.ReadToEndAsync();
        var error = p.StandardError.ReadToEndAsync();
        await p.WaitForExitAsync();
        return (p.ExitCode, (await output) + (await error));
    }

    [Fact]
    public async Task RebuildsBesideATorchLoadingLoopNeverExposeAnUnpatchedGlueLibrary()
    {
        WriteProject();
        var first = await Run(_dir, "build", "-nologo", "-v", "q", "-nodeReuse:false");
        Assert.True(first.Code == 0, first.Output);
        string glue = Path.Combine(_dir, "bin", "Debug", "net10.0", "runtimes", "linux-x64", "native", "libLibTorchSharp.so");
        string system = ElfVersionPatcher.FindSystemLibStdCxx()!;
        var patched = File.ReadAllBytes(Path.Combine(NuGetRoot(), "torchsharp", "0.107.0", "runtimes", "linux-x64", "native", "libLibTorchSharp.so"));
        ElfVersionPatcher.Patch(patched, ElfVersionPatcher.DefinedVersions(File.ReadAllBytes(system)));
        Assert.Equal(patched, File.ReadAllBytes(glue));

        using var stop = new CancellationTokenSource();
        int reads = 0, loads = 0;
        var exposed = new List<string>();
        var failedLoads = new List<string>();
        var watcher = Task.Run(() =>
        {
            while (!stop.IsCancellationRequested)
            {
                try
                {
                    if (!File.ReadAllBytes(glue).AsSpan().SequenceEqual(patched)) lock (exposed) exposed.Add("other bytes");
                }
                catch (IOException e) { lock (exposed) exposed.Add(e.GetType().Name); }
                reads++;
            }
        });
        var loader = Task.Run(async () =>
        {
            string dll = Path.Combine(_dir, "bin", "Debug", "net10.0", "Loader.dll");
            while (!stop.IsCancellationRequested)
            {
                var (code, output) = await Run(_dir, dll);
                if (code != 0 || output.Trim() != "3") failedLoads.Add(output.Split('\n')[0]);
                loads++;
            }
        });

        var clock = Stopwatch.StartNew();
        const int Rebuilds = 4;
        for (int i = 0; i < Rebuilds; i++)
        {
            var rebuild = await Run(_dir, "build", "-nologo", "-v", "q", "--no-restore", "-nodeReuse:false");
            Assert.True(rebuild.Code == 0, rebuild.Output);
        }
        await stop.CancelAsync();
        await Task.WhenAll(watcher, loader);
        Console.WriteLine($"native-fix race: {Rebuilds} rebuilds in {clock.Elapsed.TotalSeconds:F1} s, {reads} reads, {loads} TorchSharp loads");

        Assert.Empty(exposed);
        Assert.Empty(failedLoads);
        Assert.True(loads >= Rebuilds, $"only {loads} loads ran beside the rebuilds");
    }
}
