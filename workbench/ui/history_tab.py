"""The History tab: a candidate's audit trail (or the app's own), newest first, filterable."""

from __future__ import annotations

import textwrap
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import (
    QItemSelection,
    Qt,
    QTimer,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSplitter,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from workbench.domain.history import Entity, HistoryEntry
from workbench.services import history as history_service
from workbench.store.engine import Database
from workbench.store.history_store import MAX_ENTRIES
from workbench.ui.row_table import ParentIndex, RowTableModel

FILTER_DELAY_MS = 250  # typing "pipeline" asks the database once, not eight times
CELL_CHARS = 120  # a cell shows this much of a value; the tooltip and the pane show all
TOOLTIP_WIDTH = 100  # long values wrap in the tooltip instead of running off the screen


COLUMNS = ("When", "Who", "What", "Field", "Old value", "New value", "Detail")
WHEN_COLUMN, WHO_COLUMN, WHAT_COLUMN, FIELD_COLUMN = 0, 1, 2, 3
OLD_COLUMN, NEW_COLUMN, DETAIL_COLUMN = 4, 5, 6


def local_time(at: datetime) -> datetime:
    """Return a stored time (naive UTC) in the machine's own time zone."""
    stamp = at if at.tzinfo is not None else at.replace(tzinfo=UTC)
    return stamp.astimezone()


def readable_time(at: datetime) -> str:
    """Return a stored time as a consultant reads it: "12 Mar 2026 14:05", local time."""
    local = local_time(at)
    return f"{local.day} {local:%b %Y %H:%M}"


def one_line(text: str, limit: int = CELL_CHARS) -> str:
    """Return text on one line, cut with an ellipsis past `limit` characters."""
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def wrapped(text: str) -> str:
    """Return text wrapped for a tooltip, keeping its own line breaks and every character."""
    return "\n".join(
        textwrap.fill(line, TOOLTIP_WIDTH, break_long_words=False, break_on_hyphens=False)
        if line
        else ""
        for line in text.splitlines()
    )


class HistoryModel(RowTableModel[HistoryEntry]):
    """Rows of the audit trail as the service returned them (newest first), read-only."""

    columns = COLUMNS

    def set_entries(self, entries: Sequence[HistoryEntry]) -> None:
        """Show new entries in the order given."""
        self.set_rows(entries)

    def entry(self, row: int) -> HistoryEntry | None:
        """Return the entry shown in a row."""
        return self.row_at(row)

    def what(self, entry: HistoryEntry) -> str:
        """Return what happened, e.g. "Stage moved"."""
        return self.tr("{entity} {action}").format(
            entity=self.tr(entry.entity.label), action=self.tr(entry.action.value)
        )

    def full_text(self, entry: HistoryEntry, column: int) -> str:
        """Return a cell's whole value, uncut."""
        if column == WHEN_COLUMN:
            return readable_time(entry.at)
        if column == WHO_COLUMN:
            return entry.by
        if column == WHAT_COLUMN:
            return self.what(entry)
        if column == FIELD_COLUMN:
            return entry.field
        if column == OLD_COLUMN:
            return entry.old
        if column == NEW_COLUMN:
            return entry.new
        return entry.detail

    def data(self, index: ParentIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Return a cell's text (one line, cut when long) or its full value as a tooltip."""
        entry = self.entry(index.row()) if index.isValid() else None
        if entry is None:
            return None
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return one_line(self.full_text(entry, column))
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == WHEN_COLUMN:
                # The exact moment, with the zone, for whoever compares it with another log.
                return local_time(entry.at).isoformat(sep=" ")
            text = self.full_text(entry, column)
            return wrapped(text) if text else None
        if role == Qt.ItemDataRole.UserRole:
            return entry.id
        return None


class HistoryTab(QWidget):
    """Show who changed what and when, for one candidate or for the app's settings."""

    def __init__(self, database: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("historyTab")
        self._database = database
        # What is shown: a candidate's trail, the app's own (_app), or nothing (both unset).
        self._candidate_id: int | None = None
        self._app = False
        self._build()
        self.show_candidate(None)

    # --- building -------------------------------------------------------------------------

    def _build(self) -> None:
        """Lay out the filter row, the table and the pane showing one change in full."""
        self.kind = QComboBox()
        self.kind.setObjectName("historyKind")
        self.kind.addItem(self.tr("All changes"), None)
        for entity in Entity:
            self.kind.addItem(self.tr(entity.label), entity)
        self.kind.currentIndexChanged.connect(self.refresh)
        self.text = QLineEdit()
        self.text.setObjectName("historyText")
        self.text.setPlaceholderText(self.tr("Filter by name, value or reason…"))
        self.text.setClearButtonEnabled(True)
        self._text_timer = QTimer(self)
        self._text_timer.setSingleShot(True)
        self._text_timer.setInterval(FILTER_DELAY_MS)
        self._text_timer.timeout.connect(self.refresh)
        # Not connected to start() itself: the typed text must not pass as a delay.
        self.text.textChanged.connect(lambda _text: self._text_timer.start())
        self.count = QLabel()
        self.count.setObjectName("historyCount")
        self.kind_label = QLabel(self.tr("Show"))
        filters = QHBoxLayout()
        filters.addWidget(self.kind_label)
        filters.addWidget(self.kind)
        filters.addWidget(self.text, 1)
        filters.addWidget(self.count)

        self.model = HistoryModel(self)
        self.table = QTableView()
        self.table.setObjectName("historyTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.setWordWrap(False)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 8)
        header = self.table.horizontalHeader()
        header.setMinimumSectionSize(60)
        metrics = self.table.fontMetrics()
        # The short columns fit a typical value; the values share what is left, so no
        # sideways scrolling: a long one elides and shows whole in its tooltip and below.
        for column, sample in (
            (WHEN_COLUMN, "28 Sep 2026 23:59"),
            (WHO_COLUMN, "Alexandra Smith"),
            (WHAT_COLUMN, "Certification removed"),
            (FIELD_COLUMN, "Years of experience"),
        ):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(column, metrics.horizontalAdvance(sample) + 20)
        for column in (OLD_COLUMN, NEW_COLUMN, DETAIL_COLUMN):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)

        self.summary = QLabel()
        self.summary.setObjectName("historySummary")
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.old_value = self._value_box("historyOld")
        self.new_value = self._value_box("historyNew")
        self.detail_text = self._value_box("historyDetail")
        pane = QWidget()
        grid = QGridLayout(pane)
        grid.setContentsMargins(0, 4, 0, 0)
        grid.addWidget(self.summary, 0, 0, 1, 3)
        grid.addWidget(QLabel(self.tr("Old value")), 1, 0)
        grid.addWidget(QLabel(self.tr("New value")), 1, 1)
        grid.addWidget(QLabel(self.tr("Detail")), 1, 2)
        grid.addWidget(self.old_value, 2, 0)
        grid.addWidget(self.new_value, 2, 1)
        grid.addWidget(self.detail_text, 2, 2)
        grid.setRowStretch(2, 1)
        self.detail_pane = pane

        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(pane)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)

        trail = QWidget()
        trail_layout = QVBoxLayout(trail)
        trail_layout.setContentsMargins(0, 0, 0, 0)
        trail_layout.addLayout(filters)
        trail_layout.addWidget(splitter, 1)

        self.placeholder = QLabel(self.tr("History starts when the candidate is saved."))
        self.placeholder.setObjectName("historyPlaceholder")
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setWordWrap(True)
        self.placeholder.setStyleSheet("color: #666;")

        self.pages = QStackedWidget()
        self.pages.addWidget(self.placeholder)
        self.pages.addWidget(trail)
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages)

    def _value_box(self, name: str) -> QPlainTextEdit:
        """Return a read-only box for one whole value."""
        box = QPlainTextEdit()
        box.setObjectName(name)
        box.setReadOnly(True)
        box.setPlaceholderText(self.tr("(empty)"))
        box.setMinimumHeight(self.fontMetrics().height() * 3)
        return box

    # --- what is shown --------------------------------------------------------------------

    @property
    def candidate_id(self) -> int | None:
        """Return the candidate whose history is shown (None: app history or nothing)."""
        return self._candidate_id

    @property
    def shows_app_history(self) -> bool:
        """Return True when the app's own (settings) history is shown."""
        return self._app

    def show_candidate(self, candidate_id: int | None) -> None:
        """Show a candidate's history; None (an unsaved candidate) says when history starts."""
        # The same candidate again (after a save) keeps the filters the consultant set.
        if candidate_id is None or candidate_id != self._candidate_id or self._app:
            self._reset_filters()
        self._candidate_id = candidate_id
        self._app = False
        self.kind.setVisible(True)
        self.kind_label.setVisible(True)
        if candidate_id is None:
            self.model.set_entries([])
            self._show_selected(None)
            self.pages.setCurrentWidget(self.placeholder)
            return
        self.pages.setCurrentIndex(1)
        self.refresh()

    def show_app_history(self) -> None:
        """Show the app-level trail: changes to Settings that belong to no candidate."""
        self._candidate_id = None
        self._app = True
        # Every app-level entry is a settings change: a kind filter would offer nothing.
        self.kind.setVisible(False)
        self.kind_label.setVisible(False)
        self._reset_filters()
        self.pages.setCurrentIndex(1)
        self.refresh()

    def _reset_filters(self) -> None:
        """Clear the kind and text filters without reading the trail for each."""
        self._text_timer.stop()
        for widget in (self.kind, self.text):
            widget.blockSignals(True)
        self.kind.setCurrentIndex(0)
        self.text.clear()
        for widget in (self.kind, self.text):
            widget.blockSignals(False)

    def refresh(self) -> None:
        """Read the trail again with the filters as set, keeping the selected entry if shown."""
        self._text_timer.stop()
        if self._candidate_id is None and not self._app:
            return
        kind = self.kind.currentData()
        entities = (kind,) if isinstance(kind, Entity) and not self._app else ()
        text = self.text.text().strip()
        selected = self._selected_entry()
        entries = history_service.candidate_history(
            self._database, self._candidate_id, entities, text
        )
        self.model.set_entries(entries)
        self._show_count(len(entries), filtered=bool(entities or text))
        row = next(
            (i for i, e in enumerate(entries) if selected is not None and e.id == selected.id),
            -1,
        )
        if row >= 0:
            self.table.selectRow(row)
        else:
            self._show_selected(None)

    def _show_count(self, count: int, *, filtered: bool) -> None:
        """Say how many changes are listed."""
        if count == 0:
            text = self.tr("No changes match") if filtered else self.tr("No changes yet")
        elif count == 1:
            text = self.tr("1 change")
        elif count >= MAX_ENTRIES:
            text = self.tr("Latest {n} changes").format(n=f"{count:,}")
        else:
            text = self.tr("{n} changes").format(n=f"{count:,}")
        self.count.setText(text)

    # --- the selected entry ---------------------------------------------------------------

    def _selected_entry(self) -> HistoryEntry | None:
        """Return the entry of the selected row, if any."""
        rows = self.table.selectionModel().selectedRows()
        return self.model.entry(rows[0].row()) if rows else None

    def _selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        """Show the newly selected change in full below the table."""
        self._show_selected(self._selected_entry())

    def _show_selected(self, entry: HistoryEntry | None) -> None:
        """Fill the pane below the table with one change (None: a hint to select one)."""
        if entry is None:
            self.summary.setText(self.tr("Select a change to see its values in full."))
            for box in (self.old_value, self.new_value, self.detail_text):
                box.clear()
            return
        parts = [readable_time(entry.at), entry.by, self.model.what(entry), entry.field]
        self.summary.setText(" · ".join(part for part in parts if part))
        self.old_value.setPlainText(entry.old)
        self.new_value.setPlainText(entry.new)
        self.detail_text.setPlainText(entry.detail)
