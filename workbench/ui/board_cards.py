"""Candidate cards on the pipeline board: name, role and level, badges, days in the stage."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from workbench.domain.search import CandidateRow
from workbench.ui.badges import badge_text
from workbench.ui.board_model import CARD_ROLE, StageColumnModel
from workbench.ui.claim_widgets import STATUS_COLOURS

CARD_WIDTH = 196  # the view stretches cards to its width; this is only the hint
CARD_MARGIN = 5
CARD_PADDING = 8
_LINE_GAP = 3
_PILL_GAP = 4


class CardDelegate(QStyledItemDelegate):
    """Paint a candidate as a card: name, role and level, badges, days in the stage."""

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        """Return one height for every card: four lines and the padding around them."""
        line = option.fontMetrics.height()
        height = 4 * line + 3 * _LINE_GAP + 4 + 2 * CARD_PADDING + 2 * CARD_MARGIN // 2
        return QSize(CARD_WIDTH, height)

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        """Draw the card's box, then its four lines, each cut short with '…' if too long."""
        row: CandidateRow | None = index.data(CARD_ROLE)
        model = index.model()
        palette = option.palette
        card = option.rect.adjusted(CARD_MARGIN, CARD_MARGIN // 2, -CARD_MARGIN, -CARD_MARGIN // 2)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(palette.highlight().color() if selected else QColor("#c9ced6"))
        painter.setBrush(QColor("#ffffff"))
        painter.drawRoundedRect(card.adjusted(0, 0, -1, -1), 5, 5)
        if selected:
            painter.drawRoundedRect(card.adjusted(1, 1, -2, -2), 4, 4)  # a 2 px frame
        inner = card.adjusted(CARD_PADDING, CARD_PADDING, -CARD_PADDING, -CARD_PADDING)
        metrics = option.fontMetrics
        line = metrics.height()
        text_colour = QColor("#172b4d")
        quiet = QColor("#5e6c84")
        bold = QFont(option.font)
        bold.setBold(True)
        painter.setFont(bold)
        painter.setPen(text_colour)
        name = index.data(Qt.ItemDataRole.DisplayRole) or ""
        top = inner.top()
        bold_metrics = painter.fontMetrics()
        painter.drawText(
            QRect(inner.left(), top, inner.width(), line),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            bold_metrics.elidedText(name, Qt.TextElideMode.ElideRight, inner.width()),
        )
        painter.setFont(option.font)
        if row is not None and isinstance(model, StageColumnModel):
            top += line + _LINE_GAP
            painter.setPen(quiet)
            painter.drawText(
                QRect(inner.left(), top, inner.width(), line),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                _role_line(model, row, metrics, inner.width()),
            )
            top += line + _LINE_GAP
            self._paint_badges(painter, QRect(inner.left(), top, inner.width(), line + 4), row)
            top += line + 4 + _LINE_GAP
            painter.setPen(quiet)
            painter.drawText(
                QRect(inner.left(), top, inner.width(), line),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                _days_text(model, model.days_in_stage(row)),
            )
        painter.restore()

    def _paint_badges(self, painter: QPainter, area: QRect, row: CandidateRow) -> None:
        """Draw certification pills left to right; what does not fit ends in an ellipsis."""
        metrics = painter.fontMetrics()
        if not row.certifications:
            painter.setPen(QColor("#8993a4"))
            painter.drawText(
                area,
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                self.tr("No certifications"),
            )
            return
        x = area.left()
        right = area.right()
        for number, badge in enumerate(row.certifications):
            text = badge_text(badge)
            width = metrics.horizontalAdvance(text) + 12
            last = number == len(row.certifications) - 1
            room = right - x - (0 if last else metrics.horizontalAdvance("…") + _PILL_GAP)
            if width > room and number == 0:
                # A long first code (PRINCE2-PRACTITIONER) is shortened, not hidden behind '…'.
                width = max(0, room)
                text = metrics.elidedText(text, Qt.TextElideMode.ElideMiddle, width - 12)
            elif width > room:
                painter.setPen(QColor("#5e6c84"))
                painter.drawText(
                    QRect(x, area.top(), right - x, area.height()),
                    Qt.AlignmentFlag.AlignVCenter,
                    "…",
                )
                break
            background, foreground = STATUS_COLOURS[badge.status]
            pill = QRect(x, area.top(), width, area.height())
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(background))
            painter.drawRoundedRect(pill, area.height() / 2, area.height() / 2)
            painter.setPen(QColor(foreground))
            painter.drawText(pill, Qt.AlignmentFlag.AlignCenter, text)
            x += width + _PILL_GAP


def _role_line(
    model: StageColumnModel, row: CandidateRow, metrics: QFontMetrics, width: int
) -> str:
    """Return 'Role · Level', shortening the role so the level always shows."""
    level = f" · {row.level.label}" if row.level else ""
    if row.primary_role is None:
        return row.level.label if row.level else model.tr("No role given")
    room = max(0, width - metrics.horizontalAdvance(level))
    return metrics.elidedText(row.primary_role.label, Qt.TextElideMode.ElideRight, room) + level


def _days_text(model: StageColumnModel, days: int | None) -> str:
    """Return how long a card has been in its stage, as a consultant reads it."""
    if days is None:
        return ""
    if days == 0:
        return model.tr("In stage since today")
    if days == 1:
        return model.tr("In stage 1 day")
    return model.tr("In stage {n} days").format(n=f"{days:,}")
