namespace WeakToStrong.Training.Models;

/// <summary>
/// A model whose every operation is too small to share between threads: the trainer runs it with one intra-op
/// thread (<see cref="Trainer.OneThread"/>). A linear probe's step is a [100, 384] row lookup and a 384×2 head; on 2
/// threads a third of its time went to OpenMP handing those to the second thread and back (perf, 2026-12-06), and the
/// same fit ran 1.3–1.7× faster on one (docs/speed.md "Probe heads"). One thread also makes its bits independent of
/// the run's thread count by construction.
/// </summary>
public interface ISingleThreaded;
