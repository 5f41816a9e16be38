"""`flashpoint prepare`: compiles the gazetteer cache once, says where, and fails clearly."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from flashpoint.cli import main
from flashpoint.stages.places.compiled import CompiledGazetteer, compiled_path
from flashpoint.stages.places.gazetteer import default_path


def test_prepare_compiles_once_then_reports_the_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("FLASHPOINT_CACHE_DIR", str(tmp_path))
    first = CliRunner().invoke(main, ["prepare"])
    assert first.exit_code == 0, first.output
    target = compiled_path(default_path())
    assert target.parent == tmp_path and "compiled the gazetteer in" in first.output
    assert CompiledGazetteer(target).country("KEN").name == "Kenya"
    again = CliRunner().invoke(main, ["prepare"])
    assert again.exit_code == 0 and "is compiled" in again.output


def test_prepare_without_a_writable_cache_exits_3_with_a_fix(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a directory")
    monkeypatch.setenv("FLASHPOINT_CACHE_DIR", str(blocker / "cache"))
    result = CliRunner().invoke(main, ["prepare"])
    assert result.exit_code == 3
    assert "FLASHPOINT_CACHE_DIR" in result.output and "Traceback" not in result.output
