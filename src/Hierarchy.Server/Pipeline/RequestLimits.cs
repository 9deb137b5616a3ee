using System.Collections.Concurrent;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Google.Protobuf.WellKnownTypes;
using Hierarchy.Domain.Errors;

namespace Hierarchy.Server.Pipeline;

/// <summary>
/// What each request field may carry, checked before any handler runs. Text is bounded: codes, ids, tokens, names and
/// phones are short; a description, reason or note is free text with a bound of its own. Unbounded text would be stored,
/// shown in every later answer and echoed in errors, so it is refused at the edge, naming the field and its limit. A time
/// must be one: a Timestamp outside 0001–9999 or with nanos past a second is refused the same way.
/// </summary>
public static class RequestLimits
{
    /// <summary>Gets the limit of a string field not named below, in characters.</summary>
    public const int ShortText = 64;

    /// <summary>Gets the fields allowed more than <see cref="ShortText"/> (free text, idempotency keys, unit names), with their limits in characters.</summary>
    public static IReadOnlyDictionary<string, int> LongerFields { get; } = new Dictionary<string, int>(StringComparer.Ordinal)
    {
        ["description"] = 2_000,
        ["reason"] = 1_000,
        ["note"] = 2_000,
        ["text"] = 2_000,
        ["answer"] = 2_000,
        ["request_id"] = 100,
        // The planner's own rule for a unit's new name; the edge must not refuse what it accepts.
        ["name"] = 100,
        // A responsibility list of a few hundred categories.
        ["departments_csv"] = 64 * 1024,
        ["categories_csv"] = 512 * 1024,
    };

    private static readonly ConcurrentDictionary<MessageDescriptor, Check[]> Checks = new();
    private static readonly long MinSeconds = DateTimeOffset.MinValue.ToUnixTimeSeconds();
    private static readonly long MaxSeconds = DateTimeOffset.MaxValue.ToUnixTimeSeconds();

    /// <summary>Checks every string and time in <paramref name="message"/>, nested messages included.</summary>
    /// <exception cref="InvalidFieldException">A field is longer than its limit, or no time; the message names the field path.</exception>
    public static void Enforce(IMessage message) => Enforce(message, prefix: string.Empty);

    private static void Enforce(IMessage message, string prefix)
    {
        foreach (var check in Checks.GetOrAdd(message.Descriptor, Plan))
        {
            var value = check.Field.Accessor.GetValue(message);
            if (check.Field.IsRepeated)
            {
                var i = 0;
                foreach (var item in (System.Collections.IEnumerable)value)
                {
                    Enforce(check, item, $"{prefix}{check.Field.Name}[{i++}]");
                }
            }
            else if (value is not null)
            {
                Enforce(check, value, prefix + check.Field.Name);
            }
        }
    }

    private static void Enforce(Check check, object value, string path)
    {
        if (value is string text)
        {
            if (text.Length > check.Limit)
            {
                throw new InvalidFieldException(path, $"is {text.Length} characters long; at most {check.Limit} are allowed");
            }
        }
        else if (value is Timestamp time)
        {
            if (time.Seconds < MinSeconds || time.Seconds > MaxSeconds || time.Nanos is < 0 or >= 1_000_000_000)
            {
                throw new InvalidFieldException(path, $"seconds {time.Seconds} and nanos {time.Nanos} are not a time between 0001 and 9999");
            }
        }
        else
        {
            Enforce((IMessage)value, path + ".");
        }
    }

    // Only the fields that hold text or times, directly or in a nested message, are worth a look on every call.
    private static Check[] Plan(MessageDescriptor descriptor) =>
    [
        .. descriptor.Fields.InFieldNumberOrder()
            .Where(f => f.FieldType == FieldType.String || (f.FieldType == FieldType.Message && IsChecked(f.MessageType, [])))
            .Select(f => new Check(f, f.FieldType == FieldType.String ? LongerFields.GetValueOrDefault(f.Name, ShortText) : 0)),
    ];

    private static bool IsChecked(MessageDescriptor descriptor, HashSet<MessageDescriptor> seen) =>
        descriptor == Timestamp.Descriptor || (seen.Add(descriptor) && descriptor.Fields.InFieldNumberOrder().Any(f =>
            f.FieldType == FieldType.String || (f.FieldType == FieldType.Message && IsChecked(f.MessageType, seen))));

    private sealed record Check(FieldDescriptor Field, int Limit);
}
