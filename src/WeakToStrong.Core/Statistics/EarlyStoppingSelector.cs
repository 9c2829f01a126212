namespace WeakToStrong.Core.Statistics;

/// <summary>
/// Picks the point of an eval schedule an early-stopping variant would have stopped at: the highest score, the
/// earliest such point on a tie (stopping sooner is what early stopping means), NaN scores never chosen.
/// </summary>
public static class EarlyStoppingSelector
{
    /// <returns>The index of the chosen point, or -1 when no point has a score.</returns>
    public static int Best<T>(IReadOnlyList<T> points, Func<T, double> score)
    {
        int best = -1;
        double bestScore = double.NegativeInfinity;
        for (int i = 0; i < points.Count; i++)
        {
            double s = score(points[i]);
            if (double.IsNaN(s)) continue;
            if (best < 0 || s > bestScore) (best, bestScore) = (i, s);
        }
        return best;
    }
}
