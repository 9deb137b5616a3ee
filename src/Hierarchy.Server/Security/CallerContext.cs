using Grpc.Core;

using Hierarchy.Domain.Access;

namespace Hierarchy.Server.Security;

/// <summary>The caller an authenticated call carries, set by <see cref="Pipeline.AuthenticationInterceptor"/> before any handler runs.</summary>
public static class CallerContext
{
    /// <summary>Gets the caller of this call.</summary>
    /// <exception cref="InvalidOperationException">The call did not pass authentication, which is a wiring mistake.</exception>
    public static Caller Caller(this ServerCallContext context) =>
        context.GetHttpContext().Features.Get<Caller>()
        ?? throw new InvalidOperationException($"{context.Method} reached its handler without authentication");

    // A request feature, not UserState: Kestrel keeps a few extra features in a small list, where Items would build a dictionary per call.
    /// <summary>Records the caller of this call.</summary>
    public static void SetCaller(this ServerCallContext context, Caller caller) => context.GetHttpContext().Features.Set(caller);
}
