using Grpc.Core;
using Hierarchy.Domain.Access;
using Hierarchy.Domain.Errors;
using Hierarchy.Domain.Organization;
using Hierarchy.Domain.ReadModel;
using Hierarchy.Domain.Supervision;
using Hierarchy.Grains.Organizations;
using Hierarchy.Server.Issues;
using Hierarchy.Server.Reorganization;
using Hierarchy.Server.Replication;
using Hierarchy.Server.Security;
using Hierarchy.Storage.Stores;
using Hierarchy.V1;
using AttachedOrganization = Hierarchy.Domain.Organization.AttachedOrganization;
using AttachedOrganizationKind = Hierarchy.Domain.Organization.AttachedOrganizationKind;
using OrganizationRecordKind = Hierarchy.Domain.Organization.OrganizationRecordKind;

namespace Hierarchy.Server.Services;

/// <summary><c>hierarchy.v1.OrganizationService</c>: zones, property companies and committees, written through their district's registry grain.</summary>
public sealed class OrganizationService(
    HierarchyState state, IGrainFactory grains, IAttachedOrganizationStore organizations, HistoricalTrees history, ChangeFeedFollower follower,
    IssueFeed feed, PropertyEvaluation evaluation)
    : V1.OrganizationService.OrganizationServiceBase
{
    /// <inheritdoc/>
    public override async Task<OrganizationReply> RegisterOrganization(RegisterOrganizationRequest request, ServerCallContext context)
    {
        var caller = context.Caller();
        var tree = state.Tree;
        var units = UnitIds(tree, request.UnitIds);
        AccessPolicy.CheckAdminOf(caller, tree, "registering an organisation", units);
        var candidate = new AttachedOrganization(0, (AttachedOrganizationKind)request.Kind, request.Name, tree.UnitAt(tree.DistrictOf(tree.Find(units[0], string.Empty, "unit_ids"))).Id, units,
            [.. request.Categories], request.Contact, request.Phone);
        return await SaveAsync(candidate, caller, context.CancellationToken);
    }

    /// <inheritdoc/>
    public override async Task<OrganizationReply> ChangeOrganization(ChangeOrganizationRequest request, ServerCallContext context)
    {
        var caller = context.Caller();
        var (tree, current) = await InForceAsync(request.OrganizationId, context.CancellationToken);
        var units = UnitIds(tree, request.UnitIds);
        AccessPolicy.CheckAdminOf(caller, tree, "changing an organisation", [.. current.UnitIds.Where(id => tree.TryIndexOf(id, out _)), .. units]);
        var changed = current with
        {
            Name = request.Name,
            UnitIds = units,
            Categories = [.. request.Categories],
            Contact = request.Contact,
            Phone = request.Phone,
        };
        return await SaveAsync(changed, caller, context.CancellationToken);
    }

    /// <inheritdoc/>
    public override async Task<ListOrganizationsResponse> ListOrganizations(ListOrganizationsRequest request, ServerCallContext context)
    {
        await follower.RequireAsync(request.MinConsistencyToken, context.CancellationToken);
        var tree = request.AsOf is null ? state.Tree : await history.AtAsync(request.AsOf.ToDateTimeOffset(), context.CancellationToken);
        var root = tree.Find(request.UnitId, request.UnitCode);
        if (request.Kind != V1.AttachedOrganizationKind.Unspecified && !Enum.IsDefined((AttachedOrganizationKind)request.Kind))
        {
            throw new InvalidFieldException("kind", $"{(int)request.Kind} is not a kind of organisation");
        }

        // Attached within the unit's subtree, or over the unit (the zone of a community, the company of a compound).
        var response = new ListOrganizationsResponse { TreeVersion = tree.Version };
        response.Organizations.AddRange(tree.Organizations
            .Where(o => request.Kind == V1.AttachedOrganizationKind.Unspecified || (int)o.Kind == (int)request.Kind)
            .Where(o => o.UnitIds.Any(id => tree.TryIndexOf(id, out var unit) && (tree.IsInSubtree(unit, root) || tree.IsInSubtree(root, unit))))
            .Select(o => ProtoMapping.Organization(tree, o)));
        return response;
    }

    /// <inheritdoc/>
    public override async Task<V1.OrganizationRecord> EvaluateOrganization(EvaluateOrganizationRequest request, ServerCallContext context)
    {
        var caller = context.Caller();
        var (tree, organization) = await InForceAsync(request.OrganizationId, context.CancellationToken);
        var month = ReportMonth.Parse("month", request.Month);
        AccessPolicy.CheckAdminOf(caller, tree, "evaluating a property company", request.UnitId);
        var record = new Domain.Organization.OrganizationRecord(0, organization.Id, OrganizationRecordKind.Evaluation, default, caller.ToString(),
            month.ToString(), request.Score, request.UnitId, null, request.Note);
        return Record(await Registry(organization).RecordAsync(record).WaitAsync(context.CancellationToken));
    }

    /// <inheritdoc/>
    public override async Task<V1.OrganizationRecord> RecordInterview(RecordInterviewRequest request, ServerCallContext context)
    {
        var caller = context.Caller();
        var (tree, organization) = await InForceAsync(request.OrganizationId, context.CancellationToken);
        CheckOverseesAny(caller, tree, organization, "recording an interview");
        var record = new Domain.Organization.OrganizationRecord(0, organization.Id, OrganizationRecordKind.Interview, default, caller.ToString(),
            null, null, null, null, request.Note);
        return Record(await Registry(organization).RecordAsync(record).WaitAsync(context.CancellationToken));
    }

    /// <inheritdoc/>
    public override async Task<OrganizationReply> ReplaceOrganization(ReplaceOrganizationRequest request, ServerCallContext context)
    {
        var caller = context.Caller();
        var (tree, current) = await InForceAsync(request.OrganizationId, context.CancellationToken);
        var units = request.UnitIds.Count == 0 ? [.. current.UnitIds.Where(id => tree.TryIndexOf(id, out _))] : UnitIds(tree, request.UnitIds);
        AccessPolicy.CheckAdminOf(caller, tree, "replacing an organisation", [.. current.UnitIds.Where(id => tree.TryIndexOf(id, out _)), .. units]);
        var successor = current with
        {
            Name = request.Name,
            Contact = request.Contact,
            Phone = request.Phone,
            UnitIds = units,
            Categories = request.Categories.Count == 0 ? current.Categories : [.. request.Categories],
        };
        var saved = await Registry(current).ReplaceAsync(current.Id, successor, caller.ToString(), request.Note).WaitAsync(context.CancellationToken);
        return await ReplyAsync(saved, context.CancellationToken);
    }

    /// <inheritdoc/>
    public override async Task<OrganizationReport> GetOrganizationReport(GetOrganizationReportRequest request, ServerCallContext context)
    {
        var caller = context.Caller();
        var (tree, organization) = await InForceAsync(request.OrganizationId, context.CancellationToken);
        if (caller.Role != CallerRole.Organization || caller.SubjectId != organization.Id)
        {
            CheckOverseesAny(caller, tree, organization, "reading an organisation's report");
        }

        if (organization.IsZone)
        {
            throw new InvalidFieldException("organization_id", $"{organization.Id} {organization.Name} is a zone; rank zones for their figures");
        }

        var month = ReportMonth.Parse("month", request.Month);
        var tally = await organizations.TallyAsync(organization.Id, month.From, month.To, context.CancellationToken);
        var records = await organizations.RecordsAsync(organization.Id, context.CancellationToken);
        var evaluations = records.Where(r => r.Kind == OrganizationRecordKind.Evaluation && r.Month == month.ToString()).ToList();
        var scores = evaluations.Select(r => r.Score!.Value).ToList();
        var report = new OrganizationReport
        {
            Organization = ProtoMapping.Organization(tree, organization),
            Month = month.ToString(),
            Received = tally.Received,
            HandedOn = tally.HandedOn,
            ResolvedItself = tally.ResolvedItself,
            Late = tally.Late,
            Rated = tally.Rated,
            Satisfied = tally.Satisfied,
            SatisfactionRate = tally.Rated == 0 ? 0 : (double)tally.Satisfied / tally.Rated,
            EvaluationMean = scores.Count == 0 ? 0 : scores.Average(),
            BranchWeight = evaluation.BranchWeight,
        };
        if (evaluation.Score(scores, tally) is { } score)
        {
            (report.Score, report.Scored) = (score, true);
        }

        report.Evaluations.AddRange(evaluations.Select(Record));
        report.Records.AddRange(records.Select(Record));
        return report;
    }

    private async Task<OrganizationReply> SaveAsync(AttachedOrganization candidate, Caller caller, CancellationToken cancellationToken)
    {
        var saved = await Registry(candidate).SaveAsync(candidate, caller.ToString()).WaitAsync(cancellationToken);
        return await ReplyAsync(saved, cancellationToken);
    }

    // This silo reads the change before it answers; the token lets any silo be asked after.
    private async Task<OrganizationReply> ReplyAsync(SavedOrganization saved, CancellationToken cancellationToken)
    {
        feed.Notify();
        var token = await follower.CatchUpAsync(cancellationToken);
        var tree = state.Tree;
        return new OrganizationReply { Organization = ProtoMapping.Organization(tree, saved.Organization), TreeVersion = saved.Version, ConsistencyToken = token };
    }

    private IOrganizationRegistryGrain Registry(AttachedOrganization organization) => grains.GetGrain<IOrganizationRegistryGrain>(organization.DistrictId);

    /// <summary>Gets an organisation in force and the tree it was read from; a change another silo just made is read once before giving up.</summary>
    private async Task<(OrgTreeSnapshot Tree, AttachedOrganization Organization)> InForceAsync(long id, CancellationToken cancellationToken)
    {
        if (id <= 0)
        {
            throw new InvalidFieldException("organization_id", id == 0 ? "is required" : $"{id} is not an organisation id");
        }

        if (state.Tree.OrganizationById(id) is null)
        {
            await follower.CatchUpAsync(cancellationToken);
        }

        var tree = state.Tree;
        return (tree, tree.OrganizationById(id) ?? throw new NotFoundException($"organization {id}"));
    }

    private static long[] UnitIds(OrgTreeSnapshot tree, IReadOnlyCollection<long> ids)
    {
        if (ids.Count == 0)
        {
            throw new InvalidFieldException("unit_ids", "is required");
        }

        foreach (var id in ids.Where(id => !tree.TryIndexOf(id, out _)))
        {
            throw new InvalidFieldException("unit_ids", $"{id} is not a unit in force");
        }

        return [.. ids];
    }

    private static void CheckOverseesAny(Caller caller, OrgTreeSnapshot tree, AttachedOrganization organization, string action)
    {
        if (!AccessPolicy.OverseesAny(caller, tree, organization.UnitIds))
        {
            throw new PermissionDeniedException($"{caller} may not do {action} for organization {organization.Id}: none of its units is in its reach");
        }
    }

    private static V1.OrganizationRecord Record(Domain.Organization.OrganizationRecord r) => new()
    {
        Id = r.Id,
        OrganizationId = r.OrganizationId,
        Kind = (V1.OrganizationRecordKind)r.Kind,
        At = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(r.At),
        By = r.By,
        Month = r.Month ?? string.Empty,
        Score = r.Score ?? 0,
        UnitId = r.UnitId ?? 0,
        SuccessorId = r.SuccessorId ?? 0,
        Note = r.Note,
    };
}
