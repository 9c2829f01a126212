using System.Reflection;
using WeakToStrong.Core.Manifests;
using WeakToStrong.Core.Tasks;
using WeakToStrong.Data.Formats;
using WeakToStrong.Data.Tasks.Corpus;

namespace WeakToStrong.Data.Tasks;

/// <summary>
/// Every task builder and pretraining corpus reader of this assembly, found by reflection (<see cref="ITaskBuilder{T}"/>,
/// <see cref="ICorpusReader"/>): the catalog the manifest validator, the plan compiler, the data stage and the pretrain
/// stage share. Discovery also checks what would otherwise fail
/// only at run time: names are unique and a builder's item type matches the setting its descriptor claims.
/// </summary>
public sealed class TaskCatalog : ITaskCatalog
{
    private readonly IReadOnlyDictionary<string, ITaskBuilder> _builders;
    private readonly IReadOnlyList<ICorpusReader> _corpora;

    /// <summary>The tasks of WeakToStrong.Data.</summary>
    public static TaskCatalog Default { get; } = Discover(typeof(TaskCatalog).Assembly);

    private TaskCatalog(IEnumerable<ITaskBuilder> builders, IEnumerable<ICorpusReader> corpora)
    {
        _corpora = [.. corpora.OrderBy(c => c.Position)];
        foreach (var clash in _corpora.GroupBy(c => c.Name, StringComparer.Ordinal).Where(g => g.Count() > 1))
            throw new InvalidOperationException($"corpus '{clash.Key}' is declared by both {string.Join(" and ", clash.Select(c => c.GetType().Name))}");
        foreach (var clash in _corpora.GroupBy(c => c.Position).Where(g => g.Count() > 1))
            throw new InvalidOperationException($"corpus readers {string.Join(" and ", clash.Select(c => c.GetType().Name))} share position {clash.Key}");
        Corpora = [.. _corpora.Select(c => c.Name)];
        var byName = new SortedDictionary<string, ITaskBuilder>(StringComparer.Ordinal);
        foreach (var b in builders)
            if (!byName.TryAdd(b.Descriptor.Name, b))
                throw new InvalidOperationException(
                    $"task '{b.Descriptor.Name}' is declared by both {byName[b.Descriptor.Name].GetType().Name} and {b.GetType().Name}");
        _builders = byName;
        Tasks = byName.Values.Select(b => b.Descriptor).ToList();
    }

    public IReadOnlyList<TaskDescriptor> Tasks { get; }

    /// <summary>The pretraining corpora' names (<see cref="ICorpusReader"/>), in the order their documents join.</summary>
    public IReadOnlyList<string> Corpora { get; }

    /// <summary>The reader registered under <paramref name="name"/>; manifests are validated first, so a miss is a bug.</summary>
    public ICorpusReader CorpusReader(string name) => _corpora.FirstOrDefault(c => c.Name == name)
        ?? throw new KeyNotFoundException($"no corpus reader '{name}' (available: {string.Join(", ", Corpora)})");

    /// <summary>The builder registered under <paramref name="name"/>; manifests are validated first, so a miss is a bug.</summary>
    public ITaskBuilder Builder(string name) => _builders.TryGetValue(name, out var b) ? b
        : throw new KeyNotFoundException($"no task builder '{name}' (available: {string.Join(", ", _builders.Keys)})");

    /// <summary>Instantiates every public concrete <see cref="ITaskBuilder{T}"/> of <paramref name="assembly"/>.</summary>
    public static TaskCatalog Discover(Assembly assembly)
    {
        var types = assembly.GetExportedTypes().Where(t => t is { IsClass: true, IsAbstract: false }).OrderBy(t => t.FullName, StringComparer.Ordinal).ToList();
        return new(types.Where(typeof(ITaskBuilder).IsAssignableFrom).Select(Create),
            types.Where(typeof(ICorpusReader).IsAssignableFrom).Select(t => Instantiate<ICorpusReader>(t, "corpus reader")));
    }

    private static T Instantiate<T>(Type type, string what) => type.GetConstructor(Type.EmptyTypes) is not null ? (T)Activator.CreateInstance(type)!
        : throw new InvalidOperationException($"{what} {type.Name} needs a public parameterless constructor to be registered");

    private static ITaskBuilder Create(Type type)
    {
        var builder = Instantiate<ITaskBuilder>(type, "task builder");
        var items = type.GetInterfaces().Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(ITaskBuilder<>))
            .Select(i => i.GetGenericArguments()[0]).ToList();
        var expected = builder.Descriptor.Setting == Setting.RewardModel ? typeof(PairwiseItem) : typeof(ClassificationItem);
        if (items.Count != 1 || items[0] != expected)
            throw new InvalidOperationException(
                $"task '{builder.Descriptor.Name}' ({type.Name}) claims setting {builder.Descriptor.Setting} and must build {expected.Name} items " +
                $"(it implements ITaskBuilder<{string.Join(", ", items.Select(i => i.Name))}>)");
        return builder;
    }
}
