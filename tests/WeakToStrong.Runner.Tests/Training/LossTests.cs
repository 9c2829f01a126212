using WeakToStrong.Core.Manifests;
using WeakToStrong.Training.Losses;
using static TorchSharp.torch;

namespace WeakToStrong.Runner.Tests.Training;

// Expected values are written out from the formulas in double precision, row by row, never from the code under test.
public class LossTests
{
    private static Tensor Logits(params double[][] probabilities) =>
        tensor(probabilities.SelectMany(p => p.Select(x => (float)Math.Log(x))).ToArray(), probabilities.Length, 2);

    private static Tensor Targets(params double[][] rows) =>
        tensor(rows.SelectMany(r => r.Select(x => (float)x)).ToArray(), rows.Length, 2);

    private static double Value(ILoss loss, Tensor z, Tensor y, double f = 1.0)
    {
        using var l = loss.Compute(z, y, f);
        return l.item<float>();
    }

    private static double Ce(double[] target, double[] p) => -(target[0] * Math.Log(p[0]) + target[1] * Math.Log(p[1]));

    [Fact]
    public void XentIsMeanSoftCrossEntropy()
    {
        var z = Logits([0.25, 0.75], [0.5, 0.5]);
        var y = Targets([0.5, 0.5], [1, 0]);
        double expected = (0.5 * Math.Log(16.0 / 3) + Math.Log(2)) / 2;
        Assert.Equal(expected, Value(new XentLoss(), z, y), 6);
    }

    [Fact]
    public void LogconfThresholdTieGoesToClassZero()
    {
        // p0 sorted = .1 .4 .4 .9; q = mean y1 = .5 → position 1.5 → t = .4, equal to two entries: both are class 0.
        var z = Logits([0.1, 0.9], [0.4, 0.6], [0.4, 0.6], [0.9, 0.1]);
        var y = Targets([1, 0], [0, 1], [0.5, 0.5], [0.5, 0.5]);
        using var h = LogConfidenceLoss.HardenedPredictions(z, y);
        Assert.Equal(new float[] { 0, 1, 1, 0, 1, 0, 1, 0 }, h.data<float>().ToArray());
    }

    [Fact]
    public void LogconfThresholdInterpolatesLinearly()
    {
        // p0 = .1 .3 .5 .9, q = .5 → position 1.5 → t = .4 (linear); "lower" would give .3 and make row 1 class 0.
        var z = Logits([0.1, 0.9], [0.3, 0.7], [0.5, 0.5], [0.9, 0.1]);
        var y = Targets([1, 0], [0, 1], [1, 0], [0, 1]);
        using var h = LogConfidenceLoss.HardenedPredictions(z, y);
        Assert.Equal(new float[] { 0, 1, 0, 1, 1, 0, 1, 0 }, h.data<float>().ToArray());
    }

    [Fact]
    public void LogconfMixesWeakTargetsWithHardenedPredictions()
    {
        var z = Logits([0.1, 0.9], [0.4, 0.6], [0.4, 0.6], [0.9, 0.1]);
        var y = Targets([1, 0], [0, 1], [0.5, 0.5], [0.5, 0.5]);
        // After warm-up c = 0.5; h = (0,1) (1,0) (1,0) (1,0); target = 0.5·y + 0.5·h.
        double expected = (Ce([0.5, 0.5], [0.1, 0.9]) + Ce([0.5, 0.5], [0.4, 0.6])
            + Ce([0.75, 0.25], [0.4, 0.6]) + Ce([0.75, 0.25], [0.9, 0.1])) / 4;
        var loss = new LogConfidenceLoss(new AuxWarmup(0.5, 0.2, Warmup.Linear));
        Assert.Equal(expected, Value(loss, z, y, 0.5), 5);
        // At f = 0 the linear warm-up gives c = 0: plain xent.
        double xent = (Ce([1, 0], [0.1, 0.9]) + Ce([0, 1], [0.4, 0.6]) + Ce([0.5, 0.5], [0.4, 0.6]) + Ce([0.5, 0.5], [0.9, 0.1])) / 4;
        Assert.Equal(xent, Value(loss, z, y, 0.0), 5);
    }

    [Theory]
    [InlineData(Warmup.Step, 0.1, 0.05, 0.025)]   // reference: c = 0.5·f while f ≤ 0.1
    [InlineData(Warmup.Step, 0.1, 0.1, 0.05)]
    [InlineData(Warmup.Step, 0.1, 0.11, 0.5)]     // … then jumps to 0.5
    [InlineData(Warmup.Linear, 0.2, 0.1, 0.25)]   // paper: linear to 0.5 over the first 20%
    [InlineData(Warmup.Linear, 0.2, 0.2, 0.5)]
    [InlineData(Warmup.Linear, 0.2, 0.7, 0.5)]
    public void WarmupCoefficientFollowsTheNamedSchedule(Warmup kind, double frac, double f, double expected) =>
        Assert.Equal(expected, new AuxWarmup(0.5, frac, kind).Coefficient(f), 12);

