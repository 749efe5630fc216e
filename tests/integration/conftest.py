"""Fixtures for tests that use a real SQLite file."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from workbench.store.bootstrap import open_database
from workbench.store.engine import Database


@pytest.fixture
def database(tmp_path: Path) -> Iterator[Database]:
    """Open a fresh, migrated database file in the test's temporary folder."""
    opened = open_database(tmp_path / "wb.sqlite3")
    yield opened
    opened.close()
