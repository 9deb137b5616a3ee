using System.Globalization;
using Hierarchy.Domain.Errors;
using Hierarchy.Domain.Organization;
using Hierarchy.Domain.People;
using Hierarchy.Storage;
using Hierarchy.Storage.Stores;

namespace Hierarchy.Import;

/// <summary>
/// Loads real districts, streets and communities for chosen counties and synthesises the levels beneath them,
/// one street per transaction so a large county shows progress and never holds everything in memory.
/// </summary>
public sealed class HierarchyImporter(StoreSet stores)
{
    /// <summary>Imports the counties; refuses a county that is there already.</summary>
    /// <exception cref="InvalidFieldException">A county code is malformed or not in the file.</exception>
    /// <exception cref="RuleViolationException">A county is imported already.</exception>
    public async Task<ImportSummary> ImportAsync(
        IEnumerable<DivisionRow> rows, IReadOnlyCollection<string> countyCodes, SynthesisPlan plan,
        IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        var selection = CountySelection.From(rows, countyCodes);
        plan = Spread(plan, selection);
        var existing = await stores.Tree.LoadAsync(cancellationToken);
        var taken = existing.Units.Where(u => u.Level == OrgLevel.District).Select(u => u.Code).ToHashSet(StringComparer.Ordinal);
        if (selection.Counties.FirstOrDefault(c => taken.Contains(c.Code[..6])) is { } again)
        {
            throw new RuleViolationException($"district {again.Code[..6]} {again.Name} is imported already");
        }

        if (existing.Rules.Count == 0)
        {
            await stores.Tree.SaveMatrixAsync(
                ResponsibilityDefaults.List, new ListChange(DateTimeOffset.UtcNow, "import", null, "the default list shipped in samples/responsibility"),
                cancellationToken);
        }

        var unitIds = new IdSequence(await stores.Tree.MaxUnitIdAsync(cancellationToken));
        var householdIds = new IdSequence(await stores.Households.MaxIdAsync(cancellationToken));
        var memberIds = new IdSequence(await stores.Members.MaxIdAsync(cancellationToken));
        var synthesizer = new CommunitySynthesizer(plan, unitIds, householdIds, memberIds);

        var top = new List<OrgUnit>();
        var topPositions = new List<Position>();
        var streets = new List<(OrgUnit Unit, DivisionRow Row)>();
        foreach (var county in selection.Counties)
        {
            var district = new OrgUnit(unitIds.Next(), OrgLevel.District, county.Code[..6], county.Name, null, 1);
            top.Add(district);
            topPositions.Add(Secretary(plan, district));
            foreach (var row in selection.Streets[county.Code].OrderBy(r => r.Code, StringComparer.Ordinal))
            {
                var street = new OrgUnit(unitIds.Next(), OrgLevel.Street, row.Code[..9], row.Name, district.Id, 1)
                {
                    Kind = UnitKinds.FromName(OrgLevel.Street, row.Name),
                };
                top.Add(street);
                topPositions.Add(Secretary(plan, street));
                streets.Add((street, row));
            }
        }

        var version = await stores.Tree.AddUnitsAsync(top, topPositions, cancellationToken);
        int communities = 0, grids = 0, groups = 0;
        long households = 0, members = 0;
        var done = 0;
        foreach (var (street, row) in streets)
        {
            var units = new List<OrgUnit>();
            var batch = new SynthesizedCommunity();
            foreach (var communityRow in selection.Communities[row.Code].OrderBy(r => r.Code, StringComparer.Ordinal))
            {
                var community = new OrgUnit(unitIds.Next(), OrgLevel.Community, communityRow.Code, communityRow.Name, street.Id, 1)
                {
                    Kind = UnitKinds.FromName(OrgLevel.Community, communityRow.Name),
                };
                units.Add(community);
                var made = synthesizer.Synthesize(community);
                units.AddRange(made.Units);
                batch.Positions.AddRange(made.Positions);
                batch.Households.AddRange(made.Households);
                batch.Members.AddRange(made.Members);
                batch.Links.AddRange(made.Links);
                communities++;
            }

            grids += units.Count(u => u.Level == OrgLevel.Grid);
            groups += units.Count(u => u.Level == OrgLevel.BuildingGroup);
            version = await stores.Tree.AddUnitsAsync(units, batch.Positions, cancellationToken);
            await stores.Households.AddAsync(batch.Households, cancellationToken);
            await stores.Members.AddAsync(batch.Members, batch.Links, cancellationToken);
            households += batch.Households.Count;
            members += batch.Members.Count;
            progress?.Report(new ImportProgress(++done, streets.Count, households, members));
        }

        return new ImportSummary(selection.Counties.Count, streets.Count, communities, grids, groups, households, members, version);
    }

    /// <summary>Turns a total grid count into grids per community: an even share, the remainder to the first communities by code.</summary>
    private static SynthesisPlan Spread(SynthesisPlan plan, CountySelection selection)
    {
        if (plan.TotalGrids is not { } total)
        {
            return plan;
        }

        var communities = selection.Communities.SelectMany(c => c).Select(c => c.Code).Order(StringComparer.Ordinal).ToList();
        if (total < communities.Count)
        {
            throw new InvalidFieldException("total_grids", $"{total} grids cannot cover {communities.Count} communities; each needs one");
        }

        return plan with
        {
            GridsPerCommunity = communities.Select((code, i) => (code, grids: (total / communities.Count) + (i < total % communities.Count ? 1 : 0)))
                .ToDictionary(c => c.code, c => c.grids, StringComparer.Ordinal),
        };
    }

    private static Position Secretary(SynthesisPlan plan, OrgUnit unit)
    {
        var random = new Random(plan.Seed ^ int.Parse(unit.Code, CultureInfo.InvariantCulture));
        return new Position(unit.Id, PositionKind.PartySecretary, SyntheticPeople.Name(random), SyntheticPeople.Mobile(random), null, null);
    }
}
