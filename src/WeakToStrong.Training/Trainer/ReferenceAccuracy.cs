namespace WeakToStrong.Training.Trainer;

/// <summary>Accuracy as the reference's eval computes it: argmax(p) == argmax(y), a tie going to class 0.</summary>
public static class ReferenceAccuracy
{
    public static int ArgMax(IReadOnlyList<float> p) => p[1] > p[0] ? 1 : 0;

    public static double Accuracy(IReadOnlyList<float[]> predictions, IReadOnlyList<float[]> labels)
    {
        if (predictions.Count != labels.Count) throw new ArgumentException("Predictions and labels differ in count.");
        if (predictions.Count == 0) return double.NaN;
        int hits = 0;
        for (int i = 0; i < predictions.Count; i++)
            if (ArgMax(predictions[i]) == ArgMax(labels[i])) hits++;
        return (double)hits / predictions.Count;
    }

    /// <summary>Fraction of examples on which two models' predicted classes agree (student–supervisor agreement).</summary>
    public static double Agreement(IReadOnlyList<float[]> a, IReadOnlyList<float[]> b) => Accuracy(a, b);
}
