namespace WeakToStrong.Build.Host.Planning;

/// <summary>
/// NUKE's scheduling: the invoked targets, everything they depend on (DependsOn, DependentFor) and everything they
/// trigger (Triggers, TriggeredBy) are scheduled; Before/After only order targets that are scheduled anyway.
/// The order is a depth-first topological sort that starts from the invoked targets in the order given, so
/// `Test Reproduce` keeps that order where the graph allows; ties follow declaration order.
/// </summary>
public static class ExecutionPlanner
{
    /// <param name="targets">All targets, in declaration order.</param>
    /// <param name="invoked">The requested targets, already checked to exist.</param>
    /// <param name="skip">Null: nothing skipped. Empty: every target not invoked is skipped (NUKE's bare `--skip`). Otherwise those names.</param>
    public static ExecutionPlan Plan(IReadOnlyList<TargetSpec> targets, IReadOnlyList<string> invoked, IReadOnlyList<string>? skip = null)
    {
        var byName = targets.ToDictionary(t => t.Name);
        var index = targets.Select((t, i) => (t.Name, i)).ToDictionary(x => x.Name, x => x.i);
        foreach (var name in targets.SelectMany(t => t.DependsOn.Concat(t.DependentFor).Concat(t.Before).Concat(t.After).Concat(t.TriggeredBy).Concat(t.Triggers)).Concat(invoked))
            if (!byName.ContainsKey(name))
                throw new HostException($"Target '{name}' is referenced but not declared.");

        var dependencies = Relation(targets, t => t.DependsOn, t => t.DependentFor);
        var triggered = Relation(targets, t => t.Triggers, t => t.TriggeredBy);

        var scheduled = new HashSet<string>();
        var pending = new Stack<string>(invoked.Reverse());
        while (pending.TryPop(out var name))
            if (scheduled.Add(name))
                foreach (var next in dependencies[name].Concat(triggered[name]))
                    pending.Push(next);

        // Everything that must come before a target, when both are scheduled.
        var predecessors = targets.ToDictionary(t => t.Name, _ => new List<string>());
        foreach (var t in targets)
        {
            predecessors[t.Name].AddRange(dependencies[t.Name]);
            predecessors[t.Name].AddRange(t.After);
            foreach (var later in t.Before)
                predecessors[later].Add(t.Name);
            foreach (var follower in triggered[t.Name])
                predecessors[follower].Add(t.Name);
        }

        var order = new List<string>();
        var state = new Dictionary<string, bool>(); // false: on the current path, true: done
        var path = new List<string>();
        void Visit(string name)
        {
            if (state.TryGetValue(name, out var done))
            {
                if (done)
                    return;
                var cycle = path.Skip(path.IndexOf(name)).Append(name);
                throw new HostException($"Circular dependency between targets: {string.Join(" -> ", cycle)}.");
            }
            state[name] = false;
            path.Add(name);
            foreach (var before in predecessors[name].Where(scheduled.Contains).Distinct().OrderBy(n => index[n]))
                Visit(before);
            path.RemoveAt(path.Count - 1);
            state[name] = true;
            order.Add(name);
        }

        foreach (var name in invoked.Concat(scheduled.OrderBy(n => index[n])))
            Visit(name);

        var skipped = skip switch
        {
            null => new HashSet<string>(),
            { Count: 0 } => order.Where(n => !invoked.Contains(n)).ToHashSet(),
            _ => skip.Where(scheduled.Contains).ToHashSet(),
        };
        return new ExecutionPlan(order, skipped);
    }

    /// <summary>
    /// Outgoing edges of a relation declared from both ends: `A.DependsOn(B)` and `B.DependentFor(A)` both give A → B;
    /// `A.Triggers(B)` and `B.TriggeredBy(A)` both give A → B.
    /// </summary>
    static Dictionary<string, List<string>> Relation(IReadOnlyList<TargetSpec> targets, Func<TargetSpec, IReadOnlyList<string>> forward,
        Func<TargetSpec, IReadOnlyList<string>> reverse)
    {
        var edges = targets.ToDictionary(t => t.Name, _ => new List<string>());
        foreach (var t in targets)
        {
            edges[t.Name].AddRange(forward(t));
            foreach (var other in reverse(t))
                edges[other].Add(t.Name);
        }
        return edges;
    }
}
