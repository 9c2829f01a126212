using System.Text.RegularExpressions;
using WeakToStrong.Core.Diagnostics;
using WeakToStrong.Core.Json;
using WeakToStrong.Core.Text;

namespace WeakToStrong.Core.Manifests.Validation;

/// <summary>Rules that span fields: model references, sizes, loss parameters, pinned sources, batch shapes.</summary>
internal sealed partial class SemanticValidator(Manifest m, IReadOnlyDictionary<string, JsonSyntax> index, IReadOnlyDictionary<string, SourceLocation> keys, SourceLocation root, ICollection<Diagnostic> diagnostics)
{
    public static readonly IReadOnlyList<string> HfSizes = ["gpt2", "gpt2-medium", "gpt2-large", "gpt2-xl"];

    /// <summary>The shape of a local size, to tell "not a size" from "a size out of range" (<see cref="ModelSize"/> says which).</summary>
    [GeneratedRegex(@"^w\d+-l\d+-h\d+$")] private static partial Regex LocalSize();

    /// <summary>Also check what only a run needs (see <see cref="ManifestLoader.Bind"/>).</summary>
    public bool ForRun { get; init; }

    public void Run()
    {
        CheckModels();
        CheckReferences("pairs", m.Pairs, exactLength: true);
        CheckReferences("bootstrap", m.Bootstrap, exactLength: false);
        CheckLosses();
        CheckSeeds();
        CheckSources("data.sources", m.Data.Sources, unique: true);
        if (m.Pretrain is { } p) CheckSources("pretrain.corpus", p.Corpus, unique: true);
        CheckBatch("training", m.Training.BatchSize, m.Training.MinibatchSize);
        CheckGate();
        CheckEarlyStopping();
    }

    private void CheckModels()
    {
        foreach (var (name, model) in m.Models)
        {
            var path = $"models.{name}";
            switch (model.Family)
            {
                case ModelFamily.Gpt2Local:
                    if (!ModelSize.TryParse(model.Size, out _, out var problem))
                        Error(path + ".size", path, model.Size is not null && LocalSize().IsMatch(model.Size) ? DiagnosticCodes.InconsistentValue : DiagnosticCodes.InvalidFormat,
                            $"gpt2-local model '{name}' size {Quote(model.Size)}: {problem}.");
                    if (m.Pretrain is null)
                        Error(path + ".family", path, DiagnosticCodes.MissingRequired, $"Model '{name}' is gpt2-local, so the manifest needs a 'pretrain' section.");
                    break;
                case ModelFamily.Gpt2Hf:
                    // A preset, or w{width}-l{layers}-h{heads} for a checkpoint of another shape (a distilled or tiny GPT-2).
                    if (model.Size is not null && LocalSize().IsMatch(model.Size) && !ModelSize.TryParse(model.Size, out _, out var hfProblem))
                        Error(path + ".size", path, DiagnosticCodes.InconsistentValue, $"gpt2-hf model '{name}' size {Quote(model.Size)}: {hfProblem}.");
                    else if (model.Size is null || !HfSizes.Contains(model.Size) && !LocalSize().IsMatch(model.Size))
                        Error(path + ".size", path, DiagnosticCodes.InvalidFormat,
                            $"gpt2-hf model '{name}' needs size one of {string.Join(", ", HfSizes)} or w<width>-l<layers>-h<heads>, got {Quote(model.Size)}.{DidYouMean.Hint(model.Size ?? "", HfSizes)}");
                    if (model.Weights is { Npm: not null } or { Deb: not null })
                        Error(path + ".weights", path, DiagnosticCodes.InvalidFormat,
                            $"gpt2-hf model '{name}': weights are one safetensors file, given as \"path\" or an https \"url\" with its \"sha256\".");
                    if (ForRun && model.Weights is null)
                        Error(path, "models", DiagnosticCodes.MissingRequired,
                            $"gpt2-hf model '{name}' has no pinned weights: give models.{name}.weights as {{\"name\", \"path\" (under the data root) or https \"url\", \"sha256\"}} of Hugging Face's model.safetensors for {model.Size}.");
                    break;
                case ModelFamily.MiniLmL6:
                    if (model.Size is not null)
                        Error(path + ".size", path, DiagnosticCodes.InconsistentValue, $"minilm-l6 model '{name}' has a fixed size; remove 'size'.");
                    break;
            }
            if (model.Weights is { } weights)
            {
                if (model.Family != ModelFamily.Gpt2Hf)
                    Error(path + ".weights", path, DiagnosticCodes.InconsistentValue,
                        $"Model '{name}' is {FamilyName(model.Family)}: only gpt2-hf models load weights (gpt2-local pretrains, minilm-l6 comes from its package).");
                CheckSource(path + ".weights", weights);
            }
            if (model.Training is { } t)
                CheckBatch(path + ".training", t.BatchSize ?? m.Training.BatchSize, t.MinibatchSize ?? m.Training.MinibatchSize);
        }
    }

