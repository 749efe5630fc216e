"""Erasing a candidate (after typing their name) and the subject-access export, in the window."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path
from typing import Any

import pytest

from workbench.domain.errors import NotFoundError
from workbench.services.candidates import get_candidate
from workbench.ui import privacy_screens


def _select_first(qtbot: Any, window: Any) -> int:
    window.table.selectRow(0)
    [cid] = window.selected_ids()
    return cid


def test_typing_the_name_erases_the_candidate_and_refreshes_the_list(
    qtbot: Any,
    open_window: Any,
    database: Any,
    fill_candidates: Any,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    fill_candidates(database, 3)
    window = open_window()
    cid = _select_first(qtbot, window)
    name = get_candidate(database, cid).draft.full_name
    asked: list[str] = []

    def typed(parent: Any, shown: str) -> bool:
        asked.append(shown)
        return True

    monkeypatch.setattr(privacy_screens, "ask_typed_name", typed)
    task = privacy_screens.erase_selected(window)
    assert task is not None and asked == [name]
    with qtbot.waitSignal(task.succeeded, timeout=10_000):
        pass
    with pytest.raises(NotFoundError):
        get_candidate(database, cid)
    qtbot.waitUntil(lambda: window.candidate_model.rowCount() == 2, timeout=5000)
    assert "Erased candidate" in window.statusBar().currentMessage()


def test_a_wrong_name_erases_nothing(
    qtbot: Any,
    open_window: Any,
    database: Any,
    fill_candidates: Any,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    fill_candidates(database, 2)
    window = open_window()
    cid = _select_first(qtbot, window)
    monkeypatch.setattr(privacy_screens, "ask_typed_name", lambda parent, name: False)
    assert privacy_screens.erase_selected(window) is None
    assert get_candidate(database, cid).id == cid
    assert "did not match" in window.statusBar().currentMessage()


def test_the_typed_name_must_match_ignoring_case_and_spaces(
    qtbot: Any, open_window: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = open_window()
    answers = iter([("  ann   LEE ", True), ("Ann Le", True), ("Ann Lee", False)])
    monkeypatch.setattr(
        privacy_screens.QInputDialog, "getText", lambda *args, **kwargs: next(answers)
    )
    assert privacy_screens.ask_typed_name(window, "Ann Lee")
    assert not privacy_screens.ask_typed_name(window, "Ann Lee")
    assert not privacy_screens.ask_typed_name(window, "Ann Lee")


def test_subject_access_export_writes_the_chosen_zip(
    qtbot: Any,
    open_window: Any,
    database: Any,
    fill_candidates: Any,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    fill_candidates(database, 2)
    window = open_window()
    cid = _select_first(qtbot, window)
    target = tmp_path / "sar"
    monkeypatch.setattr(
        privacy_screens.QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), "")
    )
    written = privacy_screens.export_subject_access(window)
    assert written == tmp_path / "sar.zip"
    with zipfile.ZipFile(written) as archive:
        report = json.loads(archive.read("subject-access.json"))
    assert report["candidate"]["id"] == cid
    assert "Wrote everything held on" in window.statusBar().currentMessage()


def test_cancelling_the_file_chooser_writes_nothing(
    qtbot: Any,
    open_window: Any,
    database: Any,
    fill_candidates: Any,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    fill_candidates(database, 1)
    window = open_window()
    _select_first(qtbot, window)
    monkeypatch.setattr(privacy_screens, "choose_zip_path", lambda parent, suggested: None)
    assert privacy_screens.export_subject_access(window) is None
    assert list(tmp_path.glob("*.zip")) == []
