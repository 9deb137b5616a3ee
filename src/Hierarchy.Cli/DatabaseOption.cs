using System.CommandLine;
using Hierarchy.Storage.Providers;

namespace Hierarchy.Cli;

/// <summary>The --database option every command shares: a SQLite file or a PostgreSQL connection string.</summary>
internal static class DatabaseOption
{
    public static Option<string> Create() => new("--database")
    {
        Description = "SQLite file or PostgreSQL connection string (Host=…); env HIERARCHY_DATABASE",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("HIERARCHY_DATABASE") ?? "data/hierarchy.db",
    };

    public static Database Open(string value) => DatabaseSetting.Open(value);
}
