using WeakToStrong.Core.Manifests;

namespace WeakToStrong.Runner.Families;

/// <summary>
/// A family whose body comes from the user's hash-pinned weights file (<see cref="BodySource.Weights"/> in its row):
/// the weights stage fetches and verifies the file, then the family loads it strictly into a body of the declared size
/// (a missing, extra or mis-shaped tensor fails here, before any training) and writes the body file its training
/// stages load, as a pretrain stage's.
/// </summary>
public interface IImportsWeights
{
    /// <returns>The body's parameter count.</returns>
    long ImportBody(ModelSpec model, string weightsFile, string bodyPath);
}
