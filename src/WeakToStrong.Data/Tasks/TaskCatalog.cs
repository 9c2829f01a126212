using System.Reflection;
using WeakToStrong.Core.Manifests;
using WeakToStrong.Core.Tasks;
using WeakToStrong.Data.Formats;

namespace WeakToStrong.Data.Tasks;

/// <summary>
/// Every task builder of this assembly, found by reflection (<see cref="ITaskBuilder{T}"/>): the catalog the
/// manifest validator, the plan compiler and the data stage share. Discovery also checks what would otherwise fail
/// only at run time: names are unique and a builder's item type matches the setting its descriptor claims.
/// </summary>
public sealed class TaskCatalog : ITaskCatalog
{
    private readonly IReadOnlyDictionary<string, ITaskBuilder> _builders;

    /// <summary>The tasks of WeakToStrong.Data.</summary>
    public static TaskCatalog Default { get; } = Discover(typeof(TaskCatalog).Assembly);

    private TaskCatalog(IEnumerable<ITaskBuilder> builders)
    {
        var byName = new SortedDictionary<string, ITaskBuilder>(StringComparer.Ordinal);
        foreach (var b in builders)
            if (!byName.TryAdd(b.Descriptor.Name, b))
                throw new InvalidOperationException(
                    $"task '{b.Descriptor.Name}' is declared by both {byName[b.Descriptor.Name].GetType().Name} and {b.GetType().Name}");
        _builders = byName;
        Tasks = byName.Values.Select(b => b.Descriptor).ToList();
    }

    public IReadOnlyList<TaskDescriptor> Tasks { get; }

    /// <summary>The builder registered under <paramref name="name"/>; manifests are validated first, so a miss is a bug.</summary>
    public ITaskBuilder Builder(string name) => _builders.TryGetValue(name, out var b) ? b
        : throw new KeyNotFoundException($"no task builder '{name}' (available: {string.Join(", ", _builders.Keys)})");

    /// <summary>Instantiates every public concrete <see cref="ITaskBuilder{T}"/> of <paramref name="assembly"/>.</summary>
    public static TaskCatalog Discover(Assembly assembly) =>
        new(assembly.GetExportedTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(ITaskBuilder).IsAssignableFrom(t))
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .Select(Create));

    private static ITaskBuilder Create(Type type)
    {
        if (type.GetConstructor(Type.EmptyTypes) is null)
            throw new InvalidOperationException($"task builder {type.Name} needs a public parameterless constructor to be registered");
        var builder = (ITaskBuilder)Activator.CreateInstance(type)!;
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
