using System.Globalization;
using Hierarchy.Domain.Organization;
using Hierarchy.Domain.People;
using Hierarchy.Storage.Stores;

namespace Hierarchy.Import;

/// <summary>
/// Synthesises grids (300–500 households), building groups (30–80), households and party members (each linked to 5–10
/// households of its own building group) beneath one real community, seeded by the community's code so that a community
/// comes out the same whichever counties are imported with it.
/// </summary>
internal sealed class CommunitySynthesizer(SynthesisPlan plan, IdSequence unitIds, IdSequence householdIds, IdSequence memberIds)
{
    private static readonly string[] CommunitySuffixes = ["社区居民委员会", "社区居委会", "村民委员会", "村委会", "居民委员会", "居委会"];
    private static readonly string[] Agencies = ["区委组织部", "区住房和城乡建设委员会", "区城市管理委员会", "区水务局", "区卫生健康委员会", "区教育委员会"];

    public SynthesizedCommunity Synthesize(OrgUnit community)
    {
        var random = new Random(plan.Seed ^ (int)(long.Parse(community.Code, CultureInfo.InvariantCulture) % 1_000_000_007));
        var result = new SynthesizedCommunity();
        result.Positions.Add(new Position(community.Id, PositionKind.PartySecretary, SyntheticPeople.Name(random), SyntheticPeople.Mobile(random), null, null));
        if (random.Next(100) < 15)
        {
            result.Positions.Add(new Position(
                community.Id, PositionKind.FirstSecretary, SyntheticPeople.Name(random), SyntheticPeople.Mobile(random), null, Agencies[random.Next(Agencies.Length)]));
        }

        var households = random.Next(plan.MinHouseholdsPerCommunity, plan.MaxHouseholdsPerCommunity + 1);
        var gridCount = plan.GridsPerCommunity?.GetValueOrDefault(community.Code)
            ?? Math.Max(1, (int)Math.Round(households / (double)plan.HouseholdsPerGrid));
        var shortName = ShortName(community.Name);
        var village = community.Kind == UnitKind.Village;
        var building = 0;
        foreach (var (gridSize, g) in Split(households, gridCount).Select((size, i) => (size, i + 1)))
        {
            var grid = new OrgUnit(unitIds.Next(), OrgLevel.Grid, community.Code + g.ToString("D3", CultureInfo.InvariantCulture),
                $"{shortName}第{g}网格党支部", community.Id, 1);
            result.Units.Add(grid);
            var groupCount = Math.Max(1, (int)Math.Round(gridSize / (double)plan.HouseholdsPerBuildingGroup));
            PartyMember? gridChief = null;
            foreach (var (groupSize, b) in Split(gridSize, groupCount).Select((size, i) => (size, i + 1)))
            {
                building++;
                // A village's groups are its villagers' groups (村民小组), numbered within the village.
                var group = village
                    ? new OrgUnit(unitIds.Next(), OrgLevel.BuildingGroup, grid.Code + b.ToString("D3", CultureInfo.InvariantCulture),
                        $"第{building}村民小组", grid.Id, 1)
                    { Kind = UnitKind.ResidentsGroup }
                    : new OrgUnit(unitIds.Next(), OrgLevel.BuildingGroup, grid.Code + b.ToString("D3", CultureInfo.InvariantCulture),
                        $"{building}号楼党小组", grid.Id, 1);
                result.Units.Add(group);
                var leader = SynthesizeBuilding(random, result, group, building, groupSize);
                gridChief ??= leader;
                result.Positions.Add(new Position(group.Id, PositionKind.BuildingLeader, leader.Name, SyntheticPeople.WorkPhone(group.Id), leader.Id, null));
            }

            result.Positions.Add(new Position(grid.Id, PositionKind.GridChief, gridChief!.Name, SyntheticPeople.WorkPhone(grid.Id), gridChief.Id, null));
        }

        return result;
    }

    private PartyMember SynthesizeBuilding(Random random, SynthesizedCommunity result, OrgUnit group, int building, int size)
    {
        var entrances = Math.Max(1, (size + 17) / 18);
        var first = result.Households.Count;
        for (var i = 0; i < size; i++)
        {
            var entrance = (i % entrances) + 1;
            var slot = i / entrances;
            var room = ((slot / 3) + 1) * 100 + (slot % 3) + 1;
            result.Households.Add(new Household(
                householdIds.Next(), group.Id,
                new Address($"{building}号楼", $"{entrance}单元", room.ToString(CultureInfo.InvariantCulture)),
                SyntheticPeople.Name(random), SyntheticPeople.Mobile(random), 1));
        }

        PartyMember? leader = null;
        foreach (var chunk in LinkChunks(random, size))
        {
            var member = new PartyMember(memberIds.Next(), SyntheticPeople.Name(random), SyntheticPeople.Mobile(random), group.Id, 1);
            leader ??= member;
            result.Members.Add(member);
            foreach (var offset in chunk)
            {
                result.Links.Add(new MemberLink(member.Id, result.Households[first + offset].Id));
            }
        }

        return leader!;
    }

    /// <summary>Splits a building's households into runs of 5–10, one per member; a short tail joins the last run when it fits.</summary>
    private static IEnumerable<IEnumerable<int>> LinkChunks(Random random, int size)
    {
        var start = 0;
        while (start < size)
        {
            var take = Math.Min(random.Next(MemberLinkPolicy.Minimum, MemberLinkPolicy.Maximum + 1), size - start);
            var rest = size - start - take;
            if (rest > 0 && rest < MemberLinkPolicy.Minimum && take + rest <= MemberLinkPolicy.Maximum)
            {
                take += rest;
            }

            yield return Enumerable.Range(start, take);
            start += take;
        }
    }

    private static IEnumerable<int> Split(int total, int parts)
    {
        for (var i = 0; i < parts; i++)
        {
            yield return (total / parts) + (i < total % parts ? 1 : 0);
        }
    }

    private static string ShortName(string name)
    {
        foreach (var suffix in CommunitySuffixes)
        {
            if (name.EndsWith(suffix, StringComparison.Ordinal) && name.Length > suffix.Length)
            {
                return name[..^suffix.Length] + (suffix.StartsWith('村') ? "村" : suffix.StartsWith('社') ? "社区" : string.Empty);
            }
        }

        return name;
    }
}
