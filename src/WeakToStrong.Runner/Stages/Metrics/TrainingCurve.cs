using System.Globalization;

namespace WeakToStrong.Runner.Stages.Metrics;

/// <summary>
/// A training stage's loss and learning rate over its optimiser steps (issue 31), compactly: at most
/// <see cref="MaxPoints"/> points, each the mean over <see cref="Every"/> consecutive steps (the last bucket may hold
/// fewer), starting at <see cref="FirstStep"/> (0, or the step a resumed run went on from). Means, not samples: a
/// student stuck at ln 2 or a loss that never moves shows as a flat line, and noise from one step cannot hide it.
/// Losses keep 4 decimals, learning rates 4 significant digits: enough to draw and compare, small in a record
/// (a 50-point curve is about 1 KB of JSON).
/// </summary>
public sealed record TrainingCurve(int FirstStep, int Every, IReadOnlyList<double> Loss, IReadOnlyList<double> Lr)
{
    public const int MaxPoints = 50;

    /// <summary>The curve of <paramref name="losses"/> and <paramref name="rates"/> (one of each per step); null when no step ran.</summary>
    public static TrainingCurve? Of(IReadOnlyList<double> losses, IReadOnlyList<double> rates, int firstStep = 0)
    {
        if (losses.Count == 0) return null;
        if (rates.Count != losses.Count)
            throw new ArgumentException($"{rates.Count} learning rates for {losses.Count} losses", nameof(rates));
        int every = (losses.Count + MaxPoints - 1) / MaxPoints;
        var loss = new List<double>();
        var lr = new List<double>();
        for (int start = 0; start < losses.Count; start += every)
        {
            int n = Math.Min(every, losses.Count - start);
            loss.Add(Math.Round(losses.Skip(start).Take(n).Average(), 4));
            lr.Add(Significant(rates.Skip(start).Take(n).Average()));
        }
        return new TrainingCurve(firstStep, every, loss, lr);
    }

    static double Significant(double x) => double.Parse(x.ToString("G4", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
}
