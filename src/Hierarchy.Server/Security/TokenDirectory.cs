using System.Collections.Frozen;
using Hierarchy.Domain.Access;
using Hierarchy.Domain.Errors;

namespace Hierarchy.Server.Security;

/// <summary>The bearer tokens configured under <c>Hierarchy:Tokens</c> and the caller each one names.</summary>
public sealed class TokenDirectory(IReadOnlyDictionary<string, string> tokens)
{
    private readonly FrozenDictionary<string, Caller> _callers =
        tokens.ToFrozenDictionary(t => t.Key, t => Caller.Parse(t.Value), StringComparer.Ordinal);

    // Looked up by span: every call authenticates, and cutting "Bearer " off need not allocate.
    private FrozenDictionary<string, Caller>.AlternateLookup<ReadOnlySpan<char>> Lookup => _callers.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Gets the number of configured tokens.</summary>
    public int Count => _callers.Count;

    /// <summary>Identifies the caller from the value of the <c>authorization</c> metadata, <c>Bearer …</c>.</summary>
    /// <exception cref="UnauthenticatedException">The token is missing or unknown.</exception>
    public Caller Authenticate(string? header)
    {
        if (string.IsNullOrEmpty(header))
        {
            throw new UnauthenticatedException("authorization metadata is missing; send 'authorization: Bearer <token>'");
        }

        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            throw new UnauthenticatedException("authorization metadata must be 'Bearer <token>'");
        }

        return Lookup.TryGetValue(header.AsSpan(7).Trim(), out var caller)
            ? caller
            : throw new UnauthenticatedException("the bearer token is not known to this server");
    }
}
