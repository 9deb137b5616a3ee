using Hierarchy.Domain.Supervision;

namespace Hierarchy.Grains.Supervision;

/// <summary>督办: a district's desk, the single writer of the supervision orders it issues; keyed by the district's unit id.</summary>
public interface ISupervisionDeskGrain : IGrainWithIntegerKey
{
    /// <summary>Issues an order to a department or unit.</summary>
    Task<SupervisionOrder> IssueAsync(SupervisionOrder order);

    /// <summary>Records the target's answer to an order, if the caller speaks for the target.</summary>
    Task<SupervisionOrder> AnswerAsync(long orderId, string caller, string answer);
}
