namespace Hierarchy.Domain.Responsibility;

/// <summary>
/// 调度中心 (基层治理服务中心): owns what has no clear owner until a dispatcher confirms ownership (确权) and transfers it by
/// hand, and takes back what an owner hands back as not its job.
/// </summary>
public static class DispatchCentre
{
    /// <summary>Gets the code the centre is known by where an owner is a unit or a department; no department may take it.</summary>
    public const string Code = "dispatch_centre";

    /// <summary>Gets the centre's name.</summary>
    public const string Name = "接诉即办调度中心";

    /// <summary>Gets the level name the centre has in an issue's chain.</summary>
    public const string Level = "DispatchCentre";

    /// <summary>Gets how long the centre has to confirm ownership and transfer.</summary>
    public static readonly TimeSpan ConfirmWithin = TimeSpan.FromHours(4);

    /// <summary>Gets how long after the report the citizen must have a reply when no category gives a deadline.</summary>
    public static readonly TimeSpan ReplyDeadline = TimeSpan.FromDays(1);
}