    private void CheckReferences(string what, IReadOnlyList<IReadOnlyList<string>>? lists, bool exactLength)
    {
        if (lists is null) return;
        var seen = new HashSet<string>();
        for (var i = 0; i < lists.Count; i++)
        {
            var list = lists[i];
            var path = $"{what}[{i}]";
            if (exactLength ? list.Count != 2 : list.Count < 2)
                Error(path, what, DiagnosticCodes.OutOfRange, exactLength
                    ? $"Each pair is [weak, strong]: got {list.Count} names."
                    : $"A bootstrap chain needs at least 2 models, got {list.Count}.");
            for (var j = 0; j < list.Count; j++)
                if (!m.Models.ContainsKey(list[j]))
                    Error($"{path}[{j}]", path, DiagnosticCodes.UnknownModelReference,
                        $"Unknown model '{list[j]}'.{DidYouMean.Hint(list[j], m.Models.Keys)} Declared models: {string.Join(", ", m.Models.Keys)}.");
            if (list.Distinct().Count() != list.Count)
                Error(path, what, DiagnosticCodes.DuplicateValue, $"{(exactLength ? "Pair" : "Chain")} [{string.Join(", ", list)}] names a model twice.");
            if (!seen.Add(string.Join("\u0001", list)))
                Error(path, what, DiagnosticCodes.DuplicateValue, $"[{string.Join(", ", list)}] is listed twice in '{what}'.");
        }
    }

    private void CheckLosses()
    {
        var labels = new HashSet<string>();
        for (var i = 0; i < m.Losses.Count; i++)
        {
            var loss = m.Losses[i];
            var path = $"losses[{i}]";
            var allowed = LossDefaults.Parameters(loss.Name);
            foreach (var param in LossDefaults.SetParameters(loss).Where(p => !allowed.Contains(p)))
                Error($"{path}.{param}", path, atKey: true, DiagnosticCodes.LossParameterNotApplicable,
                    $"Parameter '{param}' does not apply to loss '{LossDefaults.Name(loss.Name)}'" +
                    (allowed.Count == 0 ? " (it takes none)." : $" (it takes {string.Join(", ", allowed)})."));
            var label = LossDefaults.Label(loss);
            if (!labels.Add(label))
                Error($"{path}.name", path, DiagnosticCodes.DuplicateValue, $"Loss '{label}' is listed twice; give variants distinct 'label's.");
            if (LossDefaults.Of(loss.Name).Setting != m.Setting)
                Error($"{path}.name", path, DiagnosticCodes.InconsistentValue, m.Setting == Setting.RewardModel
                    ? $"Setting 'reward-model' trains on preference pairs: use loss {string.Join(" or ", LossDefaults.All.Where(d => d.Setting == Setting.RewardModel).Select(d => $"'{LossDefaults.Name(d.Name)}'"))}, not '{LossDefaults.Name(loss.Name)}'."
                    : $"Loss '{LossDefaults.Name(loss.Name)}' needs \"setting\": \"reward-model\".");
        }
    }

    private void CheckSeeds()
    {
        var seen = new HashSet<int>();
        for (var i = 0; i < m.Seeds.Count; i++)
        {
            if (m.Seeds[i] < 0) Error($"seeds[{i}]", "seeds", DiagnosticCodes.OutOfRange, $"Seed {m.Seeds[i]} is negative: seeds must be >= 0.");
            else if (!seen.Add(m.Seeds[i])) Error($"seeds[{i}]", "seeds", DiagnosticCodes.DuplicateValue, $"Seed {m.Seeds[i]} is listed twice.");
        }
    }

    private void CheckSources(string path, IReadOnlyList<SourceSpec> sources, bool unique)
    {
        var names = new HashSet<string>();
        for (var i = 0; i < sources.Count; i++)
        {
            CheckSource($"{path}[{i}]", sources[i]);
            if (unique && !names.Add(sources[i].Name))
                Error($"{path}[{i}].name", path, DiagnosticCodes.DuplicateValue, $"Source name '{sources[i].Name}' is used twice.");
        }
    }

