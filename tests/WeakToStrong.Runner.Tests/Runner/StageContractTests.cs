using System.Reflection;
using WeakToStrong.Core.Manifests;
using WeakToStrong.Core.Resolution;
using WeakToStrong.Runner.Execution;
using WeakToStrong.Runner.Stages;

namespace WeakToStrong.Runner.Tests.Runner;

/// <summary>
/// Executors see their stage's parameter record and their inputs' outputs, never the manifest: a value only the
/// manifest holds could change what a stage computes without changing its key (pretrain.precision once did).
/// </summary>
public class StageContractTests
{
    static readonly Type[] Forbidden = [typeof(Manifest), typeof(ResolvedManifest), typeof(DataSpec), typeof(ScalesSpec)];

    [Fact]
    public void No_executor_or_the_dispatcher_takes_a_manifest()
    {
        var assembly = typeof(StageDispatcher).Assembly;
        var executors = assembly.GetTypes().Where(t => t.Namespace is "WeakToStrong.Runner.Stages" or "WeakToStrong.Runner.Execution");
        var offending = (from type in executors
                         from member in type.GetMembers(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.Instance | BindingFlags.DeclaredOnly)
                         from parameterType in ParameterTypes(member)
                         where Forbidden.Contains(parameterType)
                         select $"{type.Name}.{member.Name}({parameterType.Name})").ToList();
        Assert.Empty(offending);
        Assert.Contains(typeof(DataStage), executors); // the scan sees the executors
    }

    static IEnumerable<Type> ParameterTypes(MemberInfo member) => member switch
    {
        MethodBase m => m.GetParameters().Select(p => p.ParameterType),
        PropertyInfo p => [p.PropertyType],
        FieldInfo f => [f.FieldType],
        _ => [],
    };

    [Fact]
    public void Every_model_family_and_loss_the_schema_accepts_has_a_table_row_and_an_implementation()
    {
        Assert.Equal(Enum.GetValues<ModelFamily>().Order(), ModelFamilies.All.Select(f => f.Family).Order());
        Assert.Equal(Enum.GetValues<ModelFamily>().Order(), WeakToStrong.Runner.Families.ModelFactory.Implemented.Order());
        Assert.Equal(Enum.GetValues<LossName>().Order(), WeakToStrong.Training.Losses.LossFactory.Implemented.Order());
    }

    [Theory]
    [InlineData(BodySource.Pretrain, typeof(WeakToStrong.Runner.Families.IPretrainedInPipeline))]
    [InlineData(BodySource.Weights, typeof(WeakToStrong.Runner.Families.IImportsWeights))]
    public void A_family_whose_row_gives_its_body_a_stage_implements_what_that_stage_asks_of_it_and_no_other_family_does(BodySource body, Type stageInterface)
    {
        foreach (var row in ModelFamilies.All)
        {
            var implementation = WeakToStrong.Runner.Families.ModelFactory.ClassOf(new ModelSpec { Family = row.Family });
            Assert.True(row.Body == body == stageInterface.IsAssignableFrom(implementation),
                $"{ModelFamilies.Name(row.Family)}: body source {row.Body}, {implementation.Name} {(stageInterface.IsAssignableFrom(implementation) ? "implements" : "does not implement")} {stageInterface.Name}");
        }
    }
}
