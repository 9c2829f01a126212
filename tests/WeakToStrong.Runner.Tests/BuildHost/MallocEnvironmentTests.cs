using System.Text.RegularExpressions;
using WeakToStrong.Build.Host;
using WeakToStrong.Runner.Identity;

namespace WeakToStrong.Runner.Tests.BuildHost;

/// <summary>
/// The bootstrappers export the malloc settings before the build host's process starts, which no C# can do for itself;
/// they must be <see cref="MallocEnvironment"/>'s table exactly, each a default a user's own value overrides.
/// </summary>
public class MallocEnvironmentTests
{
    static readonly string Root = RootDirectoryLocator.Find(AppContext.BaseDirectory)
        ?? throw new InvalidOperationException("tests run from inside the repository");

    static readonly Dictionary<string, string> Table = MallocEnvironment.Settings.ToDictionary(s => s.Key, s => s.Value);

    [Fact]
    public void BuildShExportsTheTablesMallocSettingsAsDefaults()
    {
        string script = File.ReadAllText(Path.Combine(Root, "build.sh"));
        var exported = Regex.Matches(script, @"^export (MALLOC_\w+)=""\$\{(\1):-([^}]*)\}""$", RegexOptions.Multiline)
            .ToDictionary(m => m.Groups[1].Value, m => m.Groups[3].Value);
        Assert.Equal(Table.OrderBy(p => p.Key), exported.OrderBy(p => p.Key));
        Assert.Equal(Table.Count, Regex.Matches(script, @"^export MALLOC_", RegexOptions.Multiline).Count);
    }

    [Fact]
    public void BuildPs1SetsTheTablesMallocSettingsAsDefaults()
    {
        string script = File.ReadAllText(Path.Combine(Root, "build.ps1"));
        var set = Regex.Matches(script, @"^if \(-not \$env:(MALLOC_\w+)\) \{ \$env:(\1) = ""([^""]*)"" \}$", RegexOptions.Multiline)
            .ToDictionary(m => m.Groups[1].Value, m => m.Groups[3].Value);
        Assert.Equal(Table.OrderBy(p => p.Key), set.OrderBy(p => p.Key));
        Assert.Equal(Table.Count, Regex.Matches(script, @"\$env:MALLOC_\w+ =", RegexOptions.Multiline).Count);
    }

    [Fact]
    public void ARunRecordNotesEveryMallocVariableThisProcessHas()
    {
        var current = MallocEnvironment.Current();
        foreach (var name in MallocEnvironment.Names)
            Assert.Equal(Environment.GetEnvironmentVariable(name), current.GetValueOrDefault(name));
        Assert.Contains("MALLOC_ARENA_MAX", MallocEnvironment.Names);
    }
}
