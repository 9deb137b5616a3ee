using Hierarchy.Domain.Organization;

namespace Hierarchy.Grains.Organizations;

/// <summary>One district's zones, property companies and committees: the single writer of their shapes and records; keyed by district id.</summary>
public interface IOrganizationRegistryGrain : IGrainWithIntegerKey
{
    /// <summary>Registers an organisation (id 0) or changes one, after checking it against the tree and the others in force.</summary>
    Task<SavedOrganization> SaveAsync(AttachedOrganization organization, string by);

    /// <summary>更换: retires a property company or committee and registers its successor, recording the replacement.</summary>
    Task<SavedOrganization> ReplaceAsync(long id, AttachedOrganization successor, string by, string note);

    /// <summary>Records an evaluation or an interview of a property company or committee.</summary>
    Task<OrganizationRecord> RecordAsync(OrganizationRecord record);
}

/// <summary>An organisation as stored, and the tree version its change took effect at.</summary>
/// <param name="Organization">Gets the organisation with its id.</param>
/// <param name="Version">Gets the tree version.</param>
[GenerateSerializer, Immutable]
public sealed record SavedOrganization([property: Id(0)] AttachedOrganization Organization, [property: Id(1)] long Version);
