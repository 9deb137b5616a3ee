namespace Hierarchy.Grains.Responsibility;

/// <summary>What applying a list plan made: the tree version the list took effect at, when, and whether this call applied it.</summary>
/// <param name="Version">Gets the tree version.</param>
/// <param name="EffectiveAt">Gets when it took effect.</param>
/// <param name="AppliedNow">Gets whether this call applied it.</param>
[GenerateSerializer, Immutable]
public sealed record AppliedList([property: Id(0)] long Version, [property: Id(1)] DateTimeOffset EffectiveAt, [property: Id(2)] bool AppliedNow);
