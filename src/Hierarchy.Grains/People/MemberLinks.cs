using Hierarchy.Domain.People;

namespace Hierarchy.Grains.People;

/// <summary>A member as a link change left it: its version and the households now linked to it, in id order.</summary>
/// <param name="MemberId">Gets the member.</param>
/// <param name="Version">Gets the member's version after the change.</param>
/// <param name="Households">Gets the linked household ids.</param>
/// <param name="Kind">Gets what the member is in the links (ordinary or a central household).</param>
[GenerateSerializer, Immutable]
public sealed record MemberLinks(
    [property: Id(0)] long MemberId, [property: Id(1)] long Version, [property: Id(2)] IReadOnlyList<long> Households, [property: Id(3)] MemberKind Kind);
