namespace WeakToStrong.Core.Tasks;

/// <summary>
/// The task builders a build of this project can run. Validation (the MSBuild task, Plan, Reproduce) and the plan
/// compiler take a catalog instead of knowing task names, so every front-end checks a manifest against the same
/// builders the data stage will dispatch to. WeakToStrong.Data's <c>TaskCatalog</c> is the implementation.
/// </summary>
public interface ITaskCatalog
{
    /// <summary>Every task, sorted by name.</summary>
    IReadOnlyList<TaskDescriptor> Tasks { get; }

    /// <summary>The corpora <c>pretrain.corpus</c> may name, each a source name with a reader.</summary>
    IReadOnlyList<string> Corpora { get; }
}

public static class TaskCatalogExtensions
{
    public static TaskDescriptor? Find(this ITaskCatalog catalog, string name) =>
        catalog.Tasks.FirstOrDefault(t => t.Name == name);
}
