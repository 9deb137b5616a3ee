using Google.Protobuf;
using Grpc.Core;
using Hierarchy.Domain.Access;
using Hierarchy.Domain.Errors;
using Hierarchy.Domain.ReadModel;
using Hierarchy.Domain.Responsibility;
using Hierarchy.Grains.Observability;
using Hierarchy.Grpc.WireForm;
using Hierarchy.Server.Reorganization;
using Hierarchy.Server.Replication;
using Hierarchy.Server.Responsibility;
using Hierarchy.Server.Security;
using Hierarchy.V1;

namespace Hierarchy.Server.Services;

/// <summary>
/// <c>hierarchy.v1.ResponsibilityService</c>: answers who is responsible, from memory only. Resolve and ResolveBatch answer
/// with messages assembled from encoded parts, so <see cref="ResponsibilityServiceMethods"/> binds it, not a generated base.
/// </summary>
public sealed class ResponsibilityService(
    HierarchyState state, HierarchyErrorMap errors, HistoricalTrees history, ChangeFeedFollower follower, ServerSettings settings,
    ResponsibilityListWorkflow lists)
{
    // About 500 bytes an answer for a household; answers about units with many positions are larger, so the size is checked too.
    private const int MaxBatch = 5_000;

    // Room kept under the message limit for the answer being written when the check passes.
    private const int MaxAnswerMargin = 256 * 1024;
    private readonly MaskedMemberFields _maskedMembers = new();

    /// <summary>Answers Resolve: at once from the current tree, unless it must wait for a token or asks about the past.</summary>
    public Task<EncodedMessage> Resolve(ResolveRequest request, ServerCallContext context)
    {
        var caller = context.Caller();
        return request.AsOf is null && request.MinConsistencyToken >= 0 && request.MinConsistencyToken <= follower.Position
            ? Task.FromResult(ResolveEncoded(state.Tree, request, caller))
            : ResolveSlowlyAsync(request, caller, context.CancellationToken);
    }

    /// <summary>Resolves one request against one tree snapshot, as a message.</summary>
    internal Hierarchy.V1.Resolution Resolve(OrgTreeSnapshot tree, ResolveRequest request, Caller caller) =>
        Whole(tree, Locate(tree, request), request, caller);

    /// <summary>Resolves one request, encoded from the parts cached for the tree version: the hot path of Resolve.</summary>
    internal EncodedMessage ResolveEncoded(OrgTreeSnapshot tree, ResolveRequest request, Caller caller)
    {
        var resolution = Locate(tree, request);
        HierarchyMeter.ResolveAnswers.Add(1);
        if (resolution.SkippedIndexes.Count > 0 || (tree.Organizations.Count > 0 && resolution.OwnerOrganization is not null))
        {
            // A fallback answer, or an organisation's, depends on the place, not only the owner unit: encode it whole.
            return new EncodedMessage(Whole(tree, resolution, request, caller).ToByteArray());
        }

        // In field-number order, as protobuf writes a message: the same bytes as the answer built whole.
        var messages = SnapshotMessages.For(tree);
        return new EncodedMessage(
            messages.PlaceField(resolution.ReportedIndex),
            messages.OwnerPart(resolution, request.Category),
            LinkedMemberField(tree, request.HouseholdId, caller),
            messages.VersionField);
    }

    /// <summary>Resolves a call that must first wait for its consistency token, or that asks about the past.</summary>
    private async Task<EncodedMessage> ResolveSlowlyAsync(ResolveRequest request, Caller caller, CancellationToken cancellationToken)
    {
        await follower.RequireAsync(request.MinConsistencyToken, cancellationToken);
        if (request.AsOf is null)
        {
            return ResolveEncoded(state.Tree, request, caller);
        }

        var tree = await history.AtAsync(request.AsOf.ToDateTimeOffset(), cancellationToken);
        return new EncodedMessage(Resolve(tree, request, caller).ToByteArray());
    }

    private Domain.Responsibility.Resolution Locate(OrgTreeSnapshot tree, ResolveRequest request) =>
        ResponsibilityResolver.Resolve(tree, Places.Locate(state, tree, request.HouseholdId, request.UnitId, request.UnitCode), request.Category);

    /// <summary>Builds the whole answer as a message, the linked member included.</summary>
    private Hierarchy.V1.Resolution Whole(OrgTreeSnapshot tree, Domain.Responsibility.Resolution resolution, ResolveRequest request, Caller caller) =>
        ProtoMapping.Resolution(tree, resolution, request.Category,
            LinkedEntry(request.HouseholdId) is { } entry ? ProtoMapping.LinkedMember(entry.Member, SeesPersonalData(tree, entry, caller)) : null);

    /// <summary>Gets the member a household named by the request is linked to; null for a unit, or a household with none.</summary>
    private MemberEntry? LinkedEntry(long householdId) =>
        householdId == 0 ? null : state.Members.Get(state.Households.MemberOf(householdId));

    private ReadOnlyMemory<byte> LinkedMemberField(OrgTreeSnapshot tree, long householdId, Caller caller) =>
        LinkedEntry(householdId) is not { } entry ? default
        : SeesPersonalData(tree, entry, caller)
            ? MessageField.Encode(Hierarchy.V1.Resolution.LinkedMemberFieldNumber, ProtoMapping.LinkedMember(entry.Member, personalData: true))
            : _maskedMembers.For(entry);

    private static bool SeesPersonalData(OrgTreeSnapshot tree, MemberEntry entry, Caller caller) =>
        AccessPolicy.SeesPersonalData(caller, tree, entry.Member.UnitId, entry.Member.Id);

    /// <summary>Answers a batch from the same encoded parts as Resolve, written straight into one response.</summary>
    public async Task<EncodedMessage> ResolveBatch(ResolveBatchRequest request, ServerCallContext context)
    {
        var caller = context.Caller();
        await follower.RequireAsync(request.MinConsistencyToken, context.CancellationToken);
        if (request.Requests.Count > MaxBatch)
        {
            throw new InvalidFieldException("requests", $"{request.Requests.Count} items is over the maximum of {MaxBatch}; split the batch");
        }

        var tree = state.Tree;
        if (request.Requests.Select((item, i) => (item, i)).FirstOrDefault(x => x.item.AsOf is not null) is { item: not null } past)
        {
            throw new InvalidFieldException($"requests[{past.i}].as_of", "a batch answers from the current tree; ask Resolve for a past one");
        }

        var response = new EncodedMessageWriter(request.Requests.Count * 512);
        foreach (var (item, i) in request.Requests.Select((item, i) => (item, i)))
        {
            if (response.Length > settings.MaxSendMessageSize - MaxAnswerMargin)
            {
                throw new InvalidFieldException(
                    "requests", $"the answers to the first {i} of {request.Requests.Count} items already fill the {settings.MaxSendMessageSize >> 20} MiB message limit; split the batch");
            }

            try
            {
                var resolution = ResolveEncoded(tree, item, caller);
                response.LengthDelimited(
                    ResolveBatchResponse.ResultsFieldNumber, EncodedMessageWriter.FieldSize(ResolveBatchResult.ResolutionFieldNumber, resolution.Length));
                response.LengthDelimited(ResolveBatchResult.ResolutionFieldNumber, resolution.Length);
                response.Encoded(resolution);
            }
            catch (DomainException e) when (errors.Map(e) is { } status)
            {
                response.Message(ResolveBatchResponse.ResultsFieldNumber, new ResolveBatchResult { ErrorCode = (int)status.StatusCode, ErrorMessage = status.Detail });
            }
        }

        response.Int64(ResolveBatchResponse.TreeVersionFieldNumber, tree.Version);
        return response.ToMessage();
    }

    /// <summary>Answers ListCategories: the responsibility list in force, or as it was at a time.</summary>
    public async Task<ListCategoriesResponse> ListCategories(ListCategoriesRequest request, ServerCallContext context)
    {
        var (list, version) = await lists.AtAsync(request.AsOf?.ToDateTimeOffset(), context.CancellationToken);
        var response = new ListCategoriesResponse { ListVersion = version };
        response.Categories.AddRange(list.Rules.Select(rule => ProtoMapping.Category(list, rule)));
        return response;
    }

    /// <summary>Answers ExportResponsibilityList: the list as the two CSV files an admin edits.</summary>
    public async Task<ResponsibilityListFiles> ExportResponsibilityList(ExportResponsibilityListRequest request, ServerCallContext context)
    {
        var (list, version) = await lists.AtAsync(request.AsOf?.ToDateTimeOffset(), context.CancellationToken);
        return new ResponsibilityListFiles
        {
            DepartmentsCsv = ResponsibilityListCsv.FormatDepartments(list),
            CategoriesCsv = ResponsibilityListCsv.FormatCategories(list),
            ListVersion = version,
        };
    }
}
