using System.Text.Json;
using WeakToStrong.Core.Manifests;
using WeakToStrong.Core.Stages;

namespace WeakToStrong.Core.Tests.Stages;

/// <summary>
/// One instance of every stage parameter record with every property set (no null, no empty collection), so the
/// key-coverage test can change each one. A property added to a record and left null here fails that test.
/// </summary>
public static class StageParameterSamples
{
    static SourceSpec Source(string name) => new()
    {
        Name = name, Npm = "pkg@1.0.0", Deb = "pkg=1.0", Url = "https://example.org/x", Path = "data/x",
        Integrity = "sha512-AAAA", Sha256 = new string('a', 64),
    };

    static ModelSpec Model => new()
    {
        Family = ModelFamily.Gpt2Local, Size = "w64-l2-h2", Weights = Source("weights"), LinearProbe = true, Seeds = [0, 1],
        Training = new TrainingOverrides
        {
            Epochs = 1, BatchSize = 8, MinibatchSize = 4, Lr = 1e-4, MaxCtx = 64, Optimizer = Optimizer.Adam,
            Schedule = Schedule.Constant, Precision = Precision.Bf16, EvalEvery = 5,
        },
    };

    static TrainingSpec Training => new()
    {
        Epochs = 3, BatchSize = 16, MinibatchSize = 4, Lr = 2e-5, MaxCtx = 128, Optimizer = Optimizer.Adam, Schedule = Schedule.Cosine,
        Precision = Precision.Bf16, CeilingSplit = DataSplit.Train1, EvalEvery = 10, EarlyStopping = [EarlyStopping.GroundTruth],
    };

    public static IReadOnlyList<StageParameters> All =>
    [
        new DataParameters("definitions", BuilderVersion: "1", Setting.Classification, [Source("wordnet")],
            new SplitSpec { Seed = 3, Train1 = 10, Train2 = 20, Test = 30, Validation = 5 },
            new Dictionary<string, JsonElement> { ["partsOfSpeech"] = JsonSerializer.SerializeToElement(new[] { "noun" }) }, Seed: 1),
        new PretrainParameters(Model, new PretrainSpec
        {
            Corpus = [Source("brown")], Steps = 10, BatchSize = 4, Ctx = 32, Lr = 1e-3, Precision = Precision.Fp32, Seed = 2,
        }),
        new WeightsParameters(Model),
        new TrainParameters(Model, Training, Setting.Classification, Seed: 1, TrainOn: DataSplit.Train2,
            Loss: new LossSpec
            {
                Name = LossName.LogConf, Label = "logconf-a", AuxCoef = 0.5, Warmup = Warmup.Linear, WarmupFrac = 0.2,
                Alpha = 1, Beta = 1, Radius = 0.1,
            },
            Step: 1),
        new LabelParameters(Model, MaxCtx: 64, Setting.RewardModel, Seed: 0, DataSplit.Train2) { Flip = 0.2, Precision = Precision.Bf16 },
        new FeaturesParameters(Model, MaxCtx: 64, Setting.Classification, DataSeeds: [1, 2], Precision.Bf16),
        new EvaluateParameters([["weak", "strong"]], [["weak", "mid", "strong"]], ["xent"], [0, 1], PgrBaseline.PerSeed) { PairSeeds = [[0, 1, 2]] },
    ];
}
