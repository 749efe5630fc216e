"""The submittal log: who went to which client for which job, and where each one stands."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QModelIndex,
    QSettings,
    Qt,
    Signal,
)
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from workbench.domain.errors import WorkbenchError
from workbench.domain.submittals import Submittal, SubmittalStatus, next_statuses
from workbench.services import submittals as submittal_service
from workbench.store.engine import Database
from workbench.ui.errors import show_error
from workbench.ui.history_tab import readable_time
from workbench.ui.row_table import ParentIndex, RowTableModel, row_table_view

COLUMNS = (
    "When",
    "Candidate",
    "Job",
    "Client",
    "Contact",
    "Blind",
    "Status",
    "Status since",
    "By",
    "SHA-256",
    "Override",
)
CANDIDATE_COLUMN, SHA_COLUMN = 1, 9
SHORT_SHA = 12  # enough to tell files apart on screen; the tooltip holds all 64 digits


def short_sha(digest: str) -> str:
    """Return the first digits of a SHA-256, as the log shows it."""
    return digest[:SHORT_SHA]


class SubmittalsModel(RowTableModel[Submittal]):
    """The submittals of a job, a candidate or the whole agency, newest first."""

    columns = COLUMNS

    def submittal(self, row: int) -> Submittal | None:
        """Return the submittal shown in a row."""
        return self.row_at(row)

    def _text(self, row: Submittal, column: int) -> str:
        values = (
            lambda: readable_time(row.submitted_at),
            lambda: row.candidate_name,
            lambda: f"JO-{row.job_id:04d} {row.job_title}",
            lambda: row.client_name,
            lambda: row.contact_name,
            lambda: self.tr("Blind") if row.blind else "",
            lambda: self.tr(row.status.label),
            lambda: readable_time(row.status_at),
            lambda: row.submitted_by,
            lambda: short_sha(row.sha256),
            lambda: row.override_reason,
        )
        return values[column]()

    def _tooltip(self, row: Submittal, column: int) -> str | None:
        if column == SHA_COLUMN:
            kind = self.tr("combined PDF") if row.combined else self.tr("PDF")
            return f"{row.sha256}\n{kind}: {row.file_name}"
        if column == len(COLUMNS) - 1 and row.override_reason:
            refused = "\n".join(f"• {item}" for item in row.refusals)
            return self.tr("Sent despite:\n{refused}\n\nReason: {reason}").format(
                refused=refused, reason=row.override_reason
            )
        return None

    def data(self, index: ParentIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Return a cell's text, its full value as a tooltip, or the submittal id."""
        row = self.submittal(index.row()) if index.isValid() else None
        if row is None or not 0 <= index.column() < len(COLUMNS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, index.column())
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row, index.column())
        if role == Qt.ItemDataRole.UserRole:
            return row.id
        return None


