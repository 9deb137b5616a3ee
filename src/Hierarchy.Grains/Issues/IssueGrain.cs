using Hierarchy.Domain.Access;
using Hierarchy.Domain.Errors;
using Hierarchy.Domain.Issues;
using Hierarchy.Domain.ReadModel;
using Hierarchy.Grains.Observability;
using Hierarchy.Storage.Stores;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Hierarchy.Grains.Issues;

/// <summary>
/// One issue's loop. Steps run one at a time on the fold this activation holds; each commits its events and the new fold
/// with the version it decided on, so a second activation during a membership change, or a reorganisation that rerouted
/// the issue, makes the commit fail instead of writing twice. Who may take a step is checked in the same turn, against this
/// silo's tree.
/// </summary>
// Activated on the silo whose edge took the first step: no extra hop, and a silo's own work stays on it.
[Orleans.Placement.PreferLocalPlacement]
[CollectionAgeLimit(Minutes = 2)]
public sealed class IssueGrain(
    IIssueStore issues, HierarchyState state, WhistlePolicy whistles, [FromKeyedServices(DomainClock.Key)] TimeProvider clock, ILogger<IssueGrain> logger)
    : Grain, IIssueGrain
{
    private Issue? _current;

    /// <inheritdoc />
    public async Task<Issue> ActAsync(IssueCommand command)
    {
        var caller = Caller.Parse(command.Caller);
        var issue = await StepAsync(command.ExpectedVersion, (issue, now) => Decide(caller, command, issue, now));
        HierarchyMeter.IssueSteps.Add(1, new KeyValuePair<string, object?>("action", command.Action.ToString()));
        return issue;
    }

    /// <inheritdoc />
    public async Task<bool> EscalateIfDueAsync()
    {
        var stepped = false;
        await StepAsync(0, (issue, now) =>
        {
            var step = issue.EscalateIfDue(now);
            stepped = step is not null;
            return step is null ? [] : [step];
        });
        if (stepped)
        {
            HierarchyMeter.DeadlineEscalations.Add(1);
        }

        return stepped;
    }

    private IReadOnlyList<IssueEvent> Decide(Caller caller, IssueCommand command, Issue issue, DateTimeOffset now)
    {
        var actor = caller.ToString();
        switch (command.Action)
        {
            case IssueAction.Accept:
                IssueAccess.CheckCanHandle(caller, state, issue, "accept");
                return issue.Accept(now, actor);
            case IssueAction.StartWork:
                IssueAccess.CheckCanHandle(caller, state, issue, "start work on");
                return [issue.StartWork(now, actor)];
            case IssueAction.Escalate:
                IssueAccess.CheckCanHandle(caller, state, issue, "escalate");
                return [issue.Escalate(now, actor, command.Text)];
            case IssueAction.Resolve:
                IssueAccess.CheckCanHandle(caller, state, issue, "resolve");
                return [issue.Resolve(now, actor, command.Text)];
            case IssueAction.Rate:
                IssueAccess.CheckSpeaksForCitizen(caller, state, issue, "rate");
                return [issue.Rate(now, actor, (Satisfaction)command.Rating)];
            case IssueAction.Reopen:
                IssueAccess.CheckSpeaksForCitizen(caller, state, issue, "reopen");
                return [issue.Reopen(now, actor, command.Text)];
            case IssueAction.Transfer:
                IssueAccess.CheckCanTransfer(caller, issue);
                return [Transfer(command, issue, now, actor)];
            case IssueAction.HandBack:
                IssueAccess.CheckCanHandle(caller, state, issue, "hand back");
                return [issue.HandBack(now, actor, command.Text)];
            case IssueAction.Reply:
                IssueAccess.CheckCanHandle(caller, state, issue, "reply on");
                return [issue.Reply(now, actor, command.Text)];
            case IssueAction.Explain:
                IssueAccess.CheckCanHandle(caller, state, issue, "explain");
                return [issue.Explain(now, actor, command.Text)];
            case IssueAction.Whistle:
                whistles.Check(caller, state, issue);
                return [Whistle(command, issue, now, actor)];
            case IssueAction.CheckIn:
                IssueAccess.CheckSpeaksForDepartment(caller, issue, caller.DepartmentCode);
                return [issue.CheckIn(now, actor, caller.DepartmentCode, command.Text)];
            case IssueAction.RuleWhistleImproper:
                AccessPolicy.CheckDistrictAdmin(caller, state.Tree, "ruling on a whistle");
                AccessPolicy.CheckAdminOf(caller, state.Tree, "ruling on a whistle", issue.Facts.PlaceUnitId);
                return [issue.RuleWhistleImproper(now, actor, command.Text)];
            case IssueAction.AssignHelper:
                var helper = command.Helper ?? throw new InvalidFieldException("helper_id", "is required");
                AccessPolicy.CheckAdminOf(caller, state.Tree, "asking a co-building unit to help",
                    issue.Facts.UnitAt(Domain.Organization.OrgLevel.Community) ?? issue.Facts.PlaceUnitId);
                return [issue.AssignHelper(now, actor, (helper.Id, helper.Name, helper.CommunityId), command.Text)];
            case IssueAction.HandOn:
                IssueAccess.CheckCanHandle(caller, state, issue, "hand on");
                return [HandOn(command, issue, now, actor)];
            default:
                throw new InvalidFieldException("action", $"{(int)command.Action} is not a step of the loop");
        }
    }

    private IssueEvent Transfer(IssueCommand command, Issue issue, DateTimeOffset now, string actor)
    {
        var tree = state.Tree;
        var category = command.Category.Length > 0 ? tree.Matrix.RuleFor(command.Category).Category
            : issue.Facts.Category.Length > 0 ? issue.Facts.Category
            : throw new InvalidFieldException("category", "is required: the issue has none yet, and the transfer confirms it (确权)");
        IReadOnlyList<ChainLink> route;
        if (command.TargetDepartment.Length > 0)
        {
            var department = tree.Matrix.KnownDepartment("department_code", command.TargetDepartment);
            route = IssueRouting.RouteToDepartment(tree.Matrix, department, category, issue.Facts.Path[0]);
        }
        else
        {
            route = tree.TryIndexOf(command.TargetUnit, out var unit)
                ? IssueRouting.RouteFrom(tree, unit, category)
                : throw new NotFoundException($"unit {command.TargetUnit}");
        }

        return issue.Transfer(now, actor, category, route, command.Text);
    }

    private IssueEvent HandOn(IssueCommand command, Issue issue, DateTimeOffset now, string actor)
    {
        var tree = state.Tree;
        var community = issue.Facts.UnitAt(Domain.Organization.OrgLevel.Community) is { } id && tree.TryIndexOf(id, out var index) ? index
            : throw new RuleViolationException($"cannot hand on issue {issue.Id}: the community it lies in is not in force");
        return issue.HandOn(now, actor, IssueRouting.RouteFrom(tree, community, issue.Facts.Category), command.Text);
    }

    private IssueEvent Whistle(IssueCommand command, Issue issue, DateTimeOffset now, string actor)
    {
        var list = state.Tree.Matrix;
        if (issue.Facts.Category.Length == 0)
        {
            throw new RuleViolationException($"cannot whistle on issue {issue.Id}: it has no category yet; the dispatch centre confirms one first");
        }

        var rule = list.RuleFor(issue.Facts.Category);
        var named = command.TargetDepartment.Length > 0 || command.Departments is { Length: > 0 };
        var lead = named ? list.KnownDepartment("lead_department", command.TargetDepartment).Code : rule.DepartmentCode;
        var cooperating = named
            ? command.Departments?.Select(code => list.KnownDepartment("cooperating_departments", code).Code).ToArray() ?? []
            : rule.CooperatingDepartments;
        // The edge bounds the time (0 to 30 days) before it becomes a TimeSpan; zero takes the city's setting.
        var within = command.ReportWithin == TimeSpan.Zero ? whistles.ReportWithin : command.ReportWithin;
        return issue.Whistle(now, actor, lead, cooperating, within, command.Text);
    }

    private async Task<Issue> StepAsync(long expectedVersion, Func<Issue, DateTimeOffset, IReadOnlyList<IssueEvent>> decide)
    {
        var id = this.GetPrimaryKeyLong();
        var fresh = _current is null;
        while (true)
        {
            var issue = _current ??= await GrainBoundary.RunAsync(() => issues.GetAsync(id, withEvents: false, CancellationToken.None), logger);
            if (expectedVersion != 0 && issue.Version != expectedVersion)
            {
                if (!fresh)
                {
                    // The caller may have read a write this activation did not make (a reroute): judge by the stored issue.
                    (_current, fresh) = (null, true);
                    continue;
                }

                throw new VersionConflictException($"issue {id}", expectedVersion, issue.Version);
            }

            var events = decide(issue, clock.GetUtcNow());
            try
            {
                await GrainBoundary.RunAsync(() => issues.CommitAsync(issue, events, CancellationToken.None), logger);
                return issue;
            }
            catch (VersionConflictException) when (!fresh)
            {
                // Another writer got there first; decide again on what it wrote.
                (_current, fresh) = (null, true);
            }
            catch
            {
                // A failed commit may have left the fold half-applied in memory: read afresh on the next call.
                _current = null;
                throw;
            }
        }
    }
}
