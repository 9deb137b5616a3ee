using System.Net;
using System.Net.Sockets;
using System.Text;
using Google.Protobuf;
using Grpc.Core;
using Grpc.Net.Client;
using Hierarchy.Grpc.Client;
using Hierarchy.V1;

namespace Hierarchy.Server.Tests;

/// <summary>The gRPC contract at the socket: what a misbehaving or careless client gets, and that the server goes on serving.</summary>
[Collection(WeiduServerCollection.Name)]
public sealed class ServiceContractTests(WeiduServer weidu)
{
    private const string Resolve = "/hierarchy.v1.ResponsibilityService/Resolve";
    private static readonly (string, string) Service = ("authorization", "Bearer service");

    // Grpc.AspNetCore reports a broken frame header as UNKNOWN; the error map has handlers only, so the library's own words show.
    [Fact]
    public Task Garbage_bytes_get_a_status_naming_what_is_wrong_and_the_server_keeps_serving() =>
        AssertRefusedAsync(Encoding.ASCII.GetBytes("hello, is this gRPC?"), StatusCode.Unknown, "compressed flag");

    [Fact]
    public Task A_frame_declaring_two_gibibytes_is_refused_as_too_large_without_reading_it() =>
        AssertRefusedAsync([0, 0x80, 0, 0, 0], StatusCode.Unknown, "too large: 2147483648");

    [Fact]
    public Task A_frame_declaring_more_than_the_receive_limit_is_resource_exhausted_without_reading_it() =>
        AssertRefusedAsync([0, 0x7F, 0xFF, 0xFF, 0xFF], StatusCode.ResourceExhausted, "exceeds the maximum");

    [Fact]
    public async Task A_truncated_frame_is_an_internal_error()
    {
        var frame = RawCall.Frame(new ResolveRequest { HouseholdId = 1, Category = "sewage" }.ToByteArray());

        var response = await RawCall.PostAsync(weidu.Server.Address, Resolve, frame[..^4], headers: Service);

        Assert.Equal(StatusCode.Internal, response.Status);
        await AssertStillServingAsync();
    }

    [Fact]
    public async Task A_payload_that_is_not_the_request_message_is_an_internal_error_naming_the_message()
    {
        var response = await RawCall.PostAsync(weidu.Server.Address, Resolve, RawCall.Frame([0xFF, 0xFF, 0xFF]), headers: Service);

        Assert.Equal(StatusCode.Internal, response.Status);
        Assert.Contains(nameof(ResolveRequest), response.GrpcMessage, StringComparison.Ordinal);
        await AssertStillServingAsync();
    }

    [Fact]
    public async Task A_message_over_the_four_mebibyte_limit_is_resource_exhausted()
    {
        using var generous = GrpcChannel.ForAddress(weidu.Server.Address, new GrpcChannelOptions { MaxSendMessageSize = 64 * 1024 * 1024 });
        var big = new SearchUnitsRequest { RootUnitId = 1, Query = new string('网', 2 * 1024 * 1024) };

        var error = await Assert.ThrowsAsync<RpcException>(() => generous.Directory().SearchUnitsAsync(big, WeiduServer.As("service")).ResponseAsync);

        Assert.Equal(StatusCode.ResourceExhausted, error.StatusCode);
    }

    [Fact]
    public async Task A_wrong_content_type_is_refused_with_http_415()
    {
        var response = await RawCall.PostAsync(weidu.Server.Address, Resolve, RawCall.Frame([]), "application/json", Service);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.HttpStatus);
        await AssertStillServingAsync();
    }

    [Fact]
    public async Task An_unknown_method_is_unimplemented()
    {
        var response = await RawCall.PostAsync(weidu.Server.Address, "/hierarchy.v1.Nothing/Here", RawCall.Frame([]), headers: Service);

        Assert.Equal(StatusCode.Unimplemented, response.Status);
    }

    [Fact]
    public async Task An_http_1_1_request_on_the_http_2_port_is_refused_and_the_server_keeps_serving()
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(weidu.Server.Address.Host, weidu.Server.Address.Port);
        var stream = tcp.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(
            $"POST {Resolve} HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/grpc\r\nContent-Length: 0\r\n\r\n"));

        var answer = new byte[256];
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var read = await stream.ReadAsync(answer, timeout.Token);

        Assert.True(read > 0, "the server closed the connection without a word");
        Assert.DoesNotContain("HTTP/1.1 200", Encoding.ASCII.GetString(answer, 0, read), StringComparison.Ordinal);
        await AssertStillServingAsync();
    }

    [Fact]
    public async Task A_deadline_that_passes_ends_the_call_with_deadline_exceeded()
    {
        var call = weidu.Channel.Issues().WatchIssues(
            new WatchIssuesRequest { UnitId = 1 }, WeiduServer.As("district-admin").WithDeadline(DateTime.UtcNow.AddMilliseconds(300)));

        var error = await Assert.ThrowsAsync<RpcException>(async () =>
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            while (await call.ResponseStream.MoveNext(timeout.Token))
            {
            }
        });

        Assert.Equal(StatusCode.DeadlineExceeded, error.StatusCode);
    }

    [Fact]
    public async Task A_client_that_resets_its_call_leaves_the_server_serving()
    {
        using var cancel = new CancellationTokenSource();
        var call = weidu.Channel.Issues().WatchIssues(new WatchIssuesRequest { UnitId = 1 }, WeiduServer.As("district-admin").WithCancellationToken(cancel.Token));
        var reading = call.ResponseStream.MoveNext(CancellationToken.None);

        await cancel.CancelAsync();

        var error = await Assert.ThrowsAsync<RpcException>(() => reading.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal(StatusCode.Cancelled, error.StatusCode);
        await AssertStillServingAsync();
    }

    [Fact]
    public async Task A_gzip_compressed_request_is_accepted()
    {
        var options = WeiduServer.As("service");
        options.Headers!.Add("grpc-internal-encoding-request", "gzip");

        var resolution = await weidu.Channel.Responsibility().ResolveAsync(new ResolveRequest { HouseholdId = 1, Category = "sewage" }, options);

        Assert.NotNull(resolution.Owner);
    }

    [Fact]
    public async Task A_page_of_units_comes_back_gzip_compressed_to_a_caller_that_accepts_gzip()
    {
        var frame = RawCall.Frame(new ListChildrenRequest { UnitId = 1 }.ToByteArray());

        var response = await RawCall.PostAsync(
            weidu.Server.Address, "/hierarchy.v1.DirectoryService/ListChildren", frame, headers: [Service, ("grpc-accept-encoding", "gzip")]);

        Assert.Equal(StatusCode.OK, response.Status);
        Assert.Equal(1, response.Body[0]);
    }

    private async Task AssertRefusedAsync(byte[] body, StatusCode status, string named)
    {
        var response = await RawCall.PostAsync(weidu.Server.Address, Resolve, body, headers: Service);

        Assert.Equal(status, response.Status);
        Assert.Contains(named, response.GrpcMessage, StringComparison.Ordinal);
        await AssertStillServingAsync();
    }

    private async Task AssertStillServingAsync()
    {
        var resolution = await weidu.Channel.Responsibility().ResolveAsync(
            new ResolveRequest { HouseholdId = 1, Category = "sewage" }, WeiduServer.As("service").WithDeadline(DateTime.UtcNow.AddSeconds(10)));
        Assert.NotNull(resolution.Owner);
    }
}
