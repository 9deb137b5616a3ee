using Hierarchy.Domain.Access;
using Hierarchy.Domain.Errors;
using Hierarchy.Domain.ReadModel;
using Hierarchy.Domain.Supervision;
using Hierarchy.Storage.Stores;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Hierarchy.Grains.Supervision;

/// <summary>One district's supervision orders, issued and answered one at a time; the store's version check refuses a second answer.</summary>
public sealed class SupervisionDeskGrain(
    ISupervisionStore orders, HierarchyState state, [FromKeyedServices(DomainClock.Key)] TimeProvider clock, ILogger<SupervisionDeskGrain> logger)
    : Grain, ISupervisionDeskGrain
{
    /// <inheritdoc />
    public Task<SupervisionOrder> IssueAsync(SupervisionOrder order)
    {
        if (order.DistrictId != this.GetPrimaryKeyLong())
        {
            throw new InvalidOperationException($"district {order.DistrictId}'s order came to the desk of district {this.GetPrimaryKeyLong()}");
        }

        order.Validate();
        return GrainBoundary.RunAsync(() => orders.IssueAsync(order, CancellationToken.None), logger);
    }

    /// <inheritdoc />
    public async Task<SupervisionOrder> AnswerAsync(long orderId, string caller, string answer)
    {
        var order = await GrainBoundary.RunAsync(() => orders.GetAsync(orderId, CancellationToken.None), logger);
        var who = Caller.Parse(caller);
        var speaks = order.Target.DepartmentCode is { } department
            ? who.Role == CallerRole.Department && who.DepartmentCode == department
            : who.Role == CallerRole.Admin && AccessPolicy.IsInScope(who, state.Tree, order.Target.UnitId!.Value);
        if (!speaks)
        {
            throw new PermissionDeniedException($"{who} may not answer supervision order {orderId}: it is issued to {order.Target}");
        }

        var answered = order.Answered(clock.GetUtcNow(), caller, answer);
        await GrainBoundary.RunAsync(() => orders.AnswerAsync(answered, order.Version, CancellationToken.None), logger);
        return answered;
    }
}