    [Fact]
    public void ProductTargetIsNormalisedProductOfPredictionsAndLabels()
    {
        var z = Logits([0.25, 0.75], [0.25, 0.75]);
        var y = Targets([0.5, 0.5], [0.8, 0.2]);
        // Row 0: ∝ (.125, .375) = (.25, .75). Row 1: ∝ (.2, .15) = (4/7, 3/7).
        double expected = (Ce([0.25, 0.75], [0.25, 0.75]) + Ce([4.0 / 7, 3.0 / 7], [0.25, 0.75])) / 2;
        Assert.Equal(expected, Value(new ProductLoss(1, 1), z, y), 5);
        // α = 2: row 1 ∝ (.25·.64, .75·.04) = (.16, .03).
        double alpha2 = (Ce([0.25, 0.75], [0.25, 0.75]) + Ce([16.0 / 19, 3.0 / 19], [0.25, 0.75])) / 2;
        Assert.Equal(alpha2, Value(new ProductLoss(alpha: 2, beta: 1), z, y), 5);
    }

    [Fact]
    public void EntropyAddsWarmedUpEntropyOfPredictions()
    {
        var z = Logits([0.25, 0.75], [0.5, 0.5]);
        var y = Targets([1, 0], [0, 1]);
        double h0 = -(0.25 * Math.Log(0.25) + 0.75 * Math.Log(0.75)), h1 = Math.Log(2);
        double expected = (0.5 * Ce([1, 0], [0.25, 0.75]) + 0.5 * h0 + 0.5 * Ce([0, 1], [0.5, 0.5]) + 0.5 * h1) / 2;
        Assert.Equal(expected, Value(new EntropyLoss(new AuxWarmup(0.5, 0.2, Warmup.Linear)), z, y, 0.9), 5);
    }

    [Fact]
    public void WindowCountsOnlyUnsureExamplesButDividesByBatch()
    {
        // max p: .75 ≥ .65 (excluded), .6 < .65 (included).
        var z = Logits([0.25, 0.75], [0.4, 0.6]);
        var y = Targets([1, 0], [1, 0]);
        Assert.Equal(Ce([1, 0], [0.4, 0.6]) / 2, Value(new WindowLoss(0.15), z, y), 6);
        Assert.Equal((Ce([1, 0], [0.25, 0.75]) + Ce([1, 0], [0.4, 0.6])) / 2, Value(new WindowLoss(0.3), z, y), 6);
    }

    [Fact]
    public void KlTreatsZeroTimesLogZeroAsZero()
    {
        var z = Logits([0.25, 0.75], [0.5, 0.5]);
        var y = Targets([0.5, 0.5], [1, 0]);
        double expected = (0.5 * Math.Log(0.5 / 0.25) + 0.5 * Math.Log(0.5 / 0.75) + Math.Log(1 / 0.5)) / 2;
        Assert.Equal(expected, Value(new KlLoss(), z, y), 6);
    }

    [Fact]
    public void BradleyTerryUsesSoftPreference()
    {
        var r = tensor(new float[] { 1, -1, 0.5f, 0.5f }, 2, 2);
        var s = Targets([0.7, 0.3], [1, 0]);
        static double LogSigmoid(double x) => -Math.Log(1 + Math.Exp(-x));
        double expected = (-(0.7 * LogSigmoid(2) + 0.3 * LogSigmoid(-2)) - LogSigmoid(0)) / 2;
        Assert.Equal(expected, Value(new BradleyTerryLoss(), r, s), 6);

        using var soft = BradleyTerryLoss.SoftTargets(tensor(new float[] { 2, 0 }), tensor(new float[] { 0, 0 }));
        var v = soft.data<float>().ToArray();
        Assert.Equal(1 / (1 + Math.Exp(-2)), v[0], 6);
        Assert.Equal(1 - 1 / (1 + Math.Exp(-2)), v[1], 6);
        Assert.Equal(0.5, v[2], 6);
    }

    [Fact]
    public void FactoryBuildsEveryDeclaredLossWithCoresDefaultsOrTheDeclaredParameters()
    {
        Assert.Equal(Enum.GetValues<LossName>().Order(), LossFactory.Implemented.Order());
        Assert.Equal(Enum.GetValues<LossName>().Order(), LossCatalog.All.Select(d => d.Name).Order());
        var step = Assert.IsType<LogConfidenceLoss>(LossFactory.Create(new LossSpec { Name = LossName.LogConf, Warmup = Warmup.Step, WarmupFrac = 0.1, AuxCoef = 0.75 }));
        Assert.Equal(new AuxWarmup(0.75, 0.1, Warmup.Step), step.Warmup);
        var byDefault = Assert.IsType<LogConfidenceLoss>(LossFactory.Create(new LossSpec { Name = LossName.LogConf }));
        Assert.Equal(new AuxWarmup(0.5, 0.2, Warmup.Linear), byDefault.Warmup);
        Assert.Equal(0.3, Assert.IsType<WindowLoss>(LossFactory.Create(new LossSpec { Name = LossName.Window, Radius = 0.3 })).Radius);
        Assert.Equal(0.1, Assert.IsType<WindowLoss>(LossFactory.Create(new LossSpec { Name = LossName.Window })).Radius);
        var product = Assert.IsType<ProductLoss>(LossFactory.Create(new LossSpec { Name = LossName.Product, Beta = 2 }));
        Assert.Equal((1.0, 2.0), (product.Alpha, product.Beta));
        Assert.IsType<BradleyTerryLoss>(LossFactory.Create(new LossSpec { Name = LossName.BradleyTerry }));
    }
}
