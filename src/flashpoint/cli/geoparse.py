"""`flashpoint geoparse`: every place named in each document, as JSON Lines.

One object per document, ``{"doc_id": ..., "places": [...]}``, each place as
`PlaceMention.to_dict()` (`text`, `start`, `end` as character offsets into the document's
text exactly as given, `name`, `geonameid`, `feature_code`, `country`, `admin1`, `admin2`,
`lat`, `lon`, `precision`, `kind`: literal, metonym, or with ``--demonyms`` demonym). The
readers are those of `flashpoint code`; a publication date is not needed. A document that
cannot be read is reported on stderr and the run goes on.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable
from typing import TextIO

import click

from flashpoint.batch import code_stream
from flashpoint.cli import main
from flashpoint.cli._common import (
    ExitCode,
    InputPath,
    chosen_executor,
    executor_options,
    fail_on_error,
    require_inputs,
    worker_count,
)
from flashpoint.config import CoderConfig
from flashpoint.pipeline import CodedDocument, Coder
from flashpoint.readers import DEFAULT_MAX_BYTES, read_inputs


def places_line(coded: CodedDocument) -> str:
    """The JSON line of one geoparsed document."""
    places = coded.document.places if coded.document is not None else []
    record = {"doc_id": coded.doc_id, "places": [p.to_dict() for p in places]}
    return json.dumps(record, ensure_ascii=False)


def write_places(results: Iterable[CodedDocument], out: TextIO, json_errors: bool) -> int:
    """Write one line per geoparsed document; report the others. Returns how many were
    skipped."""
    skipped = 0
    for coded in results:
        if not coded.ok:
            skipped += 1
            if json_errors:
                error = coded.error.to_dict() if coded.error is not None else {}
                click.echo(json.dumps(error or {"message": coded.reason}), err=True)
            else:
                click.echo(f"flashpoint: skipped {coded.source}: {coded.reason}", err=True)
            continue
        out.write(places_line(coded) + "\n")
    return skipped


@main.command("geoparse")
@click.argument("inputs", nargs=-1, type=InputPath())
@executor_options
@click.option(
    "-o",
    "--output",
    type=click.File("w", encoding="utf-8", lazy=False),
    default="-",
    help="Write the places here (default: standard output).",
)
@click.option(
    "--max-bytes",
    type=click.IntRange(min=1),
    default=DEFAULT_MAX_BYTES,
    show_default=True,
    help="Refuse documents larger than this many bytes.",
)
@click.option("--any-language", is_flag=True, help="Do not refuse text that is not English.")
@click.option(
    "--demonyms",
    is_flag=True,
    help='Also report the words for a people ("Turkish" -> Turkey, kind "demonym").',
)
@click.option("--json-errors", is_flag=True, help="Report errors on stderr as JSON objects.")
def geoparse_command(
    inputs: tuple[str, ...],
    workers: int | None,
    executor: str,
    scheduler: str | None,
    output: TextIO,
    max_bytes: int,
    any_language: bool,
    demonyms: bool,
    json_errors: bool,
) -> None:
    """Find and resolve every place named in each document, written as JSON Lines.

    INPUT is what `flashpoint code` reads (plain text, JSON Lines, JSON, CSV, web pages, a
    directory, or - for standard input); a date is optional.
    """
    require_inputs(inputs, ())
    items = read_inputs(inputs, max_bytes, check_language=not any_language, require_date=False)
    geoparser = Coder(CoderConfig(max_chars=max_bytes, demonyms=demonyms)).geoparser
    with (
        fail_on_error(json_errors),
        chosen_executor(executor, scheduler, workers, geoparser.config) as chosen,
    ):
        n = worker_count(workers)
        results = code_stream(items, coder=geoparser, workers=n, executor=chosen)
        skipped = write_places(results, output, json_errors)
        output.flush()
    sys.exit(ExitCode.SKIPPED if skipped else ExitCode.OK)
