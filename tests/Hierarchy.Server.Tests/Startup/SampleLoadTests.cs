using Hierarchy.Server.Startup;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Hierarchy.Server.Tests.Startup;

/// <summary>A newcomer's first start loads the sample; Ctrl-C in the middle of it must not leave half a city behind.</summary>
public sealed class SampleLoadTests : IDisposable
{
    // As on a fresh clone: the database's folder (data/) does not exist yet.
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"hierarchy-sample-{Guid.NewGuid():N}");

    private string DatabasePath => Path.Combine(_folder, "data", "hierarchy.db");

    [Fact]
    public async Task A_sample_load_cut_short_leaves_no_database_and_the_next_start_loads_the_whole_sample_into_a_folder_it_made()
    {
        var storage = StorageSettings.Parse(DatabasePath);
        using var ctrlC = new CancellationTokenSource();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            SampleData.LoadIntoSqliteFileAsync(storage, new CancelOnProgress(ctrlC), ctrlC.Token));
        Assert.False(File.Exists(DatabasePath));

        var loaded = await SampleData.LoadIntoSqliteFileAsync(storage, NullLogger.Instance, CancellationToken.None);

        Assert.NotNull(loaded);
        await using var stores = await StorageFactory.OpenAsync(storage, CancellationToken.None);
        var tree = await stores.Tree.LoadAsync(CancellationToken.None);
        Assert.Equal(loaded.Streets + loaded.Communities + loaded.Grids + loaded.BuildingGroups + loaded.Districts, tree.Units.Count);
        Assert.False(File.Exists(DatabasePath + ".loading"));
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    /// <summary>Presses Ctrl-C when the load reports its first streets.</summary>
    private sealed class CancelOnProgress(CancellationTokenSource ctrlC) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (formatter(state, exception).Contains("sample:", StringComparison.Ordinal))
            {
                ctrlC.Cancel();
            }
        }
    }
}