    private void CheckSource(string path, SourceSpec s)
    {
        var kinds = new[] { ("npm", s.Npm), ("deb", s.Deb), ("url", s.Url), ("path", s.Path) }.Where(k => k.Item2 is not null).ToList();
        if (kinds.Count != 1)
        {
            Error(path, path, kinds.Count == 0 ? DiagnosticCodes.MissingRequired : DiagnosticCodes.InconsistentValue,
                $"Source '{s.Name}' must name exactly one of npm, deb, url or path (found {(kinds.Count == 0 ? "none" : string.Join(", ", kinds.Select(k => k.Item1)))}).");
            return;
        }
        var (kind, value) = kinds[0];
        switch (kind)
        {
            case "npm" when s.Integrity is null:
                Error(path, path, DiagnosticCodes.MissingRequired, $"npm source '{s.Name}' must be pinned with 'integrity' (sha512-…, from the registry's dist.integrity).");
                break;
            case "npm" when !value!.Contains('@', StringComparison.Ordinal) || value.LastIndexOf('@') == 0:
                Error(path + ".npm", path, DiagnosticCodes.InvalidFormat, $"npm source must be NAME@VERSION, got \"{value}\".");
                break;
            case "deb" or "url" when s.Sha256 is null:
                Error(path, path, DiagnosticCodes.MissingRequired, $"{kind} source '{s.Name}' must be pinned with 'sha256'.");
                break;
            case "url" when !value!.StartsWith("https://", StringComparison.Ordinal):
                Error(path + ".url", path, DiagnosticCodes.InvalidFormat, $"url source must use https, got \"{value}\".");
                break;
            case "path" when DataPaths.EscapesRoot(value!):
                Error(path + ".path", path, DiagnosticCodes.DataPathEscapesRoot,
                    $"Data path \"{value}\" escapes the data root: use a relative path without leading '/', drive letters or '..' above the root.");
                break;
        }
    }

    private void CheckBatch(string path, int batch, int minibatch)
    {
        if (minibatch > batch || batch % minibatch != 0)
            Error(path + ".minibatchSize", path, DiagnosticCodes.InconsistentValue,
                $"minibatchSize {minibatch} must divide batchSize {batch} (the loss is computed once over the whole batch).");
    }

    private void CheckGate()
    {
        if (m.Gate is null) return;
        foreach (var (metric, tol) in m.Gate)
        {
            if (!GateTolerance.KnownMetrics.Contains(metric))
                Error($"gate.{metric}", "gate", DiagnosticCodes.UnknownKey,
                    $"Unknown gated metric '{metric}'.{DidYouMean.Hint(metric, GateTolerance.KnownMetrics)} Known: {string.Join(", ", GateTolerance.KnownMetrics)}.");
            else if (tol.Abs is null && tol.Rel is null)
                Error($"gate.{metric}", "gate", DiagnosticCodes.MissingRequired, $"Gate '{metric}' needs a tolerance: 'abs', 'rel' or both.");
        }
    }

    private void CheckEarlyStopping()
    {
        var rules = m.Training.EarlyStopping;
        if (rules is null || rules.Count == 0) return;
        const string path = "training.earlyStopping";
        for (var i = 0; i < rules.Count; i++)
            if (rules.Take(i).Contains(rules[i]))
                Error($"{path}[{i}]", path, DiagnosticCodes.DuplicateValue, $"Early-stopping variant '{EarlyStoppingNames.Name(rules[i])}' is listed twice.");
        // A variant picks a point of the eval schedule: without one there is only the final checkpoint.
        var unscheduled = m.Models.Where(kv => (kv.Value.Training?.EvalEvery ?? m.Training.EvalEvery) == 0).Select(kv => kv.Key).ToList();
        if (unscheduled.Count > 0)
            Error(path, path, DiagnosticCodes.InconsistentValue,
                $"Early stopping picks a point of the eval schedule, but evalEvery is 0 for {string.Join(", ", unscheduled)}: set training.evalEvery > 0.");
        if (rules.Contains(EarlyStopping.WeakAgreement) && m.Data.Split.Validation == 0)
            Error(path, path, DiagnosticCodes.InconsistentValue,
                "Early stopping 'weak-agreement' compares the student with its supervisor on a validation split: set data.split.validation > 0.");
    }

    private void Error(string path, string fallbackPath, string code, string message) =>
        Error(path, fallbackPath, atKey: false, code, message);

    private void Error(string path, string fallbackPath, bool atKey, string code, string message)
    {
        var at = (atKey && keys.TryGetValue(path, out var k) ? k : (SourceLocation?)null) ?? Locate(path) ?? Locate(fallbackPath) ?? root;
        diagnostics.Add(new Diagnostic(at, code, message));
    }

    private SourceLocation? Locate(string path) => index.TryGetValue(path, out var n) ? n.Location : null;

    private static string FamilyName(ModelFamily f) => System.Text.Json.JsonSerializer.Serialize(f, ManifestJson.Options).Trim('"');

    private static string Quote(string? s) => s is null ? "none" : $"\"{s}\"";
}
