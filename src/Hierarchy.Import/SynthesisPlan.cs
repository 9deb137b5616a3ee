namespace Hierarchy.Import;

/// <summary>How much to synthesise beneath each real community; the seed makes every run identical.</summary>
public sealed record SynthesisPlan
{
    /// <summary>Gets the seed. Defaults to 20231130.</summary>
    public int Seed { get; init; } = 20231130;

    /// <summary>Gets the fewest households in a community. Defaults to 600.</summary>
    public int MinHouseholdsPerCommunity { get; init; } = 600;

    /// <summary>Gets the most households in a community. Defaults to 1,600 (≈ 8 million across Beijing's 7,535 communities).</summary>
    public int MaxHouseholdsPerCommunity { get; init; } = 1600;

    /// <summary>Gets the households a grid aims at; grids hold 300–500. Defaults to 400.</summary>
    public int HouseholdsPerGrid { get; init; } = 400;

    /// <summary>Gets the households a building group aims at; groups hold 30–80. Defaults to 55.</summary>
    public int HouseholdsPerBuildingGroup { get; init; } = 55;

    /// <summary>Gets the grids per community when set, instead of sizing grids by households.</summary>
    public IReadOnlyDictionary<string, int>? GridsPerCommunity { get; init; }

    /// <summary>Gets a total number of grids to spread evenly over the imported communities (Weidu had 620); null sizes grids by households.</summary>
    public int? TotalGrids { get; init; }
}
