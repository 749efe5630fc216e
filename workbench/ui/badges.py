"""Certification badges in the candidate list: a code and a status symbol on a coloured pill."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, Qt
from PySide6.QtGui import QColor, QPainter, QPalette
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from workbench.domain.certifications import ClaimStatus
from workbench.domain.claims import ClaimBadge
from workbench.ui.claim_widgets import STATUS_COLOURS

# A symbol beside each code, so the status reads without colour (and in a copied cell).
STATUS_SYMBOLS = {
    ClaimStatus.VERIFIED: "✓",
    ClaimStatus.UNVERIFIED: "?",
    ClaimStatus.EXPIRING: "⚠",
    ClaimStatus.RENEWAL_DUE: "↻",
    ClaimStatus.EXPIRED: "✗",
    ClaimStatus.VERIFICATION_FAILED: "⊘",
}
BADGES_ROLE = Qt.ItemDataRole.UserRole + 1  # the row's ClaimBadge tuple
_GAP = 4
_PADDING = 7


def badge_text(badge: ClaimBadge) -> str:
    """Return one badge as text: 'PMP ✓'."""
    return f"{badge.code} {STATUS_SYMBOLS[badge.status]}"


def badges_text(badges: Sequence[ClaimBadge]) -> str:
    """Return badges as the list's text shows them: 'PMP ✓  CSM ⚠'."""
    return "  ".join(badge_text(b) for b in badges)


class BadgeDelegate(QStyledItemDelegate):
    """Paint each badge of a cell as a pill in its status colour; what does not fit ends '…'."""

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        """Draw the cell's background and selection, then the pills left to right."""
        badges = index.data(BADGES_ROLE)
        if not badges:
            super().paint(painter, option, index)  # no claims, or a deleted (grey) row
            return
        plain = QStyleOptionViewItem(option)
        self.initStyleOption(plain, index)
        plain.text = ""
        style = plain.widget.style() if plain.widget else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, plain, painter, plain.widget)
        metrics = option.fontMetrics
        height = min(metrics.height() + 4, option.rect.height() - 4)
        top = option.rect.top() + (option.rect.height() - height) // 2
        right = option.rect.right() - 2
        x = option.rect.left() + 3
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        for number, badge in enumerate(badges):
            text = badge_text(badge)
            width = metrics.horizontalAdvance(text) + 2 * _PADDING
            last = number == len(badges) - 1
            # Room for a closing '…' unless this is the last pill.
            room = right - x - (0 if last else metrics.horizontalAdvance("…") + _GAP)
            if width > room:
                selected = option.state & QStyle.StateFlag.State_Selected
                role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
                painter.setPen(option.palette.color(role))
                painter.drawText(
                    QRect(x, top, right - x, height), Qt.AlignmentFlag.AlignVCenter, "…"
                )
                break
            background, foreground = STATUS_COLOURS[badge.status]
            pill = QRect(x, top, width, height)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(background))
            painter.drawRoundedRect(pill, height / 2, height / 2)
            painter.setPen(QColor(foreground))
            painter.drawText(pill, Qt.AlignmentFlag.AlignCenter, text)
            x += width + _GAP
        painter.restore()
