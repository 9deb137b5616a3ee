using Hierarchy.Domain.Errors;

namespace Hierarchy.Domain.Access;

/// <summary>An authenticated caller.</summary>
/// <param name="Role">Gets the role.</param>
/// <param name="SubjectId">Gets the member id of a member, the unit id of an admin; 0 for a service.</param>
public sealed record Caller(CallerRole Role, long SubjectId)
{
    /// <summary>Parses a role as configuration writes it: <c>service</c>, <c>member:42</c> or <c>admin:7</c>.</summary>
    /// <exception cref="InvalidFieldException">The text is none of these.</exception>
    public static Caller Parse(string text)
    {
        if (text == "service")
        {
            return new Caller(CallerRole.Service, 0);
        }

        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon > 0 && long.TryParse(text.AsSpan(colon + 1), out var id) && id > 0)
        {
            switch (text[..colon])
            {
                case "member":
                    return new Caller(CallerRole.Member, id);
                case "admin":
                    return new Caller(CallerRole.Admin, id);
            }
        }

        throw new InvalidFieldException("Hierarchy:Tokens", $"role '{text}' is not service, member:<id> or admin:<unit id>");
    }

    /// <inheritdoc />
    public override string ToString() => Role == CallerRole.Service ? "service" : $"{Role.ToString().ToLowerInvariant()}:{SubjectId}";
}
