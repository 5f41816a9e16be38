"""The REST API, in process, over a real DuckDB store holding invented articles about a week
of Iran–Pakistan strikes (tests/analysis/week)."""

from __future__ import annotations

import shutil
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.responses import FileResponse, StreamingResponse
from fastapi.routing import APIRoute
from fastapi.testclient import TestClient
from pydantic import BaseModel, TypeAdapter
from starlette.routing import BaseRoute

from flashpoint import Coder
from flashpoint.api import create_app
from flashpoint.ingest import ingest
from flashpoint.store import open_store

WEEK = Path(__file__).resolve().parents[1] / "analysis" / "week"
TOKEN = "test-token-0123456789"
PERIOD = {"since": "2024-01-08", "until": "2024-01-28"}


@pytest.fixture(scope="module")
def base_db(coder: Coder, tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("api") / "base.duckdb"
    with open_store(db) as store:
        ingest(store, sorted(WEEK.glob("*.txt")), coder=coder)
    return db


def _copy(base: Path, folder: Path, name: str) -> str:
    target = folder / name
    shutil.copy(base, target)
    return str(target)


@pytest.fixture(scope="module")
def client(base_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    db = _copy(base_db, tmp_path_factory.mktemp("ro"), "ro.duckdb")
    with TestClient(create_app(db, max_page_size=50)) as c:
        yield c


@pytest.fixture()
def writer(base_db: Path, tmp_path: Path, coder: Coder) -> Iterator[TestClient]:
    app = create_app(_copy(base_db, tmp_path, "rw.duckdb"), token=TOKEN, max_body_bytes=20_000)
    app.state.service._coder = coder  # the session's coder: the model loads once per run
    with TestClient(app) as c:
        yield c


def _error(response: Any, status: int, code: str) -> dict[str, Any]:
    assert response.status_code == status, response.text
    body = response.json()
    assert set(body) == {"error", "message"}
    assert body["error"] == code and body["message"]
    return body  # type: ignore[no-any-return]


# --- events -------------------------------------------------------------------------------


def test_stats_and_meta(client: TestClient) -> None:
    stats = client.get("/api/stats").json()
    assert stats["documents"] == 6 and stats["events"] > 10 and not stats["writable"]
    assert stats["first_date"] == "2023-12-15"
    meta = client.get("/api/meta").json()
    assert {t["name"] for t in meta["types"]} >= {"ASSAULT", "SANCTION", "AGREE"}
    assert meta["max_page_size"] == 50 and "Natural Earth" in meta["map_attribution"]


def test_pagination_to_the_end(client: TestClient) -> None:
    total = client.get("/api/events").json()["total"]
    seen: list[str] = []
    url: str | None = "/api/events?page_size=4"
    pages = 0
    while url:
        page = client.get(url).json()
        seen += [e["id"] for e in page["items"]]
        assert len(page["items"]) <= 4
        url = page["next"]
        pages += 1
    assert len(seen) == total == len(set(seen))
    assert pages == page["pages"] == -(-total // 4)
    assert page["prev"] is not None
    _error(client.get(f"/api/events?page_size=4&page={pages + 1}"), 404, "not_found")
    newest = client.get("/api/events?order=desc&page_size=1").json()["items"][0]
    assert newest["id"] == seen[-1]


def test_filters(client: TestClient) -> None:
    assaults = client.get("/api/events", params={"type": "ASSAULT", **PERIOD}).json()
    assert assaults["total"] >= 3
    assert {e["event_type"] for e in assaults["items"]} == {"ASSAULT"}
    by_pak = client.get("/api/events", params={"actor": "PAK", "type": "ASSAULT"}).json()
    assert all(e["actor"]["country"] == "PAK" for e in by_pak["items"]) and by_pak["total"]
    dyad = client.get("/api/events", params={"dyad": "IRN-PAK"}).json()
    pairs = {(e["actor"]["country"], e["recipient"]["country"]) for e in dyad["items"]}
    assert pairs <= {("IRN", "PAK"), ("PAK", "IRN")} and len(pairs) == 2
    found = client.get("/api/events", params={"q": "warplanes Sistan"}).json()
    assert found["total"] == 1 and found["items"][0]["actor"]["country"] == "PAK"


def test_analyst_filters(client: TestClient) -> None:
    every = client.get("/api/events", params={"page_size": 50}).json()["items"]

    def ids(**params: Any) -> set[str]:
        found = client.get("/api/events", params={"page_size": 50, **params}).json()
        return {e["id"] for e in found["items"]}

    located = [e for e in every if e["location"] and e["location"]["lat"] is not None]
    e0 = located[0]
    lat, lon = e0["location"]["lat"], e0["location"]["lon"]
    inside = ids(bbox=f"{lon - 0.5},{lat - 0.5},{lon + 0.5},{lat + 0.5}")
    assert e0["id"] in inside and len(inside) < len(every)
    assert e0["id"] not in ids(bbox=f"{lon + 1},{lat - 0.5},{lon + 2},{lat + 0.5}")
    conflict = ids(quad="4")
    assert conflict and all(e["quad_code"] == 4 for e in every if e["id"] in conflict)
    assert conflict | ids(quad="1,2,3") == {e["id"] for e in every}
    mil = ids(sector="MIL")
    assert mil == {
        e["id"]
        for e in every
        if "MIL" in ((e["actor"] or {}).get("sector"), (e["recipient"] or {}).get("sector"))
    }
    battles = ids(acled_type="Battles")
    assert battles == {e["id"] for e in every if e["acled_event_type"] == "Battles"}
    sure = ids(min_confidence=0.9)
    assert sure == {e["id"] for e in every if (e["confidence"] or 0) >= 0.9}
    days = ids(date_precision="day")
    assert days == {e["id"] for e in every if e["date_precision"] == "day"} and days
    admin1 = e0["location"].get("admin1")
    if admin1:
        assert e0["id"] in ids(admin1=admin1.upper())


def test_streaming_export(client: TestClient) -> None:
    import csv
    import io
    import json

    total = client.get("/api/events", params={"type": "ASSAULT"}).json()["total"]
    with client.stream("GET", "/api/export", params={"type": "ASSAULT"}) as res:
        assert res.status_code == 200 and res.headers["content-type"].startswith("text/csv")
        assert "attachment" in res.headers["content-disposition"]
        text = "".join(res.iter_text())
    rows = list(csv.DictReader(io.StringIO(text)))
    assert len(rows) == total and {r["event_type"] for r in rows} == {"ASSAULT"}
    lines = client.get("/api/export", params={"format": "jsonl"}).text.splitlines()
    assert len(lines) == client.get("/api/stats").json()["events"]  # no page limit
    assert all(json.loads(line)["id"] for line in lines)
    geo = client.get("/api/export", params={"format": "geojson", "dyad": "IRN-PAK"}).json()
    assert geo["type"] == "FeatureCollection" and geo["features"]
    assert all(f["geometry"]["type"] == "Point" for f in geo["features"])


def test_analysis_can_include_imprecise_and_background(client: TestClient) -> None:
    every = client.get("/api/export", params={"format": "jsonl"}).text.splitlines()
    assert every
    default = client.get("/api/actors").json()
    wide = client.get(
        "/api/actors", params={"include_imprecise": "true", "include_background": "true"}
    ).json()
    weight = sum(e["events"] for e in default["edges"])
    assert sum(e["events"] for e in wide["edges"]) >= weight > 0


def test_event_with_its_mentions_and_evidence(client: TestClient) -> None:
    strikes = client.get(
        "/api/events", params={"actor": "IRN", "recipient": "PAK", "type": "ASSAULT"}
    ).json()["items"]
    first = next(e for e in strikes if e["date"] == "2024-01-16")
    event = client.get(f"/api/events/{first['id']}").json()
    assert event["id"] == first["id"] and event["num_articles"] >= 1
    docs = {m["doc_id"] for m in event["mentions"]}
    assert "02_iran_strike" in docs
    mention = next(m for m in event["mentions"] if m["doc_id"] == "02_iran_strike")
    assert mention["sentence"].startswith("Iranian missiles and drones struck")
    kinds = {h["kind"]: h["text"] for h in mention["highlights"]}
    assert "struck" in kinds["trigger"]
    assert "Balochistan" in kinds["location"]
    for h in mention["highlights"]:
        assert mention["sentence"][h["start"] : h["end"]] == h["text"]


def test_analysis_routes(client: TestClient) -> None:
    dyads = client.get("/api/dyads", params={**PERIOD, "series": "true"}).json()
    top = dyads["dyads"][0]
    assert top["dyad"] == "IRN-PAK" and top["escalating"] and top["chains"] >= 1
    assert len(top["series"]) == 21 and "baseline" in dyads["method"]
    esc = client.get("/api/escalation", params={**PERIOD, "dyad": "IRN-PAK"}).json()
    assert esc["escalating"] and esc["breakout"] and esc["series"]
    assert client.get("/api/escalation", params=PERIOD).json()["dyads"][0]["dyad"] == "IRN-PAK"
    chains = client.get("/api/chains", params={**PERIOD, "dyad": "IRN-PAK"}).json()["chains"]
    assert chains[0]["sequence"][:2] == ["IRN → PAK", "PAK → IRN"]
    counts = client.get("/api/dyads/IRN-PAK", params={**PERIOD, "freq": "week"}).json()
    assert counts["periods"][0]["date"] == "2024-01-08"
    assert sum(p["material_conflict"] for p in counts["periods"]) >= 3
    actors = client.get("/api/actors", params=PERIOD).json()
    assert {"IRN", "PAK"} <= {n["id"] for n in actors["nodes"]}
    assert any(e["source"] == "PAK" and e["target"] == "IRN" for e in actors["edges"])


def test_map_and_timeline(client: TestClient) -> None:
    points = client.get("/api/map", params=PERIOD).json()
    assert points["fields"][:3] == ["id", "lat", "lon"] and points["points"]
    assert all(-90 <= p[1] <= 90 and -180 <= p[2] <= 180 for p in points["points"])
    timeline = client.get("/api/timeline", params=PERIOD).json()
    day = next(b for b in timeline["bins"] if b["date"] == "2024-01-18")
    assert day["4"] >= 1 and day["dead"] >= 9


def test_openapi_document(client: TestClient) -> None:
    doc = client.get("/api/openapi.json").json()
    paths = set(doc["paths"])
    assert {"/api/events", "/api/events/{event_id}", "/api/dyads", "/api/escalation"} <= paths
    assert {"/api/chains", "/api/actors", "/api/documents"} <= paths
    assert "ErrorBody" in doc["components"]["schemas"]


# --- errors -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "status", "code"),
    [
        ("/api/events?page_size=51", 400, "bad_parameter"),
        ("/api/events?page_size=0", 400, "bad_parameter"),
        ("/api/events?page=0", 400, "bad_parameter"),
        ("/api/events?page=abc", 400, "bad_parameter"),
        ("/api/events?since=18-01-2024", 400, "bad_parameter"),
        ("/api/events?type=BOMBING", 400, "bad_parameter"),
        ("/api/events?country=PAKISTAN", 400, "bad_parameter"),
        ("/api/events?since=2024-02-01&until=2024-01-01", 400, "bad_parameter"),
        ("/api/events?order=sideways", 400, "bad_parameter"),
        ("/api/events?dyad=IRN", 400, "bad_parameter"),
        ("/api/dyads?level=planet", 400, "bad_parameter"),
        ("/api/dyads?window=0", 400, "bad_parameter"),
        ("/api/chains?since=2024-02-01&until=2024-01-01", 400, "bad_parameter"),
        ("/api/dyads/IRN-IRN", 400, "bad_parameter"),
        ("/api/events?bogus=1", 400, "unknown_parameter"),
        ("/api/events?limit=-5", 400, "unknown_parameter"),
        ("/api/events?Actor=IRN", 400, "unknown_parameter"),
        ("/api/map?limit=-5", 400, "bad_parameter"),
        ("/api/events?bbox=x", 400, "bad_parameter"),
        ("/api/events?bbox=60,23,78", 400, "bad_parameter"),
        ("/api/events?bbox=60,95,78,96", 400, "bad_parameter"),
        ("/api/events?quad=5", 400, "bad_parameter"),
        ("/api/events?min_confidence=2", 400, "bad_parameter"),
        ("/api/events?date_precision=hour", 400, "bad_parameter"),
        ("/api/events?acled_type=Skirmish", 400, "bad_parameter"),
        ("/api/export?format=xml", 400, "bad_parameter"),
        ("/api/export?bogus=1", 400, "unknown_parameter"),
        ("/api/dyads?include_imprecise=perhaps", 400, "bad_parameter"),
        ("/api/stats?verbose=1", 400, "unknown_parameter"),
        ("/api/events/ev_does_not_exist", 404, "not_found"),
        ("/api/events/%3Cscript%3E", 404, "not_found"),
        ("/api/no-such-route", 404, "not_found"),
    ],
)
def test_bad_requests_get_one_error_shape(
    client: TestClient, url: str, status: int, code: str
) -> None:
    _error(client.get(url), status, code)


def test_wrong_method_and_long_url(client: TestClient) -> None:
    _error(client.delete("/api/events"), 405, "method_not_allowed")
    _error(client.get("/api/events?q=" + "x" * 5000), 414, "uri_too_long")


def test_writes_are_refused_on_a_read_only_server(client: TestClient) -> None:
    doc = {"documents": [{"text": "Police arrested ten protesters.", "date": "2024-01-20"}]}
    body = _error(client.post("/api/documents", json=doc), 403, "read_only")
    assert "--token" in body["message"]
    headers = {"Authorization": f"Bearer {TOKEN}"}
    _error(client.post("/api/documents", json=doc, headers=headers), 403, "read_only")
    assert client.get("/api/stats").json()["documents"] == 6


# --- writing ------------------------------------------------------------------------------

ARTICLE = {
    "id": "07_talks_follow_up",
    "date": "2024-01-29",
    "title": "INVENTED TEST ARTICLE",
    "text": "Pakistani police arrested twelve smugglers near the Iranian border on Monday.",
}


def test_a_write_without_the_token_is_refused(writer: TestClient) -> None:
    doc = {"documents": [ARTICLE]}
    _error(writer.post("/api/documents", json=doc), 401, "unauthorized")
    bad = {"Authorization": "Bearer wrong-token"}
    _error(writer.post("/api/documents", json=doc, headers=bad), 401, "unauthorized")
    assert writer.get("/api/stats").json()["documents"] == 6


def test_a_write_with_the_token_codes_and_stores(writer: TestClient) -> None:
    headers = {"Authorization": f"Bearer {TOKEN}"}
    before = writer.get("/api/stats").json()
    bad = {"text": "   ", "date": "2024-01-29"}
    res = writer.post("/api/documents", json={"documents": [ARTICLE, bad]}, headers=headers)
    assert res.status_code == 200, res.text
    out = res.json()
    assert out["received"] == 2 and out["stored"] == 1
    assert out["doc_ids"] == ["07_talks_follow_up"]
    assert out["errors"][0]["index"] == 1 and out["errors"][0]["error"] == "empty_document"
    after = writer.get("/api/stats").json()
    assert after["documents"] == before["documents"] + 1
    assert after["mentions"] > before["mentions"]
    again = writer.post("/api/documents", json={"documents": [ARTICLE]}, headers=headers).json()
    assert again["skipped"] == 1 and again["stored"] == 0


def test_bad_and_oversized_writes(writer: TestClient) -> None:
    headers = {"Authorization": f"Bearer {TOKEN}"}
    _error(
        writer.post("/api/documents", json={"documents": []}, headers=headers), 422, "bad_parameter"
    )
    no_date = {"documents": [{"text": "Police arrested ten protesters."}]}
    _error(writer.post("/api/documents", json=no_date, headers=headers), 422, "bad_parameter")
    _error(
        writer.post(
            "/api/documents",
            content=b"{not json",
            headers={**headers, "Content-Type": "application/json"},
        ),
        422,
        "bad_parameter",
    )
    huge = {"documents": [{**ARTICLE, "text": "word " * 10_000}]}
    body = _error(writer.post("/api/documents", json=huge, headers=headers), 413, "too_large")
    assert "20,000 bytes" in body["message"]

    def chunks() -> Iterator[bytes]:  # no Content-Length: counted while read
        yield b'{"documents": [{"date": "2024-01-29", "text": "'
        for _ in range(30):
            yield b"x" * 1000
        yield b'"}]}'

    streamed = writer.post(
        "/api/documents", content=chunks(), headers={**headers, "Content-Type": "application/json"}
    )
    _error(streamed, 413, "too_large")
    assert writer.get("/api/stats").json()["documents"] == 6


def test_too_many_documents_in_one_request(base_db: Path, tmp_path: Path) -> None:
    app = create_app(_copy(base_db, tmp_path, "few.duckdb"), token=TOKEN, max_documents=2)
    docs = {"documents": [ARTICLE, ARTICLE, ARTICLE]}
    with TestClient(app) as c:
        res = c.post("/api/documents", json=docs, headers={"Authorization": f"Bearer {TOKEN}"})
    _error(res, 413, "too_large")


def test_the_dashboard_and_its_assets_are_served(client: TestClient) -> None:
    page = client.get("/")
    assert page.status_code == 200 and "text/html" in page.headers["content-type"]
    assert "default-src 'self'" in page.headers["content-security-policy"]
    assert "http" not in page.text.replace("http-equiv", "")  # no outside URL in the page
    for asset in ("app.js", "style.css", "world.geojson", "favicon.svg"):
        res = client.get(f"/static/{asset}")
        assert res.status_code == 200 and len(res.content) > 100
    assert "https://" not in client.get("/static/app.js").text
    _error(client.get("/static/missing.js"), 404, "not_found")


# --- response models ------------------------------------------------------------------------

# a request of every GET route, by its path; each body is checked against the route's model
SAMPLES: dict[str, list[Mapping[str, str | int]]] = {
    "/api/events": [{"page_size": 5}, {"actor": "IRN", "order": "desc"}],
    "/api/map": [PERIOD],
    "/api/timeline": [PERIOD, {"freq": "week"}],
    "/api/dyads": [{**PERIOD, "series": "true"}, {"level": "sector"}],
    "/api/dyads/{dyad}": [{**PERIOD, "freq": "week"}],
    "/api/escalation": [{**PERIOD, "dyad": "IRN-PAK"}, PERIOD],
    "/api/chains": [{**PERIOD, "level": "sector"}, {"dyad": "IRN-PAK"}],
    "/api/actors": [PERIOD, {"limit": 2}],
    "/api/stats": [{}],
    "/api/meta": [{}],
}


def _unknown_fields(value: Any, where: str = "") -> list[str]:
    """Where a validated body has fields its model does not name."""
    if isinstance(value, BaseModel):
        out = [f"{where}.{k}" for k in value.model_extra or {}]
        for name in type(value).model_fields:
            out += _unknown_fields(getattr(value, name), f"{where}.{name}")
        return out
    if isinstance(value, list | tuple):
        return [w for i, v in enumerate(value) for w in _unknown_fields(v, f"{where}[{i}]")]
    if isinstance(value, dict):
        return [w for k, v in value.items() for w in _unknown_fields(v, f"{where}.{k}")]
    return []


def _routes(app: FastAPI) -> list[tuple[str, BaseRoute]]:
    """Every route of `app` with its full path, those of included routers too."""
    try:
        from fastapi.routing import iter_route_contexts
    except ImportError:  # before FastAPI 0.165, app.routes holds the included routes
        return [(getattr(r, "path", ""), r) for r in app.routes]
    return [(c.path or "", c.original_route) for c in iter_route_contexts(app.routes)]


def test_every_route_declares_its_response(client: TestClient) -> None:
    plain = []
    for path, route in _routes(client.app):  # type: ignore[arg-type]
        if not isinstance(route, APIRoute):
            plain.append(path)
            continue
        if route.response_class in (FileResponse, StreamingResponse):
            media = route.responses[200]["content"]
            assert route.include_in_schema and media, path
        else:
            assert route.response_model is not None, f"{path} has no response_model"
    assert sorted(plain) == ["/api/openapi.json", "/static"]
    doc = client.get("/api/openapi.json").json()
    for path, methods in doc["paths"].items():
        for method, op in methods.items():
            ok = op["responses"]["200"]["content"]
            assert all(c.get("schema") for c in ok.values()), f"{method} {path}"


def test_every_body_is_fully_described_by_its_model(client: TestClient) -> None:
    app: FastAPI = client.app  # type: ignore[assignment]
    routes = {p: r for p, r in _routes(app) if isinstance(r, APIRoute)}
    first = client.get("/api/events", params={"page_size": 1}).json()["items"][0]["id"]
    urls: list[tuple[str, str, Mapping[str, str | int]]] = [
        ("/api/events/{event_id}", f"/api/events/{first}", {})
    ]
    urls += [
        (path, path.replace("{dyad}", "IRN-PAK"), params)
        for path, cases in SAMPLES.items()
        for params in cases
    ]
    get_routes = {
        p
        for p, r in routes.items()
        if "GET" in (r.methods or ()) and "/api/" in p and r.response_class is not StreamingResponse
    }
    assert {path for path, _, _ in urls} == get_routes  # a new route needs a sample here
    for path, url, params in urls:
        res = client.get(url, params=params)
        assert res.status_code == 200, (url, res.text)
        body = TypeAdapter(routes[path].response_model).validate_python(res.json())
        assert _unknown_fields(body) == [], url
