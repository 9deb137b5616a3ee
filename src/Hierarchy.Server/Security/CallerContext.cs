using Grpc.Core;

namespace Hierarchy.Server.Security;

/// <summary>The caller an authenticated call carries, set by <see cref="Pipeline.AuthenticationInterceptor"/> before any handler runs.</summary>
public static class CallerContext
{
    private static readonly object Key = typeof(Caller);

    /// <summary>Gets the caller of this call.</summary>
    /// <exception cref="InvalidOperationException">The call did not pass authentication, which is a wiring mistake.</exception>
    public static Caller Caller(this ServerCallContext context) =>
        context.UserState.TryGetValue(Key, out var caller) ? (Caller)caller
        : throw new InvalidOperationException($"{context.Method} reached its handler without authentication");

    /// <summary>Records the caller of this call.</summary>
    public static void SetCaller(this ServerCallContext context, Caller caller) => context.UserState[Key] = caller;
}
