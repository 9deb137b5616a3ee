"""Generates Python stubs from protos/ with Debian's grpc_tools, once per test run, into a temporary folder.

The standard grpc.* protos are generated under grpc_health / grpc_reflection, as the official Python packages
ship them, because a top-level `grpc` package would hide grpcio itself.
"""
import importlib
import os
import shutil
import sys
import tempfile

from grpc_tools import protoc

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", ".."))
PROTOS = os.path.join(ROOT, "protos")
RENAMED = {
    "grpc/health/v1/health.proto": "grpc_health/v1/health.proto",
    "grpc/reflection/v1alpha/reflection.proto": "grpc_reflection/v1alpha/reflection.proto",
}

_out = None


def load(module: str):
    """Imports a generated module such as 'grpc_health.v1.health_pb2' or 'hierarchy.v1.directory_pb2_grpc'."""
    global _out
    if _out is None:
        _out = tempfile.mkdtemp(prefix="hierarchy-stubs-")
        src = os.path.join(_out, "src")
        files = []
        for dirpath, _, names in os.walk(PROTOS):
            for name in names:
                if name.endswith(".proto"):
                    rel = os.path.relpath(os.path.join(dirpath, name), PROTOS)
                    if rel.startswith("grpc/") and rel not in RENAMED:
                        continue
                    target = RENAMED.get(rel, rel)
                    os.makedirs(os.path.dirname(os.path.join(src, target)), exist_ok=True)
                    shutil.copy(os.path.join(PROTOS, rel), os.path.join(src, target))
                    files.append(target)
        gen = os.path.join(_out, "gen")
        os.makedirs(gen)
        well_known = os.path.join(os.path.dirname(protoc.__file__), "_proto")
        args = ["protoc", f"-I{src}", f"-I{well_known}", f"--python_out={gen}", f"--grpc_python_out={gen}", *files]
        if protoc.main(args) != 0:
            raise RuntimeError("protoc failed on " + " ".join(files))
        sys.path.insert(0, gen)
    return importlib.import_module(module)


def address() -> str:
    return os.environ.get("HIERARCHY_ADDRESS", "127.0.0.1:50051")
