namespace Hierarchy.Cli;

/// <summary>How wide text shows in a terminal: a Chinese character takes two columns, so tables pad by width, not length.</summary>
internal static class DisplayWidth
{
    /// <summary>Gets the columns the text takes.</summary>
    public static int Of(string text)
    {
        var width = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            width += IsWide(rune.Value) ? 2 : 1;
        }

        return width;
    }

    /// <summary>Pads on the right to <paramref name="columns"/> columns.</summary>
    public static string PadRight(string text, int columns) => text + new string(' ', Math.Max(0, columns - Of(text)));

    /// <summary>Pads on the left to <paramref name="columns"/> columns.</summary>
    public static string PadLeft(string text, int columns) => new string(' ', Math.Max(0, columns - Of(text))) + text;

    // East Asian Wide and Fullwidth ranges (Unicode UAX #11) that Chinese text uses.
    private static bool IsWide(int c) =>
        c is >= 0x1100 and <= 0x115F or >= 0x2E80 and <= 0x303E or >= 0x3041 and <= 0x33FF or >= 0x3400 and <= 0x4DBF
            or >= 0x4E00 and <= 0x9FFF or >= 0xA000 and <= 0xA4CF or >= 0xAC00 and <= 0xD7A3 or >= 0xF900 and <= 0xFAFF
            or >= 0xFE30 and <= 0xFE4F or >= 0xFF00 and <= 0xFF60 or >= 0xFFE0 and <= 0xFFE6 or >= 0x20000 and <= 0x3FFFD;
}
