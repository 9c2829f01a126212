using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
using WeakToStrong.Core.Diagnostics;
using WeakToStrong.Core.Manifests;
using WeakToStrong.Data.Tasks;

namespace WeakToStrong.MSBuild.Tasks;

/// <summary>
/// Validates experiment manifests on build. Each problem is logged as an MSBuild error with file, line and column,
/// so it prints as <c>experiments/x.json(3,7): error W2S0010: …</c> and is clickable in IDEs (docs/architecture.md §3).
/// All validation lives in Core's loader, checking the data section against Data's task catalog (the same one Plan
/// and Reproduce use); this task only reads the bytes and forwards diagnostics.
/// </summary>
public sealed class ValidateExperiments : Microsoft.Build.Utilities.Task
{
    /// <summary>The manifests (<c>&lt;Experiment Include="experiments/*.json" /&gt;</c>).</summary>
    [Required]
    public ITaskItem[] Experiments { get; set; } = [];

    /// <summary>When set, file names in messages are made relative to this folder; otherwise the item as written.</summary>
    public string? DisplayRoot { get; set; }

    /// <summary>Ids of the manifests that validated, for targets that list experiments.</summary>
    [Output]
    public ITaskItem[] ValidIds { get; private set; } = [];

    public override bool Execute()
    {
        var valid = new List<ITaskItem>();
        foreach (var item in Experiments)
        {
            var full = item.GetMetadata("FullPath");
            var shown = DisplayRoot is { Length: > 0 } ? Path.GetRelativePath(DisplayRoot, full).Replace('\\', '/') : item.ItemSpec;
            byte[] bytes;
            try { bytes = File.ReadAllBytes(full); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                Log.LogError(null, DiagnosticCodes.InvalidJson, null, shown, 0, 0, 0, 0, $"Cannot read the manifest: {e.Message}");
                continue;
            }
            var result = ManifestLoader.Load(bytes, shown, TaskCatalog.Default);
            var diagnostics = result.Diagnostics.ToList();
            if (result.Manifest is { } m && ManifestFiles.CheckIdMatchesFileName(m, full, result.Syntax!) is { } mismatch)
                diagnostics.Add(mismatch);
            foreach (var d in diagnostics) Report(d);
            if (result.Manifest is not null && diagnostics.Count == 0) valid.Add(new TaskItem(result.Manifest.Id));
        }
        ValidIds = [.. valid];
        if (!Log.HasLoggedErrors) Log.LogMessage(MessageImportance.Normal, $"Validated {Experiments.Length} experiment manifest(s).");
        return !Log.HasLoggedErrors;
    }

    private void Report(Diagnostic d)
    {
        if (d.Severity == DiagnosticSeverity.Error)
            Log.LogError(null, d.Code, null, d.File, d.Line, d.Column, 0, 0, d.Message);
        else
            Log.LogWarning(null, d.Code, null, d.File, d.Line, d.Column, 0, 0, d.Message);
    }
}
