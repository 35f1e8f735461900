"""``docsearch serve``: the web app on uvicorn, on the loopback address by default;
:func:`running` serves it from a thread on a free port (tests, screenshots, the
latency benchmark)."""

from __future__ import annotations

import contextlib
import os
import socket
import threading
import time
import webbrowser
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import uvicorn

import docsearch
from docsearch import Index
from docsearch.web.app import create_app

__all__ = ["running", "serve"]


def _config(ix: Index, host: str, port: int) -> uvicorn.Config:
    return uvicorn.Config(create_app(ix), host=host, port=port, log_level="warning",
                          access_log=False, lifespan="off", server_header=False)


#: The environment variable that names the index to the worker processes.
INDEX_VARIABLE = "DOCSEARCH_SERVE_INDEX"


def app_from_environment() -> Any:
    """The web app over the index :data:`INDEX_VARIABLE` names (each worker's own)."""
    return create_app(docsearch.open(os.environ[INDEX_VARIABLE]))


def serve(ix: Index, *, host: str = "127.0.0.1", port: int = 8080, open_browser: bool = False,
          workers: int = 1, announce: Callable[[str], None] = print) -> None:
    """Serve the web app over ``ix`` until interrupted (Ctrl-C); ``workers`` > 1
    serves it from that many processes, each with the index open (requests in
    parallel; one process answers one request at a time)."""
    shown = f"[{host}]" if ":" in host else host
    url = f"http://{shown}:{port}/"
    processes = f", {workers} processes" if workers > 1 else ""
    announce(f"serving {ix.path} at {url} (read-only{processes}; Ctrl-C stops)")
    if open_browser:
        threading.Timer(1.0, webbrowser.open, (url,)).start()
    if workers == 1:
        uvicorn.Server(_config(ix, host, port)).run()
        return
    # A folder's full path; a remote index's location as it is.
    os.environ[INDEX_VARIABLE] = str(ix.path.resolve() if isinstance(ix.path, Path) else ix.path)
    uvicorn.run(f"{__name__}:app_from_environment", factory=True, workers=workers, host=host,
                port=port, log_level="warning", access_log=False, lifespan="off",
                server_header=False)


@contextlib.contextmanager
def running(ix: Index, timeout: float = 10.0) -> Iterator[str]:
    """The web app over ``ix`` served from a thread on a free loopback port, for
    the block; yields its base URL (``http://127.0.0.1:PORT``)."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    server = uvicorn.Server(_config(ix, "127.0.0.1", port))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + timeout
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError("the web app did not start")
        time.sleep(0.02)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout)
        sock.close()
