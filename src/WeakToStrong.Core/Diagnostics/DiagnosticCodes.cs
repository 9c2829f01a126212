namespace WeakToStrong.Core.Diagnostics;

/// <summary>Stable error codes. Never renumber: users search for them and tests pin them.</summary>
public static class DiagnosticCodes
{
    public const string InvalidJson = "W2S0001";
    public const string InvalidUtf8 = "W2S0002";
    public const string TooDeep = "W2S0003";
    public const string DuplicateKey = "W2S0004";
    public const string EmptyDocument = "W2S0005";
    /// <summary>The file itself cannot be read as input: not a regular file (a FIFO, a device, a socket), or over its size limit.</summary>
    public const string UnreadableFile = "W2S0006";

    public const string UnknownKey = "W2S0010";
    public const string WrongType = "W2S0011";
    public const string OutOfRange = "W2S0012";
    public const string MissingRequired = "W2S0013";
    public const string NonInteger = "W2S0014";
    public const string UnknownEnumValue = "W2S0015";
    public const string InvalidFormat = "W2S0016";

    public const string DuplicateModelName = "W2S0020";
    public const string UnknownLoss = "W2S0021";
    public const string UnknownModelFamily = "W2S0022";
    public const string UnknownModelReference = "W2S0023";
    public const string DataPathEscapesRoot = "W2S0024";
    public const string NonIntegerSeed = "W2S0025";
    public const string DuplicateValue = "W2S0026";
    public const string InvalidOverride = "W2S0027";
    public const string UnsupportedSchemaVersion = "W2S0028";
    public const string InconsistentValue = "W2S0029";
    public const string UnknownScale = "W2S0030";
    public const string LossParameterNotApplicable = "W2S0031";

    // Task rules (data.task, data.params, pretrain.corpus), checked against the task catalog.
    public const string UnknownTask = "W2S0040";
    public const string TaskParameterNotApplicable = "W2S0041";
    public const string UnknownCorpus = "W2S0042";

    /// <summary>A bug in the validator itself; reported rather than thrown so a build never shows a stack trace.</summary>
    public const string Internal = "W2S0099";

    /// <summary>`--experiment` names no manifest in the experiments folder (a front-end error, not a manifest's).</summary>
    public const string UnknownExperiment = "W2S0100";
}
