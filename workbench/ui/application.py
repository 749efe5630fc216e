"""Start the Qt application: open the database (or explain why not) and show the main window."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from workbench.domain.errors import WorkbenchError
from workbench.services import backups
from workbench.store.bootstrap import open_database
from workbench.store.engine import Database


def _configure_logging() -> Path | None:
    from platformdirs import user_log_path

    folder = user_log_path("Workbench", appauthor=False)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    log_file = folder / "workbench.log"
    logging.basicConfig(
        filename=log_file, level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s"
    )
    return log_file


def open_or_ask(path: Path) -> Database | None:
    """Open the database; on failure let the user open another file, restore a backup or quit."""
    while True:
        try:
            return open_database(path)
        except WorkbenchError as exc:
            box = QMessageBox()
            box.setIcon(QMessageBox.Icon.Critical)
            box.setWindowTitle(QCoreApplication.translate("app", "Cannot open the database"))
            box.setText(str(exc))
            other = box.addButton(
                QCoreApplication.translate("app", "Open another…"),
                QMessageBox.ButtonRole.AcceptRole,
            )
            from_backup = box.addButton(
                QCoreApplication.translate("app", "Restore a backup…"),
                QMessageBox.ButtonRole.ActionRole,
            )
            box.addButton(QMessageBox.StandardButton.Close)
            box.exec()
            clicked = box.clickedButton()
            if clicked is from_backup:
                _restore_over(path)  # then try the same file again, restored or not
                continue
            if clicked is not other:
                return None
            chosen, _ = QFileDialog.getSaveFileName(
                None,
                QCoreApplication.translate("app", "Open or create a database"),
                str(path.parent),
                "Workbench database (*.sqlite3);;All files (*)",
                options=QFileDialog.Option.DontConfirmOverwrite,
            )
            if not chosen:
                return None
            path = Path(chosen)


def _restore_over(path: Path) -> None:
    """Let the user pick a backup and put it in place of path; say why if it cannot be."""
    chosen, _ = QFileDialog.getOpenFileName(
        None,
        QCoreApplication.translate("app", "Restore a backup"),
        str(path.parent),
        "Workbench backup (*.sqlite3);;All files (*)",
    )
    if not chosen:
        return
    try:
        # The file that would not open is kept aside, not deleted: it may still be rescued.
        backups.restore(Path(chosen), path)
    except WorkbenchError as exc:
        QMessageBox.warning(
            None, QCoreApplication.translate("app", "Cannot restore the backup"), str(exc)
        )


def _route_unexpected_errors_to_a_message() -> None:
    """Show an error raised in any slot as a message (and log it) instead of a traceback."""
    from workbench.ui.errors import show_error

    def hook(kind: type[BaseException], error: BaseException, trace: object) -> None:
        if issubclass(kind, KeyboardInterrupt):
            QApplication.quit()
            return
        show_error(QApplication.activeWindow(), "Workbench", error)

    sys.excepthook = hook


def run(database_path: Path) -> int:
    """Show the main window on the database at database_path until the user quits."""
    _configure_logging()
    app = QApplication.instance() or QApplication(sys.argv)
    QCoreApplication.setOrganizationName("Workbench")
    QCoreApplication.setApplicationName("Workbench")
    _route_unexpected_errors_to_a_message()
    database = open_or_ask(database_path)
    if database is None:
        return 1
    from workbench.ui.main_window import MainWindow

    window = MainWindow(database, QSettings())
    window.show()
    try:
        return int(app.exec())
    finally:
        database.close()
