using Google.Protobuf;
using Grpc.Core;

namespace Hierarchy.Grpc.WireForm;

/// <summary>Marshallers for generated protobuf messages, for methods bound by hand beside an encoded response.</summary>
public static class ProtobufMarshaller
{
    /// <summary>Creates the marshaller of <typeparamref name="T"/>, writing into and parsing from gRPC's buffers without a copy.</summary>
    public static Marshaller<T> For<T>(MessageParser<T> parser)
        where T : IMessage<T>, IBufferMessage => Marshallers.Create<T>(
            (message, context) =>
            {
                context.SetPayloadLength(message.CalculateSize());
                message.WriteTo(context.GetBufferWriter());
                context.Complete();
            },
            context => Parse(parser, context));

    private static T Parse<T>(MessageParser<T> parser, DeserializationContext context)
        where T : IMessage<T>
    {
        try
        {
            return parser.ParseFrom(context.PayloadAsReadOnlySequence());
        }
        catch (InvalidProtocolBufferException e)
        {
            // A payload that is not the request message is the caller's broken frame, not a fault of the handler.
            throw new RpcException(new Status(StatusCode.Internal, $"the request is not a {typeof(T).Name} message: {e.Message}"));
        }
    }
}
