using TorchSharp;
using TorchSharp.PyBridge;
using static TorchSharp.torch;

namespace WeakToStrong.Training.Trainer;

/// <summary>
/// A module's whole state as a safetensors file (TorchSharp.PyBridge), readable by Python's safetensors.
/// Keys are written in ordinal order and tensors as contiguous CPU copies, so the same parameters always give
/// the same bytes: the file's sha256 is a stable content key.
/// </summary>
public static class Checkpoint
{
    public static void Save(nn.Module module, string path) => Save(module.state_dict(), path);

    /// <summary>Writes a state dict; the write goes to a temporary file first, so a killed run leaves no torn file.</summary>
    public static void Save(IDictionary<string, Tensor> state, string path)
    {
        using var scope = NewDisposeScope();
        var sorted = new Dictionary<string, Tensor>(StringComparer.Ordinal);
        foreach (var key in state.Keys.OrderBy(k => k, StringComparer.Ordinal))
            sorted[key] = state[key].detach().cpu().contiguous();
        var dir = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(dir);
        var tmp = Path.Combine(dir, $".{Path.GetFileName(path)}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
        Safetensors.SaveStateDict(tmp, sorted);
        File.Move(tmp, path, overwrite: true);
    }

    /// <summary>Loads every tensor of the file into the module (strict: the key sets must match exactly).</summary>
    public static void Load(nn.Module module, string path, bool strict = true)
    {
        var state = Safetensors.LoadStateDict(path);
        try { LoadState(module, state, strict, path); }
        finally { foreach (var t in state.Values) t.Dispose(); }
    }

    /// <summary>Copies tensors into the module's parameters and buffers (values converted to their dtype/device).</summary>
    public static void LoadState(nn.Module module, Dictionary<string, Tensor> state, bool strict, string source)
    {
        var own = module.state_dict();
        var missing = own.Keys.Where(k => !state.ContainsKey(k)).ToList();
        var unexpected = state.Keys.Where(k => !own.ContainsKey(k)).ToList();
        if (strict && (missing.Count > 0 || unexpected.Count > 0))
            throw new InvalidDataException(
                $"{source}: keys do not match the model (missing: {Describe(missing)}; unexpected: {Describe(unexpected)}).");
        using var _ = no_grad();
        foreach (var (key, target) in own)
        {
            if (!state.TryGetValue(key, out var value)) continue;
            if (!value.shape.SequenceEqual(target.shape))
                throw new InvalidDataException(
                    $"{source}: '{key}' has shape [{string.Join(",", value.shape)}], the model expects [{string.Join(",", target.shape)}].");
            target.copy_(value);
        }
    }

    private static string Describe(List<string> keys) =>
        keys.Count == 0 ? "none" : string.Join(", ", keys.Take(5)) + (keys.Count > 5 ? $" and {keys.Count - 5} more" : "");
}
