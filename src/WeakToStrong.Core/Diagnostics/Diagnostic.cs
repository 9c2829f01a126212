namespace WeakToStrong.Core.Diagnostics;

/// <summary>Where a value came from: a file (or an override layer's name), 1-based line and column.</summary>
/// <remarks>Columns count UTF-16 code units from the start of the line, as IDEs do.</remarks>
/// <remarks>Line 0 means "no position" (e.g. a command-line argument): MSBuild's format is then just "origin: error …".</remarks>
public readonly record struct SourceLocation(string File, int Line, int Column)
{
    public static SourceLocation Origin(string origin) => new(origin, 0, 0);

    public override string ToString() => Line > 0 ? $"{File}({Line},{Column})" : File;
}

public enum DiagnosticSeverity { Error, Warning }

/// <summary>One problem found in a manifest, formatted in MSBuild's canonical error format so IDEs make it clickable.</summary>
public sealed record Diagnostic(SourceLocation Location, string Code, string Message, DiagnosticSeverity Severity = DiagnosticSeverity.Error)
{
    public string File => Location.File;
    public int Line => Location.Line;
    public int Column => Location.Column;

    /// <summary><c>experiments/x.json(3,7): error W2S0010: message</c></summary>
    public override string ToString() =>
        $"{Location}: {(Severity == DiagnosticSeverity.Error ? "error" : "warning")} {Code}: {Message}";
}
