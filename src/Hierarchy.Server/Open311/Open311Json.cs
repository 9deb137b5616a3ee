using System.Text.Json;
using System.Text.Json.Serialization;

namespace Hierarchy.Server.Open311;

/// <summary>The shapes GeoReport v2 answers with, in its snake_case JSON.</summary>
public static class Open311Json
{
    /// <summary>Gets the serializer options: snake_case names, nulls written as the spec lists every field.</summary>
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };
}

/// <summary>A service: a category of the responsibility list.</summary>
public sealed record Open311Service(
    string ServiceCode, string ServiceName, string Description, bool Metadata, string Type, string Keywords, string Group);

/// <summary>A service definition: the attributes a request of the service may carry.</summary>
public sealed record Open311ServiceDefinition(string ServiceCode, IReadOnlyList<Open311Attribute> Attributes);

/// <summary>One attribute of a service definition.</summary>
public sealed record Open311Attribute(
    bool Variable, string Code, string Datatype, bool Required, string DatatypeDescription, int Order, string Description);

/// <summary>A service request: one issue as GeoReport v2 shows it.</summary>
public sealed record Open311ServiceRequest(
    string ServiceRequestId,
    string Status,
    string? StatusNotes,
    string ServiceName,
    string ServiceCode,
    string Description,
    string? AgencyResponsible,
    string? ServiceNotice,
    DateTimeOffset RequestedDatetime,
    DateTimeOffset? UpdatedDatetime,
    DateTimeOffset? ExpectedDatetime,
    string? Address,
    string? AddressId,
    string? Zipcode,
    double? Lat,
    double? Long,
    string? MediaUrl);

/// <summary>What a POST answers: the new request's id.</summary>
public sealed record Open311Created(string ServiceRequestId, string? ServiceNotice, string? AccountId);

/// <summary>One error, as the spec's error array holds them.</summary>
public sealed record Open311Error(int Code, string Description);
