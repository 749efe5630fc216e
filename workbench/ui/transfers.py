"""Bulk work from the window: import, export and sample data, off the GUI thread with Cancel."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QFileDialog

from workbench.services.progress import ProgressReporter
from workbench.ui.errors import show_error
from workbench.ui.import_report import ImportReportDialog
from workbench.ui.tasks import LongTask

if TYPE_CHECKING:
    from workbench.ui.main_window import MainWindow

SAMPLE_SIZE = 200


class Transfers(QObject):
    """Start the window's bulk use cases and report how they ended."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.last_report_dialog: ImportReportDialog | None = None

    def _start(
        self,
        title: str,
        function: Callable[[ProgressReporter], Any],
        on_success: Callable[[Any], None],
    ) -> LongTask:
        task = LongTask(self.window, title, function)
        task.succeeded.connect(on_success)
        task.failed.connect(lambda error: show_error(self.window, title, error))
        task.cancelled.connect(
            lambda: self.window.statusBar().showMessage(
                self.tr("Cancelled; nothing was saved."), 8000
            )
        )
        task.start()
        return task

    def import_spreadsheet(self) -> None:
        """Ask for a CSV or Excel file and import it."""
        path, _ = QFileDialog.getOpenFileName(
            self.window,
            self.tr("Import candidates"),
            str(Path.home()),
            self.tr("Spreadsheets (*.csv *.xlsx);;All files (*)"),
        )
        if path:
            self.import_file(Path(path))

    def import_file(self, path: Path) -> LongTask:
        """Import a file in the background, then show what was kept and what was refused."""
        from workbench.services.importing import import_file

        database = self.window.database

        def finished(report: Any) -> None:
            self.window.data_changed(leave_welcome=True)
            self.last_report_dialog = ImportReportDialog(report, path.name, self.window)
            self.last_report_dialog.open()

        return self._start(
            self.tr("Importing {name}").format(name=path.name),
            lambda reporter: import_file(database, path, reporter=reporter),
            finished,
        )

    def export_list(self) -> None:
        """Ask where to export the current list, as CSV or JSON."""
        csv_filter, json_filter = self.tr("CSV (*.csv)"), self.tr("JSON (*.json)")
        path, chosen = QFileDialog.getSaveFileName(
            self.window,
            self.tr("Export candidates"),
            str(Path.home() / "candidates.csv"),
            f"{csv_filter};;{json_filter}",
        )
        if not path:
            return
        target = Path(path)
        if target.suffix.lower() not in (".csv", ".json"):
            target = target.with_name(target.name + (".json" if chosen == json_filter else ".csv"))
        self.export_file(target)

    def export_file(self, path: Path) -> LongTask:
        """Export the candidates of the current list in the background."""
        from workbench.services.exporting import export_candidates

        database, criteria = self.window.database, self.window.criteria()
        return self._start(
            self.tr("Exporting"),
            lambda reporter: export_candidates(
                database, path, criteria=criteria, reporter=reporter
            ),
            lambda count: self.window.statusBar().showMessage(
                self.tr("Exported {n} candidates to {path}.").format(n=count, path=path), 10000
            ),
        )

    def load_sample_data(self) -> LongTask:
        """Add realistic sample candidates (the `workbench demo` generator)."""
        from workbench.services.demo import add_demo_candidates

        database = self.window.database

        def finished(count: Any) -> None:
            self.window.data_changed(leave_welcome=True)
            self.window.statusBar().showMessage(
                self.tr("Added {n} sample candidates.").format(n=count), 10000
            )

        return self._start(
            self.tr("Loading sample data"),
            lambda reporter: add_demo_candidates(database, SAMPLE_SIZE, reporter=reporter),
            finished,
        )
