using Hierarchy.Domain.Errors;

namespace Hierarchy.Domain.Access;

/// <summary>An authenticated caller.</summary>
/// <param name="Role">Gets the role.</param>
/// <param name="SubjectId">Gets the member id of a member, the unit id of an admin or grid worker, the organisation id of an organisation's staff; 0 for the others.</param>
/// <param name="DepartmentCode">Gets the department of department staff; empty for the others.</param>
public sealed record Caller(CallerRole Role, long SubjectId, string DepartmentCode = "")
{
    /// <summary>
    /// Parses a role as configuration writes it: <c>service</c>, <c>dispatcher</c>, <c>member:42</c>, <c>admin:7</c>,
    /// <c>worker:12</c> (a grid's unit id), <c>organization:3</c> (an attached organisation's id) or <c>department:urban_management</c>.
    /// </summary>
    /// <exception cref="InvalidFieldException">The text is none of these.</exception>
    public static Caller Parse(string text)
    {
        switch (text)
        {
            case "service":
                return new Caller(CallerRole.Service, 0);
            case "dispatcher":
                return new Caller(CallerRole.Dispatcher, 0);
        }

        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon > 0 && text[..colon] == "department" && IsCode(text.AsSpan(colon + 1)))
        {
            return new Caller(CallerRole.Department, 0, text[(colon + 1)..]);
        }

        if (colon > 0 && long.TryParse(text.AsSpan(colon + 1), out var id) && id > 0)
        {
            switch (text[..colon])
            {
                case "member":
                    return new Caller(CallerRole.Member, id);
                case "admin":
                    return new Caller(CallerRole.Admin, id);
                case "worker":
                    return new Caller(CallerRole.GridWorker, id);
                case "organization":
                    return new Caller(CallerRole.Organization, id);
            }
        }

        throw new InvalidFieldException(
            "Hierarchy:Tokens", $"role '{Quote.Prefix(text)}' is not service, dispatcher, member:<id>, admin:<unit id>, worker:<grid id>, organization:<id> or department:<code>");
    }

    /// <inheritdoc />
    public override string ToString() => Role switch
    {
        CallerRole.Service => "service",
        CallerRole.Dispatcher => "dispatcher",
        CallerRole.Department => $"department:{DepartmentCode}",
        CallerRole.GridWorker => $"worker:{SubjectId}",
        CallerRole.Organization => $"organization:{SubjectId}",
        _ => $"{Role.ToString().ToLowerInvariant()}:{SubjectId}",
    };

    private static bool IsCode(ReadOnlySpan<char> code)
    {
        if (code.IsEmpty || code.Length > 64)
        {
            return false;
        }

        foreach (var c in code)
        {
            if (!char.IsAsciiLetterLower(c) && !char.IsAsciiDigit(c) && c != '_')
            {
                return false;
            }
        }

        return true;
    }
}
