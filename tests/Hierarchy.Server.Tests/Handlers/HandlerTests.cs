using Google.Protobuf;
using Hierarchy.Domain.Access;
using Hierarchy.Domain.Errors;
using Hierarchy.V1;
using Microsoft.Extensions.DependencyInjection;

namespace Hierarchy.Server.Tests.Handlers;

/// <summary>Handlers called directly with a test call context: the first tier, no socket, the real read model of 魏都区.</summary>
[Collection(WeiduServerCollection.Name)]
public sealed class HandlerTests(WeiduServer weidu)
{
    private static readonly Caller Service = new(CallerRole.Service, 0);

    [Fact]
    public async Task GetUnit_answers_the_district_with_its_positions_from_memory()
    {
        var directory = weidu.Server.Services.GetRequiredService<Services.DirectoryService>();

        var answer = await directory.GetUnit(new GetUnitRequest { UnitId = 1 }, TestServerCallContext.As(Service));

        Assert.Equal("魏都区", answer.Unit.Name);
        Assert.Equal(weidu.Server.State.Tree.Version, answer.TreeVersion);
    }

    [Fact]
    public async Task A_member_asking_for_another_members_households_is_denied_by_the_handler()
    {
        var members = weidu.Server.Services.GetRequiredService<Services.PartyMemberService>();

        await Assert.ThrowsAsync<PermissionDeniedException>(() =>
            members.ListHouseholds(new ListHouseholdsRequest { MemberId = 2 }, TestServerCallContext.As(new Caller(CallerRole.Member, 1))));
    }

    [Theory]
    [InlineData(CallerRole.Service, 0)]
    [InlineData(CallerRole.Admin, 1)]
    public void Resolve_sends_byte_for_byte_the_answer_built_as_a_message(CallerRole role, long subject)
    {
        var service = weidu.Server.Services.GetRequiredService<Services.ResponsibilityService>();
        var tree = weidu.Server.State.Tree;
        var caller = new Caller(role, subject);
        var requests = new[] { "sewage", "elevator", "noise", "water_supply" }
            .SelectMany(category => Enumerable.Range(1, 200).Select(h => new ResolveRequest { HouseholdId = 1 + (h * 37 % weidu.Server.State.Households.Count), Category = category }));

        foreach (var request in requests)
        {
            var encoded = service.ResolveEncoded(tree, request, caller);
            var sent = new byte[encoded.Length];
            encoded.CopyTo(sent);

            Assert.Equal(service.Resolve(tree, request, caller).ToByteArray(), sent);
        }
    }
}
