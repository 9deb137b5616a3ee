using Hierarchy.Domain.Organization;

namespace Hierarchy.Storage.Stores;

/// <summary>Zones, property companies and committees: their shapes, versioned with the tree, and what is recorded on them.</summary>
public interface IAttachedOrganizationStore
{
    /// <summary>Gets the organisations in force now, read from the store (a silo's snapshot may not have caught up yet).</summary>
    Task<IReadOnlyList<AttachedOrganization>> CurrentAsync(CancellationToken cancellationToken);

    /// <summary>Registers an organisation (id 0) or changes one in force, bumping the tree version; returns it as stored and the version.</summary>
    /// <exception cref="Domain.Errors.NotFoundException">The organisation to change is not in force.</exception>
    Task<(AttachedOrganization Organization, long Version)> SaveAsync(AttachedOrganization organization, string by, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>更换: retires an organisation and registers its successor in one step, recording the replacement; returns the successor and the version.</summary>
    /// <exception cref="Domain.Errors.NotFoundException">The organisation to replace is not in force.</exception>
    Task<(AttachedOrganization Successor, long Version)> ReplaceAsync(
        long id, AttachedOrganization successor, string by, DateTimeOffset at, string note, CancellationToken cancellationToken);

    /// <summary>Records an evaluation or an interview; returns it with its id.</summary>
    Task<OrganizationRecord> RecordAsync(OrganizationRecord record, CancellationToken cancellationToken);

    /// <summary>Gets what is recorded on an organisation, oldest first.</summary>
    Task<IReadOnlyList<OrganizationRecord>> RecordsAsync(long organizationId, CancellationToken cancellationToken);

    /// <summary>Counts what a first receiver did with the issues reported in [<paramref name="from"/>, <paramref name="to"/>) that it received first.</summary>
    Task<OrganizationTally> TallyAsync(long organizationId, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken);
}
