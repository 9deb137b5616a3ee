using Microsoft.AspNetCore.Grpc.JsonTranscoding;
using Microsoft.AspNetCore.Http.Metadata;

namespace Hierarchy.Server.Http;

/// <summary>
/// The largest JSON body a transcoded method reads. Transcoding does not apply the gRPC message limit to JSON, so without
/// this a body up to Kestrel's 30 MB would be parsed whole; routing applies this metadata before the handler reads.
/// </summary>
public sealed class JsonBodyLimit(long bytes) : IRequestSizeLimitMetadata
{
    /// <inheritdoc />
    public long? MaxRequestBodySize => bytes;

    /// <summary>Limits the JSON routes among <paramref name="service"/>'s endpoints to <paramref name="bytes"/>.</summary>
    public static TBuilder On<TBuilder>(TBuilder service, long bytes)
        where TBuilder : IEndpointConventionBuilder
    {
        service.Add(endpoint =>
        {
            if (endpoint.Metadata.OfType<GrpcJsonTranscodingMetadata>().Any())
            {
                endpoint.Metadata.Add(new JsonBodyLimit(bytes));
            }
        });
        return service;
    }
}
