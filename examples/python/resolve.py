"""Calls a running Hierarchy server from Python grpcio: resolve a Tongzhou household, list a member's households.

    /usr/bin/python3 examples/python/resolve.py 127.0.0.1:50051
"""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "..", "tests", "interop", "python"))
import grpc  # noqa: E402
import stubs  # noqa: E402  (generates the hierarchy.v1 stubs from protos/ with grpc_tools)

pb = stubs.load("hierarchy.v1.responsibility_pb2")
rpc = stubs.load("hierarchy.v1.responsibility_pb2_grpc")
members_pb = stubs.load("hierarchy.v1.party_member_pb2")
members_rpc = stubs.load("hierarchy.v1.party_member_pb2_grpc")

channel = grpc.insecure_channel(sys.argv[1] if len(sys.argv) > 1 else "127.0.0.1:50051")
who = rpc.ResponsibilityServiceStub(channel).Resolve(
    pb.ResolveRequest(household_id=644459, category="sewage"), metadata=[("authorization", "Bearer demo-service")])
print("place:", who.place.name, "| owner:", who.owner.name, "|", [f"{p.holder.name} {p.holder.phone}" for p in who.people])
print("escalation:", " → ".join(s.unit.name or s.department.name for s in who.escalation_chain))
mine = members_rpc.PartyMemberServiceStub(channel).ListHouseholds(
    members_pb.ListHouseholdsRequest(member_id=1), metadata=[("authorization", "Bearer demo-member")])
for h in mine.households:
    print("household", h.id, h.building_group.name, h.building + h.entrance + h.room, h.head_name, h.phone)
