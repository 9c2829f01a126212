using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace WeakToStrong.CodeContent;

/// <summary>
/// The hash of a type's code as the compiler reads it: its tokens' text, each followed by a separator, with every
/// trivia dropped (whitespace, comments, doc comments, directives and disabled text). So a reworded comment or a moved
/// line changes nothing, and a changed constant, operator or name changes the hash. A partial type's parts are hashed
/// each, then combined in sorted order (file paths differ between clones).
/// </summary>
public static class TypeTokens
{
    public static string Hash(IEnumerable<MemberDeclarationSyntax> declarations)
    {
        var parts = declarations.Select(d => Sha256(Text(d))).OrderBy(h => h, System.StringComparer.Ordinal).ToList();
        return parts.Count == 1 ? parts[0] : Sha256(string.Join("\n", parts));
    }

    static string Text(SyntaxNode declaration)
    {
        var sb = new StringBuilder();
        foreach (var token in declaration.DescendantTokens(descendIntoTrivia: false))
            sb.Append(token.Text).Append('\u0001');
        return sb.ToString();
    }

    static string Sha256(string text)
    {
        using var sha = SHA256.Create();
        byte[] hash = sha.ComputeHash(Encoding.UTF8.GetBytes(text));
        var sb = new StringBuilder(64);
        foreach (byte b in hash) sb.Append(b.ToString("x2"));
        return sb.ToString();
    }
}
