"""The issue loop as Python grpcio sees it, on the Tongzhou sample."""
import unittest
import uuid

import grpc

import stubs

issue_pb2 = stubs.load("hierarchy.v1.issue_pb2")
issue_grpc = stubs.load("hierarchy.v1.issue_pb2_grpc")
stats_pb2 = stubs.load("hierarchy.v1.stats_pb2")
stats_grpc = stubs.load("hierarchy.v1.stats_pb2_grpc")

SERVICE = [("authorization", "Bearer demo-service")]


class IssueInteropTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.channel = grpc.insecure_channel(stubs.address())
        cls.issues = issue_grpc.IssueServiceStub(cls.channel)
        cls.stats = stats_grpc.StatsServiceStub(cls.channel)

    @classmethod
    def tearDownClass(cls):
        cls.channel.close()

    def report(self, request_id, household=644459, category="sewage"):
        return self.issues.ReportIssue(issue_pb2.ReportIssueRequest(
            request_id=request_id, household_id=household, category=category,
            channel=issue_pb2.HOTLINE, description="小区污水井冒水"), metadata=SERVICE, timeout=5).issue

    def test_reporting_twice_with_one_request_id_returns_one_issue(self):
        request_id = str(uuid.uuid4())
        self.assertEqual(self.report(request_id).id, self.report(request_id).id)

    def test_accepting_dispatches_to_the_grid_and_the_log_shows_each_step(self):
        issue = self.report(str(uuid.uuid4()))
        self.issues.Accept(issue_pb2.IssueActionRequest(issue_id=issue.id), metadata=SERVICE)
        got = self.issues.GetIssue(issue_pb2.GetIssueRequest(issue_id=issue.id), metadata=SERVICE).issue
        self.assertEqual("Grid", got.owner.level)
        self.assertEqual([issue_pb2.EVENT_REPORTED, issue_pb2.EVENT_ACCEPTED, issue_pb2.EVENT_DISPATCHED], [e.kind for e in got.events])

    def test_an_illegal_transition_is_failed_precondition_naming_both_states(self):
        issue = self.report(str(uuid.uuid4()))
        with self.assertRaises(grpc.RpcError) as caught:
            self.issues.Resolve(issue_pb2.ResolveIssueRequest(issue_id=issue.id, note="好了"), metadata=SERVICE)
        self.assertEqual(grpc.StatusCode.FAILED_PRECONDITION, caught.exception.code())
        self.assertIn("it is Reported, not InProgress", caught.exception.details())

    def test_escalating_without_a_reason_is_invalid_argument_naming_reason(self):
        issue = self.report(str(uuid.uuid4()))
        self.issues.Accept(issue_pb2.IssueActionRequest(issue_id=issue.id), metadata=SERVICE)
        with self.assertRaises(grpc.RpcError) as caught:
            self.issues.Escalate(issue_pb2.EscalateRequest(issue_id=issue.id), metadata=SERVICE)
        self.assertEqual(grpc.StatusCode.INVALID_ARGUMENT, caught.exception.code())
        self.assertTrue(caught.exception.details().startswith("reason"))

    def test_a_watch_streams_the_history_of_a_community(self):
        issue = self.report(str(uuid.uuid4()))
        stream = self.issues.WatchIssues(issue_pb2.WatchIssuesRequest(unit_code="110112121013"), metadata=SERVICE, timeout=5)
        seen = next(change for change in stream if change.issue.id == issue.id)
        stream.cancel()
        self.assertEqual(issue_pb2.EVENT_REPORTED, seen.event.kind)

    def test_the_street_ranks_its_communities_worst_first(self):
        from google.protobuf import timestamp_pb2

        self.report(str(uuid.uuid4()))
        start, end = timestamp_pb2.Timestamp(seconds=0), timestamp_pb2.Timestamp()
        end.GetCurrentTime()
        end.seconds += 60
        ranking = self.stats.RankChildren(stats_pb2.RankChildrenRequest(unit_code="110112121", to=end, **{"from": start}), metadata=SERVICE)
        volumes = [c.received for c in ranking.children]
        self.assertEqual(sorted(volumes, reverse=True), volumes)
        self.assertEqual("110112121013", ranking.children[0].unit.code)


if __name__ == "__main__":
    unittest.main()
