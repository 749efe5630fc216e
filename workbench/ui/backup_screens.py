"""Back up now, Restore…, automatic backups, the Backups settings tab and the storage warning."""

from __future__ import annotations

import logging
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEventLoop, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from workbench.domain.errors import WorkbenchError
from workbench.services import backups
from workbench.store.engine import Database
from workbench.ui.errors import show_error
from workbench.ui.tasks import run_in_background

if TYPE_CHECKING:
    from workbench.ui.main_window import MainWindow

log = logging.getLogger("workbench")
DAILY_CHECK_MS = 60 * 60 * 1000  # hourly: a laptop left open still gets its daily backup
FIRST_CHECK_MS = 60 * 1000  # not at once: starting up has enough to do
# Windows opened after a restore: nothing else holds them.
_reopened: list[Any] = []


def _megabytes(size: int) -> str:
    return f"{size / 1048576:.1f} MB"


class BackupScreens(QObject):
    """The main window's backup actions, its daily timer and its backup on exit."""

    backedUp = Signal(object)  # BackupResult, once a backup is written and checked
    backupFailed = Signal(object)

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.running = False
        self.restoring = False  # the window closes for a restore: no backup on exit then
        self.exiting = False  # waiting for the backup on exit
        self.timer = QTimer(self, interval=DAILY_CHECK_MS)
        self.timer.timeout.connect(self.back_up_if_due)
        self.timer.start()
        QTimer.singleShot(FIRST_CHECK_MS, self, self.back_up_if_due)
        self.warning_label: QLabel | None = None
        if window.database.path is not None:
            self._show_storage_warning(window.database.path)

    @property
    def database(self) -> Database:
        """Return the window's database."""
        return self.window.database

    def _show_storage_warning(self, path: Path) -> None:
        warning = backups.storage_warning(path)
        if warning is None:
            return
        self.warning_label = QLabel(self.tr("⚠ Database on a network or sync folder"))
        self.warning_label.setObjectName("storageWarning")
        self.warning_label.setToolTip(warning)
        self.warning_label.setStyleSheet("color: #a15c00; font-weight: bold")
        self.window.statusBar().addPermanentWidget(self.warning_label)
        self.window.statusBar().showMessage(warning, 30_000)

    # --- backing up -----------------------------------------------------------------------

    def _folder(self, ask: bool) -> backups.BackupSettings | None:
        """Return the settings with a backup folder, asking for one the first time."""
        settings = backups.backup_settings(self.database)
        if settings.folder is not None or not ask:
            return settings if settings.folder is not None else None
        chosen = QFileDialog.getExistingDirectory(
            self.window, self.tr("Choose a folder for backups"), str(Path.home())
        )
        if not chosen:
            return None
        settings = backups.BackupSettings(Path(chosen), settings.keep, settings.automatic)
        backups.save_backup_settings(self.database, settings)
        return settings

    def back_up_now(self) -> None:
        """Write a checked backup in the background and report the file."""
        try:
            settings = self._folder(ask=True)
        except WorkbenchError as exc:
            show_error(self.window, self.tr("Back up"), exc)
            return
        if settings is None or settings.folder is None:
            return
        self._start(settings, quiet=False)

    def back_up_if_due(self) -> None:
        """Back up in the background when automatic backups are on and a day has passed."""
        if self.running:
            return
        try:
            if not backups.backup_due(self.database, datetime.now(UTC)):
                return
            settings = backups.backup_settings(self.database)
        except WorkbenchError as exc:
            log.warning("automatic backup skipped: %s", exc)
            return
        self._start(settings, quiet=True)

    def _start(self, settings: backups.BackupSettings, *, quiet: bool) -> None:
        folder, keep, database = settings.folder, settings.keep, self.database
        assert folder is not None
        self.running = True
        self.window.statusBar().showMessage(self.tr("Backing up…"))
        run_in_background(
            lambda: backups.back_up(database, folder, keep),
            self._done,
            lambda error: self._failed(error, quiet),
            context=self,
        )

    def _done(self, result: backups.BackupResult) -> None:
        self.running = False
        self.window.statusBar().showMessage(
            self.tr("Backed up to {path} ({size}, integrity ok)").format(
                path=result.path, size=_megabytes(result.size)
            ),
            15_000,
        )
        self.backedUp.emit(result)

    def _failed(self, error: BaseException, quiet: bool) -> None:
        self.running = False
        self.window.statusBar().showMessage(self.tr("Backup failed: {e}").format(e=error), 30_000)
        self.backupFailed.emit(error)
        if not quiet:
            show_error(self.window, self.tr("Back up"), error)

    def back_up_on_exit(self) -> None:
        """Back up before the window closes when automatic backups are on.

        The copy and its integrity check run off the GUI thread while a dialog says what
        is happening (seconds on 100,000 candidates); the window waits for it, since the
        database closes next. A daily backup still running is waited for, not doubled.
        """
        if self.restoring or self.exiting:
            return  # a second Close while the first waits must not start it again
        try:
            settings = backups.backup_settings(self.database)
        except WorkbenchError as exc:
            show_error(self.window, self.tr("Backup on exit failed"), exc)
            return
        if not self.running and (not settings.automatic or settings.folder is None):
            return
        self.exiting = True
        waiting = QEventLoop()
        outcome: list[BaseException | None] = []

        def finished(error: BaseException | None) -> None:
            outcome.append(error)
            waiting.quit()

        connections = [
            self.backedUp.connect(lambda _: finished(None)),
            self.backupFailed.connect(finished),
            # The result is dropped if this object goes; the wait must not outlive it.
            self.destroyed.connect(waiting.quit),
        ]
        if not self.running:
            self._start(settings, quiet=True)
        dialog = QProgressDialog(
            self.tr("Backing up to {folder} before closing…").format(folder=settings.folder),
            "",
            0,
            0,
            self.window,
        )
        dialog.setCancelButton(None)  # the database closes next: the copy must finish first
        dialog.setWindowTitle(self.tr("Backing up"))
        # Modal to the whole app: nothing may edit, restore or erase while the copy runs.
        dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
        dialog.show()
        if self.running and not outcome:
            waiting.exec()
        dialog.close()
        for connection in connections:
            QObject.disconnect(connection)
        self.exiting = False
        if outcome and outcome[0] is not None:
            show_error(self.window, self.tr("Backup on exit failed"), outcome[0])

    # --- restoring ------------------------------------------------------------------------

    def restore_backup(self) -> None:
        """Choose a backup, show what it holds, then put it in place and reopen."""
        path = self.database.path
        if path is None:
            return
        if self.running:
            # The restore closes the database the backup is still copying.
            self.window.statusBar().showMessage(
                self.tr("A backup is being written; restore once it is done."), 10_000
            )
            return
        start = backups.backup_settings(self.database).folder or path.parent
        chosen, _ = QFileDialog.getOpenFileName(
            self.window,
            self.tr("Restore a backup"),
            str(start),
            self.tr("Workbench backup (*.sqlite3);;All files (*)"),
        )
        if not chosen:
            return
        try:
            QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
            try:
                info = backups.check_backup(Path(chosen))
            finally:
                QGuiApplication.restoreOverrideCursor()
        except WorkbenchError as exc:
            show_error(self.window, self.tr("Cannot restore"), exc)
            return
        answer = QMessageBox.question(
            self.window,
            self.tr("Restore this backup?"),
            self.tr(
                "{file}\n{size}, {n} candidates, integrity ok.\n\nIt replaces the database you "
                "have open; the current file is kept aside beside it. Workbench closes the "
                "database and opens the restored one."
            ).format(file=info.path, size=_megabytes(info.size), n=f"{info.candidates:,}"),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer == QMessageBox.StandardButton.Yes:
            self._swap(info.path, path)

    def _swap(self, backup: Path, path: Path) -> None:
        """Close this window and its database, restore, and open a new window on the result."""
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        app.setQuitOnLastWindowClosed(False)  # the new window is not open yet
        try:
            self.restoring = True
            if not self.window.close():  # unsaved edits: the consultant chose to stay
                self.restoring = False
                return
            self.window.database.close()
            note = ""
            try:
                aside = backups.restore(backup, path)
                note = self.tr("Restored {backup}.").format(backup=backup)
                if aside is not None:
                    note += " " + self.tr("The previous database was kept as {a}.").format(a=aside)
            except WorkbenchError as exc:
                show_error(None, self.tr("Cannot restore"), exc)  # the old file is back
            self._reopen(app, path, note)
        finally:
            app.setQuitOnLastWindowClosed(True)

    def _reopen(self, app: QApplication, path: Path, note: str) -> None:
        from workbench.ui.application import open_or_ask
        from workbench.ui.main_window import MainWindow

        database = open_or_ask(path)
        if database is None:
            QTimer.singleShot(0, app.quit)
            return
        app.aboutToQuit.connect(database.close)
        window = MainWindow(database, self.window.settings)
        _reopened.append(window)
        window.show()
        if note:
            window.statusBar().showMessage(note, 60_000)
        self.window.deleteLater()


class BackupSettingsTab(QWidget):
    """The Backups tab of Settings: folder, generations kept, automatic on/off (saved at once)."""

    def __init__(self, database: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._database = database
        settings = backups.backup_settings(database)
        self.folder = QLineEdit(str(settings.folder or ""))
        self.folder.setObjectName("backupFolder")
        self.folder.setPlaceholderText(self.tr("No folder chosen yet"))
        self.folder.editingFinished.connect(self.save)
        choose = QPushButton(self.tr("Choose…"))
        choose.clicked.connect(self.choose_folder)
        row = QHBoxLayout()
        row.addWidget(self.folder, 1)
        row.addWidget(choose)
        self.keep = QSpinBox()
        self.keep.setObjectName("backupKeep")
        self.keep.setRange(1, 365)
        self.keep.setValue(settings.keep)
        self.keep.valueChanged.connect(self.save)
        self.automatic = QCheckBox(self.tr("Back up automatically on exit and once a day"))
        self.automatic.setObjectName("backupAutomatic")
        self.automatic.setChecked(settings.automatic)
        self.automatic.toggled.connect(self.save)
        self.status = QLabel()
        form = QFormLayout()
        form.addRow(self.tr("Backup folder:"), row)
        form.addRow(self.tr("Generations to keep:"), self.keep)
        form.addRow("", self.automatic)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        hint = QLabel(
            self.tr(
                "Each backup is checked with SQLite's integrity check before older ones are "
                "removed. Evidence files are copied beside each backup. A folder on another "
                "disk, a network share or a sync folder is a good place for backups."
            )
        )
        hint.setWordWrap(True)
        layout.addWidget(hint)
        layout.addWidget(self.status)
        layout.addStretch(1)

    def choose_folder(self) -> None:
        """Pick the backup folder and store it."""
        chosen = QFileDialog.getExistingDirectory(
            self, self.tr("Choose a folder for backups"), self.folder.text() or str(Path.home())
        )
        if chosen:
            self.folder.setText(chosen)
            self.save()

    def save(self) -> None:
        """Store the tab's values as shared settings."""
        text = self.folder.text().strip()
        settings = backups.BackupSettings(
            Path(text).expanduser() if text else None, self.keep.value(), self.automatic.isChecked()
        )
        if settings.automatic and settings.folder is None:
            self.status.setText(self.tr("Choose a folder for automatic backups."))
        elif settings.folder is not None and not settings.folder.is_dir():
            self.status.setText(self.tr("That folder does not exist."))
            return
        else:
            self.status.setText(self.tr("Saved."))
        try:
            backups.save_backup_settings(self._database, settings)
        except WorkbenchError as exc:
            self.status.setText(str(exc))
