"""The Match window's table: ranked matches, their score bars, and the job in one line."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QStyledItemDelegate, QStyleOptionViewItem

from workbench.domain.clients import JobOrder
from workbench.domain.matching import Match, ScorePart
from workbench.ui.row_table import ParentIndex, RowTableModel

PARTS_ROLE = Qt.ItemDataRole.UserRole + 1


COLUMNS = ("#", "Score", "Name", "Stage", "Vetted", "Breakdown", "Why they rank here")
SCORE_COLUMN, BREAKDOWN_COLUMN = 1, 5


class MatchModel(RowTableModel[Match]):
    """The ranked matches of one job, best first, as the service returned them."""

    columns = COLUMNS

    def set_matches(self, matches: Sequence[Match]) -> None:
        """Show these matches in the order given."""
        self.set_rows(matches)

    def match_at(self, row: int) -> Match | None:
        """Return the match shown in a row."""
        return self.row_at(row)

    def _text(self, row: int, match: Match, column: int) -> str:
        if column == 0:
            return str(row + 1)
        if column == SCORE_COLUMN:
            return f"{match.score:.0f}"
        if column == 2:
            return match.name
        if column == 3:
            return match.stage
        if column == 4:
            return "✓" if match.vetted else ""
        if column == BREAKDOWN_COLUMN:
            return ""  # painted as bars; the tooltip says it in words
        return match.summary

    def data(self, index: ParentIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Return a cell's text, alignment, breakdown parts, tooltip or candidate id."""
        match = self.match_at(index.row()) if index.isValid() else None
        column = index.column()
        if match is None or not 0 <= column < len(COLUMNS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(index.row(), match, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (0, SCORE_COLUMN, 4):
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == PARTS_ROLE and column == BREAKDOWN_COLUMN:
            return match.parts
        if role == Qt.ItemDataRole.ToolTipRole and column == BREAKDOWN_COLUMN:
            return "\n".join(
                f"{part.name}: {part.points:g}/{part.out_of} — {part.why}" for part in match.parts
            )
        if role == Qt.ItemDataRole.ToolTipRole and column == len(COLUMNS) - 1:
            return match.summary
        if role == Qt.ItemDataRole.UserRole:
            return match.candidate_id
        return None


class BreakdownDelegate(QStyledItemDelegate):
    """Paint a score's parts as one bar: each part's width its weight, filled as far as earned."""

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        """Draw the segments of the row's breakdown."""
        super().paint(painter, option, index)
        parts: tuple[ScorePart, ...] | None = index.data(PARTS_ROLE)
        if not parts:
            return
        area = option.rect.adjusted(4, 6, -4, -6)
        total = sum(part.out_of for part in parts) or 1
        painter.save()
        x = area.left()
        for part in parts:
            width = round(area.width() * part.out_of / total)
            cell = QRect(x, area.top(), max(1, width - 2), area.height())
            painter.fillRect(cell, QColor("#e3e6ea"))
            filled = round(cell.width() * part.points / part.out_of) if part.out_of else 0
            # A part the job did not ask about earns its points without merit: shown grey.
            colour = QColor("#2b7a4b") if part.asked else QColor("#a9b3bd")
            painter.fillRect(QRect(cell.left(), cell.top(), filled, cell.height()), colour)
            x += width
        painter.restore()


def describe_job(job: JobOrder) -> str:
    """Return the job's key requirements in one line."""
    draft = job.draft
    facts = []
    if draft.specialisation is not None:
        facts.append(draft.specialisation.label)
    if draft.level is not None:
        facts.append(draft.level.label)
    skills = [*draft.methodologies, *draft.tools]
    if skills:
        facts.append(", ".join(skills))
    if draft.required_certifications:
        facts.append("requires " + ", ".join(draft.required_certifications))
    if draft.nice_certifications:
        facts.append("nice: " + ", ".join(draft.nice_certifications))
    facts.append("remote" if draft.remote else draft.location)
    money = f" · {draft.budget:,} {draft.currency}" if draft.budget else ""
    facts.append(f"{draft.employment.label}{money}")
    if draft.start_date:
        span = f"from {draft.start_date.isoformat()}"
        facts.append(span + (f" to {draft.end_date.isoformat()}" if draft.end_date else ""))
    return " · ".join(fact for fact in facts if fact)
