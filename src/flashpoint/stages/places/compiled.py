"""The gazetteer compiled for fast start-up: a read-only SQLite file derived from the shipped
gazetteer.tsv.gz, looked up by key on demand instead of read whole.

Reading the 250,000 places of the TSV into memory takes seconds and hundreds of MB per process;
opening the compiled file takes milliseconds, and a document only ever asks for the few
hundred names it contains. The compiled file is derived data: it lives in a cache directory
(`FLASHPOINT_CACHE_DIR`, else `$XDG_CACHE_HOME/flashpoint`, else `~/.cache/flashpoint`), is
named by the format version and a hash of the source file (so a new gazetteer never meets a
stale cache), is built on first use or ahead of time with `flashpoint prepare`, and is written
to a temporary name and renamed into place, so processes that build it at once never see half
a file. SQLite ships with Python, so this adds no dependency.
"""

from __future__ import annotations

import gzip
import hashlib
import os
import sqlite3
import threading
from collections.abc import Iterator
from pathlib import Path

from flashpoint.errors import DataFileError
from flashpoint.stages.places.gazetteer import (
    COLUMNS,
    FORMAT_VERSION,
    Gazetteer,
    Place,
    check_header,
)

# bump when the SQLite layout below changes (the source format has its own FORMAT_VERSION)
COMPILED_VERSION = "1"
_PLACE_COLUMNS = (
    "id, kind, name, country, admin1, lat, lon, population, capital, countries, aliases, "
    "admin2, fcode, geonameid"
)
_SCHEMA = f"""
CREATE TABLE meta (line INTEGER PRIMARY KEY, text TEXT NOT NULL);
CREATE TABLE places (n INTEGER PRIMARY KEY, {_PLACE_COLUMNS});
CREATE TABLE keys (key TEXT NOT NULL, seq INTEGER NOT NULL, place INTEGER NOT NULL,
                   PRIMARY KEY (key, seq)) WITHOUT ROWID;
"""
# a name's places in the order the source lists them (the in-memory index's order)
_LOOKUP = (
    f"SELECT {_PLACE_COLUMNS} FROM keys JOIN places ON places.n = keys.place "
    "WHERE keys.key = ? ORDER BY keys.seq"
)
_CACHE_LIMIT = 200_000  # looked-up names kept per process; cleared when full


def cache_dir() -> Path:
    """Where derived data is kept (created on demand)."""
    explicit = os.environ.get("FLASHPOINT_CACHE_DIR")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "flashpoint"


def compiled_path(source: Path, directory: Path | None = None) -> Path:
    """The compiled file for `source`: named by both format versions and its content hash."""
    try:
        digest = hashlib.sha256(source.read_bytes()).hexdigest()[:16]
    except OSError as exc:
        raise DataFileError(
            f"cannot read the gazetteer {source}: {exc}; reinstall flashpoint or rebuild it "
            "with `python scripts/build_gazetteer.py`"
        ) from exc
    name = f"gazetteer-{FORMAT_VERSION}.{COMPILED_VERSION}-{digest}.sqlite"
    return (directory or cache_dir()) / name


def compile_gazetteer(source: Path, target: Path) -> Path:
    """Compile the TSV `source` into the SQLite file `target` (atomically); returns target."""
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(f"{target.name}.{os.getpid()}.{threading.get_ident()}.tmp")
    partial.unlink(missing_ok=True)
    try:
        with sqlite3.connect(partial) as db:
            db.executescript(_SCHEMA)
            _fill(db, source)
        db.close()
        os.replace(partial, target)
    finally:
        partial.unlink(missing_ok=True)
    return target


def _fill(db: sqlite3.Connection, source: Path) -> None:
    try:
        with gzip.open(source, "rt", encoding="utf-8") as f:
            lines = f.read().split("\n")
    except (OSError, EOFError) as exc:
        raise DataFileError(
            f"cannot read the gazetteer {source}: {exc}; reinstall flashpoint or rebuild it "
            "with `python scripts/build_gazetteer.py`"
        ) from exc
    header = [ln for ln in lines[:10] if ln.startswith("#")]
    check_header(source, header, lines[len(header)] if len(lines) > len(header) else "")
    db.executemany("INSERT INTO meta VALUES (?, ?)", enumerate(header))
    rows = (ln for ln in lines[len(header) + 1 :] if ln)
    places: list[tuple[object, ...]] = []
    keys: list[tuple[str, int, int]] = []
    for n, line in enumerate(rows):
        place, place_keys = _row(source, n, line)
        places.append(place)
        first = len(keys)
        keys.extend((key, first + i, n) for i, key in enumerate(place_keys))
    db.executemany(f"INSERT INTO places VALUES ({', '.join('?' * 15)})", places)
    db.executemany("INSERT INTO keys VALUES (?, ?, ?)", keys)


