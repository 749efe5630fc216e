"""Erasing candidates, exporting what is held on them, and the retention review."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QInputDialog, QLineEdit, QWidget

from workbench.domain.errors import WorkbenchError
from workbench.services import candidates as candidate_service
from workbench.services import privacy
from workbench.services.privacy import ErasureResult
from workbench.ui.errors import show_error
from workbench.ui.retention_view import RetentionWindow
from workbench.ui.tasks import LongTask

if TYPE_CHECKING:
    from workbench.domain.candidate import Candidate
    from workbench.ui.main_window import MainWindow

# Tasks still running: held here so Python does not collect them before they report.
_running: set[LongTask] = set()


def _tr(text: str) -> str:
    return QCoreApplication.translate("privacy_screens", text)


def _folded(text: str) -> str:
    return " ".join(text.split()).casefold()


def ask_typed_name(parent: QWidget, name: str) -> bool:
    """Ask the consultant to type the candidate's name; True only when it matches."""
    typed, accepted = QInputDialog.getText(
        parent,
        _tr("Erase personal data"),
        _tr(
            "This removes {name}, their claims, checks, evidence files, vetting, submittals "
            "and history for good; only a note that an erasure happened stays.\n\n"
            "Type the candidate's name to confirm:"
        ).format(name=name),
        QLineEdit.EchoMode.Normal,
    )
    return bool(accepted) and _folded(typed) == _folded(name)


def choose_zip_path(parent: QWidget, suggested: Path) -> Path | None:
    """Ask where to write the subject-access zip; None when the consultant cancels."""
    chosen, _ = QFileDialog.getSaveFileName(
        parent, _tr("Subject-access export"), str(suggested), _tr("Zip archives (*.zip)")
    )
    if not chosen:
        return None
    path = Path(chosen)
    return path if path.suffix.lower() == ".zip" else path.with_name(path.name + ".zip")


def _chosen_candidate(window: MainWindow) -> Candidate | None:
    ids = window.selected_ids()
    if len(ids) > 1:
        window.statusBar().showMessage(_tr("Select one candidate."), 8000)
        return None
    shown = window.editor.candidate
    cid = ids[0] if ids else (shown.id if shown is not None else None)
    if cid is None:
        window.statusBar().showMessage(_tr("Select a candidate first."), 8000)
        return None
    try:
        return candidate_service.get_candidate(window.database, cid)
    except WorkbenchError as exc:
        show_error(window, _tr("Candidate not found"), exc)
        return None


def _forget_unsaved_edits(window: MainWindow, candidate_id: int) -> None:
    # Unsaved edits are personal data too, kept beside the database in a file.
    editor = window.editor
    if editor.candidate is not None and editor.candidate.id == candidate_id:
        editor.discard_all()
        editor.start_new()
    keeper = window.keeper
    kept = keeper.load() if keeper is not None else None
    if keeper is not None and kept is not None and kept.candidate_id == candidate_id:
        keeper.forget()


def erase_selected(window: MainWindow) -> LongTask | None:
    """Erase the selected candidate's personal data for good, once their name is typed."""
    candidate = _chosen_candidate(window)
    if candidate is None:
        return None
    name = candidate.draft.full_name or candidate.draft.email
    if not ask_typed_name(window, name):
        window.statusBar().showMessage(_tr("Not erased: the name did not match."), 8000)
        return None
    _forget_unsaved_edits(window, candidate.id)
    database, cid = window.database, candidate.id
    title = _tr("Erasing personal data")
    # VACUUM rewrites the whole file: seconds on 100,000 candidates, so off the GUI thread.
    task = LongTask(
        window, title, lambda reporter: privacy.erase_candidate(database, cid, reporter)
    )
    _running.add(task)

    def finished(result: Any) -> None:
        _running.discard(task)
        window.data_changed()
        window.statusBar().showMessage(
            _tr("Erased candidate #{id}; {n} evidence files removed.").format(
                id=result.candidate_ids[0], n=result.evidence_files_removed
            ),
            8000,
        )

    def failed(error: BaseException) -> None:
        _running.discard(task)
        window.data_changed()  # a failure after the delete still changed the list
        show_error(window, _tr("Not erased"), error)

    def cancelled() -> None:
        _running.discard(task)
        window.statusBar().showMessage(_tr("Cancelled; nothing was erased."), 8000)

    task.succeeded.connect(finished)
    task.failed.connect(failed)
    task.cancelled.connect(cancelled)
    task.start()
    return task


def show_retention_review(window: MainWindow) -> RetentionWindow:
    """Show the one retention review window, read afresh."""
    review = window.findChild(RetentionWindow)
    if review is None:
        review = RetentionWindow(window.database, window)
        review.openRequested.connect(window.open_candidate)

        def erased(result: ErasureResult | None) -> None:
            for cid in result.candidate_ids if result is not None else ():
                _forget_unsaved_edits(window, cid)
            window.data_changed()

        review.erased.connect(erased)
    else:
        review.reload()
    review.show()
    review.raise_()
    review.activateWindow()
    return review


def export_subject_access(window: MainWindow) -> Path | None:
    """Write everything held on the selected candidate to a zip the consultant chooses."""
    candidate = _chosen_candidate(window)
    if candidate is None:
        return None
    folder = window.database.path.parent if window.database.path else Path.home()
    path = choose_zip_path(window, folder / f"subject-access-{candidate.id}.zip")
    if path is None:
        return None
    try:
        written = privacy.subject_access_export(window.database, candidate.id, path)
    except WorkbenchError as exc:
        show_error(window, _tr("Not exported"), exc)
        return None
    window.statusBar().showMessage(
        _tr("Wrote everything held on #{id} to {path}.").format(id=candidate.id, path=written),
        8000,
    )
    return written
