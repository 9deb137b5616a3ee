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

    public static long Position(string token, string field = "page_token")
    {
        if (token.Length == 0)
        {
            return 0;
        }

        return long.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var position)
            ? position
            : throw new InvalidFieldException(field, $"'{token}' is not a token this server issued");
    }

    public static string Token(long position) => position.ToString(CultureInfo.InvariantCulture);
}
