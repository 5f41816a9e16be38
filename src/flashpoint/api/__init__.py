"""The REST API and the web dashboard (FastAPI; static assets shipped in `static/`).

    flashpoint serve --db events.duckdb            # http://127.0.0.1:8000/
    from flashpoint.api import create_app          # the ASGI app, for uvicorn or tests

FastAPI is imported only when `create_app` is first used.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from fastapi import FastAPI


def create_app(db: str, token: str | None = None, **options: Any) -> FastAPI:
    """The app over the store `db`; see `flashpoint.api.app.create_app`."""
    from flashpoint.api.app import create_app as _create

    return _create(db, token, **options)


__all__ = ["create_app"]
