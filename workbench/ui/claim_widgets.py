"""Pieces the certification screens share: status badges and read-only tables."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from workbench.domain.certifications import CheckOutcome, ClaimStatus

# Background and text colour of each status badge; the label is always written on it too.
STATUS_COLOURS: dict[ClaimStatus, tuple[str, str]] = {
    ClaimStatus.UNVERIFIED: ("#6b6b6b", "#ffffff"),
    ClaimStatus.VERIFIED: ("#2e7d32", "#ffffff"),
    ClaimStatus.EXPIRING: ("#f4c20d", "#2b2100"),
    ClaimStatus.RENEWAL_DUE: ("#ef7d00", "#1f1200"),
    ClaimStatus.EXPIRED: ("#d32f2f", "#ffffff"),
    ClaimStatus.VERIFICATION_FAILED: ("#7b1113", "#ffffff"),
}
OUTCOME_COLOURS = {
    CheckOutcome.VERIFIED: "#2e7d32",
    CheckOutcome.NOT_FOUND: "#b00020",
    CheckOutcome.MISMATCH: "#b00020",
    CheckOutcome.PENDING: "#6b6b6b",
}
STATUS_ROLE = Qt.ItemDataRole.UserRole + 1


class StatusBadgeDelegate(QStyledItemDelegate):
    """Paint a claim's status as a coloured pill with its label, so colour is never alone."""

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        """Draw the cell's selection background, then the badge."""
        status = index.data(STATUS_ROLE)
        if not isinstance(status, ClaimStatus):
            super().paint(painter, option, index)
            return
        plain = QStyleOptionViewItem(option)
        self.initStyleOption(plain, index)
        plain.text = ""
        style = plain.widget.style() if plain.widget else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, plain, painter, plain.widget)
        text = str(index.data(Qt.ItemDataRole.DisplayRole))
        background, foreground = STATUS_COLOURS[status]
        metrics = option.fontMetrics
        width = min(metrics.horizontalAdvance(text) + 18, option.rect.width() - 8)
        height = min(metrics.height() + 6, option.rect.height() - 4)
        rect = QRect(
            option.rect.left() + 4,
            option.rect.top() + (option.rect.height() - height) // 2,
            width,
            height,
        )
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(background))
        painter.drawRoundedRect(rect, height / 2, height / 2)
        painter.setPen(QColor(foreground))
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)
        painter.restore()

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        """Leave room for the pill's padding."""
        size = super().sizeHint(option, index)
        return QSize(size.width() + 26, max(size.height(), option.fontMetrics.height() + 10))


def table_item(text: str, tip: str = "") -> QTableWidgetItem:
    """Return a read-only, selectable cell with an optional tooltip."""
    item = QTableWidgetItem(text)
    item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
    if tip:
        item.setToolTip(tip)
    return item


def iso_day(value: date | None, none: str = "") -> str:
    """Return a date as ISO text, or `none` when there is no date."""
    return value.isoformat() if value else none


def plain_table(headers: tuple[str, ...], owner: QWidget) -> QTableWidget:
    """Return a read-only table that selects one whole row at a time."""
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels([owner.tr(h) for h in headers])
    table.verticalHeader().hide()
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setWordWrap(False)
    table.horizontalHeader().setStretchLastSection(True)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    return table
