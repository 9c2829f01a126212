using System.Text.Json;
using WeakToStrong.Core.Diagnostics;
using WeakToStrong.Core.Json;
using WeakToStrong.Core.Tasks;
using WeakToStrong.Core.Text;

namespace WeakToStrong.Core.Manifests.Validation;

/// <summary>
/// The data section against the task catalog: the task exists and builds items of the manifest's setting, it gets
/// as many sources as it reads, and every <c>data.params</c> entry is a parameter it declares, of the declared type
/// and value set; every <c>pretrain.corpus</c> source names a corpus the catalog can read. Each error points at the
/// JSON node it is about (the task name, the key, the value or the array entry).
/// </summary>
internal sealed class TaskValidator(Manifest m, IReadOnlyDictionary<string, JsonSyntax> index, SourceLocation root, ITaskCatalog tasks, ICollection<Diagnostic> diagnostics)
{
    public void Run()
    {
        CheckCorpus();
        var task = tasks.Find(m.Data.Task);
        if (task is null)
        {
            var names = tasks.Tasks.Select(t => t.Name).ToList();
            Report(At("data.task"), DiagnosticCodes.UnknownTask,
                $"Unknown task '{m.Data.Task}'.{DidYouMean.Hint(m.Data.Task, names)} Available: {(names.Count == 0 ? "none" : string.Join(", ", names))}.");
            return;
        }
        if (task.Setting != m.Setting)
            Report(At("data.task"), DiagnosticCodes.InconsistentValue,
                $"Task '{task.Name}' builds {Describe(task.Setting)} items, but the manifest's setting is {Describe(m.Setting)}.");
        if (m.Data.Sources.Count != task.Sources)
            Report(At("data.sources"), DiagnosticCodes.InconsistentValue,
                $"Task '{task.Name}' reads {Count(task.Sources, "source")}; data.sources declares {m.Data.Sources.Count}.");
        CheckParams(task);
    }

    private void CheckParams(TaskDescriptor task)
    {
        if (!index.TryGetValue("data.params", out var node) || node is not JsonSyntaxObject parameters) return;
        var read = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var p in parameters.Properties)
        {
            // The same conversion binding applies (integral numbers become integers), so 2.0 passes as 2 here and in the key.
            var value = JsonSerializer.SerializeToElement(p.Value.ToJsonNode());
            foreach (var problem in task.Read(p.Name, value, read))
            {
                var at = problem.AtKey ? p.NameLocation
                    : problem.Item is { } i && p.Value is JsonSyntaxArray array && i < array.Items.Count ? array.Items[i].Location
                    : p.Value.Location;
                Report(at, problem.Code, problem.Message);
            }
        }
    }

    private void CheckCorpus()
    {
        if (m.Pretrain is not { } pretrain) return;
        for (int i = 0; i < pretrain.Corpus.Count; i++)
        {
            string name = pretrain.Corpus[i].Name;
            if (tasks.Corpora.Contains(name)) continue;
            string path = $"pretrain.corpus[{i}].name";
            Report(At(index.ContainsKey(path) ? path : "pretrain.corpus"), DiagnosticCodes.UnknownCorpus,
                $"No pretraining corpus '{name}'.{DidYouMean.Hint(name, tasks.Corpora)} Available: {string.Join(", ", tasks.Corpora)}.");
        }
    }

    private SourceLocation At(string path) => index.TryGetValue(path, out var n) ? n.Location : root;

    private void Report(SourceLocation at, string code, string message) => diagnostics.Add(new Diagnostic(at, code, message));

    private static string Describe(Setting s) => s == Setting.RewardModel ? "reward-model" : "classification";

    private static string Count(int n, string noun) => n == 1 ? $"1 {noun}" : $"{n} {noun}s";
}
