namespace Hierarchy.Storage;

/// <summary>The database cannot be reached or refused the work for now (UNAVAILABLE); retrying later may succeed.</summary>
public sealed class StorageUnavailableException : Exception
{
    /// <summary>Initializes a new instance of the <see cref="StorageUnavailableException"/> class with the driver's exception.</summary>
    public StorageUnavailableException(string message, Exception inner)
        : base(message, inner)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="StorageUnavailableException"/> class without it, to cross a grain boundary.</summary>
    public StorageUnavailableException(string message)
        : base(message)
    {
    }
}
