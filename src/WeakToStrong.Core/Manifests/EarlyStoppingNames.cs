namespace WeakToStrong.Core.Manifests;

/// <summary>The manifest spelling of each <see cref="EarlyStopping"/> variant: the key it is reported under.</summary>
public static class EarlyStoppingNames
{
    public static string Name(EarlyStopping rule) => rule switch
    {
        EarlyStopping.GroundTruth => "ground-truth",
        EarlyStopping.WeakAgreement => "weak-agreement",
        _ => throw new ArgumentOutOfRangeException(nameof(rule), rule, null),
    };
}
