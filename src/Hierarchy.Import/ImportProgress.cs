namespace Hierarchy.Import;

/// <summary>How far an import has come.</summary>
/// <param name="Streets">Gets the streets done.</param>
/// <param name="TotalStreets">Gets the streets to do.</param>
/// <param name="Households">Gets the households written so far.</param>
/// <param name="Members">Gets the party members written so far.</param>
public readonly record struct ImportProgress(int Streets, int TotalStreets, long Households, long Members);
