using Grpc.Core;
using Hierarchy.Domain.Access;
using Hierarchy.Domain.Errors;
using Hierarchy.Server.Pipeline;
using Hierarchy.Server.Security;
using Hierarchy.V1;
using Microsoft.Extensions.Logging.Abstractions;

namespace Hierarchy.Server.Tests.Handlers;

/// <summary>The call pipeline's two interceptors, called directly around a stand-in continuation.</summary>
public sealed class InterceptorTests
{
    private readonly ErrorMapInterceptor _errors = new(new HierarchyErrorMap(), NullLogger<ErrorMapInterceptor>.Instance);
    private readonly AuthenticationInterceptor _authentication = new(new TokenDirectory(new Dictionary<string, string> { ["t-1"] = "member:7" }));

    [Fact]
    public async Task An_unexpected_fault_is_unknown_naming_the_method_and_nothing_of_the_fault()
    {
        var context = TestServerCallContext.As(new Caller(CallerRole.Service, 0), "/hierarchy.v1.DirectoryService/GetUnit");

        var error = await Assert.ThrowsAsync<RpcException>(() => _errors.UnaryServerHandler<string, string>(
            "request", context, (_, _) => throw new InvalidOperationException("connection string Password=secret")));

        Assert.Equal(StatusCode.Unknown, error.StatusCode);
        Assert.Contains("/hierarchy.v1.DirectoryService/GetUnit", error.Status.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", error.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_domain_exception_thrown_after_an_await_becomes_its_status()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => _errors.UnaryServerHandler<string, string>(
            "request", TestServerCallContext.As(new Caller(CallerRole.Service, 0)), async (_, _) =>
            {
                await Task.Yield();
                throw new InvalidFieldException("category", "'炸街' is not a category");
            }));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains("category", error.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_grain_whose_silo_went_away_is_unavailable_so_the_caller_retries()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => _errors.UnaryServerHandler<string, string>(
            "request", TestServerCallContext.As(new Caller(CallerRole.Service, 0)),
            (_, _) => throw new Orleans.Runtime.SiloUnavailableException("silo S127.0.0.1:11111 is dead")));

        Assert.Equal(StatusCode.Unavailable, error.StatusCode);
        Assert.StartsWith("the silo holding what this call changes went away", error.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_call_without_a_bearer_token_never_reaches_its_handler()
    {
        var reached = false;

        await Assert.ThrowsAsync<UnauthenticatedException>(() => _authentication.UnaryServerHandler<GetUnitRequest, string>(
            new GetUnitRequest { UnitId = 1 }, TestServerCallContext.WithAuthorization(null), (_, _) =>
            {
                reached = true;
                return Task.FromResult("answer");
            }));

        Assert.False(reached);
    }

    [Fact]
    public async Task A_known_token_reaches_the_handler_as_its_caller()
    {
        var context = TestServerCallContext.WithAuthorization("Bearer t-1");

        var seen = await _authentication.UnaryServerHandler<GetUnitRequest, Caller>(
            new GetUnitRequest { UnitId = 1 }, context, (_, c) => Task.FromResult(c.Caller()));

        Assert.Equal(new Caller(CallerRole.Member, 7), seen);
    }
}
