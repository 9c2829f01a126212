using System.Text.RegularExpressions;
using WeakToStrong.Build.Host.Text;

namespace WeakToStrong.Build.Host.CommandLine;

/// <summary>
/// Parses NUKE's command line: `Reproduce Test --experiment x --seeds 0 1 2 --set a=1 --set b=2 --plan`.
/// Written by hand because Microsoft.Extensions.Configuration.CommandLine drops positional targets, turns
/// `--plan Reproduce` into plan=Reproduce, keeps one of `--seeds 0 1 2` and cannot report unknown names
/// (docs/architecture.md §7). The parser knows every option's arity, which is what makes those cases unambiguous.
/// </summary>
public static partial class CommandLineParser
{
    /// <summary>Parses <paramref name="args"/>; throws <see cref="HostException"/> with one line on an unknown option or a missing value.</summary>
    public static ParsedCommandLine Parse(IReadOnlyList<string> args, IReadOnlyCollection<OptionShape> options)
    {
        var byNormalized = options.ToDictionary(o => NameStyle.Normalize(o.Name));
        var targets = new List<string>();
        var values = new Dictionary<string, List<string>>();
        var i = 0;
        while (i < args.Count)
        {
            var token = args[i++];
            if (!IsOption(token))
            {
                targets.Add(token);
                continue;
            }

            var (name, inline) = SplitInlineValue(token.TrimStart('-'));
            if (!byNormalized.TryGetValue(NameStyle.Normalize(name), out var shape))
                throw new HostException(Suggestions.UnknownNameMessage(
                    "parameter", "--" + name, options.Select(o => "--" + o.Name).ToList()));

            var list = values.TryGetValue(shape.Name, out var existing) ? existing : values[shape.Name] = [];
            if (shape.Arity != OptionArity.Many)
                list.Clear(); // a repeated single-valued option: the last one wins, as in NUKE
            if (inline is not null)
            {
                list.Add(shape.Arity == OptionArity.Flag ? ParseFlag(shape, inline) : inline);
                continue;
            }

            switch (shape.Arity)
            {
                case OptionArity.Flag:
                    if (i < args.Count && bool.TryParse(args[i], out var explicitValue))
                    {
                        list.Add(explicitValue.ToString());
                        i++;
                    }
                    else
                        list.Add(bool.TrueString);
                    break;
                case OptionArity.Single:
                    if (i >= args.Count || IsOption(args[i]))
                        throw new HostException($"Parameter '--{shape.Name}' needs a value.");
                    list.Add(args[i++]);
                    break;
                case OptionArity.Many:
                    while (i < args.Count && !IsOption(args[i]))
                        list.Add(args[i++]);
                    break;
            }
        }
        return new ParsedCommandLine(targets, values.ToDictionary(kv => kv.Key, kv => (IReadOnlyList<string>)kv.Value));
    }

    /// <summary>An option starts with a dash; `-1` or `-0.5` is a (negative number) value, not an option.</summary>
    public static bool IsOption(string token) => token.Length > 1 && token[0] == '-' && !NegativeNumber().IsMatch(token);

    static (string Name, string? Value) SplitInlineValue(string text)
    {
        var equals = text.IndexOf('=');
        return equals < 0 ? (text, null) : (text[..equals], text[(equals + 1)..]);
    }

    static string ParseFlag(OptionShape shape, string value) =>
        bool.TryParse(value, out var parsed)
            ? parsed.ToString()
            : throw new HostException($"Parameter '--{shape.Name}' is a flag: '{value}' is neither true nor false.");

    [GeneratedRegex(@"^-\d")]
    private static partial Regex NegativeNumber();
}
