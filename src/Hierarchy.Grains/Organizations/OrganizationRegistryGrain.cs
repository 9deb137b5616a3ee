using Hierarchy.Domain.Errors;
using Hierarchy.Domain.Organization;
using Hierarchy.Domain.ReadModel;
using Hierarchy.Domain.Supervision;
using Hierarchy.Storage.Stores;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Hierarchy.Grains.Organizations;

/// <summary>
/// A district's attached organisations. Writes for the district run one at a time here and check against the organisations
/// read from the store, not a silo's snapshot, which may not yet hold the last change.
/// </summary>
// Activated where the admin's call arrives: that silo's read model is the one the answer's consistency token must cover.
[Orleans.Placement.PreferLocalPlacement]
public sealed class OrganizationRegistryGrain(
    IAttachedOrganizationStore organizations, HierarchyState state, [FromKeyedServices(DomainClock.Key)] TimeProvider clock,
    ILogger<OrganizationRegistryGrain> logger)
    : Grain, IOrganizationRegistryGrain
{
    private const int MaxNote = 2000;

    /// <inheritdoc />
    public async Task<SavedOrganization> SaveAsync(AttachedOrganization organization, string by)
    {
        var inForce = await InForceAsync();
        if (organization.Id != 0)
        {
            var current = Find(inForce, organization.Id);
            if (current.Kind != organization.Kind)
            {
                throw new InvalidFieldException("kind", $"organization {current.Id} is a {current.Kind}; register a new one instead of changing its kind");
            }
        }

        var candidate = Trimmed(organization);
        AttachedOrganizationRules.Check(state.Tree, inForce, candidate);
        var (stored, version) = await GrainBoundary.RunAsync(() => organizations.SaveAsync(candidate, by, Now(), CancellationToken.None), logger);
        return new SavedOrganization(stored, version);
    }

    /// <inheritdoc />
    public async Task<SavedOrganization> ReplaceAsync(long id, AttachedOrganization successor, string by, string note)
    {
        var inForce = await InForceAsync();
        var current = Find(inForce, id);
        if (current.IsZone)
        {
            throw new RuleViolationException($"zone {id} {current.Name} is changed, not replaced: give it its new leader");
        }

        Note(note, required: true, "to replace an organisation");
        var candidate = Trimmed(successor with { Id = 0, Kind = current.Kind, DistrictId = current.DistrictId });
        AttachedOrganizationRules.Check(state.Tree, inForce, candidate, replacing: id);
        var (stored, version) = await GrainBoundary.RunAsync(
            () => organizations.ReplaceAsync(id, candidate, by, Now(), note.Trim(), CancellationToken.None), logger);
        return new SavedOrganization(stored, version);
    }

    /// <inheritdoc />
    public async Task<OrganizationRecord> RecordAsync(OrganizationRecord record)
    {
        var current = Find(await InForceAsync(), record.OrganizationId);
        if (current.IsZone)
        {
            throw new RuleViolationException($"zone {current.Id} {current.Name} is not evaluated or interviewed as a property company is");
        }

        switch (record.Kind)
        {
            case OrganizationRecordKind.Evaluation:
                var month = ReportMonth.Parse("month", record.Month);
                if (record.Score is not (>= 0 and <= 100))
                {
                    throw new InvalidFieldException("score", $"{record.Score} is not a score from 0 to 100");
                }

                if (record.UnitId is not { } unit || !current.UnitIds.Contains(unit))
                {
                    throw new InvalidFieldException("unit_id", $"{record.UnitId} is not a compound {current.Name} serves; its branch evaluates it");
                }

                Note(record.Note, required: false, "to evaluate");
                record = record with { Month = month.ToString() };
                break;
            case OrganizationRecordKind.Interview:
                Note(record.Note, required: true, "to record an interview");
                break;
            default:
                throw new InvalidFieldException("kind", $"{(int)record.Kind} is not EVALUATION (1) or INTERVIEW (2); a replacement is made by ReplaceOrganization");
        }

        var stamped = record with { Id = 0, At = Now(), Note = record.Note.Trim() };
        return await GrainBoundary.RunAsync(() => organizations.RecordAsync(stamped, CancellationToken.None), logger);
    }

    private async Task<IReadOnlyList<AttachedOrganization>> InForceAsync() =>
        await GrainBoundary.RunAsync(() => organizations.CurrentAsync(CancellationToken.None), logger);

    private AttachedOrganization Find(IReadOnlyList<AttachedOrganization> inForce, long id) =>
        inForce.FirstOrDefault(o => o.Id == id && o.DistrictId == this.GetPrimaryKeyLong()) ?? throw new NotFoundException($"organization {id}");

    private static AttachedOrganization Trimmed(AttachedOrganization o) =>
        o with { Name = o.Name.Trim(), Contact = o.Contact.Trim(), Phone = o.Phone.Trim(), Categories = [.. o.Categories.Select(c => c.Trim())] };

    private static void Note(string note, bool required, string action)
    {
        if (required && string.IsNullOrWhiteSpace(note))
        {
            throw new InvalidFieldException("note", $"is required {action}");
        }

        if (note.Length > MaxNote)
        {
            throw new InvalidFieldException("note", $"'{Quote.Prefix(note)}…' is over {MaxNote} characters");
        }
    }

    // Whole milliseconds: what the store keeps, so the answer equals what a later read returns.
    private DateTimeOffset Now() => DateTimeOffset.FromUnixTimeMilliseconds(clock.GetUtcNow().ToUnixTimeMilliseconds());
}