def _row(source: Path, n: int, line: str) -> tuple[tuple[object, ...], list[str]]:
    cells = line.split("\t")
    if len(cells) != len(COLUMNS):
        raise DataFileError(f"{source}: row {n + 1} has {len(cells)} columns, not {len(COLUMNS)}")
    pid, kind, name, country, admin1, admin2, lat, lon, pop, capital, countries = cells[:11]
    fcode, geonameid, keys = cells[11:]
    key_list = keys.split("|")
    aliases = "|".join(k[1:] for k in key_list if k.startswith("="))
    row = (n, pid, kind, name, country, admin1, float(lat), float(lon), int(pop))
    rest = (capital == "1", countries, aliases, admin2, fcode, geonameid)
    return row + rest, [k.removeprefix("=") for k in key_list]


def _place(row: tuple[object, ...]) -> Place:
    pid, kind, name, country, admin1, lat, lon, pop, capital, countries, aliases = row[:11]
    admin2, fcode, geonameid = row[11:]
    return Place(
        str(pid),
        str(kind),
        str(name),
        str(country) or None,
        str(admin1) or None,
        float(lat),  # type: ignore[arg-type]
        float(lon),  # type: ignore[arg-type]
        int(pop),  # type: ignore[call-overload]
        bool(capital),
        tuple(str(countries).split("|")) if countries else (),
        tuple(str(aliases).split("|")) if aliases else (),
        str(admin2) or None,
        str(fcode) or None,
        str(geonameid) or None,
    )


class CompiledGazetteer(Gazetteer):
    """The gazetteer read from its compiled SQLite file, name by name.

    One read-only connection per thread and process (SQLite connections are not to be shared
    across either); a pickled one reopens its file."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._local = threading.local()
        self._found: dict[str, tuple[Place, ...]] = {}
        self._all: list[Place] | None = None
        self.header = [
            text for (text,) in self._db().execute("SELECT text FROM meta ORDER BY line")
        ]

    def __reduce__(self) -> tuple[object, tuple[Path]]:
        return (CompiledGazetteer, (self.path,))

    def _db(self) -> sqlite3.Connection:
        db: sqlite3.Connection | None = getattr(self._local, "db", None)
        if db is None or getattr(self._local, "pid", None) != os.getpid():
            uri = f"{self.path.resolve().as_uri()}?mode=ro&immutable=1"
            db = sqlite3.connect(uri, uri=True)
            self._local.db, self._local.pid = db, os.getpid()
        return db

    def _places_for(self, key: str) -> tuple[Place, ...]:
        hit = self._found.get(key)
        if hit is None:
            if len(self._found) >= _CACHE_LIMIT:
                self._found.clear()
            hit = tuple(_place(row) for row in self._db().execute(_LOOKUP, (key,)))
            self._found[key] = hit
        return hit

    def _of_kind(self, kind: str) -> Iterator[Place]:
        query = f"SELECT {_PLACE_COLUMNS} FROM places WHERE kind = ? ORDER BY n"
        return (_place(row) for row in self._db().execute(query, (kind,)))

    @property
    def places(self) -> list[Place]:
        """Every place, in source order (read whole on first use: for evaluation tools)."""
        if self._all is None:
            rows = self._db().execute(f"SELECT {_PLACE_COLUMNS} FROM places ORDER BY n")
            self._all = [_place(row) for row in rows]
        return self._all


def open_compiled(source: Path, directory: Path | None = None) -> CompiledGazetteer:
    """The compiled form of `source`, compiling it first when the cache has none."""
    target = compiled_path(source, directory)
    if not target.exists():
        compile_gazetteer(source, target)
    return CompiledGazetteer(target)
