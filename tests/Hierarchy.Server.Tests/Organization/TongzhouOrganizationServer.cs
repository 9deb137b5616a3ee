using Hierarchy.Domain.Organization;
using Hierarchy.Server.Startup;
using Hierarchy.Storage.Stores;
using Hierarchy.Testing;

namespace Hierarchy.Server.Tests.Organization;

/// <summary>
/// The Tongzhou sample with a token for each of the first nine attached organisations (organization-1 …): each class that
/// uses it as a class fixture gets its own server.
/// </summary>
public sealed class TongzhouOrganizationServer : SqliteServerFixture
{
    public const string Yuqiao = "110112004";
    public const string Xinhua = "110112002";

    public MovableClock Clock { get; } = new(new DateTimeOffset(2026, 11, 2, 8, 30, 0, TimeSpan.FromHours(8)));

    public OrgTreeState Tree { get; private set; } = null!;

    public OrgUnit Unit(string code) => Tree.Units.Single(u => u.Code == code);

    public IReadOnlyList<OrgUnit> ChildrenOf(string code) => [.. Tree.Units.Where(u => u.ParentId == Unit(code).Id).OrderBy(u => u.Code, StringComparer.Ordinal)];

    /// <summary>Gets the first grid (a compound) of the <paramref name="nth"/> community of a street.</summary>
    public OrgUnit CompoundOf(string street, int nth) => ChildrenOf(ChildrenOf(street)[nth].Code)[0];

    /// <summary>Gets a household of the first building group of a unit's first grid (or of the grid itself).</summary>
    public long HouseholdUnder(OrgUnit unit, int nth = 0)
    {
        var grid = unit.Level == OrgLevel.Grid ? unit : ChildrenOf(unit.Code)[0];
        var group = ChildrenOf(grid.Code)[0];
        var state = Server.State;
        return Enumerable.Range(1, (int)state.Households.Count).Select(i => (long)i)
            .Where(h => state.Households.BuildingGroupOf(h) == group.Id).Skip(nth).First();
    }

    protected override async Task SeedAsync()
    {
        await using var stores = await StorageFactory.OpenAsync(Storage, CancellationToken.None);
        await TongzhouSample.ImportAsync(stores);
        Tree = await stores.Tree.LoadAsync(CancellationToken.None);
    }

    protected override ServerSettings Configure(ServerSettings defaults) => defaults with
    {
        Clock = Clock,
        Tokens = new Dictionary<string, string>(Enumerable.Range(1, 9).Select(id => KeyValuePair.Create($"organization-{id}", $"organization:{id}")))
        {
            ["service"] = "service",
            ["district-admin"] = $"admin:{Tree.Units.Single(u => u.ParentId is null).Id}",
            ["yuqiao-admin"] = $"admin:{Unit(Yuqiao).Id}",
            ["xinhua-admin"] = $"admin:{Unit(Xinhua).Id}",
            ["housing"] = "department:housing",
        },
    };
}
