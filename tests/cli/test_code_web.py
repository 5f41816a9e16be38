"""`flashpoint code` on saved pages, URLs and feeds served from 127.0.0.1: the articles are
coded with their own dates, titles and URLs, no page furniture reaches a sentence, and each
page that cannot be fetched is skipped with its reason."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from click.testing import CliRunner, Result

from flashpoint.cli import main

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "readers"))
from _web import FURNITURE, PAGES, Web  # noqa: E402

pytest_plugins = ["_web_fixtures"]

FAST = ["-w", "1", "--fetch-delay", "0", "--fetch-timeout", "1.5"]  # the slow page takes 2 s
LAGOS_URL = "https://daily-invented.example/news/2024/lagos-fuel-protest"


def code(*args: str) -> Result:
    return CliRunner().invoke(main, ["code", *FAST, *args])


def events(result: Result) -> list[dict[str, object]]:
    return [json.loads(line) for line in result.stdout.splitlines() if line.strip()]


def assert_clean(records: list[dict[str, object]]) -> None:
    for record in records:
        sentence = str(record["sentence"]).lower()
        assert not [f for f in FURNITURE if f.lower() in sentence], record["sentence"]


def test_a_saved_page() -> None:
    result = code(str(PAGES / "lagos-protest.html"))
    assert result.exit_code == 0, result.output
    records = events(result)
    assert records and {r["doc_id"] for r in records} == {"lagos-protest"}
    assert {r["pub_date"] for r in records} == {"2024-01-18"}
    assert "COERCE" in {r["event_type"] for r in records}  # the arrests
    assert_clean(records)


def test_a_page_by_url(web: Web) -> None:
    result = code(web.url("/lagos-protest.html"))
    assert result.exit_code == 0, result.output
    records = events(result)
    assert records and {r["doc_id"] for r in records} == {LAGOS_URL}
    assert {r["pub_date"] for r in records} == {"2024-01-18"}
    assert_clean(records)


def test_a_feed_by_url(web: Web) -> None:
    result = code(web.url("/feed.xml"))
    assert result.exit_code == 1  # one item's page is gone
    records = events(result)
    host = web.base.removeprefix("http://")
    by_doc = {r["doc_id"]: r["pub_date"] for r in records}
    assert by_doc[f"{host}:inv-lagos"] == "2024-01-18"
    assert by_doc[f"{host}:inv-batken"] == "2024-03-05"
    assert_clean(records)
    assert f"skipped {web.url('/gone.html')}: the server answered 404" in result.stderr
    assert "coded 3 documents" in result.stderr


def test_a_url_list(web: Web, tmp_path: Path) -> None:
    listing = tmp_path / "urls.txt"
    listing.write_text(f"{web.url('/border-clash.html')}\n")
    result = code("--urls", str(listing))
    assert result.exit_code == 0, result.output
    assert {r["pub_date"] for r in events(result)} == {"2024-03-05"}


def test_each_failure_is_skipped_with_its_reason(web: Web) -> None:
    failing = {
        "/nothing-here.html": "answered 404",
        "/slow.html": "no complete answer within 1.5 s",
        "/huge.html": "larger than the limit",
        "/file.bin": "application/octet-stream, not a web page",
        "/loop-a": "redirect loop",
    }
    result = code(*[web.url(p) for p in failing], web.url("/border-clash.html"))
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    for path, reason in failing.items():
        assert f"skipped {web.url(path)}: " in result.stderr
        line = next(x for x in result.stderr.splitlines() if web.url(path) in x)
        assert reason in line, line
    assert "coded 1 document" in result.stderr and "5 skipped" in result.stderr


def test_an_undated_page_is_reported(web: Web) -> None:
    result = code(web.url("/undated.html"))
    assert result.exit_code == 1
    assert "the page gives no publication date" in result.stderr


def test_a_missing_file_is_a_usage_error() -> None:
    result = CliRunner().invoke(main, ["code", "no/such/page.html"])
    assert result.exit_code == 2
    assert "not an http(s) URL" in result.output
