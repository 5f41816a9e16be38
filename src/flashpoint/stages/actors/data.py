"""Reading the versioned actor dictionaries under flashpoint/data/actors/.

Every file is UTF-8, tab-separated, starts with `#` comment lines (one of them
`# version: N`) and then a header row. This module only parses and checks the rows;
lexicon.py turns them into dictionary entries.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from importlib import resources
from pathlib import Path

from flashpoint.errors import DataFileError

DATA_PACKAGE = "flashpoint.data"
DATA_DIR = "actors"

_VERSION = re.compile(r"^#\s*version:\s*(\S+)\s*$")

FILES: dict[str, tuple[str, ...]] = {
    "sectors.tsv": ("code", "description"),
    "countries.tsv": ("iso3", "iso2", "name", "names", "capital"),
    "countries_extra.tsv": ("iso3", "display", "names", "demonyms", "capitals", "seats"),
    "agents.tsv": ("phrase", "sector", "weight", "country"),
    "groups.tsv": ("name", "country", "sector", "aliases", "periods"),
    "orgs.tsv": ("name", "code", "sector", "aliases"),
    "institutions.tsv": ("name", "country", "sector", "aliases"),
    "persons.tsv": ("name", "aliases", "country", "sector", "role", "start", "end"),
    "regions.tsv": ("region", "iso3"),
    "nonactors.tsv": ("phrase",),
}


@dataclass(frozen=True, slots=True)
class Table:
    """One parsed dictionary file: its version and rows as column -> value."""

    name: str
    version: str
    rows: tuple[dict[str, str], ...]
    lines: tuple[int, ...]  # the file line of each row, for error messages


def data_path(name: str) -> Path:
    return Path(str(resources.files(DATA_PACKAGE).joinpath(DATA_DIR, name)))


def read_table(name: str) -> Table:
    """Parse one dictionary file, checking its version line and its columns."""
    path = data_path(name)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise DataFileError(
            f"cannot read the actor dictionary {path}: {exc}; reinstall flashpoint "
            "(`make install`) or restore the file from git"
        ) from None
    return parse_table(name, text)


def parse_table(name: str, text: str) -> Table:
    columns = FILES[name]
    version: str | None = None
    header_seen = False
    rows: list[dict[str, str]] = []
    lines: list[int] = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        if line.startswith("#"):
            m = _VERSION.match(line)
            version = m.group(1) if m and version is None else version
            continue
        cells = [c.strip() for c in line.split("\t")]
        if not header_seen:
            _check_header(name, number, tuple(cells), columns)
            header_seen = True
            continue
        rows.append(_row(name, number, cells, columns))
        lines.append(number)
    if version is None:
        raise DataFileError(
            f"{data_path(name)} has no '# version: N' line; add one before the header row"
        )
    if not header_seen:
        raise DataFileError(f"{data_path(name)} has no header row; expected {columns}")
    return Table(name, version, tuple(rows), tuple(lines))


def _check_header(name: str, number: int, cells: tuple[str, ...], columns: tuple[str, ...]) -> None:
    if cells != columns:
        raise DataFileError(
            f"{data_path(name)}:{number}: header is {cells}, expected {columns}; "
            "fix the header row (tab-separated)"
        )


def _row(name: str, number: int, cells: list[str], columns: tuple[str, ...]) -> dict[str, str]:
    if any(cells[len(columns) :]):
        raise DataFileError(
            f"{data_path(name)}:{number}: {len(cells)} columns, expected {len(columns)} "
            f"({', '.join(columns)}); separate the columns with single tabs"
        )
    cells = cells[: len(columns)] + [""] * (len(columns) - len(cells))
    return dict(zip(columns, cells, strict=True))


def split_list(value: str) -> list[str]:
    """A |-joined cell as its non-empty items."""
    return [v.strip() for v in value.split("|") if v.strip()]


def parse_day(value: str, where: str) -> date | None:
    """An ISO date cell (YYYY-MM-DD), or None when empty."""
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise DataFileError(f"{where}: {value!r} is not a date; write it as YYYY-MM-DD") from None
