"""File ▸ Back up now and Restore…, the Backups settings tab, and the privacy actions' wiring."""

from __future__ import annotations

import sys
import types

from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from workbench.domain.candidate import CandidateDraft
from workbench.domain.search import Visibility
from workbench.services import backups
from workbench.services.candidates import add_candidate
from workbench.services.search import count_candidates
from workbench.ui import backup_screens
from workbench.ui.backup_screens import BackupSettingsTab
from workbench.ui.main_window import MainWindow


def test_back_up_now_writes_a_checked_generation(
    qtbot, database, open_window, fill_candidates, tmp_path
):
    fill_candidates(database, 4)
    folder = tmp_path / "backups"
    folder.mkdir()
    backups.save_backup_settings(database, backups.BackupSettings(folder, 2, False))
    window = open_window()
    with qtbot.waitSignal(window.backup_screens.backedUp, timeout=10_000) as done:
        window.backup_action.trigger()
    result = done.args[0]
    assert backups.generations(folder) == [result.path]
    assert backups.check_backup(result.path).candidates == 4
    assert str(result.path) in window.statusBar().currentMessage()
    assert "integrity ok" in window.statusBar().currentMessage()


def test_back_up_now_asks_for_a_folder_the_first_time(
    qtbot, database, open_window, tmp_path, monkeypatch
):
    folder = tmp_path / "chosen"
    folder.mkdir()
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(folder))
    window = open_window()
    with qtbot.waitSignal(window.backup_screens.backedUp, timeout=10_000):
        window.backup_action.trigger()
    assert backups.backup_settings(database).folder == folder
    assert len(backups.generations(folder)) == 1


def test_settings_tab_stores_folder_generations_and_automatic(qtbot, database, tmp_path):
    tab = BackupSettingsTab(database)
    qtbot.addWidget(tab)
    tab.folder.setText(str(tmp_path))
    tab.keep.setValue(3)
    tab.automatic.setChecked(True)
    assert backups.backup_settings(database) == backups.BackupSettings(tmp_path, 3, True)


def test_restore_reopens_the_window_on_the_backup(
    qtbot, database, open_window, fill_candidates, tmp_path, monkeypatch
):
    fill_candidates(database, 3)
    folder = tmp_path / "backups"
    folder.mkdir()
    backup = backups.back_up(database, folder).path
    add_candidate(database, CandidateDraft("Zed", "Other", "zed@example.com"))
    window = open_window()
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(backup), ""))
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    window.restore_backup_action.trigger()
    reopened = backup_screens._reopened[-1]
    assert isinstance(reopened, MainWindow) and reopened is not window
    qtbot.addWidget(reopened)
    assert count_candidates(reopened.database, Visibility.ALL) == 3
    assert "kept as" in reopened.statusBar().currentMessage()
    assert list(database.path.parent.glob("ui.before-restore-*.sqlite3"))
    assert QApplication.instance().quitOnLastWindowClosed()
    reopened.database.close()


def test_privacy_actions_call_the_privacy_screens(qtbot, open_window, monkeypatch):
    called: list[tuple[str, object]] = []
    fake = types.SimpleNamespace(
        erase_selected=lambda w: called.append(("erase", w)),
        export_subject_access=lambda w: called.append(("sar", w)),
    )
    monkeypatch.setitem(sys.modules, "workbench.ui.privacy_screens", fake)
    window = open_window()
    window.erase_action.trigger()
    window.subject_access_action.trigger()
    assert called == [("erase", window), ("sar", window)]


def test_privacy_actions_explain_when_the_screen_is_missing(qtbot, open_window, monkeypatch):
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: shown.append(text))
    monkeypatch.setitem(sys.modules, "workbench.ui.privacy_screens", None)
    window = open_window()
    window.erase_action.trigger()
    assert shown == ["not available in this build"]


def test_storage_warning_shows_in_the_status_bar(qtbot, tmp_path, settings):
    from workbench.store.bootstrap import open_database

    database = open_database(tmp_path / "Dropbox" / "wb.sqlite3")
    try:
        window = MainWindow(database, settings)
        qtbot.addWidget(window)
        assert window.backup_screens.warning_label is not None
        assert "Dropbox" in window.backup_screens.warning_label.toolTip()
    finally:
        database.close()


def test_closing_backs_up_first_when_automatic_backups_are_on(
    qtbot, database, open_window, fill_candidates, tmp_path
):
    fill_candidates(database, 3)
    folder = tmp_path / "auto"
    folder.mkdir()
    backups.save_backup_settings(database, backups.BackupSettings(folder, 2, True))
    window = open_window()
    window.backup_screens.back_up_on_exit()  # returns once the checked copy is in place
    [made] = backups.generations(folder)
    assert backups.check_backup(made).candidates == 3
    assert not window.backup_screens.running


def test_a_failed_backup_on_exit_is_said_and_the_window_still_closes(
    qtbot, database, open_window, tmp_path, monkeypatch
):
    folder = tmp_path / "gone"
    folder.mkdir()
    backups.save_backup_settings(database, backups.BackupSettings(folder, 2, True))
    folder.rmdir()
    said = []
    monkeypatch.setattr(
        backup_screens, "show_error", lambda parent, title, error: said.append(title)
    )
    window = open_window()
    window.backup_screens.back_up_on_exit()
    assert said == ["Backup on exit failed"]


def test_the_exit_backup_holds_the_app_modal_and_a_second_close_waits(
    qtbot, database, open_window, tmp_path, monkeypatch
):
    import time

    from PySide6.QtCore import QTimer

    folder = tmp_path / "auto"
    folder.mkdir()
    backups.save_backup_settings(database, backups.BackupSettings(folder, 2, True))
    real = backups.back_up
    monkeypatch.setattr(
        backups,
        "back_up",
        lambda *args: time.sleep(0.6) or real(*args),  # a slow disk
    )
    window = open_window()
    seen = []

    def probe() -> None:
        seen.append(QApplication.activeModalWidget())
        window.backup_screens.back_up_on_exit()  # Close clicked again: must not start another

    QTimer.singleShot(200, probe)
    window.backup_screens.back_up_on_exit()
    assert seen and seen[0] is not None and "before closing" in seen[0].labelText()
    assert len(backups.generations(folder)) == 1


def test_restore_waits_for_a_backup_being_written(qtbot, database, open_window, monkeypatch):
    window = open_window()
    window.backup_screens.running = True
    asked = []
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: asked.append(1) or ("", ""))
    window.backup_screens.restore_backup()
    window.backup_screens.running = False  # no real backup will end it: closing would wait
    assert asked == [] and "restore once it is done" in window.statusBar().currentMessage()
