"""The candidate table model: holds only ordered ids, fetches rows lazily in blocks from SQL."""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Sequence
from datetime import date
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor

from workbench.domain.candidate import format_phone
from workbench.domain.certifications import ClaimStatus
from workbench.domain.claims import STATUS_LABELS
from workbench.domain.search import CandidateRow, SortKey
from workbench.services.search import candidate_rows
from workbench.store.engine import Database
from workbench.ui.badges import BADGES_ROLE, STATUS_SYMBOLS, badges_text

BLOCK_SIZE = 200
MAX_CACHED_BLOCKS = 64

# A column without a sort key (certifications) cannot be sorted: SQL has no order for it.
COLUMNS: tuple[tuple[SortKey | None, str], ...] = (
    (SortKey.NAME, "Name"),
    (SortKey.ROLE, "Primary role"),
    (SortKey.LEVEL, "Level"),
    (None, "Stage"),
    (None, "Certifications"),
    (SortKey.YEARS, "Years"),
    (SortKey.CITY, "City"),
    (SortKey.COUNTRY, "Country"),
    (SortKey.AVAILABLE, "Available"),
    (SortKey.SALARY, "Salary"),
    (SortKey.EMAIL, "Email"),
    (SortKey.PHONE, "Phone"),
    (SortKey.UPDATED, "Updated"),
)

CERTIFICATIONS_COLUMN = next(i for i, (_, title) in enumerate(COLUMNS) if title == "Certifications")
STAGE_COLUMN = next(i for i, (_, title) in enumerate(COLUMNS) if title == "Stage")

ParentIndex = QModelIndex | QPersistentModelIndex


def _display(row: CandidateRow, column: int, today: date) -> str:
    if column == STAGE_COLUMN:
        return row.stage
    if column == CERTIFICATIONS_COLUMN:
        return badges_text(row.certifications)
    key = COLUMNS[column][0]
    if key is SortKey.NAME:
        return f"{row.last_name}, {row.first_name}"
    if key is SortKey.ROLE:
        return row.primary_role.label if row.primary_role else ""
    if key is SortKey.LEVEL:
        return row.level.label if row.level else ""
    if key is SortKey.YEARS:
        return "" if row.years_experience is None else f"{row.years_experience:g}"
    if key is SortKey.CITY:
        return row.city
    if key is SortKey.COUNTRY:
        return row.country
    if key is SortKey.AVAILABLE:
        if row.available_from is None:
            return ""
        return "now" if row.available_from <= today else row.available_from.isoformat()
    if key is SortKey.SALARY:
        if row.salary_expectation is None:
            return ""
        return f"{row.salary_expectation:,} {row.currency}"
    if key is SortKey.EMAIL:
        return row.email
    if key is SortKey.PHONE:
        return format_phone(row.phone)
    if key is SortKey.UPDATED:
        return f"{row.updated_at:%Y-%m-%d}"
    return ""


