"""Read-only tables of frozen rows: the model, and the view every window shows them in."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtWidgets import QAbstractItemView, QTableView

Row = TypeVar("Row")
ParentIndex = QModelIndex | QPersistentModelIndex


class RowTableModel(QAbstractTableModel, Generic[Row]):
    """Show rows as a service returned them; subclasses say what each cell holds in data()."""

    columns: tuple[str, ...] = ()  # titles, translated when shown

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[Row] = []

    @property
    def rows(self) -> tuple[Row, ...]:
        """Return the rows in the order shown."""
        return tuple(self._rows)

    def set_rows(self, rows: Sequence[Row]) -> None:
        """Show these rows in the order given."""
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int) -> Row | None:
        """Return the row shown at a position, None outside the table."""
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def rowCount(self, parent: ParentIndex = QModelIndex()) -> int:  # noqa: B008
        """Return the number of rows (none under a cell: this is a flat table)."""
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: ParentIndex = QModelIndex()) -> int:  # noqa: B008
        """Return the number of columns."""
        return 0 if parent.isValid() else len(self.columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        """Return column titles; rows are not numbered."""
        if (
            role == Qt.ItemDataRole.DisplayRole
            and orientation == Qt.Orientation.Horizontal
            and 0 <= section < len(self.columns)
        ):
            return self.tr(self.columns[section])
        return None

    def flags(self, index: ParentIndex) -> Qt.ItemFlag:
        """Rows are selectable, never edited in place."""
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


def row_table_view(
    name: str,
    model: QAbstractItemModel | None = None,
    *,
    widths: Sequence[int] = (),
    many: bool = False,
) -> QTableView:
    """Return a read-only table view of whole rows (one selected at a time unless `many`)."""
    view = QTableView()
    view.setObjectName(name)
    if model is not None:
        view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(
        QAbstractItemView.SelectionMode.ExtendedSelection
        if many
        else QAbstractItemView.SelectionMode.SingleSelection
    )
    view.verticalHeader().hide()
    view.verticalHeader().setDefaultSectionSize(24)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.horizontalHeader().setStretchLastSection(True)
    for column, width in enumerate(widths):
        view.setColumnWidth(column, width)
    return view
