"""The platform as Python grpcio (Debian) sees it: health, reflection, streams, errors, deadlines, concurrency."""
import unittest

import grpc

import stubs

health_pb2 = stubs.load("grpc_health.v1.health_pb2")
health_pb2_grpc = stubs.load("grpc_health.v1.health_pb2_grpc")
reflection_pb2 = stubs.load("grpc_reflection.v1alpha.reflection_pb2")
reflection_pb2_grpc = stubs.load("grpc_reflection.v1alpha.reflection_pb2_grpc")


class PlatformInteropTest(unittest.TestCase):
    def setUp(self):
        self.channel = grpc.insecure_channel(stubs.address())
        self.health = health_pb2_grpc.HealthStub(self.channel)

    def tearDown(self):
        self.channel.close()

    def test_health_check_of_the_whole_server_is_serving(self):
        reply = self.health.Check(health_pb2.HealthCheckRequest(), timeout=5)
        self.assertEqual(health_pb2.HealthCheckResponse.SERVING, reply.status)

    def test_an_unknown_service_is_not_found_with_its_non_ascii_name_in_the_message(self):
        with self.assertRaises(grpc.RpcError) as caught:
            self.health.Check(health_pb2.HealthCheckRequest(service="hierarchy.v1.不存在"), timeout=5)
        self.assertEqual(grpc.StatusCode.NOT_FOUND, caught.exception.code())
        self.assertIn("hierarchy.v1.不存在", caught.exception.details())

    def test_watch_streams_the_current_status_then_ends_at_the_deadline(self):
        seen = []
        with self.assertRaises(grpc.RpcError) as caught:
            for reply in self.health.Watch(health_pb2.HealthCheckRequest(), timeout=0.5):
                seen.append(reply.status)
        self.assertEqual([health_pb2.HealthCheckResponse.SERVING], seen)
        self.assertEqual(grpc.StatusCode.DEADLINE_EXCEEDED, caught.exception.code())

    def test_reflection_lists_the_services(self):
        stub = reflection_pb2_grpc.ServerReflectionStub(self.channel)
        replies = list(stub.ServerReflectionInfo(iter([reflection_pb2.ServerReflectionRequest(list_services="")]), timeout=5))
        names = [s.name for s in replies[0].list_services_response.service]
        self.assertIn("grpc.health.v1.Health", names)
        self.assertIn("grpc.reflection.v1alpha.ServerReflection", names)

    def test_reflection_describes_a_symbol_with_the_file_that_defines_it(self):
        from google.protobuf import descriptor_pb2

        stub = reflection_pb2_grpc.ServerReflectionStub(self.channel)
        request = reflection_pb2.ServerReflectionRequest(file_containing_symbol="grpc.health.v1.Health")
        replies = list(stub.ServerReflectionInfo(iter([request]), timeout=5))
        proto = descriptor_pb2.FileDescriptorProto.FromString(replies[0].file_descriptor_response.file_descriptor_proto[0])
        self.assertEqual("grpc/health/v1/health.proto", proto.name)
        self.assertEqual(["Check", "Watch"], [m.name for m in proto.service[0].method])

    def test_two_hundred_concurrent_calls_on_one_channel_all_succeed(self):
        futures = [self.health.Check.future(health_pb2.HealthCheckRequest(), timeout=30) for _ in range(200)]
        statuses = [f.result().status for f in futures]
        self.assertEqual([health_pb2.HealthCheckResponse.SERVING] * 200, statuses)

    def test_a_gzip_compressed_call_is_accepted(self):
        reply = self.health.Check(health_pb2.HealthCheckRequest(), timeout=5, compression=grpc.Compression.Gzip)
        self.assertEqual(health_pb2.HealthCheckResponse.SERVING, reply.status)

    def test_an_unknown_method_is_unimplemented(self):
        call = self.channel.unary_unary("/hierarchy.v1.Nothing/Here", request_serializer=None, response_deserializer=None)
        with self.assertRaises(grpc.RpcError) as caught:
            call(b"", timeout=5)
        self.assertEqual(grpc.StatusCode.UNIMPLEMENTED, caught.exception.code())


if __name__ == "__main__":
    unittest.main()
