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


def test_the_lazy_command_table_names_exactly_the_commands_the_modules_define() -> None:
    import subprocess
    import sys

    from flashpoint.cli import COMMANDS, load_all_commands

    load_all_commands()
    defined = {name: cmd.callback.__module__ for name, cmd in main.commands.items()}
    assert defined == COMMANDS
    # `flashpoint code` imports its own module, not the store's, the API's or the report's
    probe = (
        "import sys; from flashpoint.cli import main; "
        "import click; main.get_command(click.Context(main), 'code'); "
        "print(sorted(m for m in sys.modules if m.startswith('flashpoint.cli.')))"
    )
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert "flashpoint.cli.code" in out.stdout
    assert "flashpoint.cli.store" not in out.stdout and "flashpoint.cli.serve" not in out.stdout
