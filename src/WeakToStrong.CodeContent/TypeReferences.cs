using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace WeakToStrong.CodeContent;

/// <summary>
/// The top-level types of our assemblies (named <c>WeakToStrong.*</c>) that a declaration's code names, as the
/// compiler binds them: every name, member access, call, object creation, operator, conversion, attribute and the
/// type of every expression. A nested type stands for its top-level type; a constructed generic for its definition.
/// Over-approximating is safe (a key changes more often); missing a type is not, hence every expression is asked.
/// What this cannot see is code found by reflection (losses, model families, task builders): a stage names those
/// itself from its parameters (`Runner/Identity/StageCode.cs`).
/// </summary>
public static class TypeReferences
{
    public const string OurAssemblies = "WeakToStrong.";

    public static void Collect(SyntaxNode declaration, SemanticModel model, INamedTypeSymbol self, ISet<string> into)
    {
        var own = Top(self);
        foreach (var node in declaration.DescendantNodes())
        {
            switch (node)
            {
                case ExpressionSyntax expression:
                    var info = model.GetSymbolInfo(expression);
                    AddSymbol(info.Symbol, own, into);
                    foreach (var candidate in info.CandidateSymbols) AddSymbol(candidate, own, into);
                    var type = model.GetTypeInfo(expression);
                    AddType(type.Type, own, into);
                    AddType(type.ConvertedType, own, into);
                    var conversion = model.GetConversion(expression);
                    AddSymbol(conversion.MethodSymbol, own, into);
                    break;
                case AttributeSyntax or ConstructorInitializerSyntax or PrimaryConstructorBaseTypeSyntax:
                    AddSymbol(model.GetSymbolInfo(node).Symbol, own, into);
                    break;
                case CommonForEachStatementSyntax loop:
                    var each = model.GetForEachStatementInfo(loop);
                    AddSymbol(each.GetEnumeratorMethod, own, into);
                    AddSymbol(each.MoveNextMethod, own, into);
                    AddSymbol(each.CurrentProperty, own, into);
                    AddType(each.ElementType, own, into);
                    break;
                case UsingStatementSyntax or LocalDeclarationStatementSyntax or VariableDeclaratorSyntax or ParameterSyntax:
                    AddSymbol(model.GetDeclaredSymbol(node), own, into);
                    break;
            }
        }
    }

    /// <summary>"Assembly!Namespace.MetadataName" of a top-level type, as the runtime reader spells it from a Type.</summary>
    public static string NameOf(INamedTypeSymbol type)
    {
        var top = Top(type);
        string ns = top.ContainingNamespace is { IsGlobalNamespace: false } n ? n.ToDisplayString() + "." : "";
        return top.ContainingAssembly.Name + "!" + ns + top.MetadataName;
    }

    static void AddSymbol(ISymbol? symbol, INamedTypeSymbol own, ISet<string> into)
    {
        switch (symbol)
        {
            case null: return;
            case ITypeSymbol type: AddType(type, own, into); return;
            case IMethodSymbol { ReducedFrom: { } extension }: AddSymbol(extension, own, into); break;
            case ILocalSymbol local: AddType(local.Type, own, into); return;
            case IParameterSymbol parameter: AddType(parameter.Type, own, into); return;
        }
        if (symbol is IMethodSymbol method)
        {
            foreach (var argument in method.TypeArguments) AddType(argument, own, into);
            AddType(method.ReturnType, own, into);
        }
        if (symbol.ContainingType is { } containing) AddType(containing, own, into);
    }

    static void AddType(ITypeSymbol? type, INamedTypeSymbol own, ISet<string> into)
    {
        switch (type)
        {
            case null or ITypeParameterSymbol or IErrorTypeSymbol: return;
            case IArrayTypeSymbol array: AddType(array.ElementType, own, into); return;
            case IPointerTypeSymbol pointer: AddType(pointer.PointedAtType, own, into); return;
            case INamedTypeSymbol named:
                foreach (var argument in named.TypeArguments) AddType(argument, own, into);
                var top = Top(named);
                if (SymbolEqualityComparer.Default.Equals(top, own)) return;
                if (top.ContainingAssembly is { } assembly && assembly.Name.StartsWith(OurAssemblies, System.StringComparison.Ordinal))
                    into.Add(NameOf(top));
                return;
        }
    }

    static INamedTypeSymbol Top(INamedTypeSymbol type)
    {
        var t = type.OriginalDefinition;
        while (t.ContainingType is { } outer) t = outer.OriginalDefinition;
        return t;
    }
}
