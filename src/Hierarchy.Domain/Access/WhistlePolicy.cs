using Hierarchy.Domain.Errors;
using Hierarchy.Domain.Issues;
using Hierarchy.Domain.Organization;
using Hierarchy.Domain.ReadModel;

namespace Hierarchy.Domain.Access;

/// <summary>
/// Who may blow the whistle (吹哨) that calls departments in: admins of the levels a city names (the street by default,
/// "街乡吹哨"), its grid workers, and — as Huinan allows — citizens through their linked member; always the platform.
/// </summary>
/// <param name="AdminLevels">Gets the levels whose admins may whistle for issues in their subtree.</param>
/// <param name="GridWorkers">Gets whether grid workers may whistle for issues in their grid.</param>
/// <param name="Citizens">Gets whether a citizen may, through the household's linked member.</param>
/// <param name="ReportWithin">Gets how long a called department has to report (报到) when the whistle names no time.</param>
public sealed record WhistlePolicy(IReadOnlySet<OrgLevel> AdminLevels, bool GridWorkers, bool Citizens, TimeSpan ReportWithin)
{
    /// <summary>Gets how long a called department has to report when the city names no time.</summary>
    public static readonly TimeSpan DefaultReportWithin = TimeSpan.FromHours(2);

    /// <summary>Gets the names a configuration lists whistlers by.</summary>
    public static readonly string[] Names = ["district", "street", "community", "grid", "grid_worker", "citizen"];

    /// <summary>Gets the policy of a city that lets streets whistle (街乡吹哨，部门报到).</summary>
    public static WhistlePolicy StreetsOnly { get; } = new(new HashSet<OrgLevel> { OrgLevel.Street }, GridWorkers: false, Citizens: false, DefaultReportWithin);

    /// <summary>Reads a policy from the names configuration lists.</summary>
    /// <exception cref="InvalidFieldException">A name is not one of <see cref="Names"/>.</exception>
    public static WhistlePolicy Parse(IEnumerable<string> names, TimeSpan reportWithin)
    {
        var levels = new HashSet<OrgLevel>();
        var (workers, citizens) = (false, false);
        foreach (var name in names)
        {
            switch (name)
            {
                case "grid_worker":
                    workers = true;
                    break;
                case "citizen":
                    citizens = true;
                    break;
                case "district" or "street" or "community" or "grid":
                    levels.Add(Enum.Parse<OrgLevel>(name, ignoreCase: true));
                    break;
                default:
                    throw new InvalidFieldException("Hierarchy:Whistlers", $"'{Quote.Prefix(name)}' is not one of {string.Join(", ", Names)}");
            }
        }

        return new WhistlePolicy(levels, workers, citizens, reportWithin);
    }

    /// <summary>Checks the caller may whistle for the issue.</summary>
    /// <exception cref="PermissionDeniedException">It may not.</exception>
    public void Check(Caller caller, HierarchyState state, Issue issue)
    {
        var tree = state.Tree;
        var allowed = caller.Role switch
        {
            CallerRole.Service => true,
            CallerRole.Admin => tree.TryIndexOf(caller.SubjectId, out var unit) && AdminLevels.Contains(tree.LevelOf(unit))
                && AccessPolicy.IsInScope(caller, tree, issue.Facts.PlaceUnitId),
            CallerRole.GridWorker => GridWorkers && AccessPolicy.IsInScope(caller, tree, issue.Facts.PlaceUnitId),
            CallerRole.Member => Citizens && issue.Facts.HouseholdId is { } household && state.Households.MemberOf(household) == caller.SubjectId,
            _ => false,
        };
        if (!allowed)
        {
            throw new PermissionDeniedException(
                $"{caller} may not blow the whistle on issue {issue.Id}: this city lets {string.Join(", ", Describe())} whistle");
        }
    }

    private IEnumerable<string> Describe() =>
        AdminLevels.Order().Select(l => l.ToString().ToLowerInvariant() + " admins")
            .Concat(GridWorkers ? ["grid workers"] : [])
            .Concat(Citizens ? ["citizens"] : [])
            .Append("the platform");
}
