namespace Hierarchy.Domain.Errors;

/// <summary>How an error message quotes a caller's value: a short prefix, so a hostile value cannot fill the message.</summary>
public static class Quote
{
    /// <summary>Gets how many characters of a value a message quotes.</summary>
    public const int Length = 40;

    /// <summary>Gets the value's first <paramref name="length"/> characters, marked with an ellipsis when cut.</summary>
    public static string Prefix(string? value, int length = Length) =>
        value is null ? string.Empty : value.Length <= length ? value : string.Concat(value.AsSpan(0, length), "…");
}
