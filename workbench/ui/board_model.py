"""The pipeline board's column model: one stage's ordered ids, display rows fetched in pages."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QByteArray,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from workbench.domain.claims import STATUS_LABELS
from workbench.domain.search import CandidateRow, SearchCriteria, SortKey
from workbench.domain.vetting import Stage
from workbench.services.pipeline import stage_counts, stages
from workbench.services.search import candidate_rows, search_candidates
from workbench.store.engine import Database

# A card is ~80 px high: one page fills a tall column several times over, and costs ~2 ms.
PAGE_SIZE = 100
MIME_TYPE = "application/x-workbench-candidate-card"
ID_ROLE = Qt.ItemDataRole.UserRole  # the candidate id, as the list's model gives it
CARD_ROLE = Qt.ItemDataRole.UserRole + 2  # the CandidateRow a card paints

ParentIndex = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class ColumnLoad:
    """One stage's content as read off the GUI thread: every id, and the first page of rows."""

    stage: Stage
    ids: tuple[int, ...]
    first_rows: tuple[CandidateRow, ...]
    total: int  # live candidates in the stage, whatever the filter


def load_board(database: Database, text: str = "") -> list[ColumnLoad]:
    """Read every stage's ids in name order and its first page; safe to run on a pool thread."""
    pipeline = stages(database)
    # Without a filter each column's ids are its whole stage: no second count needed.
    counts = stage_counts(database) if text.strip() else None
    loads: list[ColumnLoad] = []
    for stage in pipeline:
        criteria = SearchCriteria(text=text, stage_ids=(stage.id,), sort=SortKey.NAME)
        ids = search_candidates(database, criteria, count_all=False).ids
        rows = candidate_rows(database, ids[:PAGE_SIZE])
        total = len(ids) if counts is None else counts.get(stage.id, 0)
        loads.append(ColumnLoad(stage, ids, tuple(rows), total))
    return loads


def encode_card(candidate_id: int, stage_id: int) -> QMimeData:
    """Return drag data naming a candidate and the stage the card was dragged from."""
    mime = QMimeData()
    payload = json.dumps({"candidate_id": candidate_id, "stage_id": stage_id})
    mime.setData(MIME_TYPE, QByteArray(payload.encode("utf-8")))
    return mime


def decode_card(mime: QMimeData | None) -> tuple[int, int] | None:
    """Return (candidate id, stage id) from drag data, or None for anything else."""
    if mime is None or not mime.hasFormat(MIME_TYPE):
        return None
    try:
        payload = json.loads(bytes(mime.data(MIME_TYPE).data()).decode("utf-8"))
        candidate_id, stage_id = payload["candidate_id"], payload["stage_id"]
    except (ValueError, KeyError, TypeError):
        return None  # another program's data under our type: not a card
    if not isinstance(candidate_id, int) or not isinstance(stage_id, int):
        return None
    return candidate_id, stage_id


def days_in_stage(since: datetime | None, today: date) -> int | None:
    """Return whole days since a candidate entered their stage; None when unknown."""
    if since is None:
        return None
    return max(0, (today - since.date()).days)


