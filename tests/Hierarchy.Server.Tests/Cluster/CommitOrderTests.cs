using Grpc.Core;
using Hierarchy.Grpc.Client;
using Hierarchy.Storage.Stores;
using Hierarchy.Testing;
using Hierarchy.V1;
using Npgsql;

namespace Hierarchy.Server.Tests.Cluster;

/// <summary>Feed positions are handed out at insert and become visible at commit: a replica must not skip one committed late.</summary>
public sealed class CommitOrderTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    [PostgresFact]
    public async Task A_change_committed_after_a_later_one_is_still_applied_and_nothing_is_skipped()
    {
        await using var cluster = await TestCluster.StartAsync(1);
        var follower = cluster.Follower(0);
        var start = await follower.CatchUpAsync(CancellationToken.None);
        await using var early = await OpenAsync(cluster);
        await using var earlyWrite = await early.BeginTransactionAsync();
        var earlyPosition = await AppendAsync(early, earlyWrite, memberId: 5);

        await using (var late = await OpenAsync(cluster))
        {
            await using var lateWrite = await late.BeginTransactionAsync();
            await AppendAsync(late, lateWrite, memberId: 6);
            await lateWrite.CommitAsync();
        }

        var heldAt = await follower.CatchUpAsync(CancellationToken.None);
        await earlyWrite.CommitAsync();
        var caughtUp = await follower.CatchUpAsync(CancellationToken.None);

        Assert.Equal(start, heldAt);
        Assert.Equal(earlyPosition + 1, caughtUp);
    }

    [PostgresFact]
    public async Task A_hole_left_by_a_rolled_back_change_is_passed_once_its_writer_has_ended()
    {
        await using var cluster = await TestCluster.StartAsync(1);
        var follower = cluster.Follower(0);
        await using var abandoned = await OpenAsync(cluster);
        await using var abandonedWrite = await abandoned.BeginTransactionAsync();
        var hole = await AppendAsync(abandoned, abandonedWrite, memberId: 5);
        await using (var late = await OpenAsync(cluster))
        {
            await using var lateWrite = await late.BeginTransactionAsync();
            await AppendAsync(late, lateWrite, memberId: 6);
            await lateWrite.CommitAsync();
        }

        Assert.True(await follower.CatchUpAsync(CancellationToken.None) < hole);
        await abandonedWrite.RollbackAsync();

        await cluster.WaitForPositionAsync(0, hole + 1, Patience);
    }

    [PostgresFact]
    public async Task A_watch_delivers_an_issue_event_committed_after_a_later_one_in_log_order()
    {
        await using var cluster = await TestCluster.StartAsync(1);
        var community = cluster.CommunityOf(0, household: 1);
        var reported = await cluster.Channel(0).Issues().ReportIssueAsync(
            new ReportIssueRequest { RequestId = "commit-order", HouseholdId = 1, Category = "noise", Channel = IssueChannel.Hotline, Description = "夜间噪音" }, Bearer.Options("service"));
        var last = await LastEventPositionAsync(cluster);
        using var stop = new CancellationTokenSource(Patience);
        await using var watch = cluster.Channel(0).Issues()
            .WatchIssues(new WatchIssuesRequest { UnitId = community.Id, AfterPosition = last }, Bearer.Options("admin").WithCancellationToken(stop.Token))
            .ResponseStream.ReadAllAsync(stop.Token).GetAsyncEnumerator(stop.Token);

        await using var early = await OpenAsync(cluster);
        await using var earlyWrite = await early.BeginTransactionAsync();
        var earlyPosition = await RepeatEventAsync(early, earlyWrite, reported.Issue.Id, seq: 100);
        await using (var late = await OpenAsync(cluster))
        {
            await using var lateWrite = await late.BeginTransactionAsync();
            await RepeatEventAsync(late, lateWrite, reported.Issue.Id, seq: 101);
            await lateWrite.CommitAsync();
        }

        var first = watch.MoveNextAsync();
        await earlyWrite.CommitAsync();

        Assert.True(await first);
        Assert.Equal(earlyPosition, watch.Current.Event.Position);
        Assert.True(await watch.MoveNextAsync());
        Assert.Equal(earlyPosition + 1, watch.Current.Event.Position);
    }

    private static async Task<long> LastEventPositionAsync(TestCluster cluster)
    {
        await using var connection = await OpenAsync(cluster);
        await using var command = new NpgsqlCommand("SELECT MAX(position) FROM issue_events", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>Appends a copy of an issue's first event under a new sequence number, as a writer in flight would.</summary>
    private static async Task<long> RepeatEventAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long issueId, int seq)
    {
        await using var command = new NpgsqlCommand(
            """
            INSERT INTO issue_events (issue_id, seq, kind, occurred_at, actor, from_status, to_status, owner_unit_id, owner_department, chain_step, due_at, reason, rating)
            SELECT issue_id, @seq, kind, occurred_at, actor, from_status, to_status, owner_unit_id, owner_department, chain_step, due_at, reason, rating
            FROM issue_events WHERE issue_id = @issue ORDER BY seq LIMIT 1
            RETURNING position
            """, connection, transaction);
        command.Parameters.AddWithValue("seq", seq);
        command.Parameters.AddWithValue("issue", issueId);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static async Task<NpgsqlConnection> OpenAsync(TestCluster cluster)
    {
        var connection = new NpgsqlConnection(cluster.ConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    private static async Task<long> AppendAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long memberId)
    {
        await using var command = new NpgsqlCommand(
            "INSERT INTO change_feed (kind, entity_id) VALUES (@kind, @id) RETURNING position", connection, transaction);
        command.Parameters.AddWithValue("kind", (short)ChangeKind.Member);
        command.Parameters.AddWithValue("id", memberId);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
