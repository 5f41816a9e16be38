"""A local web server for the reader and CLI tests (its fixtures are in _web_fixtures.py,
loaded with ``pytest_plugins = ["_web_fixtures"]``).

It serves the invented article pages in tests/readers/pages (with their navigation, cookie
banners, promotions and footers), feeds written here that link to them, and endpoints that
misbehave: 404, a slow answer, a 30 MB body, a binary file, a redirect loop, 429 then 200.
It listens on 127.0.0.1 only; no test reaches outside the machine.
"""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

PAGES = Path(__file__).with_name("pages")
ARTICLES = ("lagos-protest", "border-clash", "undated")

# Page furniture of the test pages: none of it may reach a document's text.
FURNITURE = (
    "cookies",
    "Accept all",
    "Subscribe",
    "newsletter",
    "Sign up",
    "Related stories",
    "Most read",
    "Trending now",
    "Share on",
    "Advertisement",
    "Copyright",
    "Privacy",
    "Home",
    "BREAKING",
    "Download our app",
    "min read",
    "By Ada Example",
)


@dataclass(slots=True)
class Hit:
    path: str
    user_agent: str
    start: float
    end: float = 0.0


@dataclass(slots=True)
class Web:
    """The running server: its base URL, the requests it answered, and hooks for tests."""

    base: str
    hits: list[Hit] = field(default_factory=list)
    # a path -> an event the handler waits on before answering (to hold a request open)
    holds: dict[str, threading.Event] = field(default_factory=dict)
    lock: threading.Lock = field(default_factory=threading.Lock)
    counts: dict[str, int] = field(default_factory=dict)

    def url(self, path: str) -> str:
        return self.base + path

    def paths(self) -> list[str]:
        with self.lock:
            return [h.path for h in self.hits]

    def count(self, path: str) -> int:
        with self.lock:
            self.counts[path] = self.counts.get(path, 0) + 1
            return self.counts[path]

    def reset(self) -> None:
        with self.lock:
            self.hits.clear()
            self.counts.clear()
            self.holds.clear()


def rss(base: str, items: list[tuple[str, str, str | None, str]]) -> bytes:
    """An RSS 2.0 feed of (path, guid, pubDate, title) items."""
    entries = []
    for path, guid, pub, title in items:
        date = f"<pubDate>{pub}</pubDate>" if pub else ""
        entries.append(
            f"<item><title>{title}</title><link>{base}{path}</link>"
            f'<guid isPermaLink="false">{guid}</guid>{date}'
            "<description>Invented item for flashpoint's tests.</description></item>"
        )
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0"><channel>'
        f"<title>Invented News (test feed)</title><link>{base}/</link>"
        "<description>Invented articles for flashpoint's tests</description>"
        + "".join(entries)
        + "</channel></rss>"
    ).encode()


def atom(base: str) -> bytes:
    """An Atom feed of two articles (relative links, resolved against the feed's URL)."""
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        '<feed xmlns="http://www.w3.org/2005/Atom"><title>Invented Atom (test feed)</title>'
        f'<id>urn:invented:atom</id><updated>2024-03-06T00:00:00Z</updated><link href="{base}/"/>'
        '<entry><title>Border clash</title><link href="/border-clash.html"/>'
        "<id>urn:invented:border-clash</id><updated>2024-03-06T00:00:00Z</updated></entry>"
        '<entry><title>Water talks (from the feed)</title><link href="/undated.html"/>'
        "<id>urn:invented:water-talks</id><published>2024-02-20T08:00:00Z</published>"
        "<updated>2024-02-20T08:00:00Z</updated></entry></feed>"
    ).encode()


FEED_ITEMS = [
    ("/lagos-protest.html", "inv-lagos", "Thu, 18 Jan 2024 09:30:00 +0000", "Lagos arrests"),
    ("/border-clash.html", "inv-batken", "Tue, 05 Mar 2024 07:15:00 +0000", "Batken clash"),
    ("/undated.html", "inv-water", "Tue, 20 Feb 2024 08:00:00 +0000", "Water talks (feed)"),
    ("/gone.html", "inv-gone", "Wed, 21 Feb 2024 08:00:00 +0000", "A removed story"),
]


