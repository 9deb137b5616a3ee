using System.Diagnostics.Metrics;

namespace Hierarchy.Grains.Observability;

/// <summary>The project's own instruments, in the meter <c>Hierarchy</c>: nothing is counted unless a listener (the metrics port, OTLP) is on.</summary>
public static class HierarchyMeter
{
    /// <summary>Gets the meter's name.</summary>
    public const string Name = "Hierarchy";

    /// <summary>Gets the meter.</summary>
    public static Meter Meter { get; } = new(Name);

    /// <summary>Gets the issue steps taken, by action.</summary>
    public static Counter<long> IssueSteps { get; } = Meter.CreateCounter<long>("hierarchy.issue.steps", "{step}", "issue steps taken, by action");

    /// <summary>Gets the escalations and overdue marks made on deadline.</summary>
    public static Counter<long> DeadlineEscalations { get; } =
        Meter.CreateCounter<long>("hierarchy.issue.deadline_escalations", "{escalation}", "issues moved up or marked overdue because a deadline passed");

    /// <summary>Gets the Resolve answers given; a refused Resolve counts in <see cref="CallErrors"/>.</summary>
    public static Counter<long> ResolveAnswers { get; } =
        Meter.CreateCounter<long>("hierarchy.resolve.answers", "{answer}", "Resolve answers given; refused calls count in hierarchy.rpc.errors");

    /// <summary>Gets the calls answered with an error, by method and status.</summary>
    public static Counter<long> CallErrors { get; } = Meter.CreateCounter<long>("hierarchy.rpc.errors", "{call}", "calls answered with an error status, by method and status");
}
