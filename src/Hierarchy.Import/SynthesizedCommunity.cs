using Hierarchy.Domain.Organization;
using Hierarchy.Domain.People;
using Hierarchy.Storage.Stores;

namespace Hierarchy.Import;

/// <summary>Everything made up beneath one real community.</summary>
internal sealed class SynthesizedCommunity
{
    public List<OrgUnit> Units { get; } = [];

    public List<Position> Positions { get; } = [];

    public List<Household> Households { get; } = [];

    public List<PartyMember> Members { get; } = [];

    public List<MemberLink> Links { get; } = [];
}
