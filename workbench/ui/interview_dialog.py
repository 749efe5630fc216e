"""The dialog that records an interview note or corrects one."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from workbench.domain.vetting import InterviewNote, InterviewNoteDraft
from workbench.services import vetting as vetting_service
from workbench.services.catalogue import consultant_name
from workbench.store.engine import Database
from workbench.ui.claim_dialog import date_edit, from_qdate, to_qdate
from workbench.ui.editor_sections import (
    error_label,
    field_row,
    saved_in_dialog,
    shown_error,
)


class InterviewDialog(QDialog):
    """Enter or correct one interview note: the day, who held it, what was learned."""

    def __init__(
        self,
        database: Database,
        candidate_id: int,
        note: InterviewNote | None = None,
        parent: QWidget | None = None,
    ) -> None:
        """Build the form, filled from a note or for a new one."""
        super().__init__(parent)
        self._database = database
        self._candidate_id = candidate_id
        self._note = note
        self.saved_note: InterviewNote | None = None
        self._errors: dict[str, QLabel] = {}
        self.setWindowTitle(
            self.tr("Edit interview note") if note else self.tr("Add interview note")
        )
        self.setMinimumWidth(520)
        self._build()
        if note is not None:
            self.held_on.setDate(to_qdate(note.held_on))
            self.interviewer.setText(note.interviewer)
            self.text.setPlainText(note.text)
        else:
            # Most notes are written by whoever held the interview, right after it.
            self.interviewer.setText(consultant_name(database))

    def _build(self) -> None:
        """Lay out the fields and buttons."""
        layout = QVBoxLayout(self)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.held_on = date_edit()
        self.interviewer = QLineEdit()
        self.text = QPlainTextEdit()
        self.text.setPlaceholderText(self.tr("What was asked, what was learned, any concern"))
        self.text.setMinimumHeight(160)
        field_row(form, self.tr("Held on"), self._errors, "held_on", self.held_on, stretch=True)
        field_row(form, self.tr("Interviewer"), self._errors, "interviewer", self.interviewer)
        field_row(form, self.tr("Note"), self._errors, "text", self.text)
        layout.addLayout(form, 1)
        self.general_error = error_label()
        self.general_error.setObjectName("generalError")
        layout.addWidget(self.general_error)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

    def draft(self) -> InterviewNoteDraft:
        """Return the note as typed."""
        return InterviewNoteDraft(
            held_on=from_qdate(self.held_on.date()),
            interviewer=self.interviewer.text(),
            text=self.text.toPlainText(),
        )

    def save(self) -> bool:
        """Save the note; on a refusal show why in the dialog and stay open. True if saved."""
        saved = saved_in_dialog(self, self._errors, self.general_error, self._store)
        if saved is None:
            return False
        self.saved_note = saved
        self.accept()
        return True

    def _store(self) -> InterviewNote:
        """Add or update through the service; its refusals are shown by the caller."""
        if self._note is None:
            return vetting_service.add_interview_note(
                self._database, self._candidate_id, self.draft()
            )
        return vetting_service.update_interview_note(
            self._database, self._note.id, self._note.version, self.draft()
        )

    def error_text(self, name: str) -> str:
        """Return the error shown under a field ('' when none), for callers and tests."""
        return shown_error(self._errors, self.general_error, name, self)


__all__ = ["InterviewDialog"]
