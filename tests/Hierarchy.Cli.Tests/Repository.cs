namespace Hierarchy.Cli.Tests;

/// <summary>The repository's root, found from the test's own directory.</summary>
internal static class Repository
{
    public static string Root { get; } = Find(AppContext.BaseDirectory);

    private static string Find(string directory) =>
        File.Exists(Path.Combine(directory, "Hierarchy.sln")) ? directory
            : Find(Path.GetDirectoryName(directory) ?? throw new DirectoryNotFoundException("Hierarchy.sln is not above the tests"));
}
