namespace Hierarchy.Storage.Providers;

/// <summary>A checked statement of a group commit touched no row: the row moved on since the write was decided.</summary>
public sealed class RowCountMismatchException() : Exception("a checked statement touched no row");
