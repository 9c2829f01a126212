namespace WeakToStrong.Data.Sources;

/// <summary>A connection refused by Core's <see cref="Core.Sources.SourcePins.AddressRefusal"/>; the url source reports it as one line.</summary>
public sealed class RefusedAddressException(string message) : IOException(message);
