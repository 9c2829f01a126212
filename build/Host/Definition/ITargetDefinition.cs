using System.Linq.Expressions;

namespace WeakToStrong.Build.Host.Definition;

/// <summary>The fluent surface of a target: the subset of Nuke.Common's <c>ITargetDefinition</c> this repository uses.</summary>
public interface ITargetDefinition
{
    ITargetDefinition Description(string description);
    ITargetDefinition Executes(Action action);
    ITargetDefinition Executes(Func<Task> action);
    /// <summary>The targets run first, and are scheduled whenever this one is.</summary>
    ITargetDefinition DependsOn(params Target[] targets);
    /// <summary>This target becomes a dependency of each given target.</summary>
    ITargetDefinition DependentFor(params Target[] targets);
    /// <summary>Ordering only: when both are scheduled, this one runs before the given targets.</summary>
    ITargetDefinition Before(params Target[] targets);
    /// <summary>Ordering only: when both are scheduled, this one runs after the given targets.</summary>
    ITargetDefinition After(params Target[] targets);
    /// <summary>Whenever one of the given targets is scheduled, this one is too, and runs after it.</summary>
    ITargetDefinition TriggeredBy(params Target[] targets);
    ITargetDefinition Triggers(params Target[] targets);
    /// <summary>Evaluated just before the target would run; any false condition marks it Skipped.</summary>
    ITargetDefinition OnlyWhenDynamic(params Expression<Func<bool>>[] conditions);
    /// <summary>Checked for every scheduled target before any target runs; a requirement may throw to explain itself in one line.</summary>
    ITargetDefinition Requires(params Expression<Func<bool>>[] requirements);
    /// <summary>Each given parameter must be non-null (and non-empty for strings) before any target runs.</summary>
    ITargetDefinition Requires<T>(params Expression<Func<T>>[] parameters);
}
