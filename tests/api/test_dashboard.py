"""The dashboard in real headless Chromium (Debian's /usr/bin/chromium, driven by Playwright's
Python package; scripts/install_chromium.sh installs it): the map, the timeline, the dyads,
the chains and an event's evidence render, and the page requests nothing outside the app.

Set FLASHPOINT_DASHBOARD_PNG to a path to keep the screenshot (docs/dashboard.png is made so).
"""

from __future__ import annotations

import asyncio
import itertools
import os
import re
import shutil
import socket
import threading
import time
from collections.abc import Callable, Iterator
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
import uvicorn
from playwright.sync_api import Browser, Page, Route, expect, sync_playwright

from flashpoint import Coder
from flashpoint.api import create_app
from flashpoint.ingest import ingest
from flashpoint.samples import sample_paths
from flashpoint.store import open_store

WEEK = Path(__file__).resolve().parents[1] / "analysis" / "week"
CHROMIUM = os.environ.get("FLASHPOINT_CHROMIUM", "/usr/bin/chromium")
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Latency:
    """The app behind a slow network for the requests a test names: each such answer is
    held back a second, so that a newer request can be answered before an older one."""

    def __init__(self, app: Any) -> None:
        self.app = app
        self.slow: Callable[[str], bool] = lambda _url: False

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] == "http":
            url = scope["path"] + "?" + scope["query_string"].decode()
            if self.slow(url):
                await asyncio.sleep(1.0)
        await self.app(scope, receive, send)


@pytest.fixture(scope="module")
def latency(coder: Coder, tmp_path_factory: pytest.TempPathFactory) -> Latency:
    db = tmp_path_factory.mktemp("dash") / "dash.duckdb"
    with open_store(db) as store:
        ingest(store, [*sorted(WEEK.glob("*.txt")), *sample_paths()], coder=coder)
    return Latency(create_app(str(db)))


@pytest.fixture(scope="module")
def base_url(latency: Latency) -> Iterator[str]:
    port = _free_port()
    config = uvicorn.Config(latency, host="127.0.0.1", port=port, log_level="warning")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        assert thread.is_alive() and time.monotonic() < deadline, "the server did not start"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(10)


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    assert Path(CHROMIUM).exists(), f"{CHROMIUM} is missing; run scripts/install_chromium.sh"
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


class Visit:
    """A page of the dashboard that records every request and any script error."""

    def __init__(self, browser: Browser, base: str) -> None:
        self.base = base
        self.requests: list[str] = []
        self.outside: list[str] = []
        self.errors: list[str] = []
        self.page: Page = browser.new_page(viewport={"width": 1400, "height": 1000})
        self.page.route("**/*", self._route)
        self.page.on("pageerror", lambda exc: self.errors.append(str(exc)))
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)

    def _route(self, route: Route) -> None:
        url = route.request.url
        self.requests.append(url)
        if url == self.base or url.startswith(self.base + "/"):
            route.continue_()
        else:
            self.outside.append(url)
            route.abort()

    def open(self) -> Page:
        self.page.goto(self.base + "/")
        self.page.wait_for_selector("body[data-ready='1']", timeout=60_000)
        return self.page


@pytest.fixture()
def visit(browser: Browser, base_url: str) -> Iterator[Visit]:
    v = Visit(browser, base_url)
    yield v
    v.page.close()
    assert v.outside == [], f"the page asked for outside URLs: {v.outside}"
    assert v.errors == [], f"script errors: {v.errors}"


