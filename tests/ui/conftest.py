"""Fixtures for window tests: a real database file and drafts to fill it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMessageBox

from workbench.domain.candidate import CandidateDraft, WorkHistoryEntry
from workbench.domain.roles import Specialisation
from workbench.services.candidates import utc_now
from workbench.store.bootstrap import open_database
from workbench.store.candidate_repository import insert_many
from workbench.store.engine import Database
from workbench.ui.main_window import MainWindow


def make_drafts(count: int) -> list[CandidateDraft]:
    """Return simple valid candidates with predictable names and words."""
    roles = list(Specialisation)
    return [
        CandidateDraft(
            first_name=f"Person{i:04d}",
            last_name=["Smith", "Łukasik", "Иванов", "Nguyễn", "O'Brien"][i % 5],
            email=f"person{i}@example.com",
            city=["London", "Warsaw", "Berlin", "Hanoi", "Dublin"][i % 5],
            country=["United Kingdom", "Poland", "Germany", "Vietnam", "Ireland"][i % 5],
            primary_role=roles[i % len(roles)],
            years_experience=float(i % 15),
            skills=("Jira", "Scrum") if i % 2 else ("Kanban", "Confluence"),
            summary="Delivered a cloud migration" if i % 3 == 0 else "Led an ERP rollout",
            work_history=(WorkHistoryEntry("Northwind Bank", "Project Manager"),),
        )
        for i in range(count)
    ]


def fill(database: Database, count: int) -> None:
    """Store `count` simple candidates."""
    with database.write() as session:
        insert_many(session, make_drafts(count), utc_now())


@pytest.fixture(autouse=True)
def _no_unexpected_dialogs(monkeypatch: pytest.MonkeyPatch) -> None:
    """Fail, instead of hanging, when a modal box opens that the test did not arrange for."""

    def refuse(*args: object, **kwargs: object) -> None:
        texts = [a for a in args if isinstance(a, str)]
        if args and isinstance(args[0], QMessageBox):
            texts.append(args[0].text())
        raise AssertionError(f"unexpected dialog: {' | '.join(texts)}")

    for name in ("exec", "question", "warning", "critical", "information"):
        monkeypatch.setattr(QMessageBox, name, refuse)


@pytest.fixture
def fill_candidates() -> object:
    """Return the function that stores N simple candidates in a database."""
    return fill


@pytest.fixture
def database(tmp_path: Path) -> Iterator[Database]:
    """Yield an empty database in a real SQLite file."""
    db = open_database(tmp_path / "ui.sqlite3")
    yield db
    db.close()


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    """Return settings kept in a temporary file."""
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def open_window(qtbot, database, settings):
    """Return a function that opens the main window and waits for its first list."""

    def make() -> MainWindow:
        window = MainWindow(database, settings)
        # Closing with unsaved edits would ask "Save your changes?" in a modal box.
        qtbot.addWidget(window, before_close_func=lambda w: w.editor.revert())
        qtbot.waitUntil(lambda: window._last_result is not None, timeout=5000)
        return window

    return make
