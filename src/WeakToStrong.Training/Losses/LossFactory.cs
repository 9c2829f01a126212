using System.Reflection;
using WeakToStrong.Core.Manifests;

namespace WeakToStrong.Training.Losses;

/// <summary>Marks a loss class as the implementation of one manifest loss; it builds itself with a static <c>From(LossSpec)</c>.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
public sealed class LossAttribute(LossName name) : Attribute
{
    public LossName Name { get; } = name;
}

/// <summary>
/// Builds a loss from its manifest declaration. Parameters and defaults come from Core's one table
/// (<see cref="LossCatalog"/>); the implementation is the class of this assembly that carries <c>[Loss(name)]</c>,
/// so adding a loss is its class plus its row in that table.
/// </summary>
public static class LossFactory
{
    static readonly Lazy<IReadOnlyDictionary<LossName, Func<LossSpec, ILoss>>> Implementations = new(Discover);
    static readonly Lazy<IReadOnlyDictionary<LossName, Type>> Classes = new(() => typeof(LossFactory).Assembly.GetTypes()
        .Where(t => t.GetCustomAttribute<LossAttribute>() is not null).ToDictionary(t => t.GetCustomAttribute<LossAttribute>()!.Name));

    /// <summary>The class that implements <paramref name="name"/>: reached by reflection, so a stage's code hash names it (Runner/Identity/StageCode.cs).</summary>
    public static Type ClassOf(LossName name) => Classes.Value.TryGetValue(name, out var type) ? type
        : throw new ArgumentException($"Loss '{LossCatalog.Name(name)}' has no implementation (a class with [Loss(LossName.{name})]).");

    public static ILoss Create(LossSpec spec)
    {
        var effective = LossCatalog.Effective(spec);
        return Implementations.Value.TryGetValue(spec.Name, out var create)
            ? create(effective)
            : throw new ArgumentException($"Loss '{LossCatalog.Name(spec.Name)}' has no implementation (a class with [Loss(LossName.{spec.Name})]).");
    }

    /// <summary>The losses that have an implementation here.</summary>
    public static IReadOnlyCollection<LossName> Implemented => [.. Implementations.Value.Keys];

    static IReadOnlyDictionary<LossName, Func<LossSpec, ILoss>> Discover()
    {
        var found = new Dictionary<LossName, Func<LossSpec, ILoss>>();
        foreach (var type in typeof(LossFactory).Assembly.GetTypes())
        {
            if (type.GetCustomAttribute<LossAttribute>() is not { } attribute) continue;
            var from = type.GetMethod("From", BindingFlags.Public | BindingFlags.Static, [typeof(LossSpec)])
                ?? throw new InvalidOperationException($"{type.Name} has [Loss] but no public static From(LossSpec)");
            if (!found.TryAdd(attribute.Name, spec => (ILoss)from.Invoke(null, [spec])!))
                throw new InvalidOperationException($"two classes implement loss {attribute.Name}");
        }
        return found;
    }

    /// <summary>A filled-in parameter (<see cref="LossCatalog.Effective"/> has run, so a missing one is a bug here).</summary>
    internal static T Required<T>(T? value, string name) where T : struct =>
        value ?? throw new InvalidOperationException($"loss parameter '{name}' was not filled from LossCatalog");
}