def test_map_timeline_dyads_and_chains_render(visit: Visit) -> None:
    page = visit.open()
    assert page.locator("#map path.country").count() > 150
    circles = page.locator("#map circle.event")
    assert circles.count() >= 5
    colors = {circles.nth(i).get_attribute("fill") for i in range(circles.count())}
    assert len(colors) >= 2  # coloured by event type
    radii = {float(circles.nth(i).get_attribute("r") or 0) for i in range(circles.count())}
    assert len(radii) >= 2  # sized by the killed
    assert page.locator("#timeline g.bar rect").count() >= 5
    # the store holds two escalating weeks (the invented Iran-Pakistan week and the
    # Kyrgyzstan-Tajikistan samples): both lead the ranking, in the order of their scores
    top = page.locator("#dyads li.dyad")
    leaders = [top.nth(i).get_attribute("data-dyad") for i in range(2)]
    assert set(leaders) == {"IRN-PAK", "KGZ-TJK"}
    irn_pak = page.locator("#dyads li.dyad[data-dyad='IRN-PAK']")
    # it crossed the threshold on 16 January and is back under it by the end of the view
    assert "escalated 16 Jan, calmer now" in irn_pak.inner_text()
    assert "1 chain" in irn_pak.inner_text() and "1 chains" not in irn_pak.inner_text()
    chain = page.locator("#chains .chain[data-dyad='IRN-PAK']")
    assert "IRN → PAK" in chain.inner_text() and "PAK → IRN" in chain.inner_text()


def test_the_map_says_how_many_events_it_locates(visit: Visit) -> None:
    page = visit.open()
    label = page.inner_text("[data-testid=located]")
    found = re.fullmatch(r"(\d+) of (\d+) events? located", label)
    assert found, label
    located, matched = int(found[1]), int(found[2])
    assert located == page.locator("#map circle.event").count() > 0
    assert f"{matched} event" in page.inner_text("#events-count")
    assert located <= matched
    # markers where only the country is known are hollow, the others filled
    points = page.evaluate(
        "async () => (await (await fetch('/api/map?' + new URLSearchParams({since: "
        "document.querySelector('#f-since').value, until: document.querySelector('#f-until')"
        ".value}))).json()).points"
    )
    centroids = {p[0] for p in points if p[8] == "country"}
    hollow = page.eval_on_selector_all(
        "#map circle.event.centroid", "els => els.map(e => [e.dataset.id, e.getAttribute('fill')])"
    )
    assert len(centroids) >= 1  # the coder placed some events only in a country
    assert {i for i, _ in hollow} == centroids and all(f == "none" for _, f in hollow)
    assert "only the country known" in page.inner_text("#legend")
    filled = page.eval_on_selector_all(
        "#map circle.event:not(.centroid)", "els => els.map(e => e.getAttribute('fill'))"
    )
    assert len(filled) == located - len(centroids) and "none" not in filled


def _points(d: str) -> list[list[tuple[float, float]]]:
    """The subpaths of an SVG path of M/L/Z commands, as lists of points."""
    paths: list[list[tuple[float, float]]] = []
    for cmd, x, y in re.findall(r"([ML])(-?[\d.]+) (-?[\d.]+)", d):
        if cmd == "M":
            paths.append([])
        paths[-1].append((float(x), float(y)))
    return paths


def test_no_outline_stripes_across_the_antimeridian(visit: Visit) -> None:
    page = visit.open()
    paths = page.eval_on_selector_all(
        "#map path.country", "els => els.map(e => [e.dataset.iso3, e.getAttribute('d')])"
    )
    shapes = {iso: _points(d) for iso, d in paths}
    xs = [x for subs in shapes.values() for sub in subs for x, _ in sub]
    k = (max(xs) - min(xs)) / 360  # the map's horizontal scale (units per degree)
    for iso, subs in shapes.items():
        for sub in subs:
            for (x0, y0), (x1, y1) in itertools.pairwise(sub):
                # only the edge of the map along the South Pole may span it
                assert abs(x1 - x0) < 180 * k or y0 == y1 == 90, (iso, (x0, y0), (x1, y1))
    # Russia and Fiji are drawn on both sides of the line, each part closed on its own
    for iso in ("RUS", "FJI"):
        lons = [x / k for sub in shapes[iso] for x, _ in sub]
        assert min(lons) < -179 and max(lons) > 179


