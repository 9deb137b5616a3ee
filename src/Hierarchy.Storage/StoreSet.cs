using Hierarchy.Storage.Providers;
using Hierarchy.Storage.Stores;

namespace Hierarchy.Storage;

/// <summary>The stores of one database, opened and migrated.</summary>
public sealed class StoreSet : IAsyncDisposable
{
    private readonly IssueStore _issues;

    private StoreSet(Database database)
    {
        Database = database;
        Tree = new OrgTreeStore(database);
        Households = new HouseholdStore(database);
        Members = new PartyMemberStore(database);
        Issues = _issues = new IssueStore(database);
        Statistics = new IssueStatistics(database);
        Reorganizations = new ReorganizationStore(database);
        Changes = new ChangeFeed(database);
        KeyUnits = new KeyUnitStore(database);
        ResponsibilityLists = new ResponsibilityListStore(database);
        Supervision = new SupervisionStore(database);
        CoBuilding = new CoBuildingStore(database);
        Organizations = new AttachedOrganizationStore(database);
    }

    /// <summary>Gets the engine.</summary>
    public Database Database { get; }

    /// <summary>Gets the org tree store.</summary>
    public IOrgTreeStore Tree { get; }

    /// <summary>Gets the household store.</summary>
    public IHouseholdStore Households { get; }

    /// <summary>Gets the party member store.</summary>
    public IPartyMemberStore Members { get; }

    /// <summary>Gets the issue store.</summary>
    public IIssueStore Issues { get; }

    /// <summary>Gets the issue tallies.</summary>
    public IIssueStatistics Statistics { get; }

    /// <summary>Gets the reorganisation plans.</summary>
    public IReorganizationStore Reorganizations { get; }

    /// <summary>Gets the change feed replicas follow.</summary>
    public IChangeFeed Changes { get; }

    /// <summary>Gets the key unit list.</summary>
    public IKeyUnitStore KeyUnits { get; }

    /// <summary>Gets the responsibility list's plans and history.</summary>
    public IResponsibilityListStore ResponsibilityLists { get; }

    /// <summary>Gets the supervision orders.</summary>
    public ISupervisionStore Supervision { get; }

    /// <summary>Gets the co-building units registered with communities (双报到).</summary>
    public ICoBuildingStore CoBuilding { get; }

    /// <summary>Gets the zones, property companies and committees.</summary>
    public IAttachedOrganizationStore Organizations { get; }

    /// <summary>Opens a database and applies pending schema scripts.</summary>
    public static async Task<StoreSet> OpenAsync(Database database, CancellationToken cancellationToken)
    {
        await database.MigrateAsync(cancellationToken);
        return new StoreSet(database);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        // Commits still queued are written before the database closes.
        await _issues.DisposeAsync();
        if (Database is IAsyncDisposable disposable)
        {
            await disposable.DisposeAsync();
        }
    }
}
