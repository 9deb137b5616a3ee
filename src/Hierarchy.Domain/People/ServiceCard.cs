using Hierarchy.Domain.Organization;
using Hierarchy.Domain.ReadModel;

namespace Hierarchy.Domain.People;

/// <summary>便民服务卡: whom a building group's households call, nearest first, and the hotlines; positions are public contact points.</summary>
/// <param name="BuildingGroupIndex">Gets the building group's index in the tree.</param>
/// <param name="Contacts">Gets the positions held at the building group, its grid and its community, nearest first.</param>
public sealed record ServiceCard(int BuildingGroupIndex, IReadOnlyList<(string Role, Position Position, int UnitIndex)> Contacts)
{
    /// <summary>Gets the compound's property company and committees, then the community's zone, with their contacts.</summary>
    public IReadOnlyList<AttachedOrganization> Organizations { get; init; } = [];

    /// <summary>Gets what a card calls an organisation of a kind.</summary>
    public static string RoleOf(AttachedOrganizationKind kind) => kind switch
    {
        AttachedOrganizationKind.PropertyCompany => "物业服务企业",
        AttachedOrganizationKind.OwnersCommittee => "业主委员会",
        AttachedOrganizationKind.PropertyManagementCommittee => "物业管理委员会",
        _ => "片区",
    };

    /// <summary>Gets the hotlines every card carries.</summary>
    public static IReadOnlyList<(string Name, string Number)> Hotlines { get; } =
        [("市民服务热线 (接诉即办)", "12345"), ("报警", "110"), ("火警", "119"), ("急救", "120")];

    private static readonly (PositionKind Kind, string Role)[] Roles =
    [
        (PositionKind.BuildingLeader, "楼栋长"), (PositionKind.GridChief, "网格长"), (PositionKind.GridWorker, "网格员"),
        (PositionKind.PartySecretary, "社区书记"), (PositionKind.FirstSecretary, "第一书记"),
    ];

    /// <summary>Gets the text a printed QR code carries: the building group's code, for a client to fetch the card.</summary>
    public static string QrPayload(OrgUnit buildingGroup) => $"hierarchy:service-card?building_group_code={buildingGroup.Code}";

    /// <summary>Builds the card of the building group at <paramref name="index"/>.</summary>
    public static ServiceCard Of(OrgTreeSnapshot tree, int index)
    {
        var contacts = new List<(string, Position, int)>();
        foreach (var unit in tree.AncestorsOf(index).Prepend(index).Where(i => tree.LevelOf(i) >= OrgLevel.Community))
        {
            foreach (var (kind, role) in Roles)
            {
                contacts.AddRange(tree.PositionsAt(unit).Where(p => p.Kind == kind).Select(p => (role, p, unit)));
            }
        }

        var grid = tree.AncestorsOf(index).FirstOrDefault(i => tree.LevelOf(i) == OrgLevel.Grid, -1);
        var community = tree.AncestorsOf(index).FirstOrDefault(i => tree.LevelOf(i) == OrgLevel.Community, -1);
        IEnumerable<AttachedOrganization> organizations = grid >= 0 ? tree.OrganizationsAt(grid).OrderBy(o => o.Kind) : [];
        if (community >= 0 && tree.ZoneOfCommunity(community) is { } zone)
        {
            organizations = organizations.Append(zone);
        }

        return new ServiceCard(index, contacts) { Organizations = [.. organizations] };
    }
}
