"""Waits until a Hierarchy server answers grpc.health.v1.Health/Check with SERVING: wait_for_server.py HOST:PORT SECONDS."""
import sys
import time

import grpc

SERVING = b"\x08\x01"


def main(address: str, seconds: float) -> int:
    deadline = time.monotonic() + seconds
    with grpc.insecure_channel(address) as channel:
        check = channel.unary_unary("/grpc.health.v1.Health/Check", request_serializer=None, response_deserializer=None)
        while time.monotonic() < deadline:
            try:
                if check(b"", timeout=2) == SERVING:
                    print(f"server at {address} is serving", flush=True)
                    return 0
            except grpc.RpcError:
                pass
            if not grpc.channel_ready_future(channel).done():
                time.sleep(0.2)
    print(f"server at {address} did not become ready within {seconds} s", file=sys.stderr)
    return 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], float(sys.argv[2])))
