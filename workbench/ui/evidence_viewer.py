"""Opening a check's evidence: hashed again first, a changed or missing file said so."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QMenu, QMessageBox, QWidget

from workbench.domain.claims import Check, Evidence, EvidenceState
from workbench.domain.errors import WorkbenchError
from workbench.services import evidence_files
from workbench.store.engine import Database
from workbench.ui.errors import show_error

Launcher = Callable[[Path], bool]


def open_check_evidence(
    parent: QWidget, database: Database, check: Check, anchor: QWidget, launch: Launcher
) -> None:
    """Open a check's evidence file; with several, offer them in a menu under `anchor`."""
    if not check.evidence:
        return
    if len(check.evidence) == 1:
        open_evidence_file(parent, database, check.evidence[0].id, launch)
        return
    menu = QMenu(parent)
    for evidence in check.evidence:
        action = menu.addAction(_title(evidence))
        action.triggered.connect(
            lambda _=False, evidence_id=evidence.id: open_evidence_file(
                parent, database, evidence_id, launch
            )
        )
    menu.exec(anchor.mapToGlobal(anchor.rect().bottomLeft()))


def _title(evidence: Evidence) -> str:
    return f"{evidence.filename} ({evidence.size / 1024:,.0f} KB)"


def open_evidence_file(
    parent: QWidget, database: Database, evidence_id: int, launch: Launcher
) -> None:
    """Open one evidence file after checking it is still the one recorded."""
    try:
        access = evidence_files.open_evidence(database, evidence_id)
    except Exception as exc:
        show_error(parent, parent.tr("Cannot open the evidence"), exc)
        return
    problem = access.problem
    if problem is None:
        _launch_copy(parent, access, launch)
        return
    # A changed file is not evidence any more: say so before anything is shown.
    if access.state is EvidenceState.CHANGED:
        answer = QMessageBox.warning(
            parent,
            parent.tr("Evidence changed"),
            parent.tr("{problem}.\n\nOpen it anyway, knowing it is not the file recorded?").format(
                problem=problem
            ),
            QMessageBox.StandardButton.Open | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer == QMessageBox.StandardButton.Open:
            _launch_copy(parent, access, launch)
    else:
        QMessageBox.warning(parent, parent.tr("Evidence missing"), problem)


def _launch_copy(parent: QWidget, access: evidence_files.EvidenceAccess, launch: Launcher) -> None:
    try:
        copy = evidence_files.viewing_copy(access)
    except WorkbenchError as exc:
        show_error(parent, parent.tr("Cannot open the evidence"), exc)
        return
    launch(copy)
