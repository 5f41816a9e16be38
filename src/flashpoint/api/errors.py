"""One JSON shape for every error the API returns: {"error": code, "message": text}.

The shape is `FlashpointError.to_dict()`'s; HTTP errors (404, 405, 413, 422, ...),
validation errors and library errors all come out in it, and so do the limits the ASGI
middleware enforces before a request reaches a route (body size, URL length). A bad query
or path parameter (malformed, out of range, unknown) is a 400; a bad request body a 422.
"""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, HTTPException, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from flashpoint.errors import ConfigError, FlashpointError, InputError, StoreError

log = logging.getLogger("flashpoint.api")

STATUS_CODES = {
    400: "bad_request",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    406: "not_acceptable",
    413: "too_large",
    414: "uri_too_long",
    415: "unsupported_media_type",
    422: "bad_parameter",
    429: "too_many_requests",
    500: "internal_error",
    503: "unavailable",
}


class ErrorBody(BaseModel):
    """Every error response."""

    error: str
    message: str


class ApiError(Exception):
    """An error a route raises on purpose, with its status and code."""

    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.code = code


def error_response(status: int, code: str, message: str, **headers: str) -> JSONResponse:
    body = {"error": code, "message": message}
    return JSONResponse(body, status_code=status, headers=headers or None)


def _where(loc: tuple[Any, ...]) -> str:
    parts = [str(p) for p in loc if p not in ("body",)] or ["request"]
    if parts[0] in ("query", "path", "header") and len(parts) > 1:
        parts = parts[1:]
    return ".".join(parts)


def validation_message(exc: RequestValidationError) -> str:
    problems = []
    for err in exc.errors()[:5]:
        where = _where(tuple(err.get("loc", ())))
        problems.append(f"{where}: {err.get('msg', 'is not valid')}")
    return "; ".join(problems) + " (see /api/openapi.json for the parameters)"


def install(app: FastAPI) -> None:
    """Register the handlers that turn every error into the one shape."""

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        code = STATUS_CODES.get(exc.status_code, "http_error")
        message = str(exc.detail) if exc.detail else code.replace("_", " ")
        if exc.status_code == 404 and message == "Not Found":
            message = f"there is no {request.url.path}; the API is described at /api/openapi.json"
        elif exc.status_code == 405:
            message = f"{request.method} is not allowed on {request.url.path}"
        return error_response(exc.status_code, code, message, **dict(exc.headers or {}))

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> JSONResponse:
        in_body = any(tuple(e.get("loc", ()))[:1] == ("body",) for e in exc.errors())
        return error_response(422 if in_body else 400, "bad_parameter", validation_message(exc))

    @app.exception_handler(ApiError)
    async def api_error(request: Request, exc: ApiError) -> JSONResponse:
        return error_response(exc.status, exc.code, str(exc))

    @app.exception_handler(FlashpointError)
    async def library_error(request: Request, exc: FlashpointError) -> JSONResponse:
        if isinstance(exc, ConfigError):
            return error_response(400, "bad_parameter", str(exc))
        if isinstance(exc, InputError):
            return error_response(422, exc.code, str(exc))
        if isinstance(exc, StoreError):
            log.error("store error on %s: %s", request.url.path, exc)
            return error_response(503, exc.code, str(exc))
        return error_response(500, exc.code, str(exc))

    @app.exception_handler(Exception)
    async def crash(request: Request, exc: Exception) -> JSONResponse:
        log.exception("unhandled error on %s %s", request.method, request.url.path)
        return error_response(
            500, "internal_error", "the server failed on this request; see its log for details"
        )


class BodyTooLarge(HTTPException):
    """Raised while a body is read, past the limit; FastAPI passes HTTP errors through."""

    def __init__(self, limit: int) -> None:
        super().__init__(413, _too_large_message(limit), headers={"Connection": "close"})


def _too_large_message(limit: int) -> str:
    return (
        f"the request body is larger than the limit of {limit:,} bytes; "
        "send fewer or shorter documents per request"
    )


class LimitsMiddleware:
    """Refuse a body larger than `max_body` bytes (413, whether or not Content-Length is
    sent) and a URL longer than `max_url` characters (414), before any route runs."""

    def __init__(self, app: ASGIApp, max_body: int, max_url: int) -> None:
        self.app = app
        self.max_body = max_body
        self.max_url = max_url

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        url_len = len(scope.get("path", "")) + len(scope.get("query_string", b""))
        if url_len > self.max_url:
            msg = f"the URL is {url_len} characters long; the limit is {self.max_url}"
            await error_response(414, "uri_too_long", msg)(scope, receive, send)
            return
        declared = _content_length(scope)
        if declared is not None and declared > self.max_body:
            await self._too_large(scope, receive, send)
            return
        await self._guarded(scope, receive, send)

    async def _guarded(self, scope: Scope, receive: Receive, send: Send) -> None:
        seen = 0
        started = False

        async def counting_receive() -> Message:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.max_body:
                    raise BodyTooLarge(self.max_body)
            return message

        async def tracking_send(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, counting_receive, tracking_send)
        except BodyTooLarge:
            if not started:
                await self._too_large(scope, receive, send)

    async def _too_large(self, scope: Scope, receive: Receive, send: Send) -> None:
        msg = _too_large_message(self.max_body)
        await error_response(413, "too_large", msg, Connection="close")(scope, receive, send)


def _content_length(scope: Scope) -> int | None:
    for name, value in scope.get("headers", []):
        if name == b"content-length":
            try:
                return int(value)
            except ValueError:
                return None
    return None
