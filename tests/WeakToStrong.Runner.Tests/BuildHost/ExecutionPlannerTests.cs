using WeakToStrong.Build.Host;
using WeakToStrong.Build.Host.Planning;

namespace WeakToStrong.Runner.Tests.BuildHost;

public class ExecutionPlannerTests
{
    // The repository's own shape: Clean orders itself before Restore; Plan and Reproduce stand alone.
    static readonly TargetSpec[] Lifecycle =
    [
        new("Clean") { Before = ["Restore"] },
        new("Restore"),
        new("Compile") { DependsOn = ["Restore"] },
        new("Test") { DependsOn = ["Compile"] },
        new("Plan"),
        new("Reproduce"),
    ];

    static IReadOnlyList<string> Order(TargetSpec[] targets, params string[] invoked) => ExecutionPlanner.Plan(targets, invoked).Order;

    [Fact]
    public void Dependencies_run_first_transitively()
    {
        Assert.Equal(["Restore", "Compile", "Test"], Order(Lifecycle, "Test"));
    }

    [Fact]
    public void Before_orders_but_does_not_schedule()
    {
        Assert.Equal(["Restore", "Compile"], Order(Lifecycle, "Compile"));
        Assert.Equal(["Clean", "Restore", "Compile"], Order(Lifecycle, "Compile", "Clean"));
    }

    [Fact]
    public void Reproduce_alone_runs_alone()
    {
        Assert.Equal(["Reproduce"], Order(Lifecycle, "Reproduce"));
    }

    [Fact]
    public void Invoked_targets_keep_their_order_where_the_graph_allows()
    {
        Assert.Equal(["Reproduce", "Restore", "Compile", "Test"], Order(Lifecycle, "Reproduce", "Test"));
    }

    [Fact]
    public void After_puts_a_scheduled_target_later()
    {
        TargetSpec[] targets = [new("A"), new("B") { After = ["A"] }];

        Assert.Equal(["A", "B"], Order(targets, "B", "A"));
        Assert.Equal(["B"], Order(targets, "B"));
    }

    [Fact]
    public void DependentFor_is_DependsOn_declared_from_the_other_end()
    {
        TargetSpec[] targets = [new("Lint") { DependentFor = ["Compile"] }, new("Compile")];

        Assert.Equal(["Lint", "Compile"], Order(targets, "Compile"));
    }

    [Fact]
    public void TriggeredBy_schedules_the_follower_after_its_trigger()
    {
        TargetSpec[] targets = [new("Report") { TriggeredBy = ["Reproduce"] }, new("Reproduce"), new("Notify")];

        Assert.Equal(["Reproduce", "Report"], Order(targets, "Reproduce"));
        Assert.Equal(["Notify"], Order(targets, "Notify"));
    }

    [Fact]
    public void A_dependency_cycle_is_reported_with_its_path()
    {
        TargetSpec[] targets = [new("A") { DependsOn = ["B"] }, new("B") { DependsOn = ["C"] }, new("C") { DependsOn = ["A"] }];

        var error = Assert.Throws<HostException>(() => Order(targets, "A"));
        Assert.Equal("Circular dependency between targets: A -> B -> C -> A.", error.Message);
    }

    [Fact]
    public void A_cycle_through_ordering_constraints_is_reported_too()
    {
        TargetSpec[] targets = [new("A") { After = ["B"] }, new("B") { After = ["A"] }];

        var error = Assert.Throws<HostException>(() => Order(targets, "A", "B"));
        Assert.Equal("Circular dependency between targets: A -> B -> A.", error.Message);
    }

    [Fact]
    public void Bare_skip_skips_every_target_not_invoked()
    {
        var plan = ExecutionPlanner.Plan(Lifecycle, ["Test"], skip: []);

        Assert.Equal(["Restore", "Compile", "Test"], plan.Order);
        Assert.Equal(["Compile", "Restore"], plan.Skipped.Order());
    }

    [Fact]
    public void Named_skip_skips_only_those()
    {
        var plan = ExecutionPlanner.Plan(Lifecycle, ["Test"], skip: ["Restore"]);

        Assert.Equal(["Restore"], plan.Skipped);
    }

    [Fact]
    public void A_reference_to_an_undeclared_target_is_an_error()
    {
        var error = Assert.Throws<HostException>(() => Order([new("A") { DependsOn = ["Ghost"] }], "A"));

        Assert.Equal("Target 'Ghost' is referenced but not declared.", error.Message);
    }
}
