"""Deleting, restoring and purging candidates from the list, with what each leaves behind."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMessageBox

from workbench.domain.errors import WorkbenchError
from workbench.services import candidates as candidate_service
from workbench.ui.errors import show_error

if TYPE_CHECKING:
    from workbench.ui.main_window import MainWindow


class Removals(QObject):
    """Move the list's selected candidates to the deleted list, back, or away for good."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window

    def _report(self, text: str) -> None:
        self.window.statusBar().showMessage(text, 8000)
        self.window.data_changed()

    def delete_selected(self) -> None:
        """Move the selected candidates to the deleted list (restorable)."""
        window, editor = self.window, self.window.editor
        ids = window.selected_ids()
        if not ids:
            return
        editing = editor.candidate
        if editing is not None and editing.id in ids and not window.may_leave_editor():
            return  # unsaved edits to a candidate being deleted: save or drop them first
        try:
            count = candidate_service.delete_candidates(window.database, ids)
        except WorkbenchError as exc:
            show_error(window, self.tr("Not deleted"), exc)
            return
        if editor.candidate and editor.candidate.id in ids:
            editor.start_new()
        self._report(
            self.tr("Deleted {n} candidates; restore them from “Deleted (restorable)”.").format(
                n=count
            )
        )

    def restore_selected(self) -> None:
        """Bring the selected deleted candidates back."""
        window, editor = self.window, self.window.editor
        ids = window.selected_ids()
        if not ids:
            return
        try:
            count = candidate_service.restore_candidates(window.database, ids)
        except WorkbenchError as exc:
            show_error(window, self.tr("Not restored"), exc)
            return
        shown = editor.candidate
        if shown is not None and shown.id in ids and not editor.is_dirty:
            editor.reload()  # shows it as live again; unsaved edits are never dropped
        self._report(self.tr("Restored {n} candidates.").format(n=count))

    def purge_deleted(self) -> None:
        """Remove every deleted candidate for good, after confirmation."""
        window, editor = self.window, self.window.editor
        answer = QMessageBox.warning(
            window,
            self.tr("Purge deleted candidates"),
            self.tr("Remove every deleted candidate for good? This cannot be undone."),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            count = candidate_service.purge_deleted(window.database)
        except WorkbenchError as exc:
            show_error(window, self.tr("Not purged"), exc)
            return
        if editor.candidate and editor.candidate.deleted_at:
            editor.start_new()
        self._report(self.tr("Purged {n} candidates.").format(n=count))
