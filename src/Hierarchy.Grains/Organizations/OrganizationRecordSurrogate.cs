using Hierarchy.Domain.Organization;

namespace Hierarchy.Grains.Organizations;

/// <summary>An evaluation, interview or replacement as it crosses between silos, flat.</summary>
[GenerateSerializer, Immutable]
public readonly record struct OrganizationRecordSurrogate(
    [property: Id(0)] long Id,
    [property: Id(1)] long OrganizationId,
    [property: Id(2)] int Kind,
    [property: Id(3)] DateTimeOffset At,
    [property: Id(4)] string By,
    [property: Id(5)] string? Month,
    [property: Id(6)] int? Score,
    [property: Id(7)] long? UnitId,
    [property: Id(8)] long? SuccessorId,
    [property: Id(9)] string Note);

/// <summary>Lets <see cref="OrganizationRecord"/> be a grain call's argument and answer.</summary>
[RegisterConverter]
public sealed class OrganizationRecordSurrogateConverter : IConverter<OrganizationRecord, OrganizationRecordSurrogate>
{
    /// <inheritdoc />
    public OrganizationRecord ConvertFromSurrogate(in OrganizationRecordSurrogate s) =>
        new(s.Id, s.OrganizationId, (OrganizationRecordKind)s.Kind, s.At, s.By, s.Month, s.Score, s.UnitId, s.SuccessorId, s.Note);

    /// <inheritdoc />
    public OrganizationRecordSurrogate ConvertToSurrogate(in OrganizationRecord value) =>
        new(value.Id, value.OrganizationId, (int)value.Kind, value.At, value.By, value.Month, value.Score, value.UnitId, value.SuccessorId, value.Note);
}