class StageColumnModel(QAbstractListModel):
    """The cards of one stage: all ids in order, rows fetched a page at a time as it scrolls."""

    # candidate id, stage dragged from, stage dropped on; queued by the board so that the
    # move dialog opens after the drag has ended, not inside the drop event.
    dropRequested = Signal(int, int, int)

    def __init__(self, database: Database, stage: Stage, parent: Any = None) -> None:
        super().__init__(parent)
        self._database = database
        self.stage = stage
        self.total = 0
        self._ids: tuple[int, ...] = ()
        self._rows: list[CandidateRow | None] = []
        self._today = date.today()

    # --- content ---------------------------------------------------------------------------

    def set_content(self, load: ColumnLoad) -> None:
        """Show a new load: every id, with only its first page of rows read."""
        self.beginResetModel()
        self.stage = load.stage
        self.total = load.total
        self._ids = load.ids
        self._rows = self._in_order(self._ids[:PAGE_SIZE], load.first_rows)
        self._today = date.today()
        self.endResetModel()

    @staticmethod
    def _in_order(ids: Sequence[int], rows: Sequence[CandidateRow]) -> list[CandidateRow | None]:
        """Return rows in the order of ids, None where a candidate is gone."""
        # A candidate purged between reading ids and rows leaves a gap, painted as such.
        by_id = {row.id: row for row in rows}
        return [by_id.get(i) for i in ids]

    @property
    def ids(self) -> tuple[int, ...]:
        """Return every candidate id of the column in display order."""
        return self._ids

    @property
    def fetched(self) -> int:
        """Return how many cards have their rows read (the rows the view sees)."""
        return len(self._rows)

    def row_data(self, row: int) -> CandidateRow | None:
        """Return the candidate a fetched card shows."""
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def candidate_id(self, row: int) -> int | None:
        """Return the candidate id a fetched card shows."""
        return self._ids[row] if 0 <= row < len(self._rows) else None

    def row_of(self, candidate_id: int) -> int | None:
        """Return the fetched row showing a candidate, if any."""
        try:
            row = self._ids.index(candidate_id)
        except ValueError:
            return None
        return row if row < len(self._rows) else None

    def days_in_stage(self, row: CandidateRow) -> int | None:
        """Return how long a card's candidate has been in this stage, in days."""
        return days_in_stage(row.stage_since, self._today)

    # --- paging ----------------------------------------------------------------------------

    def canFetchMore(self, parent: ParentIndex) -> bool:
        """Say whether ids remain whose rows are not read yet."""
        return not parent.isValid() and len(self._rows) < len(self._ids)

    def fetchMore(self, parent: ParentIndex) -> None:
        """Read the next page of rows and show them below the others."""
        if parent.isValid():
            return
        start = len(self._rows)
        ids = self._ids[start : start + PAGE_SIZE]
        if not ids:
            return
        rows = self._in_order(ids, candidate_rows(self._database, ids))
        self.beginInsertRows(QModelIndex(), start, start + len(rows) - 1)
        self._rows.extend(rows)
        self.endInsertRows()

    # --- Qt model --------------------------------------------------------------------------

    def rowCount(self, parent: ParentIndex = QModelIndex()) -> int:  # noqa: B008
        """Return the number of cards fetched so far (a flat list)."""
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: ParentIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Return a card's name, its row for painting, its id or a tooltip."""
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if role == ID_ROLE:
            return self._ids[index.row()]
        if role == CARD_ROLE:
            return row
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self.tr("(removed)") if row is None else row.full_name
        if role == Qt.ItemDataRole.ToolTipRole and row is not None:
            return self._tooltip(row)
        return None

    def _tooltip(self, row: CandidateRow) -> str:
        """Return a card's tooltip: name, role, stage since when, certifications."""
        lines = [row.full_name]
        role_line = " · ".join(
            part
            for part in (
                row.primary_role.label if row.primary_role else "",
                row.level.label if row.level else "",
                f"{row.city}, {row.country}".strip(", "),
            )
            if part
        )
        if role_line:
            lines.append(role_line)
        if row.stage_since is not None:
            lines.append(
                self.tr("In {stage} since {day}").format(
                    stage=self.stage.name, day=f"{row.stage_since:%d %b %Y}"
                )
            )
        lines.extend(f"{b.code}: {self.tr(STATUS_LABELS[b.status])}" for b in row.certifications)
        lines.append(self.tr("Double-click to open; drag to another stage to move."))
        return "\n".join(lines)

    def flags(self, index: ParentIndex) -> Qt.ItemFlag:
        """Cards can be selected and dragged; the column itself takes drops."""
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled
        return (
            Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsDragEnabled
        )

    # --- drag and drop ---------------------------------------------------------------------

    def mimeTypes(self) -> list[str]:
        """Return the one type a card travels as."""
        return [MIME_TYPE]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        """Return the first dragged card as a candidate id and the stage it is in."""
        for index in indexes:
            candidate_id = self.candidate_id(index.row()) if index.isValid() else None
            if candidate_id is not None:
                return encode_card(candidate_id, self.stage.id)
        return QMimeData()

    def supportedDragActions(self) -> Qt.DropAction:
        """A card moves; it is never copied into a second stage."""
        return Qt.DropAction.MoveAction

    def supportedDropActions(self) -> Qt.DropAction:
        """Accept moves only."""
        return Qt.DropAction.MoveAction

    def canDropMimeData(
        self,
        data: QMimeData,
        action: Qt.DropAction,
        row: int,
        column: int,
        parent: ParentIndex,
    ) -> bool:
        """Take a card from another stage; a card dropped back on its own stage is no move."""
        card = decode_card(data)
        return card is not None and card[1] != self.stage.id

    def dropMimeData(
        self,
        data: QMimeData,
        action: Qt.DropAction,
        row: int,
        column: int,
        parent: ParentIndex,
    ) -> bool:
        """Ask for the move; rows change only once the move is stored and the board reloads."""
        if action == Qt.DropAction.IgnoreAction:
            return True
        card = decode_card(data)
        if card is None or card[1] == self.stage.id:
            return False
        self.dropRequested.emit(card[0], card[1], self.stage.id)
        return True

    def removeRows(self, row: int, count: int, parent: ParentIndex = QModelIndex()) -> bool:  # noqa: B008
        """Refuse: after a drop the source column reloads from SQL instead of losing a row."""
        return False
