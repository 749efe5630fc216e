"""Table models of the Clients window: the client list and one client's job orders."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt

from workbench.domain.candidate import ascii_fold
from workbench.domain.clients import Client, JobOrder
from workbench.ui.row_table import ParentIndex, RowTableModel

ID_ROLE = Qt.ItemDataRole.UserRole  # the client's or job's id, for callers and tests


def _folded(text: str) -> str:
    """Return text without accents, case-folded, for matching."""
    return ascii_fold(text).casefold()


class _RowsModel(RowTableModel[Any]):
    """A flat, read-only table over a short list of frozen rows with ids."""

    right_aligned: frozenset[int] = frozenset()

    def row_item(self, row: int) -> Any:
        """Return the frozen row shown in a row, None outside the table."""
        return self.row_at(row)

    def row_of(self, item_id: int) -> int:
        """Return the row showing an id, -1 when it is not shown."""
        return next((i for i, r in enumerate(self._rows) if r.id == item_id), -1)

    def _set(self, rows: Sequence[Any]) -> None:
        """Show new rows in place of the old."""
        self.set_rows(rows)

    def text(self, item: Any, column: int) -> str:
        """Return a cell's text."""
        raise NotImplementedError

    def data(self, index: ParentIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Return a cell's text, alignment or the row's id."""
        item = self.row_item(index.row()) if index.isValid() else None
        if item is None:
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self.text(item, index.column())  # the tip: the whole of an elided cell
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() in self.right_aligned:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == ID_ROLE:
            return item.id
        return None


class ClientListModel(_RowsModel):
    """Every client by name, narrowed by a filter over names, industries and contacts."""

    columns = ("Client", "Industry", "Open jobs")
    right_aligned = frozenset({2})

    def __init__(self, parent: Any = None) -> None:
        """Start with no clients and no filter."""
        super().__init__(parent)
        self._all: list[Client] = []
        self._filter = ""

    def set_clients(self, clients: Sequence[Client]) -> None:
        """Show the clients that pass the current filter."""
        self._all = list(clients)
        self._set(self._passing())

    def set_filter(self, text: str) -> None:
        """Keep only clients whose name, industry or a contact's name holds the text."""
        self._filter = _folded(text.strip())
        self._set(self._passing())

    @property
    def total(self) -> int:
        """Return how many clients there are before filtering."""
        return len(self._all)

    def _passing(self) -> list[Client]:
        """Return the clients the filter lets through."""
        wanted = self._filter
        if not wanted:
            return self._all

        def haystack(client: Client) -> str:
            """Return the words a client is found by."""
            contacts = " ".join(c.draft.name for c in client.contacts)
            return _folded(f"{client.name} {client.draft.industry} {contacts}")

        return [c for c in self._all if wanted in haystack(c)]

    def client(self, row: int) -> Client | None:
        """Return the client shown in a row."""
        item: Client | None = self.row_item(row)
        return item

    def text(self, item: Any, column: int) -> str:
        """Return a cell's text."""
        client: Client = item
        if column == 0:
            return client.name
        if column == 1:
            return self.tr(client.draft.industry) if client.draft.industry else ""
        return str(client.open_jobs)


def _day(job: JobOrder, which: str) -> str:
    """Return a job's date field as ISO text, '' when not set."""
    value = getattr(job.draft, which)
    return value.isoformat() if value is not None else ""


@dataclass(frozen=True)
class _JobColumn:
    """A job table column: its title and how a cell's text is made."""

    title: str
    text: Callable[[JobOrder], str]


JOB_COLUMNS = (
    _JobColumn("Reference", lambda j: j.reference),
    _JobColumn("Title", lambda j: j.title),
    _JobColumn(
        "Specialisation", lambda j: j.draft.specialisation.label if j.draft.specialisation else ""
    ),
    _JobColumn("Level", lambda j: j.draft.level.label if j.draft.level else ""),
    _JobColumn("Status", lambda j: j.draft.status.label),
    _JobColumn("Openings", lambda j: f"{j.filled}/{j.draft.openings}"),
    _JobColumn("Start", lambda j: _day(j, "start_date")),
    _JobColumn("End", lambda j: _day(j, "end_date")),
    _JobColumn("Shortlist", lambda j: str(len(j.shortlist))),
)
OPENINGS_COLUMN = 5
SHORTLIST_COLUMN = 8


class JobTableModel(_RowsModel):
    """One client's job orders, newest first, as the service returns them."""

    columns = tuple(c.title for c in JOB_COLUMNS)
    right_aligned = frozenset({OPENINGS_COLUMN, SHORTLIST_COLUMN})

    def set_jobs(self, jobs: Sequence[JobOrder]) -> None:
        """Show these job orders."""
        self._set(jobs)

    def job(self, row: int) -> JobOrder | None:
        """Return the job order shown in a row."""
        item: JobOrder | None = self.row_item(row)
        return item

    def text(self, item: Any, column: int) -> str:
        """Return a cell's text; labels from the domain pass through tr()."""
        value = JOB_COLUMNS[column].text(item)
        return self.tr(value) if column in (2, 3, 4) and value else value


__all__ = ["ID_ROLE", "JOB_COLUMNS", "ClientListModel", "JobTableModel"]
