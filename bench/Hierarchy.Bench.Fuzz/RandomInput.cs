using System.Collections;
using System.Text;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Google.Protobuf.WellKnownTypes;

namespace Hierarchy.Bench.Fuzz;

/// <summary>Random field values, bounded: mostly small and plausible, sometimes real codes and ids of the sample, sometimes hostile.</summary>
internal sealed class RandomInput(Random random)
{
    private static readonly string[] Plausible =
        ["411002", "411002001", "411002001001", "411002001001001", "sewage", "garbage", "elevator", "noise", "water", "1", "-1", "", " ", "\0"];

    public int Next(int max) => random.Next(max);

    public IMessage Message(MessageDescriptor descriptor, int depth)
    {
        var message = descriptor.Parser.ParseFrom(ByteString.Empty);
        if (descriptor.FullName == Timestamp.Descriptor.FullName)
        {
            // Seconds far outside 0001–9999 and nanos past a second are what a broken client sends.
            var seconds = random.Next(4) == 0 ? Long() : DateTimeOffset.UtcNow.ToUnixTimeSeconds() + random.Next(-400_000_000, 400_000_000);
            return new Timestamp { Seconds = seconds, Nanos = random.Next(8) == 0 ? random.Next() : random.Next(1_000_000_000) };
        }

        foreach (var field in descriptor.Fields.InDeclarationOrder())
        {
            if (random.Next(3) == 0 || field.IsMap || (field.FieldType == FieldType.Message && depth > 3))
            {
                continue;
            }

            if (field.IsRepeated)
            {
                var list = (IList)field.Accessor.GetValue(message);
                var count = random.Next(20) == 0 ? random.Next(2000) : random.Next(4);
                for (var i = 0; i < count; i++)
                {
                    list.Add(Value(field, depth));
                }
            }
            else
            {
                field.Accessor.SetValue(message, Value(field, depth));
            }
        }

        return message;
    }

    private object Value(FieldDescriptor field, int depth) => field.FieldType switch
    {
        FieldType.String => Text(),
        FieldType.Bytes => ByteString.CopyFrom(Bytes()),
        FieldType.Bool => random.Next(2) == 0,
        FieldType.Int64 or FieldType.SInt64 or FieldType.SFixed64 => Long(),
        FieldType.UInt64 or FieldType.Fixed64 => (ulong)Long(),
        FieldType.Int32 or FieldType.SInt32 or FieldType.SFixed32 => (int)Long(),
        FieldType.UInt32 or FieldType.Fixed32 => (uint)Long(),
        FieldType.Double => random.Next(5) == 0 ? double.NaN : (random.NextDouble() - 0.5) * Math.Pow(10, random.Next(20)),
        FieldType.Float => (float)(random.NextDouble() - 0.5),
        FieldType.Enum => System.Enum.ToObject(field.EnumType.ClrType, random.Next(-3, 15)),
        FieldType.Message => Message(field.MessageType, depth + 1),
        _ => throw new NotSupportedException(field.FieldType.ToString()),
    };

    private long Long() => random.Next(8) switch
    {
        0 => 0,
        1 => -random.Next(1, 1000),
        2 => long.MaxValue - random.Next(2),
        3 => long.MinValue + random.Next(2),
        4 => random.NextInt64(),
        _ => random.Next(1, 20_000),
    };

    private string Text()
    {
        if (random.Next(2) == 0)
        {
            return Plausible[random.Next(Plausible.Length)];
        }

        var length = random.Next(100) switch
        {
            0 => random.Next(1 << 20),
            < 10 => random.Next(64, 5000),
            _ => random.Next(24),
        };
        var text = new StringBuilder(length);
        while (text.Length < length)
        {
            // Any code point but a lone surrogate, which no UTF-8 encoder will send.
            var point = random.Next(4) switch
            {
                0 => random.Next(0x20, 0x7F),
                1 => random.Next(0x4E00, 0x9FFF),
                2 => random.Next(0, 0x20),
                _ => random.Next(0x10000, 0x10FFFF),
            };
            text.Append(char.ConvertFromUtf32(point));
        }

        return text.ToString();
    }

    private byte[] Bytes()
    {
        var bytes = new byte[random.Next(64)];
        random.NextBytes(bytes);
        return bytes;
    }
}
