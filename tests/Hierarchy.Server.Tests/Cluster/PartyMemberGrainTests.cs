using Grpc.Core;
using Grpc.Net.Client;
using Hierarchy.Grpc.Client;
using Hierarchy.Testing;
using Hierarchy.V1;

namespace Hierarchy.Server.Tests.Cluster;

/// <summary>A member's links have one writer in the whole cluster, its grain, whichever silo a call comes in through.</summary>
public sealed class PartyMemberGrainTests
{
    private static readonly CallOptions Admin = Bearer.Options("admin");

    [PostgresFact]
    public async Task Links_to_one_member_sent_through_two_silos_at_once_never_pass_the_limit_of_ten()
    {
        await using var cluster = await TestCluster.StartAsync(2);
        var state = cluster.Node(0).State;
        var member = state.Members.Get(5)!;
        var free = new List<long>();
        foreach (var other in new long[] { 6, 7, 8 })
        {
            foreach (var household in state.Members.Get(other)!.Households)
            {
                await cluster.Channel(0).PartyMembers().UnlinkHouseholdAsync(new UnlinkHouseholdRequest { MemberId = other, HouseholdId = household }, Admin);
                free.Add(household);
            }
        }

        var room = 10 - member.Households.Count;
        Assert.True(free.Count > room + 2, $"the sample should free more than {room + 2} households, freed {free.Count}");

        var outcomes = await Task.WhenAll(free.Select((household, i) => LinkAsync(cluster.Channel(i % 2), household)));

        Assert.Equal(room, outcomes.Count(o => o.Status == StatusCode.OK));
        Assert.All(outcomes.Where(o => o.Status != StatusCode.OK), o => Assert.Equal(StatusCode.FailedPrecondition, o.Status));
        // Links taken through the other silo reach this one by the change feed: the read waits for the last of them.
        var after = await cluster.Channel(1).PartyMembers().GetMemberAsync(
            new GetMemberRequest { MemberId = 5, MinConsistencyToken = outcomes.Max(o => o.Token) }, Admin.WithDeadline(DateTime.UtcNow.AddSeconds(30)));
        Assert.Equal(10, after.LinkedHouseholds);
    }

    private static async Task<(StatusCode Status, long Token)> LinkAsync(GrpcChannel channel, long household)
    {
        try
        {
            var linked = await channel.PartyMembers().LinkHouseholdAsync(new LinkHouseholdRequest { MemberId = 5, HouseholdId = household }, Admin);
            return (StatusCode.OK, linked.ConsistencyToken);
        }
        catch (RpcException e)
        {
            return (e.StatusCode, 0);
        }
    }
}
