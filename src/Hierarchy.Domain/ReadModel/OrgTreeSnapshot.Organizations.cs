using Hierarchy.Domain.Organization;

namespace Hierarchy.Domain.ReadModel;

/// <summary>The organisations hung on the tree at this version: zones over communities, first receivers in compounds.</summary>
public sealed partial class OrgTreeSnapshot
{
    private IReadOnlyList<AttachedOrganization> _organizations = [];
    private Dictionary<long, AttachedOrganization> _organizationsById = [];

    // Indexed by unit index and null when nothing is attached, so Resolve pays one null check in a city without them.
    private AttachedOrganization?[]? _zoneOf;
    private AttachedOrganization[]?[]? _receiversAt;

    /// <summary>Gets the organisations in force, by id.</summary>
    public IReadOnlyList<AttachedOrganization> Organizations => _organizations;

    /// <summary>Gets an organisation in force by id; null when there is none.</summary>
    public AttachedOrganization? OrganizationById(long id) => _organizationsById.GetValueOrDefault(id);

    /// <summary>Gets the zone a community belongs to; null when none.</summary>
    public AttachedOrganization? ZoneOfCommunity(int communityIndex) => _zoneOf?[communityIndex];

    /// <summary>Gets the organisations serving a grid-level unit (compound): its property company and committees.</summary>
    public IReadOnlyList<AttachedOrganization> OrganizationsAt(int gridIndex) => _receiversAt?[gridIndex] ?? [];

    /// <summary>Gets the zone that owns <paramref name="category"/> for the place's community; null when none does or the place is above a community.</summary>
    public AttachedOrganization? ZoneOwning(int placeIndex, string category)
    {
        if (_zoneOf is null || LevelOf(placeIndex) < OrgLevel.Community)
        {
            return null;
        }

        var zone = _zoneOf[CommunityOf(placeIndex)];
        return zone is not null && zone.Categories.Contains(category, StringComparer.Ordinal) ? zone : null;
    }

    /// <summary>
    /// Gets the organisation that receives a category first in the place's compound: one that names the category, else one of
    /// the kind the list names for it; null when none does or the place is above a compound.
    /// </summary>
    public AttachedOrganization? FirstReceiverAt(int placeIndex, Responsibility.ResponsibilityRule rule)
    {
        if (_receiversAt is null || LevelOf(placeIndex) < OrgLevel.Grid)
        {
            return null;
        }

        var grid = placeIndex;
        while (LevelOf(grid) > OrgLevel.Grid)
        {
            grid = ParentOf(grid);
        }

        var serving = _receiversAt[grid];
        return serving?.FirstOrDefault(o => o.Categories.Contains(rule.Category, StringComparer.Ordinal))
            ?? serving?.FirstOrDefault(o => o.Kind == rule.FirstReceiver);
    }

    /// <summary>Gets the community a place at or below the community level lies in.</summary>
    public int CommunityOf(int placeIndex)
    {
        var community = placeIndex;
        while (LevelOf(community) > OrgLevel.Community)
        {
            community = ParentOf(community);
        }

        return community;
    }

    private void Attach(IReadOnlyList<AttachedOrganization> organizations)
    {
        _organizations = [.. organizations.OrderBy(o => o.Id)];
        _organizationsById = organizations.ToDictionary(o => o.Id);
        foreach (var organization in _organizations)
        {
            // A unit a reorganisation retired is no longer in the tree: the organisation keeps serving the rest.
            foreach (var index in organization.UnitIds.Select(id => TryIndexOf(id, out var i) ? i : -1).Where(i => i >= 0))
            {
                if (organization.IsZone && LevelOf(index) == OrgLevel.Community)
                {
                    (_zoneOf ??= new AttachedOrganization?[Count])[index] = organization;
                }
                else if (!organization.IsZone && LevelOf(index) == OrgLevel.Grid)
                {
                    var at = (_receiversAt ??= new AttachedOrganization[]?[Count]);
                    at[index] = [.. at[index] ?? [], organization];
                }
            }
        }
    }
}
