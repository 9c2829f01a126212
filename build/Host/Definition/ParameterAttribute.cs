namespace WeakToStrong.Build.Host.Definition;

/// <summary>Marks a field or property of the build class as a parameter (`--kebab-name`), as Nuke.Common's attribute does.</summary>
[AttributeUsage(AttributeTargets.Field | AttributeTargets.Property)]
public sealed class ParameterAttribute(string? description = null) : Attribute
{
    public string? Description { get; } = description;
    /// <summary>Overrides the member name (the CLI spelling is its kebab-case form).</summary>
    public string? Name { get; set; }
}