def test_an_event_row_opens_the_evidence_of_every_article(visit: Visit) -> None:
    page = visit.open()
    page.fill("#f-q", "missiles drones Balochistan")
    page.click("#filters button[type=submit]")
    expect(page.locator("#events-body tr.row")).to_have_count(1)
    page.click("#events-body tr.row")
    mention = page.locator("tr.evidence .mention").first
    mention.wait_for()
    assert "Iranian missiles and drones struck" in mention.inner_text()
    assert page.locator("tr.evidence .mention").count() >= 1
    marks = page.locator("tr.evidence .sentence mark")
    kinds = {marks.nth(i).get_attribute("class") for i in range(marks.count())}
    assert "location" in kinds and ("trigger" in kinds or "actor" in kinds)
    assert "02_iran_strike" in page.locator("tr.evidence .source").nth(1).inner_text()
    page.click("#events-body tr.row")  # closes it again
    assert page.locator("tr.evidence").count() == 0


def test_selecting_a_dyad_draws_its_chart_and_filters(visit: Visit, tmp_path: Path) -> None:
    page = visit.open()
    page.click("#dyads li.dyad[data-dyad='IRN-PAK']")
    page.wait_for_selector("#dyad-panel:not([hidden]) #dyad-chart g.chain-mark")
    assert page.locator("#dyad-chart g.chain-mark").count() >= 2
    verdict = page.inner_text("#dyad-verdict")
    assert verdict.startswith("escalated, below the threshold again: breakout 16 Jan 2024")
    # the dates the panel names are on its chart, and it says which days the chart shows
    shown = re.search(r"chart: (\d+ \w+ \d{4}) – (\d+ \w+ \d{4})$", verdict)
    assert shown, verdict
    first, last = (datetime.strptime(d, "%d %b %Y").date() for d in shown.groups())
    assert first <= date(2024, 1, 16) <= last
    assert page.locator("#dyad-chart rect.above").count() >= 1
    page.wait_for_selector("#chips .chip")
    _assert_only_the_dyad_listed(page)
    page.locator("#map circle.event").first.click()
    page.wait_for_selector("tr.evidence .mention")
    shot = tmp_path / "dashboard.png"
    page.screenshot(path=str(shot), full_page=True)
    assert shot.read_bytes()[:4] == b"\x89PNG"
    keep = os.environ.get("FLASHPOINT_DASHBOARD_PNG")
    if keep:
        shutil.copy(shot, keep)


def _assert_only_the_dyad_listed(page: Page) -> None:
    page.wait_for_selector("#events-body[aria-busy='false']")
    rows = page.locator("#events-body tr.row")
    assert rows.count() >= 3
    for i in range(rows.count()):
        parties = rows.nth(i).locator("td").nth(2).inner_text()
        assert "Iran" in parties and "Pakistan" in parties


def test_an_older_slower_answer_does_not_overwrite_a_newer_one(
    visit: Visit, latency: Latency
) -> None:
    page = visit.open()
    latency.slow = lambda url: url.startswith("/api/") and "dyad=" not in url
    try:
        with page.expect_response(lambda r: "/api/events" in r.url and "dyad=" not in r.url):
            page.click("#filters button[type=submit]")  # every panel again, answered late
            page.click("#dyads li.dyad[data-dyad='IRN-PAK']")  # the newer request, answered first
            _assert_only_the_dyad_listed(page)
    finally:
        latency.slow = lambda _url: False
    page.evaluate("() => new Promise((done) => setTimeout(done, 200))")  # the late answer is read
    _assert_only_the_dyad_listed(page)
    assert page.locator("#dyad-chart g.chain-mark").count() >= 2


def test_no_request_leaves_the_app(visit: Visit) -> None:
    page = visit.open()
    page.mouse.move(300, 300)
    page.mouse.wheel(0, -400)  # zoom the map
    page.locator("#timeline g.bar").last.click()
    page.wait_for_selector("#chips .chip")
    assert visit.requests, "no request was recorded"
    assert all(u.startswith(visit.base) for u in visit.requests)
    assert any(u.endswith("/static/world.geojson") for u in visit.requests)
