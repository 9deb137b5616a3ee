using Hierarchy.Domain.Issues;

namespace Hierarchy.Grains.Issues;

/// <summary>An issue as it crosses between silos: its facts and its fold, flat. The log stays in the store; the fold is what a caller is answered with.</summary>
[GenerateSerializer, Immutable]
public readonly record struct IssueSurrogate(
    [property: Id(0)] long Id,
    [property: Id(1)] string RequestId,
    [property: Id(2)] string Category,
    [property: Id(3)] int Channel,
    [property: Id(4)] string Description,
    [property: Id(5)] long? HouseholdId,
    [property: Id(6)] long PlaceUnitId,
    [property: Id(7)] long[] Path,
    [property: Id(8)] long?[] ChainUnits,
    [property: Id(9)] string?[] ChainDepartments,
    [property: Id(10)] string[] ChainLevels,
    [property: Id(11)] TimeSpan[] ChainLimits,
    [property: Id(12)] int Status,
    [property: Id(13)] int ChainStep,
    [property: Id(14)] long? OwnerUnit,
    [property: Id(15)] string? OwnerDepartment,
    [property: Id(16)] DateTimeOffset? DueAt,
    [property: Id(17)] DateTimeOffset ReportedAt,
    [property: Id(18)] DateTimeOffset? ResolvedAt,
    [property: Id(19)] int? Rating,
    [property: Id(20)] int ReopenCount,
    [property: Id(21)] int EscalationCount,
    [property: Id(22)] long Version,
    [property: Id(23)] TimeSpan ReplyWithin,
    [property: Id(24)] ChainLinkSurrogate[]? Route,
    [property: Id(25)] DateTimeOffset? RepliedAt,
    [property: Id(26)] DateTimeOffset? ExplainedAt,
    [property: Id(27)] SummonsSurrogate[] Summons,
    [property: Id(28)] int ImproperWhistles,
    [property: Id(29)] long?[] ChainOrganizations,
    [property: Id(30)] long? OwnerOrganization);

/// <summary>A link of a chain in force since a transfer, as it crosses between silos.</summary>
[GenerateSerializer, Immutable]
public readonly record struct ChainLinkSurrogate(
    [property: Id(0)] long? Unit, [property: Id(1)] string? Department, [property: Id(2)] string Level, [property: Id(3)] TimeSpan Limit,
    [property: Id(4)] long? Organization);

/// <summary>A department a whistle called, as it crosses between silos.</summary>
[GenerateSerializer, Immutable]
public readonly record struct SummonsSurrogate(
    [property: Id(0)] string Department, [property: Id(1)] bool Lead, [property: Id(2)] DateTimeOffset SummonedAt, [property: Id(3)] DateTimeOffset DueAt,
    [property: Id(4)] DateTimeOffset? CheckedInAt);

/// <summary>Lets <see cref="Issue"/> be a grain call's answer, through <see cref="IssueSurrogate"/>.</summary>
[RegisterConverter]
public sealed class IssueSurrogateConverter : IConverter<Issue, IssueSurrogate>
{
    /// <inheritdoc />
    public Issue ConvertFromSurrogate(in IssueSurrogate surrogate)
    {
        var chain = new ChainLink[surrogate.ChainLevels.Length];
        for (var i = 0; i < chain.Length; i++)
        {
            chain[i] = new ChainLink(
                new IssueOwner(surrogate.ChainUnits[i], surrogate.ChainDepartments[i], surrogate.ChainOrganizations[i]), surrogate.ChainLevels[i], surrogate.ChainLimits[i]);
        }

        var facts = new IssueFacts(surrogate.Id, surrogate.RequestId, surrogate.Category, (IssueChannel)surrogate.Channel, surrogate.Description,
            surrogate.HouseholdId, surrogate.PlaceUnitId, surrogate.Path, chain, surrogate.ReplyWithin);
        return Issue.Restore(facts, new IssueSnapshot(
            (IssueStatus)surrogate.Status, surrogate.ChainStep, new IssueOwner(surrogate.OwnerUnit, surrogate.OwnerDepartment, surrogate.OwnerOrganization), surrogate.DueAt,
            surrogate.ReportedAt, surrogate.ResolvedAt, (Satisfaction?)surrogate.Rating, surrogate.ReopenCount, surrogate.EscalationCount,
            surrogate.Version, surrogate.Route?.Select(l => new ChainLink(new IssueOwner(l.Unit, l.Department, l.Organization), l.Level, l.Limit)).ToArray(),
            surrogate.RepliedAt, surrogate.ExplainedAt,
            [.. surrogate.Summons.Select(s => new Summons(s.Department, s.Lead, s.SummonedAt, s.DueAt, s.CheckedInAt))], surrogate.ImproperWhistles));
    }

    /// <inheritdoc />
    public IssueSurrogate ConvertToSurrogate(in Issue value)
    {
        var (facts, fold) = (value.Facts, value.Snapshot());
        return new IssueSurrogate(
            facts.Id, facts.RequestId, facts.Category, (int)facts.Channel, facts.Description, facts.HouseholdId, facts.PlaceUnitId, [.. facts.Path],
            [.. facts.Chain.Select(l => l.Owner.UnitId)], [.. facts.Chain.Select(l => l.Owner.DepartmentCode)], [.. facts.Chain.Select(l => l.Level)],
            [.. facts.Chain.Select(l => l.TimeLimit)], (int)fold.Status, fold.ChainStep, fold.Owner.UnitId, fold.Owner.DepartmentCode, fold.DueAt,
            fold.ReportedAt, fold.ResolvedAt, (int?)fold.Rating, fold.ReopenCount, fold.EscalationCount, fold.Version, facts.ReplyWithin,
            fold.Route?.Select(l => new ChainLinkSurrogate(l.Owner.UnitId, l.Owner.DepartmentCode, l.Level, l.TimeLimit, l.Owner.OrganizationId)).ToArray(), fold.RepliedAt,
            fold.ExplainedAt, [.. fold.Summons.Select(s => new SummonsSurrogate(s.DepartmentCode, s.Lead, s.SummonedAt, s.DueAt, s.CheckedInAt))],
            fold.ImproperWhistles, [.. facts.Chain.Select(l => l.Owner.OrganizationId)], fold.Owner.OrganizationId);
    }
}
