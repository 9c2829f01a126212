namespace WeakToStrong.Provenance.Records;

/// <summary>A run named by a key prefix that more than one record starts with: the user must give more of it.</summary>
public sealed class AmbiguousRunException(string message) : ArgumentException(message);
