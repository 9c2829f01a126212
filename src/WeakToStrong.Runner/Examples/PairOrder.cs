using WeakToStrong.Data.Formats;
using WeakToStrong.Data.Rng;

namespace WeakToStrong.Runner.Examples;

/// <summary>
/// Which response of a preference pair a stage presents first, as (a, b). Always chosen-first would make every
/// ground-truth target "a" (a constant a model learns without reading the text), so each pair gets a seeded coin:
/// SplitMix64 keyed by the run seed and the item's id (<see cref="SplitMix64.ForPurpose"/> with purpose
/// "pair-order/&lt;id&gt;"). Nothing else enters, so the same item is presented the same way by every stage of a
/// run (weak training, weak labels, student training, evaluation), whichever split it is in and whatever its
/// position; another run seed gives another, independent order.
/// </summary>
public static class PairOrder
{
    public const string Purpose = "pair-order";

    public static bool ChosenFirst(PairwiseItem item, int runSeed) => ChosenFirst(item.Id, runSeed);

    public static bool ChosenFirst(string id, int runSeed) =>
        SplitMix64.ForPurpose((ulong)(uint)runSeed, Purpose + "/" + id).NextBool();
}
