using WeakToStrong.Core.Tasks;

namespace WeakToStrong.Data.Tasks;

/// <summary>
/// A task builder as the data stage calls it. A public class of this assembly that implements
/// <see cref="ITaskBuilder{T}"/> and has a public parameterless constructor is registered by <see cref="TaskCatalog"/>
/// without being listed anywhere: adding a task is adding its file.
/// </summary>
public interface ITaskBuilder
{
    /// <summary>Name, setting, version, source count and parameters: what validation and the stage key see.</summary>
    TaskDescriptor Descriptor { get; }
}

/// <summary>A builder of <typeparamref name="T"/> items: <see cref="Formats.ClassificationItem"/> for a classification task,
/// <see cref="Formats.PairwiseItem"/> for a reward-model task (the catalog checks that this matches the descriptor's setting).</summary>
public interface ITaskBuilder<T> : ITaskBuilder
{
    TaskBuild<T> Build(TaskInputs inputs);
}
