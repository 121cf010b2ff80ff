"""The command line: every command is listed, documented and has an example."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner
from vankien.cli.main import app

ROOT = Path(__file__).resolve().parents[1]
COMMANDS = ["extract", "ingest", "remove", "query", "search", "duties", "serve", "view",
            "export", "stats", "validate", "reason", "ontology"]
runner = CliRunner()


def test_help_lists_every_command() -> None:
    result = runner.invoke(app, ["--help"], terminal_width=200)
    assert result.exit_code == 0
    listed = {line.split()[1] for line in result.output.splitlines()
              if line.startswith("│ ") and len(line.split()) > 2}
    assert set(COMMANDS) <= listed


@pytest.mark.parametrize("command", COMMANDS)
def test_command_help_has_an_example(command: str) -> None:
    result = runner.invoke(app, [command, "--help"], terminal_width=200)
    assert result.exit_code == 0, result.output
    assert "Example" in result.output
    assert f"vankien {command}" in result.output


def test_ci_runs_the_readme_test_command() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "make test" in readme and "make demo" in readme
    assert "\nmake test\n" in ci


def test_bad_file_is_one_line_and_exit_2(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    result = runner.invoke(app, ["extract", str(empty)])
    assert result.exit_code == 2
    assert result.output.strip().count("\n") == 0
    assert "empty.txt" in result.output and "empty" in result.output
