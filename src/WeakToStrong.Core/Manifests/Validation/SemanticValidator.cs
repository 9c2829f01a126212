using WeakToStrong.Core.Diagnostics;
using WeakToStrong.Core.Json;
using WeakToStrong.Core.Sources;
using WeakToStrong.Core.Text;

namespace WeakToStrong.Core.Manifests.Validation;

/// <summary>Rules that span fields: model references, sizes, loss parameters, pinned sources, batch shapes.</summary>
internal sealed class SemanticValidator(Manifest m, IReadOnlyDictionary<string, JsonSyntax> index, IReadOnlyDictionary<string, SourceLocation> keys, SourceLocation root, ICollection<Diagnostic> diagnostics)
{

    /// <summary>Also check what only a run needs (see <see cref="ManifestLoader.Bind"/>).</summary>
    public bool ForRun { get; init; }

    public void Run()
    {
        CheckModels();
        CheckReferences("pairs", m.Pairs, exactLength: true);
        CheckReferences("bootstrap", m.Bootstrap, exactLength: false);
        CheckWeakOnly();
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
            var family = ModelFamilies.Of(model.Family);
            string kind = ModelFamilies.Name(model.Family);
            CheckSize(name, path, model.Size, family);
            switch (family.Body)
            {
                case BodySource.Pretrain when m.Pretrain is null:
                    Error(path + ".family", path, DiagnosticCodes.MissingRequired, $"Model '{name}' is {kind}, so the manifest needs a 'pretrain' section.");
                    break;
                case BodySource.Weights:
                    if (model.Weights is { Npm: not null } or { Deb: not null })
                        Error(path + ".weights", path, DiagnosticCodes.InvalidFormat,
                            $"{kind} model '{name}': weights are one safetensors file, given as \"path\" or an https \"url\" with its \"sha256\".");
                    if (ForRun && model.Weights is null)
                        Error(path, "models", DiagnosticCodes.MissingRequired,
                            $"{kind} model '{name}' has no pinned weights: give models.{name}.weights as {{\"name\", \"path\" (under the data root) or https \"url\", \"sha256\"}} of Hugging Face's model.safetensors for {model.Size}.");
                    break;
            }
            if (model.Weights is { } weights)
            {
                if (family.Body != BodySource.Weights)
                    Error(path + ".weights", path, DiagnosticCodes.InconsistentValue,
                        $"Model '{name}' is {kind}: only {string.Join(", ", ModelFamilies.All.Where(f => f.Body == BodySource.Weights).Select(f => ModelFamilies.Name(f.Family)))} models load weights ({family.Body switch { BodySource.Pretrain => "its body comes from pretraining", BodySource.None when family.WeakOnly => "it is no network: its labels are flipped ground truth", BodySource.None => "it has no pretrained body: it trains from zero", _ => "its body comes from its package" }}).");
                CheckSource(path + ".weights", weights);
            }
            // A model without a pretrained body is all head (bag-of-words: a logistic regression): there is nothing to freeze.
            if (model.LinearProbe && family.WeakOnly)
                Error(path + ".linearProbe", path, DiagnosticCodes.InconsistentValue,
                    $"Model '{name}' is {kind}, which is no network (its labels are flipped ground truth): there is no body to freeze, so leave 'linearProbe' out.");
            else if (model.LinearProbe && family.Body == BodySource.None)
                Error(path + ".linearProbe", path, DiagnosticCodes.InconsistentValue,
                    $"Model '{name}' is {kind}, which has no pretrained body to freeze: it is already a linear model, so leave 'linearProbe' out.");
            if (model.Training is { } t)
                CheckBatch(path + ".training", t.BatchSize ?? m.Training.BatchSize, t.MinibatchSize ?? m.Training.MinibatchSize);
        }
    }

    /// <summary>The size against the family's rule (<see cref="ModelFamilies"/>).</summary>
    private void CheckSize(string name, string path, string? size, ModelFamilyDescriptor family)
    {
        string kind = ModelFamilies.Name(family.Family);
        bool looksLocal = ModelSize.LooksLike(size);
        switch (family.Size)
        {
            case SizeRule.FirstLayers when size is not null && !FirstLayers.TryParse(size, family.Layers, out _, out var cut):
                Error(path + ".size", path, DiagnosticCodes.InvalidFormat, $"{kind} model '{name}' size {Quote(size)}: {cut}; leave 'size' out for the whole model.");
                break;
            case SizeRule.FlipFraction when !FlipFraction.TryParse(size, out _, out var flip):
                Error(path + ".size", path, DiagnosticCodes.InvalidFormat, $"{kind} model '{name}' size {Quote(size)}: {flip}.");
                break;
            case SizeRule.HashBits when size is not null && !HashBits.TryParse(size, out _, out var bits):
                Error(path + ".size", path, DiagnosticCodes.InvalidFormat, $"{kind} model '{name}' size {Quote(size)}: {bits}; leave 'size' out for h{HashBits.Default}.");
                break;
            case SizeRule.Local or SizeRule.PresetOrLocal when looksLocal && !ModelSize.TryParse(size, out _, out var problem):
                Error(path + ".size", path, DiagnosticCodes.InconsistentValue, $"{kind} model '{name}' size {Quote(size)}: {problem}.");
                break;
            case SizeRule.Local when !looksLocal:
                Error(path + ".size", path, DiagnosticCodes.InvalidFormat,
                    $"{kind} model '{name}' size {Quote(size)}: expected w<width>-l<layers>-h<heads>, e.g. \"w64-l2-h2\".");
                break;
            case SizeRule.PresetOrLocal when !looksLocal && (size is null || !family.Presets.ContainsKey(size)):
                Error(path + ".size", path, DiagnosticCodes.InvalidFormat,
                    $"{kind} model '{name}' needs size one of {string.Join(", ", family.Presets.Keys)} or w<width>-l<layers>-h<heads>, got {Quote(size)}.{DidYouMean.Hint(size ?? "", family.Presets.Keys)}");
                break;
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

    /// <summary>
    /// A family that is no trainable network (noisy-truth) supervises only: a pair's weak model or a bootstrap chain's
    /// first member, never a strong model, which would have to learn from labels.
    /// </summary>
    private void CheckWeakOnly()
    {
        bool WeakOnly(string model) => m.Models.TryGetValue(model, out var spec) && ModelFamilies.Of(spec.Family).WeakOnly;
        string Kind(string model) => ModelFamilies.Name(m.Models[model].Family);
        if (m.Pairs is { } pairs)
        {
            for (var i = 0; i < pairs.Count; i++)
                if (pairs[i].Count == 2 && WeakOnly(pairs[i][1]))
                    Error($"pairs[{i}][1]", $"pairs[{i}]", DiagnosticCodes.InconsistentValue,
                        $"Model '{pairs[i][1]}' is {Kind(pairs[i][1])}, which is only a weak supervisor (flipped ground truth, no network to train): it cannot be a pair's strong model.");
        }
        else
        {
            // Without 'pairs' every model is the strong model of each model declared before it.
            foreach (var name in m.Models.Keys.Skip(1).Where(WeakOnly))
                Error($"models.{name}.family", $"models.{name}", DiagnosticCodes.InconsistentValue,
                    $"Model '{name}' is {Kind(name)}, which is only a weak supervisor: without 'pairs' it would be the strong model of every model declared before it; declare it first or list the pairs.");
        }
        var chains = m.Bootstrap ?? [];
        for (var i = 0; i < chains.Count; i++)
            for (var j = 1; j < chains[i].Count; j++)
                if (WeakOnly(chains[i][j]))
                    Error($"bootstrap[{i}][{j}]", $"bootstrap[{i}]", DiagnosticCodes.InconsistentValue,
                        $"Model '{chains[i][j]}' is {Kind(chains[i][j])}, which is only a weak supervisor (flipped ground truth, no network to train): it can only be a chain's first model.");
    }

    private void CheckLosses()
    {
        var labels = new HashSet<string>();
        for (var i = 0; i < m.Losses.Count; i++)
        {
            var loss = m.Losses[i];
            var path = $"losses[{i}]";
            var allowed = LossCatalog.Parameters(loss.Name);
            foreach (var param in LossCatalog.SetParameters(loss).Where(p => !allowed.Contains(p)))
                Error($"{path}.{param}", path, atKey: true, DiagnosticCodes.LossParameterNotApplicable,
                    $"Parameter '{param}' does not apply to loss '{LossCatalog.Name(loss.Name)}'" +
                    (allowed.Count == 0 ? " (it takes none)." : $" (it takes {string.Join(", ", allowed)})."));
            var label = LossCatalog.Label(loss);
            if (!labels.Add(label))
                Error($"{path}.name", path, DiagnosticCodes.DuplicateValue, $"Loss '{label}' is listed twice; give variants distinct 'label's.");
            if (LossCatalog.Of(loss.Name).Setting != m.Setting)
                Error($"{path}.name", path, DiagnosticCodes.InconsistentValue, m.Setting == Setting.RewardModel
                    ? $"Setting 'reward-model' trains on preference pairs: use loss {string.Join(" or ", LossCatalog.All.Where(d => d.Setting == Setting.RewardModel).Select(d => $"'{LossCatalog.Name(d.Name)}'"))}, not '{LossCatalog.Name(loss.Name)}'."
                    : $"Loss '{LossCatalog.Name(loss.Name)}' needs \"setting\": \"reward-model\".");
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
            case "npm" when value!.LastIndexOf('@') is var at && (at <= 0 || !SourcePins.IsNpmName(value[..at]) || !SourcePins.IsNpmVersion(value[(at + 1)..])):
                Error(path + ".npm", path, DiagnosticCodes.InvalidFormat,
                    $"npm source must be a registry NAME@VERSION with an exact version (no file:, http:, git or tarball specs, ranges or tags), got \"{value}\".");
                break;
            case "deb" when value!.IndexOf('=') is var eq && (eq <= 0 || !SourcePins.IsDebName(value[..eq]) || !SourcePins.IsDebVersion(value[(eq + 1)..])):
                Error(path + ".deb", path, DiagnosticCodes.InvalidFormat, $"deb source must be a Debian NAME=VERSION with an exact version, got \"{value}\".");
                break;
            case "deb" or "url" when s.Sha256 is null:
                Error(path, path, DiagnosticCodes.MissingRequired, $"{kind} source '{s.Name}' must be pinned with 'sha256'.");
                break;
            case "url" when !Uri.TryCreate(value, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps:
                Error(path + ".url", path, DiagnosticCodes.InvalidFormat, $"url source must be an absolute https address, got \"{value}\".");
                break;
            case "url" when new Uri(value!) is var url && SourcePins.HostRefusal(url.IdnHost) is { } why:
                Error(path + ".url", path, DiagnosticCodes.InvalidFormat, $"url source must reach a public address; {url.Host} is {why}.");
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
            else if (tol.Abs is null && tol.Rel is null && tol.Rows is not { Count: > 0 })
                Error($"gate.{metric}", "gate", DiagnosticCodes.MissingRequired, $"Gate '{metric}' needs a tolerance: 'abs', 'rel', per-row 'rows', or a combination.");
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

    private static string Quote(string? s) => s is null ? "none" : $"\"{s}\"";
}
