using Hierarchy.Domain.Issues;
using Hierarchy.Domain.Supervision;

namespace Hierarchy.Grains.Supervision;

/// <summary>A supervision order as it crosses between silos, flat.</summary>
[GenerateSerializer, Immutable]
public readonly record struct SupervisionOrderSurrogate(
    [property: Id(0)] long Id,
    [property: Id(1)] long DistrictId,
    [property: Id(2)] long? TargetUnit,
    [property: Id(3)] string? TargetDepartment,
    [property: Id(4)] long? IssueId,
    [property: Id(5)] int Ground,
    [property: Id(6)] string Text,
    [property: Id(7)] string[] CopyTo,
    [property: Id(8)] DateTimeOffset IssuedAt,
    [property: Id(9)] string IssuedBy,
    [property: Id(10)] DateTimeOffset DueAt,
    [property: Id(11)] DateTimeOffset? AnsweredAt,
    [property: Id(12)] string Answer,
    [property: Id(13)] string AnsweredBy,
    [property: Id(14)] long Version);

/// <summary>Lets <see cref="SupervisionOrder"/> be a grain call's argument and answer, through <see cref="SupervisionOrderSurrogate"/>.</summary>
[RegisterConverter]
public sealed class SupervisionOrderSurrogateConverter : IConverter<SupervisionOrder, SupervisionOrderSurrogate>
{
    /// <inheritdoc />
    public SupervisionOrder ConvertFromSurrogate(in SupervisionOrderSurrogate s) => new(
        s.Id, s.DistrictId, new IssueOwner(s.TargetUnit, s.TargetDepartment), s.IssueId, (SupervisionGround)s.Ground, s.Text, s.CopyTo, s.IssuedAt,
        s.IssuedBy, s.DueAt)
    {
        AnsweredAt = s.AnsweredAt,
        Answer = s.Answer,
        AnsweredBy = s.AnsweredBy,
        Version = s.Version,
    };

    /// <inheritdoc />
    public SupervisionOrderSurrogate ConvertToSurrogate(in SupervisionOrder value) => new(
        value.Id, value.DistrictId, value.Target.UnitId, value.Target.DepartmentCode, value.IssueId, (int)value.Ground, value.Text, [.. value.CopyTo],
        value.IssuedAt, value.IssuedBy, value.DueAt, value.AnsweredAt, value.Answer, value.AnsweredBy, value.Version);
}
