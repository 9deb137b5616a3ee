using System.Net;
using System.Net.Http.Headers;
using Grpc.Core;

namespace Hierarchy.Server.Tests;

/// <summary>Sends hand-made HTTP/2 requests, for the inputs a well-behaved client never produces.</summary>
public static class RawCall
{
    private static readonly HttpClient Http = new(new SocketsHttpHandler { UseProxy = false });

    public static Task<RawResponse> PostAsync(
        Uri server, string path, byte[] body, string contentType = "application/grpc", params (string Name, string Value)[] headers) =>
        SendAsync(server, path, new ByteArrayContent(body), contentType, headers);

    /// <summary>Sends the body in pieces with a pause after each, as a slow network delivers it.</summary>
    public static Task<RawResponse> PostInPiecesAsync(Uri server, string path, IReadOnlyList<byte[]> pieces, TimeSpan pause) =>
        SendAsync(server, path, new PausingContent(pieces, pause), "application/grpc", []);

    private static async Task<RawResponse> SendAsync(
        Uri server, string path, HttpContent body, string contentType, (string Name, string Value)[] headers)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(server, path))
        {
            Content = body,
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        request.Headers.TryAddWithoutValidation("te", "trailers");
        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        using var response = await Http.SendAsync(request);
        var content = await response.Content.ReadAsByteArrayAsync();
        return new RawResponse(response.StatusCode, Value(response.Headers, "grpc-status") ?? Value(response.TrailingHeaders, "grpc-status"),
            Value(response.Headers, "grpc-message") ?? Value(response.TrailingHeaders, "grpc-message"),
            response.Content.Headers.ContentType?.MediaType, content, Value(response.Headers, "grpc-status") is not null);
    }

    /// <summary>Frames raw bytes as one uncompressed or compressed message.</summary>
    public static byte[] Frame(byte[] payload, bool compressed = false)
    {
        var frame = new byte[5 + payload.Length];
        frame[0] = compressed ? (byte)1 : (byte)0;
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(1), (uint)payload.Length);
        payload.CopyTo(frame, 5);
        return frame;
    }

    private static string? Value(HttpHeaders headers, string name) =>
        headers.TryGetValues(name, out var values) ? values.First() : null;

    private sealed class PausingContent(IReadOnlyList<byte[]> pieces, TimeSpan pause) : HttpContent
    {
        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            foreach (var piece in pieces)
            {
                await stream.WriteAsync(piece);
                await stream.FlushAsync();
                await Task.Delay(pause);
            }
        }

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}

/// <summary>What came back from a raw call.</summary>
public sealed record RawResponse(
    HttpStatusCode HttpStatus, string? GrpcStatus, string? GrpcMessage, string? ContentType, byte[] Body, bool TrailersOnly)
{
    public StatusCode? Status => GrpcStatus is null ? null : (StatusCode)int.Parse(GrpcStatus, System.Globalization.CultureInfo.InvariantCulture);
}
