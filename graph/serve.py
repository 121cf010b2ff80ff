"""A read-only SPARQL 1.1 Protocol endpoint over the on-disk store: ``oxigraph serve-read-only``
(PyPI package ``oxigraph``).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from vankien.loaders.errors import StoreError


def oxigraph_binary() -> str:
    """The ``oxigraph`` program beside this Python, else on PATH."""
    beside = Path(sys.executable).with_name("oxigraph")
    if beside.exists():
        return str(beside)
    found = shutil.which("oxigraph")
    if not found:
        raise StoreError(None, "the `oxigraph` program is missing: pip install oxigraph")
    return found


def serve_command(store: Path, host: str = "127.0.0.1", port: int = 7878) -> list[str]:
    """The command line that serves ``store`` read-only on ``host:port``."""
    if not (store / "CURRENT").exists():
        raise StoreError(str(store), "no store here yet: run `vankien ingest PATH` first")
    return [oxigraph_binary(), "serve-read-only", "--location", str(store),
            "--bind", f"{host}:{port}"]


def free_port(host: str = "127.0.0.1") -> int:
    """A TCP port nobody listens on right now."""
    import socket

    with socket.socket() as sock:
        sock.bind((host, 0))
        return sock.getsockname()[1]


@contextmanager
def oxigraph_server(
    location: Path | None = None, *, read_only: bool = False, timeout: float = 20.0,
) -> Iterator[str]:
    """Run ``oxigraph serve`` on a free port of 127.0.0.1 and yield its base URL; stop it after.

    ``location=None`` serves an in-memory store; ``read_only`` serves an existing one.
    """
    port = free_port()
    command = [oxigraph_binary(), "serve-read-only" if read_only else "serve",
               "--bind", f"127.0.0.1:{port}"]
    if location:
        command += ["--location", str(location)]
    child = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        url = f"http://127.0.0.1:{port}"
        _wait_until_up(url, child, timeout)
        yield url
    finally:
        child.terminate()
        child.wait(10)


def _wait_until_up(url: str, child: subprocess.Popen[bytes], timeout: float) -> None:
    import urllib.request

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if child.poll() is not None:
            err = child.stderr.read().decode(errors="replace") if child.stderr else ""
            raise StoreError(url, f"oxigraph stopped: {err.strip()[:300]}")
        try:
            urllib.request.urlopen(f"{url}/query?query=ASK%7B%7D", timeout=1).close()
            return
        except OSError:
            time.sleep(0.05)
    raise StoreError(url, f"oxigraph did not answer within {timeout:.0f} s")
