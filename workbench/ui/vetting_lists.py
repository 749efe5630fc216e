"""The Vetting tab's read-only lists: interview notes, reference checks and the stage timeline."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QSizePolicy, QTableWidget, QWidget

from workbench.domain.vetting import InterviewNote, ReferenceCheck, ReferenceOutcome, StageMove
from workbench.ui.claim_widgets import plain_table, table_item
from workbench.ui.stage_dialog import utc_text

INTERVIEW_HEADERS = ("Held on", "Interviewer", "Note")
REFERENCE_HEADERS = ("Referee", "Relationship", "Company", "Taken on", "Outcome")
TIMELINE_HEADERS = ("When", "Move", "By", "Reason", "Gate override")
OUTCOME_COLOURS = {
    ReferenceOutcome.POSITIVE: "#2e7d32",
    ReferenceOutcome.MIXED: "#8a5a00",
    ReferenceOutcome.NEGATIVE: "#b00020",
    ReferenceOutcome.NO_RESPONSE: "#6b6b6b",
}
OVERRIDE_COLOUR = "#8a5a00"
MIN_ROWS, MAX_ROWS = 2, 6


def _tr(text: str) -> str:
    """Translate in the Vetting tab's context."""
    return QCoreApplication.translate("VettingTab", text)


def list_table(headers: tuple[str, ...], owner: QWidget, name: str) -> QTableWidget:
    """Return a read-only table that grows with its rows inside the scrolling tab."""
    table = plain_table(headers, owner)
    table.setObjectName(name)
    table.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
    fit_rows(table)
    return table


def fit_rows(table: QTableWidget) -> None:
    """Make a table as tall as its rows, within bounds; past them it scrolls on its own."""
    rows = min(max(table.rowCount(), MIN_ROWS), MAX_ROWS)
    header = table.horizontalHeader().sizeHint().height()
    scrollbar = table.horizontalScrollBar().sizeHint().height()
    height = header + rows * table.verticalHeader().defaultSectionSize()
    table.setFixedHeight(height + scrollbar + 2 * table.frameWidth())


def button_row(*buttons: QPushButton) -> QHBoxLayout:
    """Return buttons side by side, pushed to the left."""
    row = QHBoxLayout()
    for button in buttons:
        row.addWidget(button)
    row.addStretch(1)
    return row


def fill_interviews(table: QTableWidget, notes: Sequence[InterviewNote]) -> None:
    """Show interview notes: the day, who held it and the note's first line."""
    table.setRowCount(len(notes))
    for row, note in enumerate(notes):
        first = note.text.splitlines()[0] if note.text else ""
        table.setItem(row, 0, table_item(note.held_on.isoformat()))
        table.setItem(row, 1, table_item(note.interviewer))
        table.setItem(row, 2, table_item(first, note.text))
    table.resizeColumnsToContents()
    fit_rows(table)


def fill_references(table: QTableWidget, references: Sequence[ReferenceCheck]) -> None:
    """Show reference checks, each outcome in its colour beside its label."""
    table.setRowCount(len(references))
    for row, reference in enumerate(references):
        draft = reference.draft
        outcome = table_item(_tr(draft.outcome.label) if draft.outcome else "", draft.notes)
        if draft.outcome is not None:
            outcome.setForeground(QBrush(QColor(OUTCOME_COLOURS[draft.outcome])))
        cells = (
            table_item(draft.referee, draft.contact),
            table_item(draft.relationship),
            table_item(draft.company),
            table_item(
                draft.checked_on.isoformat() if draft.checked_on else "",
                _tr("taken by {who}").format(who=reference.checked_by),
            ),
            outcome,
        )
        for column, item in enumerate(cells):
            table.setItem(row, column, item)
    table.resizeColumnsToContents()
    fit_rows(table)


def fill_timeline(table: QTableWidget, moves: Sequence[StageMove]) -> None:
    """Show the stage moves; an overridden gate says why and, on hover, what was missing."""
    table.setRowCount(len(moves))
    for row, move in enumerate(moves):
        override = table_item("")
        if move.override_reason:
            override = table_item(
                _tr("{reason} (missing: {items})").format(
                    reason=move.override_reason, items="; ".join(move.missing)
                ),
                _tr("Overridden: {reason}\nMissing then:\n{items}").format(
                    reason=move.override_reason,
                    items="\n".join(f"•  {item}" for item in move.missing),
                ),
            )
            override.setForeground(QBrush(QColor(OVERRIDE_COLOUR)))
        step = _tr("{source} → {target}").format(
            source=move.from_stage or _tr("(start)"), target=move.to_stage
        )
        cells = (
            table_item(utc_text(move.moved_at)),
            table_item(step),
            table_item(move.moved_by),
            table_item(move.reason, move.reason),
            override,
        )
        for column, item in enumerate(cells):
            table.setItem(row, column, item)
    table.resizeColumnsToContents()
    fit_rows(table)
