"""`flashpoint eval`: score the coder on human-coded gold data."""

from __future__ import annotations

import json

import click

from flashpoint.cli import main
from flashpoint.cli._common import fail_on_error


@main.command("eval")
@click.argument("gold", type=click.Path(exists=True, dir_okay=False))
@click.option(
    "--text",
    "text_path",
    type=click.Path(exists=True, dir_okay=False),
    help="The article an article-gold file describes (default: the .txt beside it).",
)
@click.option("--json", "as_json", is_flag=True, help="Print the scores as one JSON object.")
@click.option("--details/--no-details", default=True, help="List each gold event's outcome.")
def eval_command(gold: str, text_path: str | None, as_json: bool, details: bool) -> None:
    """Score the coder on GOLD.jsonl: per-field precision, recall and F1.

    Understands the article gold of the seed (`*.gold.jsonl` beside its `.txt`), PLOVER
    gold-standard sentences and CASE 2021 ACLED snippets.
    """
    from flashpoint.evaluate import evaluate

    with fail_on_error():
        report = evaluate(gold, text_path=text_path)
    if as_json:
        click.echo(json.dumps(report.to_dict()))
        return
    if not details:
        report.details = []
    click.echo(report.format())
