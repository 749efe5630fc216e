"""The dialog that adds a claimed certification to a candidate or corrects one."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from workbench.domain.certifications import (
    CertificationRule,
    expiry_date,
    identifier_warning,
    validity_months_for,
)
from workbench.domain.claims import Claim, ClaimDraft
from workbench.domain.errors import ValidationError, WorkbenchError
from workbench.services import claims as claim_service
from workbench.store.engine import Database
from workbench.ui.editor_sections import (
    error_label,
    field_row,
    show_error,
    show_field_errors,
    shown_error,
)
from workbench.ui.errors import show_error as show_error_box

WARNING_STYLE = "color: #8a5a00;"


def to_qdate(value: date) -> QDate:
    """Return a Python date as a QDate."""
    return QDate(value.year, value.month, value.day)


def from_qdate(value: QDate) -> date:
    """Return a QDate as a Python date."""
    return date(value.year(), value.month(), value.day())


def date_edit() -> QDateEdit:
    """Return an ISO date edit with a calendar drop-down, as every dialog here uses."""
    edit = QDateEdit()
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    edit.setDate(QDate.currentDate())
    return edit


class OptionalDateEdit(QWidget):
    """A date that may be left out: a tick box says whether the date beside it counts."""

    changed = Signal()

    def __init__(self, known_text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.known = QCheckBox(known_text)
        self.edit = date_edit()
        row.addWidget(self.known)
        row.addWidget(self.edit)
        row.addStretch(1)
        self.known.toggled.connect(self._toggled)
        self.edit.dateChanged.connect(self.changed)
        self._toggled(False)

    def _toggled(self, checked: bool) -> None:
        # A greyed-out date reads as "not given"; its value is kept for when it is ticked again.
        self.edit.setEnabled(checked)
        self.changed.emit()

    def value(self) -> date | None:
        """Return the date, or None when it is not given."""
        return from_qdate(self.edit.date()) if self.known.isChecked() else None

    def set_value(self, value: date | None) -> None:
        """Show a date, or no date."""
        if value is not None:
            self.edit.setDate(to_qdate(value))
        self.known.setChecked(value is not None)


class ClaimDialog(QDialog):
    """Enter or correct one claim: certification, identifiers and dates; saved on OK."""

    def __init__(
        self,
        database: Database,
        candidate_id: int,
        rules: list[CertificationRule],
        claim: Claim | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._database = database
        self._candidate_id = candidate_id
        self._claim = claim
        self.saved_claim: Claim | None = None
        # A new claim offers only current certifications; an old one keeps its own, even retired.
        shown = [r for r in rules if claim is not None or not r.retired]
        self.setWindowTitle(
            self.tr("Edit certification") if claim else self.tr("Add certification")
        )
        self.setMinimumWidth(520)
        self._errors: dict[str, QLabel] = {}
        self._build(shown)
        if claim is not None:
            self._show_claim(claim)
        self._update_hints()

    def _build(self, rules: list[CertificationRule]) -> None:
        layout = QVBoxLayout(self)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.certification = QComboBox()
        for rule in rules:
            self.certification.addItem(f"{rule.code} — {rule.name}", rule)
        self.certification.currentIndexChanged.connect(self._update_hints)
        self.credential_id = QLineEdit()
        self.credential_id.textChanged.connect(self._update_hints)
        self.identifier_warning = QLabel()
        self.identifier_warning.setObjectName("identifierWarning")
        self.identifier_warning.setWordWrap(True)
        self.identifier_warning.setStyleSheet(WARNING_STYLE)
        self.identifier_warning.hide()
        self.secondary_id = QLineEdit()
        self.secondary_id.setPlaceholderText(self.tr("optional, e.g. a Credly badge ID"))
        self.earned_on = OptionalDateEdit(self.tr("Known"))
        self.earned_on.set_value(None)
        self.earned_on.changed.connect(self._update_hints)
        self.printed_expiry = OptionalDateEdit(self.tr("The certificate shows an expiry date"))
        self.printed_expiry.changed.connect(self._update_hints)
        self.lapses = QLabel()
        self.lapses.setObjectName("lapsesPreview")
        self.lapses.setStyleSheet("color: #555;")
        self.lapses.setWordWrap(True)

        form.addRow(self.tr("Certification"), self.certification)
        self._row(
            form,
            self.tr("Credential ID"),
            "credential_id",
            self.credential_id,
            self.identifier_warning,
        )
        self._row(form, self.tr("Secondary ID"), "secondary_id", self.secondary_id)
        self._row(form, self.tr("Earned on"), "earned_on", self.earned_on)
        self._row(form, self.tr("Printed expiry"), "printed_expiry", self.printed_expiry)
        form.addRow(self.tr("Lapses on"), self.lapses)
        layout.addLayout(form)
        layout.addSpacing(8)
        self.general_error = error_label()
        self.general_error.setObjectName("generalError")
        layout.addWidget(self.general_error)
        layout.addStretch(1)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        if not rules:
            show_error(self.general_error, self.tr("The catalogue has no current certifications."))
            self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(False)

    def _row(
        self, form: QFormLayout, label: str, name: str, widget: QWidget, *notes: QWidget
    ) -> None:
        field_row(form, label, self._errors, name, widget, notes=notes)

    def _show_claim(self, claim: Claim) -> None:
        index = next(
            (i for i in range(self.certification.count()) if self.rule_at(i).code == claim.code),
            -1,
        )
        self.certification.setCurrentIndex(index)
        # The certification is what the checks were made against; a wrong one is a new claim.
        self.certification.setEnabled(False)
        self.credential_id.setText(claim.credential_id)
        self.secondary_id.setText(claim.secondary_id)
        self.earned_on.set_value(claim.earned_on)
        self.printed_expiry.set_value(claim.printed_expiry)

    def rule_at(self, index: int) -> CertificationRule:
        """Return the certification rule shown at a combo position."""
        rule: CertificationRule = self.certification.itemData(index)
        return rule

    def rule(self) -> CertificationRule | None:
        """Return the chosen certification's rule."""
        index = self.certification.currentIndex()
        return None if index < 0 else self.rule_at(index)

    def select(self, code: str) -> None:
        """Choose a certification by its code."""
        for i in range(self.certification.count()):
            if self.rule_at(i).code == code:
                self.certification.setCurrentIndex(i)
                return
        raise LookupError(code)

    def _update_hints(self, *_: object) -> None:
        rule = self.rule()
        if rule is None:
            return
        self.credential_id.setPlaceholderText(rule.identifier_label)
        warning = identifier_warning(rule, self.credential_id.text())
        self.identifier_warning.setText(f"⚠ {warning}" if warning else "")
        self.identifier_warning.setVisible(bool(warning))
        earned, printed = self.earned_on.value(), self.printed_expiry.value()
        lapses = expiry_date(rule, earned, printed)
        if lapses is not None:
            basis = (
                self.tr("the date on the certificate")
                if printed
                else self.tr("{months} months after it was earned").format(
                    months=validity_months_for(rule, earned)
                )
            )
            text = self.tr("{day} ({basis})").format(day=lapses.isoformat(), basis=basis)
        elif rule.validity_months is None:
            text = self.tr("never: {code} is good for life").format(code=rule.code)
        else:
            text = self.tr("unknown until the earned date is known")
        self.lapses.setText(text)

    def draft(self) -> ClaimDraft:
        """Return the claim as typed."""
        return ClaimDraft(
            credential_id=self.credential_id.text(),
            secondary_id=self.secondary_id.text(),
            earned_on=self.earned_on.value(),
            printed_expiry=self.printed_expiry.value(),
        )

    def save(self) -> bool:
        """Save the claim; on a refusal show why in the dialog and stay open. True if saved."""
        for label in (*self._errors.values(), self.general_error):
            show_error(label, None)
        rule = self.rule()
        if rule is None:
            return False
        try:
            if self._claim is None:
                saved = claim_service.add_claim(
                    self._database, self._candidate_id, rule.code, self.draft()
                )
            else:
                saved = claim_service.update_claim(
                    self._database, self._claim.id, self._claim.version, self.draft()
                )
        except ValidationError as exc:
            self._show_errors(exc.errors)
            return False
        except WorkbenchError as exc:
            # A repeat claim, a retired certification, someone else's edit: said here, kept open.
            show_error(self.general_error, str(exc))
            return False
        except Exception as exc:
            show_error_box(self, self.tr("Not saved"), exc)
            return False
        self.saved_claim = saved
        self.accept()
        return True

    def _show_errors(self, errors: dict[str, str]) -> None:
        show_field_errors(self._errors, self.general_error, errors)

    def error_text(self, name: str) -> str:
        """Return the error shown under a field ('' when none), for callers and tests."""
        return shown_error(self._errors, self.general_error, name, self)


__all__ = ["ClaimDialog", "OptionalDateEdit", "date_edit", "from_qdate"]
