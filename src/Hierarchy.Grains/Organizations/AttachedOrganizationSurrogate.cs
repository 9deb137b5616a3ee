using Hierarchy.Domain.Organization;

namespace Hierarchy.Grains.Organizations;

/// <summary>An attached organisation as it crosses between silos, flat.</summary>
[GenerateSerializer, Immutable]
public readonly record struct AttachedOrganizationSurrogate(
    [property: Id(0)] long Id,
    [property: Id(1)] int Kind,
    [property: Id(2)] string Name,
    [property: Id(3)] long DistrictId,
    [property: Id(4)] long[] UnitIds,
    [property: Id(5)] string[] Categories,
    [property: Id(6)] string Contact,
    [property: Id(7)] string Phone);

/// <summary>Lets <see cref="AttachedOrganization"/> be a grain call's argument and answer.</summary>
[RegisterConverter]
public sealed class AttachedOrganizationSurrogateConverter : IConverter<AttachedOrganization, AttachedOrganizationSurrogate>
{
    /// <inheritdoc />
    public AttachedOrganization ConvertFromSurrogate(in AttachedOrganizationSurrogate s) =>
        new(s.Id, (AttachedOrganizationKind)s.Kind, s.Name, s.DistrictId, s.UnitIds, s.Categories, s.Contact, s.Phone);

    /// <inheritdoc />
    public AttachedOrganizationSurrogate ConvertToSurrogate(in AttachedOrganization value) =>
        new(value.Id, (int)value.Kind, value.Name, value.DistrictId, [.. value.UnitIds], [.. value.Categories], value.Contact, value.Phone);
}
