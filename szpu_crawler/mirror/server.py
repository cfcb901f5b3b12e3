"""A real HTTP server for the mirror on 127.0.0.1, as the tests and the offline crawl use it."""

from __future__ import annotations

import os
import socket
import struct
import threading
import time
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import TracebackType
from typing import NamedTuple
from urllib.parse import parse_qs, urlsplit

from szpu_crawler.mirror.build import attachment_path


class LoggedRequest(NamedTuple):
    path: str
    user_agent: str


class MirrorRequestHandler(SimpleHTTPRequestHandler):
    """Serves the built mirror as the CMS's server would, and remembers every path asked for.

    It also answers as a proxy would (`GET http://english.szpu.edu.cn/…`), so a crawl of the real
    hosts through `http_proxy` reaches the mirror. `faults` makes it misbehave on purpose: each
    request for a path takes the next fault listed for it; when the list is empty the page is
    served as usual. Faults: `"503"` (any status), `"slow:<s>"` (answer after s seconds),
    `"reset"` (drop the connection), `"truncate"` (send half the promised body), `"redirect"` (to
    itself), `"charset:<name>"` (claim that charset in the header). Pages carry `ETag` and
    `Last-Modified` and answer conditional requests with 304, as a CMS does.
    """

    extensions_map = {  # noqa: RUF012 - the base class declares it as a plain class dict
        ".htm": "text/html; charset=utf-8",
        ".html": "text/html; charset=utf-8",
        ".txt": "text/plain; charset=utf-8",
        ".jpg": "image/gif",
        "": "application/octet-stream",
    }

    def __init__(
        self,
        *args,
        request_log: list[LoggedRequest],
        faults: dict[str, list[str]],
        **kwargs,
    ) -> None:
        self.request_log = request_log
        self.faults = faults
        super().__init__(*args, **kwargs)

    def translate_path(self, path: str) -> str:
        parts = urlsplit(path)
        if parts.path == "/system/_content/download.jsp":
            file_ids = parse_qs(parts.query).get("wbfileid", [""])
            return super().translate_path(attachment_path(file_ids[0]))
        if parts.path == "/":
            return super().translate_path("/index.htm")
        return super().translate_path(parts.path)

    def send_head(self):
        self.request_log.append(LoggedRequest(self.path, self.headers.get("User-Agent", "")))
        pending = self.faults.get(urlsplit(self.path).path)
        fault = pending.pop(0) if pending else None
        if fault and fault.startswith("slow:"):
            time.sleep(float(fault.removeprefix("slow:")))
        elif fault and fault.startswith("charset:"):
            self.charset = fault.removeprefix("charset:")
        elif fault:
            self._misbehave(fault)
            return None
        self.etag = self._etag(self.translate_path(self.path))
        if self.etag and self.headers.get("If-None-Match") == self.etag:
            self.send_response(304)
            self.end_headers()
            return None
        return super().send_head()

    def _misbehave(self, fault: str) -> None:
        if fault == "redirect":
            self.send_response(302)
            self.send_header("Location", self.path)
            self.end_headers()
        elif fault in ("reset", "truncate"):
            if fault == "truncate":
                body = Path(self.translate_path(self.path)).read_bytes()
                self.send_response(200)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body[: len(body) // 2])
                self.wfile.flush()
            self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            self.close_connection = True
            self.connection.close()
        else:
            self.send_error(int(fault))

    def guess_type(self, path: str) -> str:
        charset = getattr(self, "charset", None)
        if charset:
            return f"text/html; charset={charset}"
        return super().guess_type(path)

    @staticmethod
    def _etag(path: str) -> str | None:
        try:
            stat = os.stat(path)
        except OSError:
            return None
        return f'"{stat.st_mtime_ns:x}-{stat.st_size:x}"'

    def end_headers(self) -> None:
        if getattr(self, "etag", None):
            self.send_header("ETag", self.etag)
        super().end_headers()

    def log_message(self, format: str, *args: object) -> None:
        """Quiet: the request log is kept in `request_log`, not on stderr."""


class _ThreadingServer(ThreadingHTTPServer):
    # A crawl opens many connections at once; Python's default backlog of 5 drops some, and
    # the client's retry a second later would look like a slow site.
    request_queue_size = 128
    daemon_threads = True

    def handle_error(self, request: object, client_address: object) -> None:
        """Quiet: a connection dropped on purpose (`reset`, `truncate`) is not an error here."""


class MirrorServer:
    """Serve `root` on 127.0.0.1 at an ephemeral port (or `port`) in a background thread."""

    def __init__(
        self, root: Path, port: int = 0, faults: dict[str, list[str]] | None = None
    ) -> None:
        self.root = root
        self.requests: list[LoggedRequest] = []
        self.faults = faults if faults is not None else {}
        handler = partial(
            MirrorRequestHandler,
            directory=str(root),
            request_log=self.requests,
            faults=self.faults,
        )
        self._server = _ThreadingServer(("127.0.0.1", port), handler)
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def base_url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}/"

    def start(self) -> MirrorServer:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join()

    def __enter__(self) -> MirrorServer:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.stop()
