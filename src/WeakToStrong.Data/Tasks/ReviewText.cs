using System.Net;
using System.Text.RegularExpressions;

namespace WeakToStrong.Data.Tasks;

/// <summary>
/// Plain text from a scraped review: Amazon's reviews keep their HTML (<c>&lt;br /&gt;</c> line breaks, a few links
/// and <c>&lt;span&gt;</c>s, entities such as <c>&amp;eacute;</c> and <c>&amp;quot;</c>). Markup would be tokens a model
/// reads but no reader sees, so line-breaking tags become spaces, other tags nothing (a link keeps its words),
/// entities their characters, and whitespace runs one space.
/// </summary>
public static partial class ReviewText
{
    /// <summary>An HTML tag: <c>&lt;</c>, an optional slash, a letter, then no angle bracket until <c>&gt;</c> — so
    /// "&lt;3" and "a &lt; b" stay.</summary>
    [GeneratedRegex(@"</?([A-Za-z][A-Za-z0-9]*)[^<>]*>")]
    private static partial Regex Tag();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    static readonly HashSet<string> Breaks = new(["br", "p", "div", "li", "ul", "ol", "tr", "hr"], StringComparer.OrdinalIgnoreCase);

    public static string Clean(string html)
    {
        var text = Tag().Replace(html, m => Breaks.Contains(m.Groups[1].Value) ? " " : "");
        text = WebUtility.HtmlDecode(text); // after removing tags, so "&lt;br&gt;" written as text stays text
        return Whitespace().Replace(text, " ").Trim();
    }
}
