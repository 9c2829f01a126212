using System.Reflection;
using WeakToStrong.Build.Host.CommandLine;
using WeakToStrong.Build.Host.Definition;
using WeakToStrong.Build.Host.Text;

namespace WeakToStrong.Build.Host.Parameters;

/// <summary>One <see cref="ParameterAttribute"/> member of a build class, with its spellings and value type.</summary>
public sealed record ParameterDescriptor(string Name, string? Description, Type ValueType, MemberInfo Member)
{
    public string Kebab => NameStyle.Kebab(Name);
    public string UpperSnake => NameStyle.UpperSnake(Name);
    public bool IsArray => ValueType.IsArray;

    /// <summary>The scalar type: the element type of an array, the underlying type of a nullable.</summary>
    public Type ScalarType
    {
        get
        {
            var type = ValueType.IsArray ? ValueType.GetElementType()! : ValueType;
            return Nullable.GetUnderlyingType(type) ?? type;
        }
    }

    public OptionShape Shape => new(Kebab, IsArray ? OptionArity.Many : ScalarType == typeof(bool) ? OptionArity.Flag : OptionArity.Single);

    public object? GetValue(object build) => Member switch
    {
        FieldInfo field => field.GetValue(build),
        PropertyInfo property => property.GetValue(build),
        _ => throw new InvalidOperationException(Member.Name),
    };

    public void SetValue(object build, object? value)
    {
        switch (Member)
        {
            // Setting a readonly instance field through reflection is allowed; NUKE's `[Parameter] readonly string X;` relies on it.
            case FieldInfo field: field.SetValue(build, value); break;
            case PropertyInfo property: property.SetValue(build, value); break;
        }
    }

    /// <summary>Every parameter of <paramref name="buildType"/> and its base classes, in declaration order.</summary>
    public static IReadOnlyList<ParameterDescriptor> For(Type buildType)
    {
        const BindingFlags flags = BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic;
        var result = new List<ParameterDescriptor>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var type = buildType; type is not null && type != typeof(object); type = type.BaseType)
        {
            foreach (var member in type.GetMembers(flags | BindingFlags.DeclaredOnly).OrderBy(m => m.MetadataToken))
            {
                if (member.GetCustomAttribute<ParameterAttribute>() is not { } attribute)
                    continue;
                var valueType = member switch
                {
                    FieldInfo f => f.FieldType,
                    PropertyInfo p => p.PropertyType,
                    _ => throw new InvalidOperationException($"[Parameter] on {member.Name}: only fields and properties can be parameters."),
                };
                var name = attribute.Name ?? member.Name;
                if (seen.Add(name))
                    result.Add(new ParameterDescriptor(name, attribute.Description, valueType, member));
            }
        }
        return result;
    }
}
