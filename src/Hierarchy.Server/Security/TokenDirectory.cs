using System.Collections.Frozen;
using Hierarchy.Domain.Errors;
using Hierarchy.Grpc.Server;
using Microsoft.Net.Http.Headers;

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

    /// <summary>Identifies the caller from the <c>authorization: Bearer …</c> metadata.</summary>
    /// <exception cref="UnauthenticatedException">The token is missing or unknown.</exception>
    public Caller Authenticate(ServerCallContext context)
    {
        // Kestrel's own name instance takes its known-header fast path; any other spelling is compared letter by letter.
        var header = context.GetMetadata(HeaderNames.Authorization);
        if (header is null)
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
