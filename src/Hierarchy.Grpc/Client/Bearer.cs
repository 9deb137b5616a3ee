using Grpc.Core;

namespace Hierarchy.Grpc.Client;

/// <summary>Call options that authenticate with a bearer token, as every Hierarchy method requires.</summary>
public static class Bearer
{
    /// <summary>Gets options sending <c>authorization: Bearer <paramref name="token"/></c>.</summary>
    public static CallOptions Options(string token, CancellationToken cancellationToken = default) =>
        new(new Metadata { { "authorization", $"Bearer {token}" } }, cancellationToken: cancellationToken);
}
