using System.Globalization;
using Hierarchy.Domain.Errors;

namespace Hierarchy.Server.Services;

/// <summary>Page sizes and opaque page tokens, checked the same way by every list method.</summary>
internal static class Paging
{
    public static int Size(int requested, int fallback, int maximum, string field = "page_size") => requested switch
    {
        0 => fallback,
        < 0 => throw new InvalidFieldException(field, $"{requested} is negative"),
        _ when requested > maximum => throw new InvalidFieldException(field, $"{requested} is over the maximum of {maximum}"),
        _ => requested,
    };

    public static long Position(string token, string field = "page_token", long maximum = long.MaxValue)
    {
        if (token.Length == 0)
        {
            return 0;
        }

        if (!long.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var position))
        {
            throw new InvalidFieldException(field, $"'{token}' is not a token this server issued");
        }

        // A position token of a list in memory counts places in it; one past its end is no token this server issued.
        return position <= maximum ? position : throw new InvalidFieldException(field, $"'{token}' is past the end of this list");
    }

    public static string Token(long position) => position.ToString(CultureInfo.InvariantCulture);
}
