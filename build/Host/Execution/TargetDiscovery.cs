using System.Reflection;
using WeakToStrong.Build.Host.Definition;
using WeakToStrong.Build.Host.Planning;

namespace WeakToStrong.Build.Host.Execution;

/// <summary>Finds the <see cref="Target"/> properties of a build object and evaluates each definition once, as NUKE does.</summary>
public static class TargetDiscovery
{
    /// <summary>The names of the target properties, in declaration order (base classes first); no definition is evaluated.</summary>
    public static IReadOnlyList<string> Names(Type buildType) => Properties(buildType).Select(p => p.Name).ToList();

    public static IReadOnlyList<ExecutableTarget> Discover(object build)
    {
        var properties = Properties(build.GetType());
        var factories = properties.Select(p => (Name: p.Name, Factory: (Target)p.GetValue(build)!)).ToList();

        // Delegate equality (same method and same closure object) identifies a target across property reads:
        // a lambda capturing `this` is bound to the build object, a capture-free one to the compiler's cached instance.
        string NameOf(Target target) =>
            factories.FirstOrDefault(f => f.Factory.Equals(target)).Name
            ?? throw new InvalidOperationException($"A target refers to a Target delegate that is not a property of {build.GetType().Name}.");
        IReadOnlyList<string> Names(List<Target> targets) => targets.Select(NameOf).ToList();

        var result = new List<ExecutableTarget>();
        foreach (var (name, factory) in factories)
        {
            var definition = new TargetDefinition(name);
            factory(definition);
            var spec = new TargetSpec(name)
            {
                DependsOn = Names(definition.DependsOnTargets),
                DependentFor = Names(definition.DependentForTargets),
                Before = Names(definition.BeforeTargets),
                After = Names(definition.AfterTargets),
                TriggeredBy = Names(definition.TriggeredByTargets),
                Triggers = Names(definition.TriggersTargets),
            };
            var conditions = definition.Conditions.Select(c => (c.Body.ToString(), c.Compile())).ToList();
            result.Add(new ExecutableTarget(spec, definition.DescriptionText, definition.Actions, conditions, definition.Requirements));
        }
        return result;
    }

    static IReadOnlyList<PropertyInfo> Properties(Type buildType)
    {
        const BindingFlags flags = BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly;
        var chain = new List<Type>();
        for (var type = buildType; type is not null && type != typeof(object); type = type.BaseType)
            chain.Insert(0, type);
        return chain.SelectMany(t => t.GetProperties(flags).Where(p => p.PropertyType == typeof(Target)).OrderBy(p => p.MetadataToken)).ToList();
    }
}
