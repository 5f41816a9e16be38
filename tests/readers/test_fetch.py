"""The fetcher against a local server: limits, retries, politeness, and a clear reason for
each way a fetch fails."""

from __future__ import annotations

import threading
import time

import pytest
from _web import Web

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
from flashpoint.readers.fetch import FetchConfig, Fetcher, looks_like_feed, retry_after

pytest_plugins = ["_web_fixtures"]

FAST = FetchConfig(timeout=1.0, retries=2, backoff=0.01, min_delay=0.0, max_bytes=1_000_000)


def fetch(url: str, config: FetchConfig = FAST) -> object:
    with Fetcher(config) as fetcher:
        return fetcher.fetch(url)


def test_a_page_is_fetched_with_the_user_agent(web: Web) -> None:
    page = fetch(web.url("/lagos-protest.html"))
    assert page.content_type == "text/html"  # type: ignore[attr-defined]
    assert b"Police arrested 12 protesters" in page.body  # type: ignore[attr-defined]
    assert web.hits[0].user_agent == f"flashpoint/{__version__} (+offline event coder)"


def test_a_redirect_is_followed_and_the_final_url_kept(web: Web) -> None:
    page = fetch(web.url("/moved"))
    assert page.url == web.url("/lagos-protest.html")  # type: ignore[attr-defined]
    assert page.requested == web.url("/moved")  # type: ignore[attr-defined]


def test_404_is_reported_with_the_status(web: Web) -> None:
    with pytest.raises(HTTPStatusError, match="404") as err:
        fetch(web.url("/no-such-page.html"))
    assert err.value.source == web.url("/no-such-page.html")
    assert err.value.code == "http_status"


def test_a_slow_server_times_out(web: Web) -> None:
    started = time.monotonic()
    with pytest.raises(FetchTimeoutError, match="within 0.3 s"):
        fetch(web.url("/slow.html"), FetchConfig(timeout=0.3, min_delay=0))
    assert time.monotonic() - started < 1.9  # gave up before the 2 s answer


def test_a_trickling_answer_times_out_as_a_whole(web: Web) -> None:
    started = time.monotonic()
    with pytest.raises(FetchTimeoutError):
        fetch(web.url("/trickle.html"), FetchConfig(timeout=0.5, min_delay=0))
    assert time.monotonic() - started < 3  # the whole trickle takes 4 s


def test_a_30_mb_body_is_cut_off_at_the_limit(web: Web) -> None:
    started = time.monotonic()
    with pytest.raises(TooLargeError, match="larger than the limit of 1,000,000 bytes"):
        fetch(web.url("/huge.html"))
    assert time.monotonic() - started < 5


def test_a_declared_30_mb_body_is_refused_before_reading(web: Web) -> None:
    with pytest.raises(TooLargeError, match="31,457,280 bytes"):
        fetch(web.url("/huge-declared.html"))


def test_a_binary_response_is_not_a_page(web: Web) -> None:
    with pytest.raises(ContentTypeError, match="application/octet-stream, not a web page"):
        fetch(web.url("/file.bin"))


def test_a_redirect_loop_is_stopped(web: Web) -> None:
    with pytest.raises(RedirectError, match="redirect loop"):
        fetch(web.url("/loop-a"))
    assert len(web.hits) == FAST.max_redirects + 1


def test_429_then_200_is_retried(web: Web) -> None:
    page = fetch(web.url("/busy/one"))
    assert b"Lagos" in page.body  # type: ignore[attr-defined]
    assert web.paths() == ["/busy/one", "/busy/one"]


def test_a_server_error_is_retried_then_reported(web: Web) -> None:
    with pytest.raises(HTTPStatusError, match="503 .* 3 times"):
        fetch(web.url("/down"))
    assert web.paths() == ["/down"] * 3


def test_a_retry_after_beyond_the_cap_is_not_waited_for(web: Web) -> None:
    started = time.monotonic()
    with pytest.raises(HTTPStatusError, match="asked to wait 3600 s"):
        fetch(web.url("/wait-long"), FetchConfig(max_retry_after=5, min_delay=0))
    assert time.monotonic() - started < 4  # neither the hour asked nor the 5 s cap
    assert len(web.hits) == 1


def test_no_server_is_a_fetch_error() -> None:
    with pytest.raises(FetchError, match="cannot fetch the page"):
        fetch("http://127.0.0.1:9/article.html")


def test_not_a_url_is_refused() -> None:
    with pytest.raises(FetchError, match="not an http"):
        fetch("ftp://127.0.0.1/article.html")


def test_requests_to_one_host_wait_the_minimum_delay(web: Web) -> None:
    config = FetchConfig(timeout=2, min_delay=0.3)
    with Fetcher(config) as fetcher:
        fetcher.fetch(web.url("/lagos-protest.html"))
        fetcher.fetch(web.url("/border-clash.html"))
    first, second = web.hits
    assert second.start - first.end >= 0.29


def test_one_request_at_a_time_per_host(web: Web) -> None:
    config = FetchConfig(timeout=5, min_delay=0.0)
    release = threading.Event()
    web.holds["/lagos-protest.html"] = release
    with Fetcher(config) as fetcher:
        threads = [
            threading.Thread(target=fetcher.fetch, args=(web.url(p),))
            for p in ("/lagos-protest.html", "/border-clash.html")
        ]
        threads[0].start()
        time.sleep(0.2)
        threads[1].start()
        time.sleep(0.3)
        assert web.paths() == ["/lagos-protest.html"]  # the second waits for the first
        release.set()
        for t in threads:
            t.join(5)
    assert web.paths() == ["/lagos-protest.html", "/border-clash.html"]


def test_bad_configuration_is_refused() -> None:
    with pytest.raises(ConfigError, match="timeout must be positive"):
        FetchConfig(timeout=0)
    with pytest.raises(ConfigError, match="retries must be 0 or more"):
        FetchConfig(retries=-1)


def test_retry_after_reads_seconds_and_dates() -> None:
    assert retry_after("7") == 7.0
    assert retry_after(None) is None
    assert retry_after("soon") is None
    assert retry_after("Wed, 21 Oct 2015 07:28:00 GMT") == 0.0  # in the past


def test_feeds_are_recognised_by_their_first_element() -> None:
    assert looks_like_feed(b'<?xml version="1.0"?>\n<!-- c --><rss version="2.0">')
    assert looks_like_feed(b'\xef\xbb\xbf<feed xmlns="http://www.w3.org/2005/Atom">')
    assert not looks_like_feed(b"<!DOCTYPE html><html><body><p>feedback</p>")
    assert not looks_like_feed(b"<html><body><feed>not a feed</feed>")
