"""The Expiring window: every claim lapsing in the next N days, sortable and exportable."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSettings,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from workbench.domain.candidate import ascii_fold
from workbench.domain.certifications import ClaimStatus
from workbench.domain.claims import STATUS_LABELS, ExpiringClaim
from workbench.services import claims as claim_service
from workbench.services.expiring_export import write_expiring_csv
from workbench.store.engine import Database
from workbench.ui.claim_widgets import STATUS_ROLE, StatusBadgeDelegate
from workbench.ui.errors import show_error
from workbench.ui.row_table import row_table_view
from workbench.ui.tasks import run_in_background

RELOAD_DELAY_MS = 300  # typing "365" into the box asks once, not for 3, 36 and 365 days

ParentIndex = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class _Column:
    title: str
    sort_key: Callable[[ExpiringClaim, date], Any]


def _folded(text: str) -> str:
    return ascii_fold(text).casefold()


# Status order when sorting: the most urgent first.
_STATUS_ORDER = {
    status: i
    for i, status in enumerate(
        (
            ClaimStatus.VERIFICATION_FAILED,
            ClaimStatus.EXPIRED,
            ClaimStatus.RENEWAL_DUE,
            ClaimStatus.EXPIRING,
            ClaimStatus.UNVERIFIED,
            ClaimStatus.VERIFIED,
        )
    )
}

COLUMNS = (
    _Column("Candidate", lambda r, _t: (_folded(r.candidate_name), r.claim_id)),
    _Column("Email", lambda r, _t: r.email.casefold()),
    _Column("Certification", lambda r, _t: r.code),
    _Column("Credential ID", lambda r, _t: r.credential_id.casefold()),
    _Column("Expires on", lambda r, _t: r.expires_on),
    _Column("Days left", lambda r, t: r.days_left(t)),
    _Column("Status", lambda r, _t: _STATUS_ORDER[r.status]),
    # Never-checked claims sort before the oldest check: they need a look first.
    _Column("Last checked", lambda r, _t: r.last_checked_on or date.min),
)
EXPIRES_COLUMN = 4
DAYS_COLUMN = 5
STATUS_COLUMN = 6


class ExpiringModel(QAbstractTableModel):
    """Rows of the Expiring view held in Python, sorted in Python (tens of thousands at most)."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[ExpiringClaim] = []
        self._today = date.today()
        self._sort: tuple[int, Qt.SortOrder] | None = None

    @property
    def rows(self) -> tuple[ExpiringClaim, ...]:
        """Return the rows in the order shown."""
        return tuple(self._rows)

    @property
    def today(self) -> date:
        """Return the day the days left are counted from."""
        return self._today

    def set_rows(self, rows: Sequence[ExpiringClaim], today: date) -> None:
        """Show new rows, in the order last chosen by a header click (else as given)."""
        self.beginResetModel()
        self._today = today
        self._rows = self._sorted(list(rows))
        self.endResetModel()

    def _sorted(self, rows: list[ExpiringClaim]) -> list[ExpiringClaim]:
        if self._sort is None:
            return rows
        column, order = self._sort
        key = COLUMNS[column].sort_key
        today = self._today
        # Stable: equal keys keep the soonest-first order the store returned.
        return sorted(
            rows,
            key=lambda r: key(r, today),
            reverse=order == Qt.SortOrder.DescendingOrder,
        )

    def rowCount(self, parent: ParentIndex = QModelIndex()) -> int:  # noqa: B008
        """Return the number of claims (none under a cell: this is a flat table)."""
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: ParentIndex = QModelIndex()) -> int:  # noqa: B008
        """Return the number of columns."""
        return 0 if parent.isValid() else len(COLUMNS)

    def claim(self, row: int) -> ExpiringClaim | None:
        """Return the claim shown in a row."""
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def _text(self, row: ExpiringClaim, column: int) -> str:
        if column == 0:
            return row.candidate_name
        if column == 1:
            return row.email
        if column == 2:
            return row.code
        if column == 3:
            return row.credential_id
        if column == EXPIRES_COLUMN:
            day = row.expires_on.isoformat()
            return self.tr("{day} (renew by)").format(day=day) if row.soft_expiry else day
        if column == DAYS_COLUMN:
            return str(row.days_left(self._today))
        if column == STATUS_COLUMN:
            return self.tr(STATUS_LABELS[row.status])
        if row.last_checked_on is None:
            return self.tr("never")
        return row.last_checked_on.isoformat()

    def data(self, index: ParentIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Return a cell's text, alignment, colour or explanation."""
        row = self.claim(index.row()) if index.isValid() else None
        if row is None:
            return None
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == DAYS_COLUMN:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == STATUS_ROLE and column == STATUS_COLUMN:
            return row.status  # painted as the same pill the candidate's tab shows
        if role == Qt.ItemDataRole.ToolTipRole and column == EXPIRES_COLUMN and row.soft_expiry:
            return self.tr(
                "The issuer keeps a lapsed holder on its register; "
                "the certificate should be renewed by this date."
            )
        if role == Qt.ItemDataRole.UserRole:
            return row.candidate_id
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        """Return column titles; rows are not numbered."""
        if (
            role == Qt.ItemDataRole.DisplayRole
            and orientation == Qt.Orientation.Horizontal
            and 0 <= section < len(COLUMNS)
        ):
            return self.tr(COLUMNS[section].title)
        return None

    def flags(self, index: ParentIndex) -> Qt.ItemFlag:
        """Rows are selectable, never edited in place."""
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Order the rows by a column; the selection stays on the same claims."""
        if not 0 <= column < len(COLUMNS):
            return
        self._sort = (column, order)
        self.layoutAboutToBeChanged.emit()
        old = self._rows
        self._rows = self._sorted(old)
        new_row = {r.claim_id: i for i, r in enumerate(self._rows)}
        persistent = self.persistentIndexList()
        self.changePersistentIndexList(
            persistent,
            [self.index(new_row[old[p.row()].claim_id], p.column()) for p in persistent],
        )
        self.layoutChanged.emit()


class ExpiringView(QWidget):
    """A window over the claims lapsing soon; double-click opens the candidate."""

    candidateRequested = Signal(int)
    loaded = Signal(int)  # how many rows are shown, after each load
    exported = Signal(int)  # how many rows were written

    def __init__(
        self, database: Database, parent: QWidget | None = None, settings: QSettings | None = None
    ) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("expiringView")
        self.setWindowTitle(self.tr("Expiring certifications"))
        self._database = database
        self._settings = settings
        self._generation = 0
        self._loading = False
        self.resize(1180, 560)
        self._build()
        self._restore_layout()

    def _build(self) -> None:
        self.days = QSpinBox()
        self.days.setObjectName("expiringDays")
        self.days.setRange(1, claim_service.MAX_WINDOW_DAYS)
        self.days.setValue(claim_service.DEFAULT_WINDOW_DAYS)
        self._name_unit(self.days.value())
        self.days.valueChanged.connect(self._name_unit)
        self.days.setAccelerated(True)
        self.reload_timer = QTimer(self, singleShot=True, interval=RELOAD_DELAY_MS)
        self.reload_timer.timeout.connect(self.reload)
        self.days.valueChanged.connect(lambda _value: self.reload_timer.start())
        self.summary = QLabel()
        self.summary.setObjectName("expiringSummary")
        self.export_button = QPushButton(self.tr("Export CSV…"))
        self.export_button.setObjectName("expiringExport")
        self.export_button.clicked.connect(self.export_csv)
        self.export_button.setEnabled(False)

        top = QHBoxLayout()
        prompt = QLabel(self.tr("Certifications lapsing in the next"))
        prompt.setBuddy(self.days)
        top.addWidget(prompt)
        top.addWidget(self.days)
        top.addSpacing(16)
        top.addWidget(self.summary, 1)
        top.addWidget(self.export_button)

        self.model = ExpiringModel(self)
        self.table = row_table_view(
            "expiringTable",
            self.model,
            widths=(160, 200, 180, 120, 150, 75, 150, 100),
            many=True,
        )
        # The store's order (soonest first) is what the indicator shows until a click.
        self.table.horizontalHeader().setSortIndicator(EXPIRES_COLUMN, Qt.SortOrder.AscendingOrder)
        self.table.setSortingEnabled(True)
        self.table.activated.connect(self._row_activated)
        self.table.setItemDelegateForColumn(STATUS_COLUMN, StatusBadgeDelegate(self.table))

        self.empty = QLabel()
        self.empty.setObjectName("expiringEmpty")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.empty.setStyleSheet("color: #555; font-size: 13pt; padding: 24px;")
        self.pages = QStackedWidget()
        self.pages.addWidget(self.table)
        self.pages.addWidget(self.empty)

        hint = QLabel(
            self.tr(
                "Double-click a row to open the candidate. "
                "Click a column title to sort; Export CSV writes the rows in the order shown."
            )
        )
        hint.setStyleSheet("color: #555;")
        hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.pages, 1)
        layout.addWidget(hint)

    def _name_unit(self, days: int) -> None:
        self.days.setSuffix(self.tr(" day") if days == 1 else self.tr(" days"))

    # --- layout memory --------------------------------------------------------------------

    def _restore_layout(self) -> None:
        if self._settings is None:
            return
        geometry = self._settings.value("expiring/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        try:
            days = int(str(self._settings.value("expiring/days", 0)))
        except (TypeError, ValueError):
            days = 0  # a hand-edited settings file: keep the default
        if 1 <= days <= claim_service.MAX_WINDOW_DAYS:
            self.days.blockSignals(True)
            self.days.setValue(days)
            self.days.blockSignals(False)
            self._name_unit(days)

    def closeEvent(self, event: QCloseEvent) -> None:
        """Remember where the window was and the window of days asked for."""
        if self._settings is not None:
            self._settings.setValue("expiring/geometry", self.saveGeometry())
            self._settings.setValue("expiring/days", self.days.value())
        super().closeEvent(event)

    # --- loading --------------------------------------------------------------------------

    @property
    def is_loading(self) -> bool:
        """Return True while a load is running."""
        return self._loading

    def reload(self) -> None:
        """Read the claims lapsing in the chosen window off the GUI thread."""
        self.reload_timer.stop()
        self._generation += 1
        generation = self._generation
        days = self.days.value()
        today = claim_service.today()
        self._loading = True
        self.summary.setText(self.tr("Loading…"))
        run_in_background(
            lambda: claim_service.expiring_claims(self._database, days, on=today),
            lambda rows: self._show(generation, days, today, rows),
            lambda error: self._failed(generation, error),
            context=self,
        )

    def _show(self, generation: int, days: int, today: date, rows: list[ExpiringClaim]) -> None:
        if generation != self._generation:
            return  # an older window of days answered late
        self._loading = False
        self.model.set_rows(rows, today)
        self.export_button.setEnabled(bool(rows))
        if rows:
            self.summary.setText(
                self.tr("{n} certifications lapse by {day}").format(
                    n=f"{len(rows):,}", day=(today + timedelta(days=days)).isoformat()
                )
            )
            self.pages.setCurrentWidget(self.table)
        else:
            self.summary.setText("")
            self.empty.setText(
                self.tr("No certifications lapse in the next day.")
                if days == 1
                else self.tr("No certifications lapse in the next {n} days.").format(n=f"{days:,}")
            )
            self.pages.setCurrentWidget(self.empty)
        self.loaded.emit(len(rows))

    def _failed(self, generation: int, error: BaseException) -> None:
        if generation != self._generation:
            return
        self._loading = False
        self.summary.setText(self.tr("Could not load the list"))
        show_error(self, self.tr("Expiring certifications"), error)

    def _row_activated(self, index: QModelIndex) -> None:
        row = self.model.claim(index.row())
        if row is not None:
            self.candidateRequested.emit(row.candidate_id)

    # --- exporting ------------------------------------------------------------------------

    def export_csv(self) -> None:
        """Ask where to save the rows shown, then write them in the order shown."""
        suggested = Path.home() / f"expiring-certifications-{self.model.today.isoformat()}.csv"
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Export expiring certifications"),
            str(suggested),
            self.tr("CSV (*.csv)"),
        )
        if path:
            target = Path(path)
            if target.suffix.lower() != ".csv":
                target = target.with_name(target.name + ".csv")
            self.export_to(target)

    def export_to(self, path: Path) -> None:
        """Write the rows shown to path in the background; a failure leaves no partial file."""
        rows, today = self.model.rows, self.model.today
        self.export_button.setEnabled(False)

        def done(count: int) -> None:
            self.export_button.setEnabled(bool(self.model.rowCount()))
            self.summary.setText(
                self.tr("Exported {n} rows to {path}").format(n=f"{count:,}", path=path)
            )
            self.exported.emit(count)

        def failed(error: BaseException) -> None:
            self.export_button.setEnabled(bool(self.model.rowCount()))
            show_error(self, self.tr("Export failed"), error)

        run_in_background(lambda: write_expiring_csv(rows, path, today), done, failed, context=self)
