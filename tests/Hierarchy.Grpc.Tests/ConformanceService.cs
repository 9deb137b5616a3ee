using Google.Protobuf.Reflection;
using Hierarchy.Grpc.Protocol;
using Hierarchy.Grpc.Server;
using Hierarchy.Testing.V1;

namespace Hierarchy.Grpc.Tests;

/// <summary>The test service: each method exercises one behaviour of the protocol layer.</summary>
public sealed class ConformanceService : IGrpcService, IDescribedService
{
    public static readonly Method<EchoRequest, EchoReply> Echo = Method<EchoRequest, EchoReply>.From(Descriptor, "Echo");
    public static readonly Method<CountRequest, CountReply> Count = Method<CountRequest, CountReply>.From(Descriptor, "Count");
    public static readonly Method<SumRequest, SumReply> Sum = Method<SumRequest, SumReply>.From(Descriptor, "Sum");
    public static readonly Method<EchoRequest, EchoReply> Chat = Method<EchoRequest, EchoReply>.From(Descriptor, "Chat");
    public static readonly Method<FailRequest, EchoReply> Fail = Method<FailRequest, EchoReply>.From(Descriptor, "Fail");
    public static readonly Method<WaitRequest, EchoReply> Wait = Method<WaitRequest, EchoReply>.From(Descriptor, "Wait");

    public static ServiceDescriptor Descriptor => ConformanceReflection.Descriptor.Services[0];

    /// <summary>Gets a signal set when a Wait call saw its cancellation token fire.</summary>
    public TaskCompletionSource WaitCancelled { get; private set; } = NewSignal();

    /// <summary>Gets a signal that releases Wait calls that ignore cancellation.</summary>
    public TaskCompletionSource ReleaseIgnoringWaits { get; private set; } = NewSignal();

    /// <summary>Gets a signal set when a Wait call that ignored cancellation finally returned.</summary>
    public TaskCompletionSource IgnoringWaitReturned { get; private set; } = NewSignal();

    public void Reset()
    {
        WaitCancelled = NewSignal();
        ReleaseIgnoringWaits = NewSignal();
        IgnoringWaitReturned = NewSignal();
    }

    public void Bind(ServiceBinder binder) => binder
        .Unary(Echo, (request, context) => ValueTask.FromResult(EchoOf(request, context)))
        .ServerStreaming(Count, CountAsync)
        .ClientStreaming(Sum, SumAsync)
        .DuplexStreaming(Chat, ChatAsync)
        .Unary(Fail, FailAsync)
        .Unary(Wait, WaitAsync);

    private static EchoReply EchoOf(EchoRequest request, ServerCallContext context)
    {
        var reply = new EchoReply { Text = request.Text, PayloadSize = request.Payload.Length };
        if (context.GetMetadata("authorization") is { } authorization)
        {
            reply.Metadata["authorization"] = authorization;
        }

        return reply;
    }

    private static async Task CountAsync(CountRequest request, IServerStreamWriter<CountReply> responses, ServerCallContext context)
    {
        for (var i = 0; i < Math.Abs(request.Count); i++)
        {
            await responses.WriteAsync(new CountReply { Value = i }, context.CancellationToken);
        }

        if (request.Count < 0)
        {
            throw new RpcException(StatusCode.OutOfRange, $"count {request.Count} is negative; sent {-request.Count} before failing");
        }
    }

    private static async ValueTask<SumReply> SumAsync(IAsyncEnumerable<SumRequest> requests, ServerCallContext context)
    {
        var reply = new SumReply();
        await foreach (var request in requests)
        {
            reply.Total += request.Value;
            reply.Messages++;
        }

        return reply;
    }

    private static async Task ChatAsync(
        IAsyncEnumerable<EchoRequest> requests, IServerStreamWriter<EchoReply> responses, ServerCallContext context)
    {
        await foreach (var request in requests)
        {
            await responses.WriteAsync(EchoOf(request, context), context.CancellationToken);
        }
    }

    private static ValueTask<EchoReply> FailAsync(FailRequest request, ServerCallContext context)
    {
        if (request.Unexpected)
        {
            throw new InvalidOperationException("secret internal detail that must not reach the client");
        }

        throw new RpcException((StatusCode)request.Code, request.Message);
    }

    private async ValueTask<EchoReply> WaitAsync(WaitRequest request, ServerCallContext context)
    {
        if (request.IgnoreCancellation)
        {
            await ReleaseIgnoringWaits.Task;
            IgnoringWaitReturned.TrySetResult();
            return new EchoReply { Text = "released" };
        }

        try
        {
            await Task.Delay(Timeout.Infinite, context.CancellationToken);
        }
        catch (OperationCanceledException)
        {
            WaitCancelled.TrySetResult();
            throw;
        }

        return new EchoReply();
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
