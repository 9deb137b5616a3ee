"""Reorganisation as Python grpcio sees it: plan a grid merge in Tongzhou, apply it, ask about the past."""
import time
import unittest

import grpc
from google.protobuf import timestamp_pb2

import stubs

admin_pb2 = stubs.load("hierarchy.v1.admin_pb2")
admin_grpc = stubs.load("hierarchy.v1.admin_pb2_grpc")
dir_pb2 = stubs.load("hierarchy.v1.directory_pb2")
dir_grpc = stubs.load("hierarchy.v1.directory_pb2_grpc")
resp_pb2 = stubs.load("hierarchy.v1.responsibility_pb2")
resp_grpc = stubs.load("hierarchy.v1.responsibility_pb2_grpc")
pm_pb2 = stubs.load("hierarchy.v1.party_member_pb2")
pm_grpc = stubs.load("hierarchy.v1.party_member_pb2_grpc")

ADMIN = [("authorization", "Bearer demo-admin")]


class ReorganizationInteropTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.channel = grpc.insecure_channel(stubs.address())
        cls.admin = admin_grpc.AdminServiceStub(cls.channel)
        cls.directory = dir_grpc.DirectoryServiceStub(cls.channel)
        cls.resolve = resp_grpc.ResponsibilityServiceStub(cls.channel)
        cls.members = pm_grpc.PartyMemberServiceStub(cls.channel)

    @classmethod
    def tearDownClass(cls):
        cls.channel.close()

    def grids_of(self, community_code):
        return list(self.directory.ListChildren(dir_pb2.ListChildrenRequest(unit_code=community_code), metadata=ADMIN).children)

    def household_under(self, grid):
        group = self.directory.ListChildren(dir_pb2.ListChildrenRequest(unit_id=grid.id), metadata=ADMIN).children[0]
        leader = self.directory.GetUnit(dir_pb2.GetUnitRequest(unit_id=group.id), metadata=ADMIN).positions[0]
        return self.members.ListHouseholds(pm_pb2.ListHouseholdsRequest(member_id=leader.holder.member_id), metadata=ADMIN).households[0]

    def merge(self, source, target):
        change = admin_pb2.ReorganizationChange(merge_grids=admin_pb2.MergeGrids(source_grid_ids=[source.id], target_grid_id=target.id))
        return self.admin.PlanReorganization(admin_pb2.PlanReorganizationRequest(changes=[change]), metadata=ADMIN)

    def test_a_merge_applies_and_the_past_still_answers_with_the_old_grid(self):
        grids = self.grids_of("110112121013")
        self.assertGreaterEqual(len(grids), 2)
        source, target = grids[-1], grids[0]
        household = self.household_under(source)
        plan = self.merge(source, target)
        self.assertEqual([source.id], [u.unit_id for u in plan.retired])
        self.assertEqual(plan.grids_before - 1, plan.grids_after)

        # A millisecond before now: the apply's effective time, on the server's millisecond clock, falls after it.
        before = timestamp_pb2.Timestamp()
        before.FromNanoseconds(time.time_ns() - 1_000_000)
        applied = self.admin.ApplyReorganization(
            admin_pb2.ApplyReorganizationRequest(plan_id=plan.plan_id, expected_tree_version=plan.base_tree_version), metadata=ADMIN)
        self.assertTrue(applied.applied_now)

        now = self.resolve.Resolve(resp_pb2.ResolveRequest(
            household_id=household.id, category="sewage", min_consistency_token=applied.consistency_token), metadata=ADMIN)
        then = self.resolve.Resolve(resp_pb2.ResolveRequest(household_id=household.id, category="sewage", as_of=before), metadata=ADMIN)
        self.assertEqual(target.id, now.owner.id)
        self.assertEqual(source.id, then.owner.id)
        retired = self.directory.GetUnit(dir_pb2.GetUnitRequest(unit_id=source.id), metadata=ADMIN)
        self.assertTrue(retired.unit.retired)

    def test_a_plan_made_on_an_older_tree_is_aborted(self):
        grids = self.grids_of("110112121014")
        stale = self.merge(grids[-1], grids[0])
        fresh = self.merge(self.grids_of("110112121015")[-1], self.grids_of("110112121015")[0])
        self.admin.ApplyReorganization(
            admin_pb2.ApplyReorganizationRequest(plan_id=fresh.plan_id, expected_tree_version=fresh.base_tree_version), metadata=ADMIN)
        with self.assertRaises(grpc.RpcError) as caught:
            self.admin.ApplyReorganization(
                admin_pb2.ApplyReorganizationRequest(plan_id=stale.plan_id, expected_tree_version=stale.base_tree_version), metadata=ADMIN)
        self.assertEqual(grpc.StatusCode.ABORTED, caught.exception.code())

    def test_a_merge_across_streets_is_failed_precondition(self):
        first = self.grids_of("110112121016")[0]
        other = self.grids_of("110112001006")[0]
        change = admin_pb2.ReorganizationChange(merge_grids=admin_pb2.MergeGrids(
            source_grid_ids=[first.id], target_grid_id=other.id, allow_cross_community=True))
        with self.assertRaises(grpc.RpcError) as caught:
            self.admin.PlanReorganization(admin_pb2.PlanReorganizationRequest(changes=[change]), metadata=ADMIN)
        self.assertEqual(grpc.StatusCode.FAILED_PRECONDITION, caught.exception.code())
        self.assertIn("different streets", caught.exception.details())


if __name__ == "__main__":
    unittest.main()
