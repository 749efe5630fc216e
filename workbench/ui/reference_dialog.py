"""The dialog that records a reference check or corrects one."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from workbench.domain.vetting import (
    RELATIONSHIPS,
    ReferenceCheck,
    ReferenceDraft,
    ReferenceOutcome,
)
from workbench.services import vetting as vetting_service
from workbench.store.engine import Database
from workbench.ui.claim_dialog import date_edit, from_qdate, to_qdate
from workbench.ui.editor_sections import (
    error_label,
    field_row,
    saved_in_dialog,
    shown_error,
)


class ReferenceDialog(QDialog):
    """Enter or correct one reference: who, how they know the candidate, what they said."""

    def __init__(
        self,
        database: Database,
        candidate_id: int,
        reference: ReferenceCheck | None = None,
        parent: QWidget | None = None,
    ) -> None:
        """Build the form, filled from a reference or for a new one."""
        super().__init__(parent)
        self._database = database
        self._candidate_id = candidate_id
        self._reference = reference
        self.saved_reference: ReferenceCheck | None = None
        self._errors: dict[str, QLabel] = {}
        self.setWindowTitle(self.tr("Edit reference") if reference else self.tr("Add reference"))
        self.setMinimumWidth(520)
        self._build()
        if reference is not None:
            self._show(reference.draft)

    def _build(self) -> None:
        """Lay out the fields and buttons."""
        layout = QVBoxLayout(self)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.referee = QLineEdit()
        self.relationship = QComboBox()
        self.relationship.setEditable(True)  # the list suggests; an unusual relation is typed
        self.relationship.addItems([self.tr(r) for r in RELATIONSHIPS])
        self.relationship.setCurrentIndex(-1)
        self.company = QLineEdit()
        self.contact = QLineEdit()
        self.contact.setPlaceholderText(self.tr("email or phone the reference was taken on"))
        self.checked_on = date_edit()
        self.outcome = QComboBox()
        # No default: an outcome recorded by leaving a combo alone would be a made-up one.
        self.outcome.addItem(self.tr("— choose —"), None)
        for outcome in ReferenceOutcome:
            self.outcome.addItem(self.tr(outcome.label), outcome)
        self.notes = QPlainTextEdit()
        self.notes.setMinimumHeight(110)
        field_row(form, self.tr("Referee"), self._errors, "referee", self.referee)
        field_row(form, self.tr("Relationship"), self._errors, "relationship", self.relationship)
        field_row(form, self.tr("Company"), self._errors, "company", self.company)
        field_row(form, self.tr("Contact"), self._errors, "contact", self.contact)
        field_row(
            form, self.tr("Taken on"), self._errors, "checked_on", self.checked_on, stretch=True
        )
        field_row(form, self.tr("Outcome"), self._errors, "outcome", self.outcome, stretch=True)
        field_row(form, self.tr("Notes"), self._errors, "notes", self.notes)
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

    def _show(self, draft: ReferenceDraft) -> None:
        """Fill the form from a stored reference."""
        self.referee.setText(draft.referee)
        self.relationship.setCurrentText(draft.relationship)
        self.company.setText(draft.company)
        self.contact.setText(draft.contact)
        if draft.checked_on is not None:
            self.checked_on.setDate(to_qdate(draft.checked_on))
        self.select_outcome(draft.outcome)
        self.notes.setPlainText(draft.notes)

    def select_outcome(self, outcome: ReferenceOutcome | None) -> None:
        """Choose an outcome (None: none chosen yet)."""
        self.outcome.setCurrentIndex(max(self.outcome.findData(outcome), 0))

    def draft(self) -> ReferenceDraft:
        """Return the reference as typed."""
        outcome = self.outcome.currentData()
        return ReferenceDraft(
            referee=self.referee.text(),
            relationship=self.relationship.currentText(),
            company=self.company.text(),
            contact=self.contact.text(),
            checked_on=from_qdate(self.checked_on.date()),
            outcome=outcome if isinstance(outcome, ReferenceOutcome) else None,
            notes=self.notes.toPlainText(),
        )

    def save(self) -> bool:
        """Save the reference; on a refusal show why in the dialog and stay open. True if saved."""
        saved = saved_in_dialog(self, self._errors, self.general_error, self._store)
        if saved is None:
            return False
        self.saved_reference = saved
        self.accept()
        return True

    def _store(self) -> ReferenceCheck:
        """Add or update through the service; its refusals are shown by the caller."""
        if self._reference is None:
            return vetting_service.add_reference(self._database, self._candidate_id, self.draft())
        return vetting_service.update_reference(
            self._database, self._reference.id, self._reference.version, self.draft()
        )

    def error_text(self, name: str) -> str:
        """Return the error shown under a field ('' when none), for callers and tests."""
        return shown_error(self._errors, self.general_error, name, self)


__all__ = ["ReferenceDialog"]