class CandidateTableModel(QAbstractTableModel):
    """A read-only table over the ids of one search, in the order SQL returned them."""

    sortRequested = Signal(object, bool)  # SortKey, descending

    def __init__(self, database: Database, parent: Any = None) -> None:
        super().__init__(parent)
        self._database = database
        self._ids: tuple[int, ...] = ()
        self._blocks: OrderedDict[int, list[CandidateRow | None]] = OrderedDict()
        self._today = date.today()

    def set_ids(self, ids: Sequence[int]) -> None:
        """Show a new result: replace every row at once."""
        self.beginResetModel()
        self._ids = tuple(ids)
        self._blocks.clear()
        self._today = date.today()
        self.endResetModel()

    def refresh_rows(self) -> None:
        """Drop cached rows so the visible ones are read again (after an edit)."""
        self._blocks.clear()
        if self._ids:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self._ids) - 1, len(COLUMNS) - 1)
            )

    def candidate_id(self, row: int) -> int | None:
        """Return the candidate id shown in a row."""
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def row_of(self, candidate_id: int) -> int | None:
        """Return the row showing a candidate, if it is in the current result."""
        try:
            return self._ids.index(candidate_id)
        except ValueError:
            return None

    @property
    def ids(self) -> tuple[int, ...]:
        """Return the ids of the current result in display order."""
        return self._ids

    def row_data(self, row: int) -> CandidateRow | None:
        """Return the candidate shown in a row, reading its block if needed."""
        if not 0 <= row < len(self._ids):
            return None
        block_number, offset = divmod(row, BLOCK_SIZE)
        block = self._blocks.get(block_number)
        if block is None:
            block = self._load_block(block_number)
        else:
            self._blocks.move_to_end(block_number)
        return block[offset]

    def _load_block(self, block_number: int) -> list[CandidateRow | None]:
        start = block_number * BLOCK_SIZE
        ids = self._ids[start : start + BLOCK_SIZE]
        by_id = {r.id: r for r in candidate_rows(self._database, ids)}
        block: list[CandidateRow | None] = [by_id.get(i) for i in ids]
        self._blocks[block_number] = block
        while len(self._blocks) > MAX_CACHED_BLOCKS:
            self._blocks.popitem(last=False)
        return block

    def rowCount(self, parent: ParentIndex = QModelIndex()) -> int:  # noqa: B008
        """Return the number of matches (none under a cell: this is a flat table)."""
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: ParentIndex = QModelIndex()) -> int:  # noqa: B008
        """Return the number of columns."""
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: ParentIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Return a cell's text, alignment or colour."""
        if not index.isValid():
            return None
        key = COLUMNS[index.column()][0]
        if role == Qt.ItemDataRole.DisplayRole:
            row = self.row_data(index.row())
            return "" if row is None else _display(row, index.column(), self._today)
        if role == Qt.ItemDataRole.TextAlignmentRole and key in (SortKey.YEARS, SortKey.SALARY):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole:
            row = self.row_data(index.row())
            if row is not None and row.deleted:
                return QBrush(QColor("#888888"))
        if role == BADGES_ROLE and index.column() == CERTIFICATIONS_COLUMN:
            row = self.row_data(index.row())
            # A deleted row is painted as plain grey text like the rest of it.
            return None if row is None or row.deleted else row.certifications
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == STAGE_COLUMN:
            row = self.row_data(index.row())
            if row is None or row.stage_since is None:
                return None
            return self.tr("In {stage} since {day}").format(
                stage=row.stage, day=f"{row.stage_since:%d %b %Y}"
            )
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == CERTIFICATIONS_COLUMN:
            row = self.row_data(index.row())
            if row is None or not row.certifications:
                return None
            return "\n".join(
                f"{b.code}: {self.tr(STATUS_LABELS[b.status])}" for b in row.certifications
            )
        if role == Qt.ItemDataRole.UserRole:
            return self.candidate_id(index.row())
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        """Return column titles, and the certification symbols' meaning as a tooltip."""
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(COLUMNS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.tr(COLUMNS[section][1])
        if role == Qt.ItemDataRole.ToolTipRole and section == CERTIFICATIONS_COLUMN:
            legend = "\n".join(
                f"{STATUS_SYMBOLS[s]}  {self.tr(STATUS_LABELS[s])}" for s in ClaimStatus
            )
            return self.tr("Certification statuses (not sortable):") + "\n" + legend
        if role == Qt.ItemDataRole.ToolTipRole and section == STAGE_COLUMN:
            return self.tr("Pipeline stage (not sortable; filter by stage above)")
        return None

    def flags(self, index: ParentIndex) -> Qt.ItemFlag:
        """Rows are selectable, never edited in place."""
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Ask for the result again, sorted in SQL (sorting 100,000 rows here would freeze)."""
        key = COLUMNS[column][0] if 0 <= column < len(COLUMNS) else None
        if key is not None:
            self.sortRequested.emit(key, order == Qt.SortOrder.DescendingOrder)

    @staticmethod
    def column_of(key: SortKey) -> int:
        """Return the column sorted by key, or -1 (relevance has no column)."""
        return next((i for i, (k, _) in enumerate(COLUMNS) if k is key), -1)
