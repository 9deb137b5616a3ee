namespace Hierarchy.Storage.Stores;

/// <summary>A stored plan for a new responsibility list: the admin's two files, the list version it was made on, and whether it was applied.</summary>
/// <param name="Id">Gets the plan id.</param>
/// <param name="BaseVersion">Gets the list version in force when it was made.</param>
/// <param name="DepartmentsCsv">Gets the departments file.</param>
/// <param name="CategoriesCsv">Gets the categories file.</param>
/// <param name="Summary">Gets what it changes, in a line.</param>
/// <param name="CreatedBy">Gets who made it.</param>
/// <param name="CreatedAt">Gets when.</param>
/// <param name="AppliedVersion">Gets the tree version its list took effect at; null until applied.</param>
/// <param name="AppliedAt">Gets when it was applied.</param>
/// <param name="AppliedBy">Gets who applied it.</param>
public sealed record ListPlan(
    long Id,
    long BaseVersion,
    string DepartmentsCsv,
    string CategoriesCsv,
    string Summary,
    string CreatedBy,
    DateTimeOffset CreatedAt,
    long? AppliedVersion,
    DateTimeOffset? AppliedAt,
    string? AppliedBy);
