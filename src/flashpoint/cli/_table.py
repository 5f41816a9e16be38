"""Human-readable tables (`events`, `errors`), aligned by rich.

Each column has a widest width; a longer value is clipped with an ellipsis (at its start
for a column that keeps the end, such as a file path), never wrapped, so that every row is
one line. The table is never squeezed to a narrow terminal (whose lines wrap instead), so
it reads the same there as in a file; only a terminal gets a bold header.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import click
from rich.console import Console
from rich.table import Table
from rich.text import Text

UNBOUNDED = 100_000  # the console's width: rich never narrows the columns


@dataclass(frozen=True, slots=True)
class Column:
    """A column: its header, its widest width, whether numbers align right, and whether a
    value too long keeps its end (a path's file name) rather than its start."""

    header: str
    width: int
    numeric: bool = False
    keep_end: bool = False


def _cell(value: Any, column: Column) -> Text:
    # a Text, not a str: rich would read "[...]" in a sentence or a name as markup
    text = "" if value is None else " ".join(str(value).split())
    if column.keep_end and len(text) > column.width:
        text = "…" + text[len(text) - column.width + 1 :]
    return Text(text)


def render(columns: Sequence[Column], rows: Iterable[Sequence[Any]]) -> None:
    """Print the table on standard output."""
    table = Table(box=None, pad_edge=False, show_edge=False, header_style="bold")
    for c in columns:
        table.add_column(
            c.header,
            max_width=c.width,
            no_wrap=True,
            overflow="ellipsis",
            justify="right" if c.numeric else "left",
        )
    for row in rows:
        table.add_row(*(_cell(v, c) for v, c in zip(row, columns, strict=True)))
    console = Console(file=sys.stdout, width=UNBOUNDED, highlight=False, soft_wrap=False)
    with console.capture() as captured:
        console.print(table)
    for line in captured.get().splitlines():
        click.echo(line.rstrip())
