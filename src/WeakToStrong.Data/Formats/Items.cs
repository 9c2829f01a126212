namespace WeakToStrong.Data.Formats;

/// <summary>
/// One classification example in the reference implementation's format (<c>txt</c>, <c>hard_label</c>,
/// optional <c>soft_label</c> = class probabilities), plus what splitting and cross-encoders need:
/// <see cref="Group"/> (items of one group never straddle a split) and, for question/answer tasks, the
/// two halves of <see cref="Text"/> so that a cross-encoder can take them as a pair.
/// </summary>
public sealed record ClassificationItem(
    string Id,
    string Group,
    string Text,
    int HardLabel,
    IReadOnlyList<double>? SoftLabel = null,
    string? Question = null,
    string? Answer = null);

/// <summary>
/// A preference pair for reward modelling: <see cref="Chosen"/> is preferred to <see cref="Rejected"/> for
/// <see cref="Prompt"/>. <see cref="SoftPreference"/> is a supervisor's P(chosen ≻ rejected) (a weak reward
/// model's Bradley–Terry probability), the pairwise counterpart of a classification item's soft label.
/// </summary>
public sealed record PairwiseItem(string Id, string Group, string Prompt, string Chosen, string Rejected, double? SoftPreference = null);
