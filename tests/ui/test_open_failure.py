"""A database that will not open: the message offers another file, a backup to restore, or Close."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

from workbench.domain.candidate import CandidateDraft
from workbench.services.backups import write_backup
from workbench.services.candidates import add_candidate, find_candidate
from workbench.store.bootstrap import open_database
from workbench.ui.application import open_or_ask

RESTORE = "Restore a backup…"
CLOSE = "Close"


class Answers:
    """Click the given buttons of the failure message in turn, recording what it said."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, clicks: list[str]) -> None:
        self.clicks = clicks
        self.messages: list[str] = []
        self.buttons: list[list[str]] = []
        self.warnings: list[str] = []
        self._clicked: object = None
        monkeypatch.setattr(QMessageBox, "exec", lambda box: self._exec(box))
        monkeypatch.setattr(QMessageBox, "clickedButton", lambda box: self._clicked)
        monkeypatch.setattr(
            QMessageBox, "warning", lambda parent, title, text: self.warnings.append(text)
        )

    def _exec(self, box: QMessageBox) -> int:
        self.messages.append(box.text())
        self.buttons.append([button.text() for button in box.buttons()])
        click = self.clicks.pop(0)
        if click == CLOSE:
            self._clicked = box.button(QMessageBox.StandardButton.Close)
        else:
            self._clicked = next(b for b in box.buttons() if b.text() == click)
        return 0


def pick_files(monkeypatch: pytest.MonkeyPatch, *paths: Path | str) -> list[str]:
    """Answer each "Restore a backup" file dialog with the next path ("" is Cancel)."""
    answers = [str(path) for path in paths]
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (answers.pop(0), ""))
    return answers


def damaged_file(path: Path) -> bytes:
    """Write a Workbench database, then scramble everything after its header."""
    open_database(path).close()
    data = path.read_bytes()
    damaged = data[:100] + bytes((i * 37 + 11) % 256 for i in range(len(data) - 100))
    path.write_bytes(damaged)
    return damaged


@pytest.fixture
def backup(tmp_path: Path) -> Path:
    """A checked backup of a database holding Ann Lee."""
    database = open_database(tmp_path / "good.sqlite3")
    try:
        add_candidate(database, CandidateDraft("Ann", "Lee", "ann@example.com"))
        (tmp_path / "backups").mkdir()
        return write_backup(database, tmp_path / "backups" / "good-backup.sqlite3").path
    finally:
        database.close()


def test_restoring_a_good_backup_opens_it_in_place_of_the_damaged_file(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, backup: Path
) -> None:
    path = tmp_path / "wb.sqlite3"
    damaged = damaged_file(path)
    answers = Answers(monkeypatch, [RESTORE])
    left = pick_files(monkeypatch, backup)

    database = open_or_ask(path)

    assert database is not None
    try:
        assert database.path == path
        assert find_candidate(database, "ann@example.com").draft.last_name == "Lee"
    finally:
        database.close()
    assert len(answers.messages) == 1 and str(path) in answers.messages[0]
    assert RESTORE in answers.buttons[0] and "Open another…" in answers.buttons[0]
    assert left == [] and answers.warnings == []
    # The damaged file is kept aside, byte for byte, in case something can be rescued.
    (aside,) = tmp_path.glob("wb.before-restore-*.sqlite3")
    assert aside.read_bytes() == damaged


def test_a_bad_backup_is_explained_and_the_choice_offered_again(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, backup: Path
) -> None:
    path = tmp_path / "wb.sqlite3"
    damaged = damaged_file(path)
    not_a_backup = tmp_path / "notes.sqlite3"
    not_a_backup.write_text("first_name,last_name\nAnn,Lee\n", encoding="utf-8")
    answers = Answers(monkeypatch, [RESTORE, RESTORE])
    pick_files(monkeypatch, not_a_backup, backup)

    database = open_or_ask(path)

    # The refusal was shown, the same choice came back, and the second backup worked.
    assert len(answers.warnings) == 1 and "notes.sqlite3" in answers.warnings[0]
    assert len(answers.messages) == 2
    assert database is not None
    try:
        assert find_candidate(database, "ann@example.com").draft.first_name == "Ann"
    finally:
        database.close()
    (aside,) = tmp_path.glob("wb.before-restore-*.sqlite3")
    assert aside.read_bytes() == damaged


def test_a_bad_backup_then_close_leaves_the_damaged_file_untouched(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "wb.sqlite3"
    damaged = damaged_file(path)
    broken_backup = tmp_path / "broken-backup.sqlite3"
    damaged_file(broken_backup)
    answers = Answers(monkeypatch, [RESTORE, CLOSE])
    pick_files(monkeypatch, broken_backup)

    assert open_or_ask(path) is None

    assert len(answers.warnings) == 1 and "broken-backup.sqlite3" in answers.warnings[0]
    assert len(answers.messages) == 2
    assert path.read_bytes() == damaged
    assert list(tmp_path.glob("*.before-restore-*")) == []


def test_cancelling_the_file_choice_asks_again_and_close_gives_up(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "wb.sqlite3"
    damaged = damaged_file(path)
    answers = Answers(monkeypatch, [RESTORE, CLOSE])
    left = pick_files(monkeypatch, "")

    assert open_or_ask(path) is None

    assert left == [] and answers.warnings == []
    assert len(answers.messages) == 2
    assert path.read_bytes() == damaged


def test_close_at_once_returns_none_and_opens_no_file_dialog(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "wb.sqlite3"
    path.write_text("not a database", encoding="utf-8")
    answers = Answers(monkeypatch, [CLOSE])
    left = pick_files(monkeypatch, "never asked")

    assert open_or_ask(path) is None

    assert left == ["never asked"]
    assert len(answers.messages) == 1 and "not a Workbench database" in answers.messages[0]
