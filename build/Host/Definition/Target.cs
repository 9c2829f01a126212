namespace WeakToStrong.Build.Host.Definition;

/// <summary>
/// A target, declared as NUKE declares it: an expression-bodied member <c>Target Compile => _ => _.DependsOn(Restore)…</c>.
/// The same delegate type as Nuke.Common's, so moving to the real package later is a change of <c>using</c>.
/// Identity is delegate equality (same method, same target object), which holds across repeated property reads.
/// </summary>
public delegate ITargetDefinition Target(ITargetDefinition _);
