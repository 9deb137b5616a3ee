"""The hierarchy.v1 API as Python grpcio sees it, on the Tongzhou sample the server loads on an empty database."""
import unittest

import grpc

import stubs

org_pb2 = stubs.load("hierarchy.v1.org_pb2")
resp_pb2 = stubs.load("hierarchy.v1.responsibility_pb2")
resp_grpc = stubs.load("hierarchy.v1.responsibility_pb2_grpc")
dir_pb2 = stubs.load("hierarchy.v1.directory_pb2")
dir_grpc = stubs.load("hierarchy.v1.directory_pb2_grpc")
pm_pb2 = stubs.load("hierarchy.v1.party_member_pb2")
pm_grpc = stubs.load("hierarchy.v1.party_member_pb2_grpc")


def bearer(token):
    return [("authorization", f"Bearer {token}")]


SERVICE = bearer("demo-service")
MEMBER = bearer("demo-member")
ADMIN = bearer("demo-admin")


class HierarchyInteropTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.channel = grpc.insecure_channel(stubs.address())
        cls.resolve = resp_grpc.ResponsibilityServiceStub(cls.channel)
        cls.directory = dir_grpc.DirectoryServiceStub(cls.channel)
        cls.members = pm_grpc.PartyMemberServiceStub(cls.channel)

    @classmethod
    def tearDownClass(cls):
        cls.channel.close()

    def household_in_qunfangyuan(self):
        """A household of 梨园镇 群芳园社区 (110112121013), found through the directory."""
        grids = self.directory.ListChildren(dir_pb2.ListChildrenRequest(unit_code="110112121013"), metadata=SERVICE)
        groups = self.directory.ListChildren(dir_pb2.ListChildrenRequest(unit_id=grids.children[0].id), metadata=SERVICE)
        leader = self.directory.GetUnit(dir_pb2.GetUnitRequest(unit_id=groups.children[0].id), metadata=SERVICE).positions[0]
        households = self.members.ListHouseholds(pm_pb2.ListHouseholdsRequest(member_id=leader.holder.member_id), metadata=ADMIN)
        return households.households[0]

    def test_a_qunfangyuan_household_resolves_to_its_grid_and_climbs_to_the_water_department(self):
        household = self.household_in_qunfangyuan()
        who = self.resolve.Resolve(resp_pb2.ResolveRequest(household_id=household.id, category="sewage"), metadata=SERVICE, timeout=5)
        self.assertEqual(org_pb2.GRID, who.owner.level)
        self.assertTrue(who.owner.code.startswith("110112121013"))
        chain = [s.unit.name or s.department.name for s in who.escalation_chain]
        self.assertEqual(["群芳园社区居委会", "梨园镇", "区水务局", "通州区"], chain[1:])
        self.assertGreater(who.tree_version, 0)

    def test_a_broken_elevator_stays_with_the_building_leader(self):
        household = self.household_in_qunfangyuan()
        who = self.resolve.Resolve(resp_pb2.ResolveRequest(household_id=household.id, category="elevator"), metadata=SERVICE)
        self.assertEqual(org_pb2.BUILDING_GROUP, who.owner.level)
        self.assertEqual(org_pb2.BUILDING_LEADER, who.people[0].kind)

    def test_no_place_is_invalid_argument_naming_the_field(self):
        with self.assertRaises(grpc.RpcError) as caught:
            self.resolve.Resolve(resp_pb2.ResolveRequest(category="sewage"), metadata=SERVICE)
        self.assertEqual(grpc.StatusCode.INVALID_ARGUMENT, caught.exception.code())
        self.assertIn("household_id", caught.exception.details())

    def test_an_unknown_category_is_invalid_argument_naming_category(self):
        with self.assertRaises(grpc.RpcError) as caught:
            self.resolve.Resolve(resp_pb2.ResolveRequest(household_id=1, category="外星人"), metadata=SERVICE)
        self.assertEqual(grpc.StatusCode.INVALID_ARGUMENT, caught.exception.code())
        self.assertIn("外星人", caught.exception.details())

    def test_an_unknown_household_is_not_found(self):
        with self.assertRaises(grpc.RpcError) as caught:
            self.resolve.Resolve(resp_pb2.ResolveRequest(household_id=987654321, category="sewage"), metadata=SERVICE)
        self.assertEqual(grpc.StatusCode.NOT_FOUND, caught.exception.code())

    def test_a_call_without_a_token_is_unauthenticated(self):
        with self.assertRaises(grpc.RpcError) as caught:
            self.resolve.Resolve(resp_pb2.ResolveRequest(household_id=1, category="sewage"))
        self.assertEqual(grpc.StatusCode.UNAUTHENTICATED, caught.exception.code())

    def test_a_member_lists_its_own_households_unmasked(self):
        mine = self.members.ListHouseholds(pm_pb2.ListHouseholdsRequest(member_id=1), metadata=MEMBER)
        self.assertTrue(5 <= mine.total <= 10)
        self.assertTrue(all("*" not in h.phone for h in mine.households))

    def test_a_member_may_not_list_another_members_households(self):
        with self.assertRaises(grpc.RpcError) as caught:
            self.members.ListHouseholds(pm_pb2.ListHouseholdsRequest(member_id=2), metadata=MEMBER)
        self.assertEqual(grpc.StatusCode.PERMISSION_DENIED, caught.exception.code())

    def test_a_service_sees_names_and_phones_masked(self):
        seen = self.members.ListHouseholds(pm_pb2.ListHouseholdsRequest(member_id=1), metadata=SERVICE)
        for h in seen.households:
            self.assertRegex(h.phone, r"^\d{3}\*{4}\d{4}$")
            self.assertTrue(h.head_name.endswith("*"))

    def test_a_member_may_not_link_households(self):
        with self.assertRaises(grpc.RpcError) as caught:
            self.members.LinkHousehold(pm_pb2.LinkHouseholdRequest(member_id=1, household_id=20), metadata=MEMBER)
        self.assertEqual(grpc.StatusCode.PERMISSION_DENIED, caught.exception.code())

    def test_a_batch_of_a_thousand_resolves_in_one_call(self):
        batch = resp_pb2.ResolveBatchRequest(
            requests=[resp_pb2.ResolveRequest(household_id=i, category="garbage") for i in range(1, 1001)])
        answer = self.resolve.ResolveBatch(batch, metadata=SERVICE, timeout=10)
        self.assertEqual(1000, len(answer.results))
        self.assertTrue(all(r.error_code == 0 for r in answer.results))


if __name__ == "__main__":
    unittest.main()
