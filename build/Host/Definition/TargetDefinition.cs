using System.Linq.Expressions;

namespace WeakToStrong.Build.Host.Definition;

/// <summary>What one target declared; filled by invoking its <see cref="Target"/> delegate once.</summary>
public sealed class TargetDefinition(string name) : ITargetDefinition
{
    public string Name { get; } = name;
    public string? DescriptionText { get; private set; }
    public List<Func<Task>> Actions { get; } = [];
    public List<Target> DependsOnTargets { get; } = [];
    public List<Target> DependentForTargets { get; } = [];
    public List<Target> BeforeTargets { get; } = [];
    public List<Target> AfterTargets { get; } = [];
    public List<Target> TriggeredByTargets { get; } = [];
    public List<Target> TriggersTargets { get; } = [];
    public List<Expression<Func<bool>>> Conditions { get; } = [];
    public List<Requirement> Requirements { get; } = [];

    public ITargetDefinition Description(string description) { DescriptionText = description; return this; }

    public ITargetDefinition Executes(Action action)
    {
        Actions.Add(() => { action(); return Task.CompletedTask; });
        return this;
    }

    public ITargetDefinition Executes(Func<Task> action) { Actions.Add(action); return this; }
    public ITargetDefinition DependsOn(params Target[] targets) { DependsOnTargets.AddRange(targets); return this; }
    public ITargetDefinition DependentFor(params Target[] targets) { DependentForTargets.AddRange(targets); return this; }
    public ITargetDefinition Before(params Target[] targets) { BeforeTargets.AddRange(targets); return this; }
    public ITargetDefinition After(params Target[] targets) { AfterTargets.AddRange(targets); return this; }
    public ITargetDefinition TriggeredBy(params Target[] targets) { TriggeredByTargets.AddRange(targets); return this; }
    public ITargetDefinition Triggers(params Target[] targets) { TriggersTargets.AddRange(targets); return this; }
    public ITargetDefinition OnlyWhenDynamic(params Expression<Func<bool>>[] conditions) { Conditions.AddRange(conditions); return this; }

    public ITargetDefinition Requires(params Expression<Func<bool>>[] requirements)
    {
        foreach (var requirement in requirements)
        {
            var check = requirement.Compile();
            Requirements.Add(new Requirement(requirement.Body.ToString(), check));
        }
        return this;
    }

    public ITargetDefinition Requires<T>(params Expression<Func<T>>[] parameters)
    {
        foreach (var parameter in parameters)
        {
            var read = parameter.Compile();
            var member = parameter.Body is MemberExpression m ? m.Member.Name : parameter.Body.ToString();
            Requirements.Add(new Requirement(member, () => read() is { } value && (value is not string s || s.Length > 0), member));
        }
        return this;
    }
}

/// <summary>A requirement: its text (for the error line), its check, and the parameter it names, if any.</summary>
public sealed record Requirement(string Text, Func<bool> Check, string? ParameterName = null);
