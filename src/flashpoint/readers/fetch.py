"""Fetching web pages and feeds over HTTP(S), politely and within limits.

A `Fetcher` (one per run) sends every request with the user agent
``flashpoint/<version> (+offline event coder)`` and:

- gives up on a response that does not arrive within `FetchConfig.timeout` seconds (the whole
  response, not each read), or that is larger than `max_bytes` (the body is streamed and the
  download stops at the limit);
- retries 429 and 5xx answers up to `retries` times, waiting `backoff` seconds and doubling
  it, or what the server's ``Retry-After`` asks when that is no longer than `max_retry_after`;
- sends one request at a time to a host, at least `min_delay` seconds after the previous one
  ended;
- follows at most `max_redirects` redirects and refuses a response that is not a web page or
  a feed (by its Content-Type).

A page that cannot be fetched raises a `FetchError` (or `TooLargeError`) whose reason says
what happened; readers hand it on as that document's error and the run goes on.
"""

from __future__ import annotations

import re
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from flashpoint import __version__
from flashpoint.errors import (
    ConfigError,
    ContentTypeError,
    FetchError,
    FetchTimeoutError,
    HTTPStatusError,
    RedirectError,
    TooLargeError,
)

if TYPE_CHECKING:
    import httpx

USER_AGENT = f"flashpoint/{__version__} (+offline event coder)"

HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
FEED_TYPES = frozenset(
    {
        "application/rss+xml",
        "application/atom+xml",
        "application/rdf+xml",
        "application/feed+json",
        "application/xml",
        "text/xml",
    }
)
PAGE_OR_FEED = HTML_TYPES | FEED_TYPES

_ACCEPT = (
    "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,"
    "application/xml;q=0.9,text/xml;q=0.9"
)
_RETRY_STATUS = frozenset({429, 500, 502, 503, 504})


@dataclass(frozen=True, slots=True)
class FetchConfig:
    """How a `Fetcher` behaves (see the module doc). Times are in seconds."""

    timeout: float = 30.0
    max_bytes: int = 10 * 1024 * 1024
    retries: int = 3
    backoff: float = 1.0
    max_retry_after: float = 120.0
    min_delay: float = 1.0
    max_redirects: int = 5
    user_agent: str = USER_AGENT

    def __post_init__(self) -> None:
        for name in ("timeout", "max_bytes"):
            if getattr(self, name) <= 0:
                raise ConfigError(f"FetchConfig.{name} must be positive, got {getattr(self, name)}")
        for name in ("retries", "backoff", "max_retry_after", "min_delay", "max_redirects"):
            if getattr(self, name) < 0:
                raise ConfigError(
                    f"FetchConfig.{name} must be 0 or more, got {getattr(self, name)}"
                )


@dataclass(frozen=True, slots=True)
class Page:
    """A fetched response: the URL asked for, the URL it came from after redirects, its media
    type (lower case, without parameters; "" when the server sent none) and its body."""

    requested: str
    url: str
    content_type: str
    body: bytes

    @property
    def is_feed(self) -> bool:
        """Whether the body is an RSS or Atom feed (by its first element: servers often
        send feeds as text/html or text/xml)."""
        return looks_like_feed(self.body)


_PROLOG = re.compile(rb"\A(?:\s+|<\?.*?\?>|<!--.*?-->|<!DOCTYPE[^>]*>)*", re.DOTALL | re.IGNORECASE)
_FEED_ROOT = re.compile(rb"<(?:rss|feed|rdf:rdf)[\s>]", re.IGNORECASE)


def looks_like_feed(body: bytes) -> bool:
    """Whether the first element of `body` is an RSS, RDF or Atom root."""
    head = body[:4096]
    if head.startswith(b"\xef\xbb\xbf"):
        head = head[3:]
    prolog = _PROLOG.match(head)
    start = prolog.end() if prolog else 0
    return _FEED_ROOT.match(head, start) is not None


def is_url(text: str) -> bool:
    """Whether `text` is an http(s) URL (the inputs that are fetched)."""
    return text[:8].lower().startswith(("http://", "https://"))


@dataclass(slots=True)
class _Host:
    lock: threading.Lock
    last: float | None = None


@dataclass(frozen=True, slots=True)
class _Retry:
    """A 429 or 5xx answer: the status and how long the server asked us to wait."""

    status: int
    retry_after: float | None


