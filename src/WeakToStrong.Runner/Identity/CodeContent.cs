using System.Collections.Concurrent;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;

namespace WeakToStrong.Runner.Identity;

/// <summary>
/// The code a set of types runs, read from what src/WeakToStrong.CodeContent wrote into each of our assemblies at
/// compile time: per top-level type, the hash of its tokens and the types of ours its code names. <see cref="Closure"/>
/// follows those names from the roots; <see cref="Hash"/> is the sha256 of the closure's "type hash" lines. Built from
/// source tokens, it is the same in Debug and Release, in every clone and on every machine, and moves only when code
/// that the roots can reach does (docs/architecture.md §6).
/// </summary>
public static class CodeContent
{
    const string KeyPrefix = "w2s-code:";
    static readonly ConcurrentDictionary<string, IReadOnlyDictionary<string, (string Hash, string[] References)>> Tables = new(StringComparer.Ordinal);

    /// <summary>"Assembly!Namespace.Name" of a type's top-level type, as the generator names it.</summary>
    public static string NameOf(Type type)
    {
        while (type.DeclaringType is { } outer) type = outer;
        if (type.IsGenericType) type = type.GetGenericTypeDefinition();
        return type.Assembly.GetName().Name + "!" + type.FullName;
    }

    /// <summary>Every type of ours reachable from <paramref name="roots"/>, with its token hash, sorted by name.</summary>
    /// <exception cref="InvalidOperationException">A root or a reached type has no entry: an assembly built without the generator.</exception>
    public static IReadOnlyList<(string Type, string Hash)> Closure(IEnumerable<Type> roots)
    {
        var found = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var todo = new Stack<string>(roots.Select(NameOf));
        while (todo.TryPop(out var name))
        {
            if (found.ContainsKey(name)) continue;
            var (hash, references) = Entry(name);
            found[name] = hash;
            foreach (var r in references) todo.Push(r);
        }
        return found.Select(p => (p.Key, p.Value)).ToList();
    }

    /// <summary>sha256 of the closure's lines "type hash\n", in name order.</summary>
    public static string Hash(IEnumerable<Type> roots)
    {
        var text = new StringBuilder();
        foreach (var (type, hash) in Closure(roots)) text.Append(type).Append(' ').Append(hash).Append('\n');
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    static (string Hash, string[] References) Entry(string name)
    {
        string assembly = name[..name.IndexOf('!')];
        var table = Tables.GetOrAdd(assembly, Read);
        return table.TryGetValue(name, out var entry) ? entry
            : throw new InvalidOperationException($"no code-content entry for {name}: was {assembly} built without src/WeakToStrong.CodeContent?");
    }

    static IReadOnlyDictionary<string, (string, string[])> Read(string assemblyName)
    {
        var assembly = Assembly.Load(new AssemblyName(assemblyName));
        var table = new Dictionary<string, (string, string[])>(StringComparer.Ordinal);
        foreach (var m in assembly.GetCustomAttributes<AssemblyMetadataAttribute>())
        {
            if (!m.Key.StartsWith(KeyPrefix, StringComparison.Ordinal) || m.Value is null) continue;
            var parts = m.Value.Split(' ', 2);
            table[m.Key[KeyPrefix.Length..]] = (parts[0], parts.Length > 1 ? parts[1].Split(';') : []);
        }
        return table;
    }
}
