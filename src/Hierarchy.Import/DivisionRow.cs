namespace Hierarchy.Import;

/// <summary>One row of an NBS divisions CSV: a 12-digit code, the published name, the level, the parent's code.</summary>
/// <param name="Code">Gets the 12-digit code.</param>
/// <param name="Name">Gets the name exactly as published.</param>
/// <param name="Level">Gets the level: province, city, county, township or community.</param>
/// <param name="ParentCode">Gets the parent's 12-digit code; empty for a province.</param>
public sealed record DivisionRow(string Code, string Name, string Level, string ParentCode);
