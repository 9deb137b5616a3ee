using System.Buffers;
using Grpc.Core;

namespace Hierarchy.Grpc.Tests;

/// <summary>gRPC's serialization and deserialization contexts over plain buffers, as the transport hands them to a marshaller.</summary>
internal static class WireContexts
{
    public static byte[] Serialize<T>(Marshaller<T> marshaller, T message)
    {
        var context = new Writing();
        marshaller.ContextualSerializer(message, context);
        Assert.True(context.Completed, "the marshaller did not complete the payload");
        Assert.Equal(context.DeclaredLength, context.Buffer.WrittenCount);
        return context.Buffer.WrittenSpan.ToArray();
    }

    public static T Deserialize<T>(Marshaller<T> marshaller, byte[] payload) => marshaller.ContextualDeserializer(new Reading(payload));

    private sealed class Writing : SerializationContext
    {
        public ArrayBufferWriter<byte> Buffer { get; } = new();

        public int? DeclaredLength { get; private set; }

        public bool Completed { get; private set; }

        public override void SetPayloadLength(int payloadLength) => DeclaredLength = payloadLength;

        public override IBufferWriter<byte> GetBufferWriter() => Buffer;

        public override void Complete() => Completed = true;

        public override void Complete(byte[] payload)
        {
            Buffer.Write(payload);
            Completed = true;
        }
    }

    private sealed class Reading(byte[] payload) : DeserializationContext
    {
        public override int PayloadLength => payload.Length;

        public override byte[] PayloadAsNewBuffer() => (byte[])payload.Clone();

        public override ReadOnlySequence<byte> PayloadAsReadOnlySequence() => new(payload);
    }
}
