"""The REST API and the dashboard: one FastAPI app over one event store.

    from flashpoint.api import create_app
    app = create_app("events.duckdb")                 # read-only
    app = create_app("events.duckdb", token="s3cret") # POST /api/documents with the token

Routes (JSON but /api/export; errors are {"error": code, "message": text}; a query
parameter a route does not take, or a malformed value, is a 400):

    GET  /api/events            the store's filters, paginated (page, page_size)
    GET  /api/export            every matching event, streamed as CSV, GeoJSON or JSONL
    GET  /api/events/{id}       one event with every article's mention and evidence spans
    GET  /api/map               located events, compact, for the map
    GET  /api/timeline          events per day or week by quad class
    GET  /api/dyads             the most escalating dyads of a period
    GET  /api/dyads/{dyad}      a dyad's counts by day or week
    GET  /api/escalation        a dyad's escalation signal (or the escalating dyads)
    GET  /api/chains            retaliation chains
    GET  /api/actors            the actor network (nodes and weighted edges)
    GET  /api/stats, /api/meta  store counts; types, colours and limits
    POST /api/documents         code and store articles (only with the server's token)
    GET  /api/openapi.json      this API's OpenAPI document
    GET  /                      the dashboard (static files shipped in the package)
"""

from __future__ import annotations

import hmac
import math
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import date, timedelta
from importlib import resources
from pathlib import Path
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, FastAPI, Header, Query, Request
from fastapi.dependencies.models import Dependant
from fastapi.responses import FileResponse, StreamingResponse
from fastapi.staticfiles import StaticFiles
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from flashpoint import __version__
from flashpoint.analysis.chains import retaliation_chains
from flashpoint.analysis.charts import world_outline
from flashpoint.analysis.dyads import LEVELS, Dyad, Freq, Level, dyad_counts
from flashpoint.analysis.escalation import (
    EscalationParams,
    dyad_escalation,
    escalating_dyads,
    period_bounds,
)
from flashpoint.analysis.frame import QUAD_NAMES, in_period
from flashpoint.analysis.network import actor_network
from flashpoint.api import errors
from flashpoint.api.errors import ApiError, ErrorBody
from flashpoint.api.models import (
    ActorNetwork,
    Chains,
    DocumentsIn,
    DyadCounts,
    DyadRanking,
    DyadSignal,
    EscalatingDyads,
    EventDetail,
    EventPage,
    IngestResult,
    MapPoints,
    Meta,
    Stats,
    Timeline,
)
from flashpoint.api.service import Service
from flashpoint.store import EventFilter
from flashpoint.store.export import STREAMS, stream_events
from flashpoint.store.records import StoredEvent, StoredMention

STATIC = Path(str(resources.files("flashpoint.api").joinpath("static")))
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; "
    "frame-ancestors 'none'; form-action 'self'"
)
ERRORS: dict[int | str, dict[str, Any]] = {
    s: {"model": ErrorBody, "description": d}
    for s, d in {
        400: "unknown or malformed parameter",
        404: "not found",
        413: "request too large",
        422: "bad request body",
        500: "server error",
    }.items()
}

LevelParam = Annotated[
    Literal["country", "sector", "group"],
    Query(description="tell actors apart by country (IRN), sector (IRN:MIL) or group"),
]
SinceParam = Annotated[date | None, Query(description="first day (YYYY-MM-DD)")]
UntilParam = Annotated[date | None, Query(description="last day (YYYY-MM-DD)")]


