namespace WeakToStrong.Core.Stages;

/// <summary>
/// One point of a training stage's evaluation curve as its record holds it (the stage's <c>evaluations</c> and its
/// early-stopping points): the optimiser step and the test accuracy measured there, with the student's agreement with
/// its supervisor on test and on the validation split where they were measured. The stage writes it and the reports
/// read it, so both share this one type.
/// </summary>
public sealed record CurvePoint(int Step, double TestAcc)
{
    public double? Agreement { get; init; }

    /// <summary>Agreement with the supervisor on the validation split (weak-agreement early stopping).</summary>
    public double? ValidationAgreement { get; init; }
}