class SubmittalsView(QWidget):
    """A submittal log with a status control for the selected row."""

    candidateRequested = Signal(int)
    changed = Signal(object)  # Submittal: its status was moved on

    def __init__(self, database: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._database = database
        self._scope: tuple[str, int | None] | None = None  # ("job"|"candidate"|"all", id)
        self._build()

    def _build(self) -> None:
        self.summary = QLabel()
        self.summary.setObjectName("submittalsSummary")
        self.summary.setWordWrap(True)
        self.model = SubmittalsModel(self)
        self.table = row_table_view(
            "submittalsTable",
            self.model,
            widths=(132, 130, 180, 120, 100, 44, 104, 132, 70, 100, 160),
        )
        self.table.doubleClicked.connect(self._row_activated)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._offer_statuses())

        self.status_combo = QComboBox()
        self.status_combo.setObjectName("submittalNextStatus")
        self.status_combo.setMinimumContentsLength(18)
        self.status_button = QPushButton(self.tr("Set status"))
        self.status_button.setObjectName("submittalSetStatus")
        self.status_button.clicked.connect(self.apply_status)
        self.status_note = QLabel()
        self.status_note.setStyleSheet("color: #555;")
        controls = QHBoxLayout()
        move_label = QLabel(self.tr("Move the selected submittal to:"))
        move_label.setBuddy(self.status_combo)
        controls.addWidget(move_label)
        controls.addWidget(self.status_combo)
        controls.addWidget(self.status_button)
        controls.addWidget(self.status_note, 1)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addLayout(controls)
        self._offer_statuses()

    # --- what is shown --------------------------------------------------------------------

    def show_job(self, job_id: int) -> None:
        """Show the submittals made for one job order."""
        self._scope = ("job", job_id)
        self.table.setColumnHidden(CANDIDATE_COLUMN, False)
        self.refresh()

    def show_candidate(self, candidate_id: int | None) -> None:
        """Show one candidate's submittals; None (an unsaved candidate) shows none."""
        self._scope = ("candidate", candidate_id)
        # Every row is the same person: the room goes to the job and the status instead.
        self.table.setColumnHidden(CANDIDATE_COLUMN, True)
        self.refresh()

    def show_all(self) -> None:
        """Show every submittal the agency has made."""
        self._scope = ("all", None)
        self.table.setColumnHidden(CANDIDATE_COLUMN, False)
        self.refresh()

    def refresh(self) -> None:
        """Read the log again, keeping the selected submittal selected."""
        selected = self.selected()
        rows = self._read()
        self.model.set_rows(rows)
        if not rows:
            self.summary.setText(self._empty_text())
        elif len(rows) == 1:
            self.summary.setText(self.tr("1 submittal, newest first"))
        else:
            self.summary.setText(self.tr("{n} submittals, newest first").format(n=f"{len(rows):,}"))
        if selected is not None:
            for row, item in enumerate(rows):
                if item.id == selected.id:
                    self.table.selectRow(row)
        self._offer_statuses()

    def _read(self) -> list[Submittal]:
        if self._scope is None:
            return []
        kind, key = self._scope
        if kind == "candidate" and key is None:
            return []
        try:
            if kind == "job":
                return submittal_service.submittals(self._database, job_id=key)
            if kind == "candidate":
                return submittal_service.submittals(self._database, candidate_id=key)
            return submittal_service.submittals(self._database)
        except WorkbenchError as exc:
            show_error(self, self.tr("Submittals"), exc)
            return []

    def _empty_text(self) -> str:
        kind = self._scope[0] if self._scope else "all"
        if kind == "candidate" and self._scope and self._scope[1] is None:
            return self.tr("Submittals appear here once the candidate is saved and put forward.")
        if kind == "candidate":
            return self.tr("Not submitted to any client yet.")
        if kind == "job":
            return self.tr("No candidate has been submitted for this job yet.")
        return self.tr("No submittals yet.")

    # --- the selected row -----------------------------------------------------------------

    def selected(self) -> Submittal | None:
        """Return the submittal in the selected row, if any."""
        rows = self.table.selectionModel().selectedRows()
        return self.model.submittal(rows[0].row()) if rows else None

    def _offer_statuses(self) -> None:
        """Offer only the statuses the selected submittal may move to."""
        self.status_combo.clear()
        chosen = self.selected()
        options = next_statuses(chosen.status) if chosen else ()
        for status in options:
            self.status_combo.addItem(self.tr(status.label), status)
        self.status_combo.setEnabled(bool(options))
        self.status_button.setEnabled(bool(options))
        if chosen is None:
            self.status_note.setText(self.tr("Select a submittal to move it on."))
        elif not options:
            self.status_note.setText(
                self.tr("{status}: nothing follows.").format(status=self.tr(chosen.status.label))
            )
        else:
            self.status_note.setText("")

    def apply_status(self) -> bool:
        """Move the selected submittal to the chosen status; placing asks first."""
        chosen = self.selected()
        status = self.status_combo.currentData()
        if chosen is None or not isinstance(status, SubmittalStatus):
            return False
        if status is SubmittalStatus.PLACED and not self._confirm_placing(chosen):
            return False
        try:
            moved = submittal_service.set_status(
                self._database, chosen.id, status, expected_version=chosen.version
            )
        except WorkbenchError as exc:
            show_error(self, self.tr("Status not changed"), exc)
            self.refresh()
            return False
        self.refresh()
        self.changed.emit(moved)
        return True

    def _confirm_placing(self, chosen: Submittal) -> bool:
        answer = QMessageBox.question(
            self,
            self.tr("Place candidate"),
            self.tr(
                "Place {name} with {client} for JO-{job:04d} {title}?\n\n"
                "This fills one of the job's openings and moves {name} to Placed."
            ).format(
                name=chosen.candidate_name,
                client=chosen.client_name,
                job=chosen.job_id,
                title=chosen.job_title,
            ),
        )
        return answer == QMessageBox.StandardButton.Yes

    def _row_activated(self, index: QModelIndex) -> None:
        row = self.model.submittal(index.row())
        if row is not None:
            self.candidateRequested.emit(row.candidate_id)


class SubmittalsWindow(QWidget):
    """A window holding one submittal log, for a job order or the whole agency."""

    candidateRequested = Signal(int)

    def __init__(
        self, database: Database, parent: QWidget | None = None, settings: QSettings | None = None
    ) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("submittalsWindow")
        self.setWindowTitle(self.tr("Submittals"))
        self._database = database
        self._settings = settings
        self.view = SubmittalsView(database, self)
        self.view.candidateRequested.connect(self.candidateRequested)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view)
        self.resize(1320, 480)
        if settings is not None and settings.value("submittals/geometry") is not None:
            self.restoreGeometry(settings.value("submittals/geometry"))

    def show_job(self, job_id: int, title: str = "") -> None:
        """Show the log of one job order; title names it in the window's title bar."""
        self.setWindowTitle(
            self.tr("Submittals — {job}").format(job=title) if title else self.tr("Submittals")
        )
        self.view.show_job(job_id)

    def show_all(self) -> None:
        """Show every submittal."""
        self.setWindowTitle(self.tr("Submittals"))
        self.view.show_all()

    def closeEvent(self, event: QCloseEvent) -> None:
        """Remember where the window was."""
        if self._settings is not None:
            self._settings.setValue("submittals/geometry", self.saveGeometry())
        super().closeEvent(event)