class _Handler(BaseHTTPRequestHandler):
    server: Server

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass  # quiet

    def do_GET(self) -> None:  # noqa: N802 - the http.server name
        web = self.server.web
        hit = Hit(self.path, self.headers.get("User-Agent", ""), time.monotonic())
        with web.lock:
            web.hits.append(hit)
            hold = web.holds.get(self.path)
        if hold is not None:
            hold.wait(30)
        # the client may stop reading (as it should, e.g. at the size limit)
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            self._route(self.path.split("?", 1)[0])
        hit.end = time.monotonic()

    def _send(self, status: int, body: bytes, ctype: str, **headers: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        for name, value in headers.items():
            self.send_header(name.replace("_", "-"), value)
        self.end_headers()
        self.wfile.write(body)

    def _route(self, path: str) -> None:
        web = self.server.web
        name = path.strip("/").removesuffix(".html")
        route = _ROUTES.get(path)
        if route is not None:
            route(self)
        elif name in ARTICLES:
            page = (PAGES / f"{name}.html").read_bytes()
            self._send(200, page, "text/html; charset=utf-8")
        elif path == "/feed.xml":
            self._send(200, rss(web.base, FEED_ITEMS), "application/rss+xml")
        elif path == "/feed-as-html":
            self._send(200, rss(web.base, FEED_ITEMS[:1]), "text/html")
        elif path == "/atom.xml":
            self._send(200, atom(web.base), "application/atom+xml; charset=utf-8")
        elif path.startswith("/busy/"):
            self._busy(path)
        else:
            self._send(404, b"<html><body><h1>Not found</h1></body></html>", "text/html")

    def _busy(self, path: str) -> None:
        """429 (Retry-After: 0) the first time, then the Lagos article."""
        if self.server.web.count(path) == 1:
            self._send(429, b"slow down", "text/plain", Retry_After="0")
        else:
            page = (PAGES / "lagos-protest.html").read_bytes()
            self._send(200, page, "text/html; charset=utf-8")


def _slow(h: _Handler) -> None:
    time.sleep(2.0)
    h._send(200, b"<html><body><p>late</p></body></html>", "text/html")


def _trickle(h: _Handler) -> None:
    """Headers at once, then a byte every 0.1 s (each read is quick; the whole is not)."""
    h.send_response(200)
    h.send_header("Content-Type", "text/html")
    h.end_headers()
    for _ in range(40):
        h.wfile.write(b" ")
        h.wfile.flush()
        time.sleep(0.1)


def _huge(h: _Handler) -> None:
    """30 MB of HTML, with no Content-Length: the client must stop at its limit."""
    h.send_response(200)
    h.send_header("Content-Type", "text/html")
    h.send_header("Connection", "close")
    h.end_headers()
    chunk = b"<p>" + b"filler " * 9000 + b"</p>\n"
    sent = 0
    while sent < 30 * 1024 * 1024:
        h.wfile.write(chunk)
        sent += len(chunk)
    h.close_connection = True


def _huge_declared(h: _Handler) -> None:
    h.send_response(200)
    h.send_header("Content-Type", "text/html")
    h.send_header("Content-Length", str(30 * 1024 * 1024))
    h.end_headers()
    h.wfile.write(b"<html>")
    h.close_connection = True


def _binary(h: _Handler) -> None:
    h._send(200, bytes(range(256)) * 8, "application/octet-stream")


def _loop(target: str) -> Callable[[_Handler], None]:
    def redirect(h: _Handler) -> None:
        h.send_response(302)
        h.send_header("Location", target)
        h.send_header("Content-Length", "0")
        h.end_headers()

    return redirect


def _down(h: _Handler) -> None:
    h._send(503, b"down for maintenance", "text/plain")


def _wait_long(h: _Handler) -> None:
    h._send(429, b"come back in an hour", "text/plain", Retry_After="3600")


def _not_an_article(h: _Handler) -> None:
    h._send(200, b"<html><head><title>Index</title></head><body></body></html>", "text/html")


_ROUTES: dict[str, Callable[[_Handler], None]] = {
    "/slow.html": _slow,
    "/trickle.html": _trickle,
    "/huge.html": _huge,
    "/huge-declared.html": _huge_declared,
    "/file.bin": _binary,
    "/loop-a": _loop("/loop-b"),
    "/loop-b": _loop("/loop-a"),
    "/moved": _loop("/lagos-protest.html"),
    "/down": _down,
    "/wait-long": _wait_long,
    "/empty.html": _not_an_article,
}


class Server(ThreadingHTTPServer):
    daemon_threads = True
    web: Web

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        host, port = self.server_address[:2]
        self.web = Web(base=f"http://{host!s}:{port}")