class SecurityHeaders:
    """Headers on every response: the dashboard may load nothing from outside the app."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        api = scope.get("path", "").startswith("/api/")

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                headers += [
                    (b"content-security-policy", CSP.encode()),
                    (b"x-content-type-options", b"nosniff"),
                    (b"referrer-policy", b"no-referrer"),
                    (b"x-frame-options", b"DENY"),
                ]
                if api:
                    headers.append((b"cache-control", b"no-store"))
                message["headers"] = headers
            await send(message)

        await self.app(scope, receive, with_headers)


def _dyad(text: str | None) -> Dyad | None:
    return Dyad.parse(text) if text else None


def _params(window: int, baseline: int, threshold: float, min_scale: float) -> EscalationParams:
    return EscalationParams(
        window=window, baseline=baseline, threshold=threshold, min_scale=min_scale
    )


def _highlights(m: StoredMention) -> list[dict[str, Any]]:
    """The coded fields' spans inside the mention's sentence (offsets into the sentence)."""
    if not m.sentence_span:
        return []
    start, end = m.sentence_span
    rec = m.record
    spans: list[tuple[str, Any]] = [
        ("trigger", (rec.get("trigger") or {}).get("span")),
        ("actor", (rec.get("actor") or {}).get("span")),
        ("recipient", (rec.get("recipient") or {}).get("span")),
        ("location", (rec.get("location") or {}).get("span")),
        ("date", rec.get("date_span")),
    ]
    spans += [(k, v) for k, v in (rec.get("count_spans") or {}).items()]
    out = []
    for kind, span in spans:
        if not span or span[0] < start or span[1] > end or span[0] >= span[1]:
            continue
        a, b = span[0] - start, span[1] - start
        out.append({"kind": kind, "start": a, "end": b, "text": m.sentence[a:b]})
    return sorted(out, key=lambda h: (h["start"], h["end"]))


def _mention(m: StoredMention) -> dict[str, Any]:
    out = m.to_dict()
    rec = m.record
    out["title"] = rec.get("title")
    out["outlet"] = m.outlet
    out["event_type"] = rec.get("event_type")
    out["mode"] = rec.get("mode")
    out["highlights"] = _highlights(m)
    out["evidence"] = rec.get("evidence") or []
    return out


def _page_url(request: Request, page: int) -> str:
    return str(request.url.include_query_params(page=page))


def create_app(
    db: str,
    token: str | None = None,
    *,
    max_page_size: int = 500,
    max_body_bytes: int = 2_000_000,
    max_documents: int = 100,
    max_url: int = 4096,
    service: Service | None = None,
) -> FastAPI:
    """The API and dashboard over the store `db` (a DuckDB path or a postgresql:// URL).

    Read-only unless `token` is given; then POST /api/documents accepts requests that carry
    `Authorization: Bearer <token>`. Bodies over `max_body_bytes` get 413, pages over
    `max_page_size` 400, URLs over `max_url` characters 414."""
    svc = service or Service(db, read_only=not token)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        if service is None:
            svc.close()

    app = FastAPI(
        title="flashpoint",
        version=__version__,
        description="PLOVER political events coded from news, with dyad analytics: "
        "escalation signals, retaliation chains, actor networks. Every error is "
        '{"error": code, "message": text}.',
        openapi_url="/api/openapi.json",
        docs_url=None,
        redoc_url=None,
        lifespan=lifespan,
    )
    app.state.service = svc
    app.state.writable = bool(token)
    errors.install(app)
    app.add_middleware(errors.LimitsMiddleware, max_body=max_body_bytes, max_url=max_url)
    app.add_middleware(SecurityHeaders)
    limits = {"max_page_size": max_page_size, "max_body_bytes": max_body_bytes}
    limits["max_documents"] = max_documents
    app.include_router(_read_routes(svc, limits, bool(token)))
    app.include_router(_write_routes(svc, token, max_documents))
    _static_routes(app)
    return app


def _query_names(dependant: Dependant) -> set[str]:
    """The query parameters a route takes, those of its dependencies too."""
    names = {f.alias or f.name for f in dependant.query_params}
    for sub in dependant.dependencies:
        names |= _query_names(sub)
    return names


def known_parameters(request: Request) -> None:
    """Refuse a query parameter the route does not take: a misspelt filter must not be
    silently ignored (it would return every event)."""
    route = request.scope.get("route")
    dependant = getattr(route, "dependant", None)
    if dependant is None:
        return
    known = _query_names(dependant)
    unknown = sorted(set(request.query_params) - known)
    if unknown:
        raise ApiError(
            400,
            "unknown_parameter",
            f"{request.url.path} does not take {', '.join(map(repr, unknown))}; it takes "
            f"{', '.join(sorted(known)) or 'no parameters'} (see /api/openapi.json)",
        )


def _read_routes(svc: Service, limits: dict[str, int], writable: bool) -> APIRouter:
    r = APIRouter(prefix="/api", responses=ERRORS, dependencies=[Depends(known_parameters)])
    _event_routes(r, svc, limits["max_page_size"])
    _export_route(r, svc)
    _analysis_routes(r, svc)

    @r.get("/stats", response_model=Stats, tags=["store"])
    def stats() -> dict[str, Any]:
        """Counts of the store and the span of its event dates."""
        return {**svc.stats(), "writable": writable}

    @r.get("/meta", response_model=Meta, tags=["store"])
    def meta() -> dict[str, Any]:
        """PLOVER types with their quad class and colour, actor levels, and the limits."""
        from flashpoint.ontology import load_ontology

        onto = load_ontology()
        return {
            "version": __version__,
            "types": [
                {"name": t.name, "quad": t.quad, "score": t.score, "color": t.color}
                for t in onto.types.values()
            ],
            "quads": {str(k): v for k, v in onto.quad_names().items()},
            "quad_colors": {str(k): v for k, v in onto.quad_colors().items()},
            "levels": list(LEVELS),
            **limits,
            "writable": writable,
            "map_attribution": world_outline().get("attribution", ""),
        }

    return r


class EventQuery:
    """The event filters shared by /api/events, /api/export, /api/map and /api/timeline."""

    def __init__(
        self,
        actor: Annotated[
            str | None, Query(description="ISO3 code(s) or name(s), comma-separated")
        ] = None,
        recipient: Annotated[str | None, Query(description="ISO3 code(s) or name(s)")] = None,
        country: Annotated[str | None, Query(description="ISO3 code(s) of the place")] = None,
        type: Annotated[  # noqa: A002
            str | None, Query(description="PLOVER type(s), e.g. ASSAULT,SANCTION")
        ] = None,
        since: SinceParam = None,
        until: UntilParam = None,
        min_dead: Annotated[int | None, Query(ge=0)] = None,
        dyad: Annotated[str | None, Query(description="both directions of a dyad: IRN-PAK")] = None,  # noqa: E501
        q: Annotated[
            str | None, Query(max_length=200, description="words in the sentence, actors or place")
        ] = None,
        bbox: Annotated[
            str | None, Query(description="west,south,east,north in degrees, e.g. 60,23,78,37")
        ] = None,
        admin1: Annotated[str | None, Query(description="province/state name(s)")] = None,
        sector: Annotated[
            str | None, Query(description="actor or recipient sector(s), e.g. MIL,GOV")
        ] = None,
        quad: Annotated[str | None, Query(description="PLOVER quad class(es) 1-4")] = None,
        acled_type: Annotated[
            str | None, Query(description="ACLED event or sub-event type(s), e.g. Battles")
        ] = None,
        min_confidence: Annotated[float | None, Query(ge=0, le=1)] = None,
        date_precision: Annotated[
            str | None, Query(description="day, week, month and/or year")
        ] = None,
    ) -> None:
        self.filter = EventFilter.of(
            actor=actor,
            recipient=recipient,
            country=country,
            type=type,
            since=since,
            until=until,
            min_dead=min_dead,
            dyad=dyad,
            q=q,
            bbox=bbox,
            admin1=admin1,
            sector=sector,
            quad=quad,
            acled_type=acled_type,
            min_confidence=min_confidence,
            date_precision=date_precision,
        )


def _event_routes(r: APIRouter, svc: Service, max_page_size: int) -> None:
    @r.get("/events", response_model=EventPage, tags=["events"])
    def events(
        request: Request,
        query: Annotated[EventQuery, Depends()],
        page: Annotated[int, Query(ge=1, description="1-based page number")] = 1,
        page_size: int = Query(50, ge=1, le=max_page_size, description="events per page"),
        order: Annotated[Literal["asc", "desc"], Query(description="by date")] = "asc",
    ) -> dict[str, Any]:
        """Stored (merged) events matching the filters, one page at a time."""
        found = svc.events(query.filter)
        total = len(found)
        pages = max(1, math.ceil(total / page_size))
        if page > pages:
            raise ApiError(404, "not_found", f"page {page} is past the last page ({pages})")
        ordered = found if order == "asc" else list(reversed(found))
        chunk = ordered[(page - 1) * page_size : page * page_size]
        return {
            "items": [e.to_dict() for e in chunk],
            "total": total,
            "page": page,
            "page_size": page_size,
            "pages": pages,
            "next": _page_url(request, page + 1) if page < pages else None,
            "prev": _page_url(request, page - 1) if page > 1 else None,
        }

    @r.get("/events/{event_id}", response_model=EventDetail, tags=["events"])
    def event(event_id: Annotated[str, Depends(_event_id)]) -> dict[str, Any]:
        """One event with the mention of every article that reported it: the sentence, the
        spans of its coded fields inside that sentence, and the article."""
        found = svc.event(event_id)
        if found is None:
            raise ApiError(404, "not_found", f"there is no event {event_id!r}; see /api/events")
        out = found.to_dict()
        out["mentions"] = [_mention(m) for m in found.mentions or ()]
        return out

    @r.get("/map", response_model=MapPoints, tags=["events"])
    def map_points(
        query: Annotated[EventQuery, Depends()],
        limit: Annotated[int, Query(ge=1, le=50_000)] = 10_000,
    ) -> dict[str, Any]:
        """Located events, compact: [id, lat, lon, type, quad, dead, date, label, precision
        (of the place: 'country' is the country's centroid), date_precision]; `matched`
        counts the events of the filters, located or not."""
        matched = svc.events(query.filter)
        found = [e for e in matched if _located(e)]
        return {
            "total": len(found),
            "matched": len(matched),
            "truncated": len(found) > limit,
            "fields": [*MAP_FIELDS],
            "points": [_point(e) for e in found[-limit:]],
        }

    @r.get("/timeline", response_model=Timeline, tags=["events"])
    def timeline(
        query: Annotated[EventQuery, Depends()],
        freq: Annotated[Literal["day", "week"], Query()] = "day",
    ) -> dict[str, Any]:
        """Events per day (or week, from Monday) by PLOVER quad class, with the killed."""
        return _timeline(svc.events(query.filter), freq)


def _export_route(r: APIRouter, svc: Service) -> None:
    content = {m: {"schema": {"type": "string", "format": "binary"}} for m in STREAMS.values()}

    @r.get(
        "/export",
        response_class=StreamingResponse,
        responses={200: {"description": "the matching events, as a file", "content": content}},
        tags=["events"],
    )
    def export(
        query: Annotated[EventQuery, Depends()],
        format: Annotated[  # noqa: A002
            Literal["csv", "geojson", "jsonl"],
            Query(description="csv: flat rows; geojson: located events; jsonl: records"),
        ] = "csv",
    ) -> StreamingResponse:
        """Every event matching the filters (no page limit), streamed as it is written:
        CSV (the flat columns), GeoJSON (a FeatureCollection of the located events) or
        JSONL (one event record a line)."""
        found = svc.events(query.filter)
        name = f"flashpoint-events.{format}"
        return StreamingResponse(
            stream_events(found, format),
            media_type=STREAMS[format],
            headers={"Content-Disposition": f'attachment; filename="{name}"'},
        )


def _event_id(event_id: str) -> str:
    if len(event_id) > 100 or not event_id.replace("_", "").replace("-", "").isalnum():
        raise ApiError(404, "not_found", f"there is no event {event_id[:100]!r}; see /api/events")
    return event_id


MAP_FIELDS = (
    *("id", "lat", "lon", "type", "quad", "dead", "date", "label"),
    *("precision", "date_precision"),
)


def _located(e: StoredEvent) -> bool:
    return e.latitude is not None and e.longitude is not None


def _label(e: StoredEvent) -> str:
    actor = e.actor_name or e.actor_country or "?"
    target = e.recipient_name or e.recipient_country
    where = e.location_name or e.location_country or ""
    return f"{e.event_type} {actor}{' → ' + target if target else ''}, {where}".strip(", ")


def _point(e: StoredEvent) -> list[Any]:
    return [
        e.event_id,
        round(e.latitude or 0.0, 4),
        round(e.longitude or 0.0, 4),
        e.event_type,
        e.quad_code,
        e.dead,
        e.date.isoformat() if e.date else None,
        _label(e),
        e.location_precision,
        e.date_precision,
    ]


def _timeline(found: list[StoredEvent], freq: str) -> dict[str, Any]:
    bins: dict[date, dict[str, int]] = {}
    for e in found:
        if e.date is None:
            continue
        day = e.date - timedelta(days=e.date.weekday()) if freq == "week" else e.date
        row = bins.setdefault(day, {"total": 0, "dead": 0, "1": 0, "2": 0, "3": 0, "4": 0})
        row["total"] += 1
        row["dead"] += e.dead or 0
        if e.quad_code in (1, 2, 3, 4):
            row[str(e.quad_code)] += 1
    rows = []
    if bins:
        step = timedelta(days=7 if freq == "week" else 1)
        day, last = min(bins), max(bins)
        while day <= last:
            counts = bins.get(day, {"total": 0, "dead": 0, "1": 0, "2": 0, "3": 0, "4": 0})
            rows.append({"date": day.isoformat(), **counts})
            day += step
    return {"freq": freq, "quads": {str(k): v for k, v in QUAD_NAMES.items()}, "bins": rows}


class AnalysisQuery:
    """The period and signal parameters shared by the analysis routes."""

    def __init__(
        self,
        since: SinceParam = None,
        until: UntilParam = None,
        window: Annotated[int, Query(ge=1, le=90, description="days of the recent level")] = 7,
        baseline: Annotated[int, Query(ge=1, le=365, description="days of the baseline")] = 28,
        threshold: Annotated[float, Query(gt=0, le=100)] = 2.0,
        min_scale: Annotated[float, Query(gt=0, le=1000)] = 6.0,
        include_imprecise: Annotated[
            bool, Query(description="count events dated only to a month or a year")
        ] = False,
        include_background: Annotated[
            bool, Query(description="count background and aggregate mentions (history, tolls)")
        ] = False,
    ) -> None:
        if since and until and since > until:
            raise ApiError(400, "bad_parameter", f"since {since} is after until {until}")
        self.since = since
        self.until = until
        self.params = _params(window, baseline, threshold, min_scale)
        self.imprecise = include_imprecise
        self.background = include_background
        self.key = (since, until, self.params, include_imprecise, include_background)


def _dyads(
    df: Any, a: AnalysisQuery, level: Level, limit: int, chain_window: int, series: bool
) -> dict[str, Any]:
    ranking = escalating_dyads(
        df,
        a.since,
        a.until,
        level=level,
        params=a.params,
        limit=limit,
        chain_window=chain_window,
        include_imprecise=a.imprecise,
        include_background=a.background,
    )
    start, end = period_bounds(df, a.since, a.until)
    return {
        "since": start.date().isoformat(),
        "until": end.date().isoformat(),
        "level": level,
        "method": a.params.method,
        "dyads": [s.to_dict(series=series) for s in ranking],
    }


def _counts(df: Any, a: AnalysisQuery, d: Dyad, freq: Freq) -> dict[str, Any]:
    counts = dyad_counts(
        df,
        d,
        freq=freq,
        since=a.since,
        until=a.until,
        include_imprecise=a.imprecise,
        include_background=a.background,
    )
    rows = [
        {"date": day.date().isoformat(), **{k: _num(v) for k, v in row.items()}}
        for day, row in counts.iterrows()
    ]
    return {
        "dyad": d.key,
        "label": d.label,
        "a": d.a.key,
        "b": d.b.key,
        "freq": freq,
        "periods": rows,
    }


def _escalation(df: Any, a: AnalysisQuery, dyad: Dyad | None, level: Level) -> dict[str, Any]:
    if dyad is not None:
        start, end = period_bounds(df, a.since, a.until)
        return dyad_escalation(
            df,
            dyad,
            start.date(),
            end.date(),
            a.params,
            include_imprecise=a.imprecise,
            include_background=a.background,
        ).to_dict()
    ranking = escalating_dyads(
        df,
        a.since,
        a.until,
        level=level,
        params=a.params,
        limit=None,
        include_imprecise=a.imprecise,
        include_background=a.background,
    )
    return {
        "method": a.params.method,
        "dyads": [s.to_dict() for s in ranking if s.escalation.escalating],
    }


def _chains(
    df: Any, a: AnalysisQuery, dyad: Dyad | None, level: Level, window_days: int, min_moves: int
) -> dict[str, Any]:
    start, end = period_bounds(df, a.since, a.until)
    found = retaliation_chains(
        in_period(df, start, end),
        window_days=window_days,
        level=level,
        dyad=dyad,
        min_moves=min_moves,
        include_imprecise=a.imprecise,
        include_background=a.background,
    )
    return {
        "since": start.date().isoformat(),
        "until": end.date().isoformat(),
        "window_days": window_days,
        "chains": [c.to_dict() for c in found],
    }


def _actors(df: Any, a: AnalysisQuery, level: Level, min_events: int, limit: int) -> dict[str, Any]:
    start, end = period_bounds(df, a.since, a.until)
    net = actor_network(
        df,
        level=level,
        since=start,
        until=end,
        min_events=min_events,
        include_imprecise=a.imprecise,
        include_background=a.background,
    )
    out = net.to_dict()
    out["edges"] = out["edges"][:limit]
    out["truncated"] = len(net.edges) > limit
    return out


def _analysis_routes(r: APIRouter, svc: Service) -> None:
    """The analysis routes; each result is cached until the store changes."""

    def frame(a: AnalysisQuery) -> Any:
        return svc.frame(a.since, a.until, a.params.history_days)

    @r.get(
        "/dyads", response_model=DyadRanking, response_model_exclude_unset=True, tags=["analysis"]
    )
    def dyads(
        a: Annotated[AnalysisQuery, Depends()],
        level: LevelParam = "country",
        limit: Annotated[int, Query(ge=1, le=200)] = 20,
        chain_window: Annotated[int, Query(ge=0, le=90)] = 7,
        series: Annotated[bool, Query(description="include each dyad's daily signal")] = False,
    ) -> dict[str, Any]:
        """The dyads with conflict in the period, most escalating first."""
        key = ("dyads", a.key, level, limit, chain_window, series)
        return svc.cached(key, lambda: _dyads(frame(a), a, level, limit, chain_window, series))

    @r.get("/dyads/{dyad}", response_model=DyadCounts, tags=["analysis"])
    def dyad_detail(
        dyad: str,
        a: Annotated[AnalysisQuery, Depends()],
        freq: Annotated[Literal["day", "week"], Query()] = "day",
    ) -> dict[str, Any]:
        """A dyad's events per day or week: counts by quad class, intensity, hostility,
        cooperation, killed, and each direction."""
        d = Dyad.parse(dyad)
        return svc.cached(("counts", a.key, d, freq), lambda: _counts(frame(a), a, d, freq))

    @r.get(
        "/escalation",
        response_model=DyadSignal | EscalatingDyads,
        response_model_exclude_unset=True,
        tags=["analysis"],
    )
    def escalation(
        a: Annotated[AnalysisQuery, Depends()],
        dyad: Annotated[str | None, Query(description="e.g. IRN-PAK; none: all escalating")] = None,  # noqa: E501
        level: LevelParam = "country",
    ) -> dict[str, Any]:
        """A dyad's escalation signal with its daily series, breakout and alarm; without
        a dyad, the escalating dyads of the period."""
        d = _dyad(dyad)
        return svc.cached(("esc", a.key, d, level), lambda: _escalation(frame(a), a, d, level))

    @r.get("/chains", response_model=Chains, response_model_exclude_unset=True, tags=["analysis"])
    def chains(
        a: Annotated[AnalysisQuery, Depends()],
        dyad: Annotated[str | None, Query(description="only this dyad, e.g. IRN-PAK")] = None,
        level: LevelParam = "country",
        window_days: Annotated[int, Query(ge=0, le=90, description="days an answer may take")] = 7,  # noqa: E501
        min_moves: Annotated[int, Query(ge=1, le=50)] = 2,
    ) -> dict[str, Any]:
        """Retaliation chains: one side's material-conflict act answered by the other's
        within the window, and so on."""
        d = _dyad(dyad)
        key = ("chains", a.key, d, level, window_days, min_moves)
        return svc.cached(key, lambda: _chains(frame(a), a, d, level, window_days, min_moves))

    @r.get("/actors", response_model=ActorNetwork, tags=["analysis"])
    def actors(
        a: Annotated[AnalysisQuery, Depends()],
        level: LevelParam = "country",
        min_events: Annotated[int, Query(ge=1)] = 1,
        limit: Annotated[int, Query(ge=1, le=5000)] = 500,
    ) -> dict[str, Any]:
        """The actor network: who acts on whom, how often, how hostile, how many killed."""
        key = ("actors", a.key, level, min_events, limit)
        return svc.cached(key, lambda: _actors(frame(a), a, level, min_events, limit))


def _num(value: Any) -> Any:
    number = float(value)
    return int(number) if number.is_integer() else round(number, 3)


def _write_routes(svc: Service, token: str | None, max_documents: int) -> APIRouter:
    r = APIRouter(prefix="/api", responses=ERRORS)

    def authorize(authorization: Annotated[str | None, Header()] = None) -> None:
        if not token:
            raise ApiError(
                403,
                "read_only",
                "this server is read-only; start it with `flashpoint serve --token TOKEN` "
                "(or $FLASHPOINT_TOKEN) to accept documents",
            )
        given = (authorization or "").removeprefix("Bearer ").strip()
        if not given or not hmac.compare_digest(given.encode(), token.encode()):
            raise ApiError(
                401, "unauthorized", "send the server's token as `Authorization: Bearer TOKEN`"
            )

    @r.post(
        "/documents",
        response_model=IngestResult,
        tags=["store"],
        dependencies=[Depends(authorize)],
        responses={401: {"model": ErrorBody}, 403: {"model": ErrorBody}},
    )
    def documents(body: DocumentsIn) -> dict[str, Any]:
        """Code articles and store their events (merged with what the store holds). Needs
        `Authorization: Bearer <token>`; refused on a read-only server."""
        if len(body.documents) > max_documents:
            raise ApiError(
                413,
                "too_large",
                f"{len(body.documents)} documents in one request; the limit is {max_documents}",
            )
        return svc.ingest([d.model_dump() for d in body.documents])

    return r


def _file(media_type: str, what: str) -> dict[int | str, dict[str, Any]]:
    """The OpenAPI description of a route that sends a file."""
    content = {media_type: {"schema": {"type": "string", "format": "binary"}}}
    return {200: {"description": what, "content": content}}


def _static_routes(app: FastAPI) -> None:
    app.mount("/static", StaticFiles(directory=STATIC), name="static")

    @app.get(
        "/",
        response_class=FileResponse,
        responses=_file("text/html", "the dashboard"),
        tags=["dashboard"],
    )
    def index() -> FileResponse:
        return FileResponse(STATIC / "index.html", media_type="text/html; charset=utf-8")

    @app.get(
        "/favicon.ico",
        response_class=FileResponse,
        responses=_file("image/svg+xml", "the dashboard's icon"),
        tags=["dashboard"],
    )
    def favicon() -> FileResponse:
        return FileResponse(STATIC / "favicon.svg", media_type="image/svg+xml")
