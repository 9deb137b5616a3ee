namespace Hierarchy.Grains.Reorganization;

/// <summary>What applying a plan made: the tree version, the instant it took effect, and whether this call applied it or an earlier one did.</summary>
/// <param name="Version">Gets the tree version the plan made.</param>
/// <param name="EffectiveAt">Gets when it took effect, in whole milliseconds.</param>
/// <param name="AppliedNow">Gets whether this call applied it.</param>
[GenerateSerializer, Immutable]
public sealed record AppliedReorganization([property: Id(0)] long Version, [property: Id(1)] DateTimeOffset EffectiveAt, [property: Id(2)] bool AppliedNow);
