using System.Text.Json;
using WeakToStrong.Core.Diagnostics;
using WeakToStrong.Core.Manifests;
using WeakToStrong.Core.Text;

namespace WeakToStrong.Core.Tasks;

/// <summary>
/// What the rest of the system knows about a task builder without running it: its name in <c>data.task</c>, the
/// setting its items belong to, the version of its code, how many sources it reads and the parameters it takes.
/// Core holds only this description; the builders live in WeakToStrong.Data, each declaring its descriptor beside
/// its code, and reach Core through an <see cref="ITaskCatalog"/>.
/// </summary>
/// <param name="BuilderVersion">Bumped whenever the builder's output for the same inputs changes; the data stage key hashes it.</param>
/// <param name="Sources">How many entries <c>data.sources</c> must have; the builder receives them in manifest order.</param>
public sealed record TaskDescriptor(
    string Name,
    Setting Setting,
    string BuilderVersion,
    int Sources,
    IReadOnlyList<TaskParameter> Parameters)
{
    /// <summary>
    /// The parameters the builder will read: every declared parameter, under its one canonical name, the manifest's
    /// value or else the default, sorted by name. This is what the data stage key hashes, so spelling a default out
    /// or leaving it implicit gives the same key. Throws on a value validation would have refused.
    /// </summary>
    public IReadOnlyDictionary<string, JsonElement> Normalise(IReadOnlyDictionary<string, JsonElement>? given)
    {
        var result = new SortedDictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var (key, value) in given ?? new Dictionary<string, JsonElement>())
            if (Read(key, value, result).FirstOrDefault() is { } problem)
                throw new ArgumentException($"{problem.Code}: {problem.Message}");
        foreach (var p in Parameters) result.TryAdd(p.Name, p.Default);
        return result;
    }

    /// <summary>
    /// Checks one <c>data.params</c> entry and, when it is valid, adds it to <paramref name="into"/> under the
    /// parameter's canonical name (a singular spelling becomes a one-entry list). The validator and
    /// <see cref="Normalise"/> both read entries through here, so they cannot disagree.
    /// </summary>
    public IEnumerable<TaskParameterProblem> Read(string key, JsonElement value, IDictionary<string, JsonElement> into)
    {
        var parameter = Parameters.FirstOrDefault(p => p.Name == key) ?? Parameters.FirstOrDefault(p => p.Singular == key);
        if (parameter is null)
        {
            var names = Parameters.SelectMany(p => p.Singular is null ? [p.Name] : new[] { p.Name, p.Singular });
            return [new TaskParameterProblem(DiagnosticCodes.TaskParameterNotApplicable, Parameters.Count == 0
                ? $"Task '{Name}' takes no parameters; remove '{key}'."
                : $"Task '{Name}' has no parameter '{key}'.{DidYouMean.Hint(key, names)} It takes: {string.Join(", ", Parameters.Select(p => p.Spellings))}.",
                AtKey: true)];
        }
        var singular = key == parameter.Singular;
        if (singular && value.ValueKind is not JsonValueKind.String)
            return [new TaskParameterProblem(DiagnosticCodes.WrongType,
                $"Parameter '{key}' of task '{Name}' is the one-value spelling of '{parameter.Name}': it must be a string, got {TaskParameter.KindName(value)}.")];
        var canonical = singular ? JsonSerializer.SerializeToElement(new[] { value.GetString() }) : value;
        // A singular value is not an array in the manifest: its problems are located at the value itself.
        var problems = parameter.Problems(Name, canonical, singular ? key : null).ToList();
        if (problems.Count > 0) return singular ? problems.Select(p => p with { Item = null }) : problems;
        if (into.ContainsKey(parameter.Name))
            return [new TaskParameterProblem(DiagnosticCodes.InconsistentValue,
                $"Task '{Name}': set '{parameter.Name}' or '{parameter.Singular}', not both.", AtKey: true)];
        into[parameter.Name] = canonical;
        return [];
    }
}
