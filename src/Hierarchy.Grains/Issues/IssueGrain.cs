using Hierarchy.Domain.Access;
using Hierarchy.Domain.Errors;
using Hierarchy.Domain.Issues;
using Hierarchy.Domain.ReadModel;
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
    IIssueStore issues, HierarchyState state, [FromKeyedServices(DomainClock.Key)] TimeProvider clock, ILogger<IssueGrain> logger)
    : Grain, IIssueGrain
{
    private Issue? _current;

    /// <inheritdoc />
    public Task<Issue> ActAsync(IssueCommand command)
    {
        var caller = Caller.Parse(command.Caller);
        return StepAsync(command.ExpectedVersion, (issue, now) => Decide(caller, command, issue, now));
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
            default:
                throw new InvalidFieldException("action", $"{(int)command.Action} is not a step of the loop");
        }
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
