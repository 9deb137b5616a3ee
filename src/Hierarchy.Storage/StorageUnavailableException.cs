namespace Hierarchy.Storage;

/// <summary>The database cannot be reached or refused the work for now (UNAVAILABLE); retrying later may succeed.</summary>
public sealed class StorageUnavailableException(string message, Exception inner) : Exception(message, inner);