class Fetcher:
    """Fetches URLs (see the module doc). Safe to share between threads; close it when done
    (or use it as a context manager). The HTTP client is only made at the first fetch."""

    def __init__(self, config: FetchConfig | None = None) -> None:
        self.config = config or FetchConfig()
        self._client: httpx.Client | None = None
        self._hosts: dict[str, _Host] = {}
        self._guard = threading.Lock()

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        with self._guard:
            if self._client is not None:
                self._client.close()
                self._client = None

    def fetch(self, url: str, accept: frozenset[str] = PAGE_OR_FEED) -> Page:
        """GET `url`; raise a `FetchError` (or `TooLargeError`) naming `url` if it fails or
        its Content-Type is not in `accept`."""
        if not is_url(url):
            raise FetchError(f"{url!r} is not an http(s) URL; give the full address", url)
        host = self._host(url)
        with host.lock:
            return self._with_retries(url, host, accept)

    def _host(self, url: str) -> _Host:
        key = urlsplit(url).netloc.lower()
        with self._guard:
            return self._hosts.setdefault(key, _Host(threading.Lock()))

    def _with_retries(self, url: str, host: _Host, accept: frozenset[str]) -> Page:
        delay = self.config.backoff
        for attempt in range(self.config.retries + 1):
            self._wait_turn(host)
            try:
                result = self._get(url, accept)
            finally:
                host.last = time.monotonic()
            if isinstance(result, Page):
                return result
            wait = delay if result.retry_after is None else max(delay, result.retry_after)
            if attempt == self.config.retries or wait > self.config.max_retry_after:
                raise _gave_up(url, result, attempt + 1, wait, self.config)
            time.sleep(wait)
            delay *= 2
        raise AssertionError("unreachable")  # pragma: no cover

    def _wait_turn(self, host: _Host) -> None:
        if host.last is not None:
            pause = host.last + self.config.min_delay - time.monotonic()
            if pause > 0:
                time.sleep(pause)

    def _get(self, url: str, accept: frozenset[str]) -> Page | _Retry:
        import httpx

        client = self._http()  # built before the clock starts: its setup is no server's delay
        deadline = time.monotonic() + self.config.timeout
        try:
            with client.stream("GET", url) as response:
                return self._read(url, response, accept, deadline)
        except httpx.TooManyRedirects:
            raise RedirectError(
                f"more than {self.config.max_redirects} redirects (a redirect loop?); "
                "open the URL in a browser to find the page's address",
                url,
            ) from None
        except httpx.TimeoutException:
            raise _timed_out(url, self.config) from None
        except (httpx.HTTPError, httpx.InvalidURL) as exc:
            raise FetchError(
                f"cannot fetch the page ({type(exc).__name__}: {exc}); "
                "check the URL and the network",
                url,
            ) from None

    def _http(self) -> httpx.Client:
        import httpx

        with self._guard:
            if self._client is None:
                self._client = httpx.Client(
                    headers={"User-Agent": self.config.user_agent, "Accept": _ACCEPT},
                    timeout=httpx.Timeout(self.config.timeout),
                    follow_redirects=True,
                    max_redirects=self.config.max_redirects,
                )
            return self._client

    def _read(
        self, url: str, response: httpx.Response, accept: frozenset[str], deadline: float
    ) -> Page | _Retry:
        status = response.status_code
        if status in _RETRY_STATUS:
            return _Retry(status, retry_after(response.headers.get("Retry-After")))
        if status >= 400:
            raise HTTPStatusError(
                f"the server answered {status} {response.reason_phrase}; check the URL", url
            )
        media = media_type(response.headers.get("Content-Type"))
        if media and media not in accept:
            raise ContentTypeError(
                f"the response is {media}, not a web page or a feed; "
                "give the address of an HTML page or an RSS/Atom feed",
                url,
            )
        self._check_length(url, response.headers.get("Content-Length"))
        body = self._body(url, response, deadline)
        return Page(requested=url, url=str(response.url), content_type=media, body=body)

    def _check_length(self, url: str, declared: str | None) -> None:
        if declared and declared.isdigit() and int(declared) > self.config.max_bytes:
            raise _too_large(url, int(declared), self.config)

    def _body(self, url: str, response: httpx.Response, deadline: float) -> bytes:
        body = bytearray()
        for chunk in response.iter_bytes():  # as it arrives: the deadline is checked often
            body += chunk
            if len(body) > self.config.max_bytes:
                raise _too_large(url, None, self.config)
            if time.monotonic() > deadline:
                raise _timed_out(url, self.config)
        return bytes(body)


@contextmanager
def fetcher_for(fetcher: Fetcher | None) -> Iterator[Fetcher]:
    """`fetcher`, or a new one (with the default `FetchConfig`) closed at the end."""
    if fetcher is not None:
        yield fetcher
        return
    with Fetcher() as own:
        yield own


def media_type(header: str | None) -> str:
    """The media type of a Content-Type header, lower case, without its parameters."""
    return (header or "").split(";", 1)[0].strip().lower()


def retry_after(value: str | None) -> float | None:
    """Seconds to wait from a Retry-After header (seconds or an HTTP date); None if absent
    or unreadable."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - datetime.now(UTC)).total_seconds())


def _gave_up(url: str, result: _Retry, tries: int, wait: float, config: FetchConfig) -> FetchError:
    what = "too many requests" if result.status == 429 else "a server error"
    if wait > config.max_retry_after:
        return HTTPStatusError(
            f"the server answered {result.status} ({what}) and asked to wait {wait:.0f} s, "
            f"longer than the {config.max_retry_after:.0f} s limit; try again later",
            url,
        )
    return HTTPStatusError(
        f"the server answered {result.status} ({what}) {tries} times; try again later", url
    )


def _timed_out(url: str, config: FetchConfig) -> FetchTimeoutError:
    return FetchTimeoutError(
        f"no complete answer within {config.timeout:g} s; the server is slow or down, "
        "try again later or raise the timeout (FetchConfig.timeout)",
        url,
    )


def _too_large(url: str, size: int | None, config: FetchConfig) -> TooLargeError:
    what = "larger" if size is None else f"{size:,} bytes, more"
    return TooLargeError(
        f"the response is {what} than the limit of {config.max_bytes:,} bytes; "
        "this is not an article page (or raise FetchConfig.max_bytes)",
        url,
    )
