"""The retention review: who had no activity within the period, to erase or to keep (why)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from workbench.domain.consent import MAX_RETENTION_MONTHS, MIN_RETENTION_MONTHS
from workbench.domain.errors import WorkbenchError
from workbench.services import privacy, retention
from workbench.services.claims import today
from workbench.services.privacy import ErasureResult
from workbench.services.retention import PastRetention
from workbench.store.engine import Database
from workbench.ui.errors import show_error
from workbench.ui.row_table import RowTableModel, row_table_view
from workbench.ui.tasks import LongTask, run_in_background


class RetentionModel(RowTableModel[PastRetention]):
    """Candidates past the retention period, oldest activity first."""

    columns = ("Candidate", "Stage", "Last activity", "Period ran out", "Kept before")

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> Any:
        """Return each cell's text; deleted candidates say so beside their name."""
        row = self.row_at(index.row())
        if row is None or role != Qt.ItemDataRole.DisplayRole:
            return None
        name = f"\u2068{row.name}\u2069 (#{row.candidate_id})"
        if row.deleted:
            name += self.tr(" · deleted")
        return (
            name,
            row.stage,
            f"{row.last_activity:%Y-%m-%d}",
            row.keep_until.isoformat(),
            row.last_kept,
        )[index.column()]


class RetentionWindow(QWidget):
    """List the records past retention; erase them for good, or keep them with a reason."""

    erased = Signal(object)  # ErasureResult: the main window forgets those candidates
    openRequested = Signal(int)

    def __init__(self, database: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("retentionWindow")
        self.setWindowTitle(self.tr("Retention review"))
        self._database = database
        self._generation = 0
        self._note = ""  # what the last action did, said above the list once it is read again
        self.task: LongTask | None = None
        layout = QVBoxLayout(self)
        self.summary = QLabel()
        self.summary.setObjectName("retentionSummary")
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.model = RetentionModel(self)
        self.table = row_table_view(
            "retentionTable", self.model, widths=(260, 110, 110, 110), many=True
        )
        self.table.doubleClicked.connect(self._open)
        layout.addWidget(self.table, 1)
        buttons = QHBoxLayout()
        self.select_all = QPushButton(self.tr("Select all"))
        self.select_all.clicked.connect(self.table.selectAll)
        self.keep_button = QPushButton(self.tr("Keep…"))
        self.keep_button.setObjectName("retentionKeep")
        self.keep_button.setToolTip(self.tr("Keep the selected for another period, saying why"))
        self.keep_button.clicked.connect(self.keep_selected)
        self.erase_button = QPushButton(self.tr("Erase…"))
        self.erase_button.setObjectName("retentionErase")
        self.erase_button.setToolTip(self.tr("Erase the selected candidates' personal data"))
        self.erase_button.clicked.connect(self.erase_selected)
        refresh = QPushButton(self.tr("Refresh"))
        refresh.clicked.connect(self.reload)
        buttons.addWidget(self.select_all)
        buttons.addStretch(1)
        buttons.addWidget(refresh)
        buttons.addWidget(self.keep_button)
        buttons.addWidget(self.erase_button)
        layout.addLayout(buttons)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.resize(900, 560)
        self._update_buttons()
        self.reload()

    # --- reading --------------------------------------------------------------------------

    def reload(self) -> None:
        """Read the review off the GUI thread; only the newest answer is shown."""
        self._generation += 1
        generation = self._generation
        self.summary.setText(self.tr("Looking for records past the retention period…"))
        database = self._database
        run_in_background(
            lambda: (
                retention.retention_months(database),
                retention.past_retention(database, today()),
            ),
            lambda found: self._loaded(generation, found),
            lambda error: self._failed(generation, error),
            context=self,
        )

    def _loaded(self, generation: int, found: tuple[int, list[PastRetention]]) -> None:
        if generation != self._generation:
            return
        months, rows = found
        self.model.set_rows(rows)
        policy = self.tr(
            "Records with no activity (no edit, check, move, submittal or consent) in "
            "{months} months. Change the period in Settings ▸ Data protection."
        ).format(months=months)
        if not rows:
            counted = self.tr("No record is past the period. ")
        else:
            counted = self.tr("{n} record(s) past the period. ").format(n=f"{len(rows):,}")
        self.summary.setText(self._note + counted + policy)
        self._note = ""
        self._update_buttons()

    def _failed(self, generation: int, error: BaseException) -> None:
        if generation == self._generation:
            self.summary.setText(
                self.tr("The review could not be read: {error}").format(error=error)
            )

    # --- acting ---------------------------------------------------------------------------

    def selected(self) -> list[PastRetention]:
        """Return the selected rows, in the order shown."""
        rows = sorted(index.row() for index in self.table.selectionModel().selectedRows())
        return [row for row in (self.model.row_at(r) for r in rows) if row is not None]

    def _update_buttons(self, *_: object) -> None:
        chosen = bool(self.selected())
        busy = self.task is not None
        self.keep_button.setEnabled(chosen and not busy)
        self.erase_button.setEnabled(chosen and not busy)

    def _open(self, index: QModelIndex) -> None:
        row = self.model.row_at(index.row())
        if row is not None and not row.deleted:
            self.openRequested.emit(row.candidate_id)

    def ask_reason(self, count: int) -> str | None:
        """Ask why the candidates are kept; None when the consultant cancels."""
        reason, accepted = QInputDialog.getMultiLineText(
            self,
            self.tr("Keep past the retention period"),
            self.tr(
                "Why keep {n} record(s) for another period? (kept in each one's history)"
            ).format(n=count),
        )
        return reason if accepted else None

    def keep_selected(self) -> int:
        """Keep the selected for another period, with the reason asked; return how many."""
        chosen = self.selected()
        if not chosen:
            return 0
        reason = self.ask_reason(len(chosen))
        if reason is None:
            return 0
        try:
            kept = retention.keep(self._database, [row.candidate_id for row in chosen], reason)
        except WorkbenchError as exc:
            show_error(self, self.tr("Not kept"), exc)
            return 0
        self._note = self.tr("Kept {n} record(s) for another period. ").format(n=kept)
        self.reload()
        return kept

    def confirm_erasure(self, count: int) -> bool:
        """Ask the consultant to type how many records go; True only when it matches."""
        typed, accepted = QInputDialog.getText(
            self,
            self.tr("Erase personal data"),
            self.tr(
                "This removes {n} candidate(s), their claims, checks, evidence files, "
                "vetting, submittals and history for good; only a note that an erasure "
                "happened stays.\n\nType {n} to confirm:"
            ).format(n=count),
            QLineEdit.EchoMode.Normal,
        )
        return bool(accepted) and typed.strip() == str(count)

    def erase_selected(self) -> LongTask | None:
        """Erase the selected for good in the background, after the count is typed."""
        chosen = self.selected()
        if not chosen or self.task is not None or not self.confirm_erasure(len(chosen)):
            return None
        ids = [row.candidate_id for row in chosen]
        database = self._database
        # Judged again as each batch goes: anyone active since the list was read stays.
        since = retention.cutoff(database, today())
        task = LongTask(
            self,
            self.tr("Erasing personal data"),
            lambda reporter: privacy.erase_candidates(
                database, ids, reporter, inactive_before=since
            ),
        )
        task.succeeded.connect(self._erased)
        task.failed.connect(self._erase_failed)
        self.task = task
        self._update_buttons()
        task.start()
        return task

    def _erased(self, result: ErasureResult) -> None:
        self.task = None
        done = len(result.candidate_ids)
        note = ""
        if result.skipped:
            note += self.tr(" ({n} left: active again or gone already)").format(
                n=len(result.skipped)
            )
        if result.not_reached:
            note += self.tr(" (stopped: {n} not erased)").format(n=len(result.not_reached))
        self._note = self.tr("Erased {n} record(s){note}. ").format(n=done, note=note)
        self.erased.emit(result)
        self.reload()

    def _erase_failed(self, error: BaseException) -> None:
        self.task = None
        show_error(self, self.tr("Not erased"), error)
        self.erased.emit(None)  # a failure after some batches still changed the list
        self.reload()


class RetentionSettingsTab(QWidget):
    """Settings ▸ Data protection: how long records are kept after their last activity."""

    def __init__(self, database: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._database = database
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.months = QSpinBox()
        self.months.setObjectName("retentionMonths")
        self.months.setRange(MIN_RETENTION_MONTHS, MAX_RETENTION_MONTHS)
        self.months.setSuffix(self.tr(" months"))
        self.months.setValue(retention.retention_months(database))
        form.addRow(self.tr("Keep records after their last activity for"), self.months)
        layout.addLayout(form)
        hint = QLabel(
            self.tr(
                "Candidates with no activity for longer appear in Candidate ▸ Retention "
                "review, to erase or to keep with a reason. UK agencies must keep records "
                "for at least a year (SI 2003/3319, regulation 29)."
            )
        )
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #555;")
        layout.addWidget(hint)
        self.status = QLabel()
        self.status.setObjectName("retentionStatus")
        layout.addWidget(self.status)
        layout.addStretch(1)
        self.months.editingFinished.connect(self.save)

    def save(self) -> bool:
        """Store the period at once (it is recorded in the Settings history)."""
        try:
            months = retention.set_retention_months(self._database, self.months.value())
        except WorkbenchError as exc:
            self.status.setText(str(exc))
            return False
        self.status.setText(self.tr("Saved: {n} months.").format(n=months))
        return True
