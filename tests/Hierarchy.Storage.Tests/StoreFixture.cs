using Hierarchy.Import;
using Hierarchy.Storage.Providers;
using Hierarchy.Testing;

namespace Hierarchy.Storage.Tests;

/// <summary>A fresh database of one engine with Weidu imported.</summary>
public abstract class StoreFixture : IAsyncLifetime
{
    public StoreSet Stores { get; private set; } = null!;

    public ImportSummary Imported { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        if (!Available)
        {
            return;
        }

        Stores = await StoreSet.OpenAsync(await CreateAsync(), CancellationToken.None);
        Imported = await WeiduSample.ImportAsync(Stores, WeiduSample.SmallPlan with { TotalGrids = 208 });
    }

    public async Task DisposeAsync()
    {
        if (Stores is not null)
        {
            await Stores.DisposeAsync();
        }

        await DropAsync();
    }

    /// <summary>Gets why this engine's tests are skipped here; null when they run.</summary>
    public virtual string? SkipReason => null;

    protected bool Available => SkipReason is null;

    protected abstract Task<Database> CreateAsync();

    protected abstract Task DropAsync();
}

public sealed class SqliteStoreFixture : StoreFixture
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"hierarchy-store-{Guid.NewGuid():N}.db");

    protected override Task<Database> CreateAsync() => Task.FromResult<Database>(new SqliteDatabase($"Data Source={_path}"));

    protected override Task DropAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var file in Directory.GetFiles(Path.GetDirectoryName(_path)!, Path.GetFileName(_path) + "*"))
        {
            File.Delete(file);
        }

        return Task.CompletedTask;
    }
}

public sealed class PostgresStoreFixture : StoreFixture
{
    private string? _connectionString;

    public override string? SkipReason => TestPostgres.SkipReason;

    protected override async Task<Database> CreateAsync()
    {
        _connectionString = await TestPostgres.CreateDatabaseAsync("store");
        return new PostgresDatabase(_connectionString);
    }

    protected override async Task DropAsync()
    {
        if (_connectionString is not null)
        {
            await TestPostgres.DropDatabaseAsync(_connectionString);
        }
    }
}
