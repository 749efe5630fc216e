"""Fixtures for tests that use a real SQLite file."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.integration.cli_runs import Run
from workbench import cli
from workbench.store.bootstrap import open_database
from workbench.store.engine import Database


@pytest.fixture
def database(tmp_path: Path) -> Iterator[Database]:
    """Open a fresh, migrated database file in the test's temporary folder."""
    opened = open_database(tmp_path / "wb.sqlite3")
    yield opened
    opened.close()


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    """Return where the test's database file goes."""
    return tmp_path / "x.sqlite3"


@pytest.fixture
def workbench(db_path: Path, capsys: pytest.CaptureFixture[str]) -> Any:
    """Return a function running `workbench --db DB ARGS...` in-process."""

    def run(*args: str, db: Path | None = db_path) -> Run:
        capsys.readouterr()
        code = cli.main([*(["--db", str(db)] if db else []), *args])
        captured = capsys.readouterr()
        return Run(code, captured.out, captured.err)

    return run
