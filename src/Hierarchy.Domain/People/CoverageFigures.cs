namespace Hierarchy.Domain.People;

/// <summary>One row of the link coverage report (联户覆盖率): a unit's subtree.</summary>
public sealed class CoverageFigures
{
    /// <summary>Gets the unit.</summary>
    public required long UnitId { get; init; }

    /// <summary>Gets the unit's name.</summary>
    public required string Name { get; init; }

    /// <summary>Gets the households.</summary>
    public long Households { get; set; }

    /// <summary>Gets the households linked to a party member.</summary>
    public long Linked { get; set; }

    /// <summary>Gets the party members who belong here.</summary>
    public int Members { get; set; }

    /// <summary>Gets the members linked to fewer households than the policy's least (5).</summary>
    public int MembersBelow { get; set; }

    /// <summary>Gets the members linked to more than the policy's most (10).</summary>
    public int MembersAbove { get; set; }

    /// <summary>Gets the grids.</summary>
    public int Grids { get; set; }

    /// <summary>Gets the grids with fewer households than the range asked for.</summary>
    public int GridsBelow { get; set; }

    /// <summary>Gets the grids with more households than the range asked for.</summary>
    public int GridsAbove { get; set; }

    /// <summary>Gets the share of households linked; 0 when there are none.</summary>
    public double Rate => Households == 0 ? 0 : (double)Linked / Households;
}
