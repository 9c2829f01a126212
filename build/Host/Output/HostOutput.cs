using Spectre.Console;
using Spectre.Console.Rendering;

namespace WeakToStrong.Build.Host.Output;

/// <summary>
/// Where the host writes: Spectre.Console for standard output (rules, tables, colours), plain text when the output
/// is not a terminal or CI=true (logs should not carry escape codes or box-drawing), and one-line errors on stderr.
/// </summary>
public sealed class HostOutput(IAnsiConsole console, TextWriter output, TextWriter error, bool plain)
{
    public IAnsiConsole Console { get; } = console;
    public bool Plain { get; } = plain;

    /// <summary>Set once the command line is read: Quiet drops target headers, Quiet and Minimal drop progress.</summary>
    public Verbosity Verbosity { get; set; } = Verbosity.Normal;

    /// <summary>Progress lines (stage started, finished, cached) are for Normal and Verbose.</summary>
    public bool ShowsProgress => Verbosity >= Verbosity.Normal;

    public static HostOutput ForProcess()
    {
        var plain = System.Console.IsOutputRedirected || IsTrue(Environment.GetEnvironmentVariable("CI"));
        var console = plain
            ? AnsiConsole.Create(new AnsiConsoleSettings
            {
                Ansi = AnsiSupport.No,
                ColorSystem = ColorSystemSupport.NoColors,
                Interactive = InteractionSupport.No,
                Out = new AnsiConsoleOutput(System.Console.Out),
            })
            : AnsiConsole.Console;
        if (plain)
            console.Profile.Width = 120; // a redirected console reports width 80; summary tables read better wider
        return new HostOutput(console, System.Console.Out, System.Console.Error, plain);
    }

    /// <summary>A console that writes plain text into <paramref name="writer"/>: for tests.</summary>
    public static HostOutput ForWriter(TextWriter writer, TextWriter error) =>
        new(AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(writer),
        }), writer, error, plain: true);

    /// <summary>Plain text, written as is: Spectre would word-wrap it at the console width and treat brackets as markup.</summary>
    public void Line(string text) => output.WriteLine(text);

    /// <summary>Text that already carries its line endings (a verb's rendered result), written as is.</summary>
    public void Write(string text) => output.Write(text);

    public void Write(IRenderable renderable) => Console.Write(renderable);

    public void TargetHeader(string name)
    {
        if (Verbosity == Verbosity.Quiet)
            return;
        if (Plain)
            Console.WriteLine($"── {name} ──");
        else
            Console.Write(new Rule($"[bold]{Markup.Escape(name)}[/]").LeftJustified());
    }

    public void Error(string line) => error.WriteLine(line);

    public TableBorder Border => Plain ? TableBorder.Ascii : TableBorder.Rounded;

    static bool IsTrue(string? value) => value is not null && (value == "1" || value.Equals("true", StringComparison.OrdinalIgnoreCase));
}
