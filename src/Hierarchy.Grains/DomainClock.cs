namespace Hierarchy.Grains;

/// <summary>
/// The clock issue deadlines and events are read from, a keyed service apart from the <see cref="TimeProvider"/> Orleans
/// itself runs on: a test that moves the domain a day forward must not make the silos think each other dead.
/// </summary>
public static class DomainClock
{
    /// <summary>Gets the service key the domain clock is registered under.</summary>
    public const string Key = "hierarchy-clock";
}
