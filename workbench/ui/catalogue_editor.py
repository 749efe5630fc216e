"""The form for one certification rule of the catalogue, as Settings shows it."""

from __future__ import annotations

import re
from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from workbench.domain.certifications import (
    MAX_REMINDER_DAYS,
    MAX_VALIDITY_MONTHS,
    CertificationRule,
)
from workbench.domain.errors import ValidationError
from workbench.services.rule_history import RuleChange
from workbench.ui.editor_sections import field_row, show_error

NO_MONTHS = -1  # a prerequisite spin box at its minimum means "none"


def _lines(edit: QPlainTextEdit) -> tuple[str, ...]:
    return tuple(line.strip() for line in edit.toPlainText().splitlines() if line.strip())


class RuleForm(QWidget):
    """Edit one certification rule; errors show under the field they are about."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rule: CertificationRule | None = None
        self._loading = False
        self._dirty = False
        self._errors: dict[str, QLabel] = {}
        self._build()
        self.set_rule(None, None)

    # --- building -------------------------------------------------------------------------

    def _line(self, name: str, placeholder: str = "") -> QLineEdit:
        edit = QLineEdit()
        edit.setObjectName(name)
        edit.setPlaceholderText(placeholder)
        edit.textChanged.connect(self._mark_dirty)
        return edit

    def _text(self, name: str, placeholder: str) -> QPlainTextEdit:
        edit = QPlainTextEdit()
        edit.setObjectName(name)
        edit.setPlaceholderText(placeholder)
        edit.setTabChangesFocus(True)
        edit.setFixedHeight(52)
        edit.textChanged.connect(self._mark_dirty)
        return edit

    def _spin(self, name: str, low: int, high: int, suffix: str) -> QSpinBox:
        spin = QSpinBox()
        spin.setObjectName(name)
        spin.setRange(low, high)
        spin.setSuffix(suffix)
        spin.valueChanged.connect(self._mark_dirty)
        return spin

    def _check(self, name: str, text: str) -> QCheckBox:
        check = QCheckBox(text)
        check.setObjectName(name)
        check.toggled.connect(self._mark_dirty)
        return check

    def _row(self, form: QFormLayout, label: str, names: str, *widgets: QWidget) -> None:
        """Add widgets side by side, with an error line under them for each field in names."""
        # A spin box stretched across the form reads as a text field.
        stretch = not isinstance(widgets[-1], QLineEdit | QPlainTextEdit)
        field_row(form, label, self._errors, names, *widgets, stretch=stretch)

    def _build(self) -> None:
        self.heading = QLabel()
        self.heading.setObjectName("ruleHeading")
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        self.heading.setStyleSheet("font-size: 13pt; font-weight: 600;")
        self.revision = QLabel()
        self.revision.setObjectName("ruleRevision")
        self.revision.setStyleSheet("color: #555;")

        self.code = self._line("code", self.tr("e.g. CISSP"))
        self.name = self._line("name")
        self.issuer = self._line("issuer", self.tr("e.g. ISC2"))
        self.verify_how = self._line("verify_how", self.tr("where and how to look a holder up"))
        self.verify_url = self._line("verify_url", "https://…")
        self.identifier_label = self._line("identifier_label", self.tr("certificate number"))
        self.identifier_pattern = self._line(
            "identifier_pattern", self.tr("regular expression, e.g. [0-9]{4,10} (optional)")
        )
        self.identifier_pattern.textChanged.connect(self._check_pattern)
        self.validity_months = self._spin(
            "validity_months", 1, MAX_VALIDITY_MONTHS, self.tr(" months")
        )
        self.lifetime = self._check("lifetime", self.tr("Good for life"))
        self.lifetime.toggled.connect(lambda on: self.validity_months.setDisabled(on))
        self.soft_expiry = self._check(
            "soft_expiry",
            self.tr("Soft expiry: a lapsed holder stays on the register (“renew by”)"),
        )
        self.grace_months = self._spin("grace_months", NO_MONTHS, 120, self.tr(" months"))
        self.grace_months.setSpecialValueText(self.tr("none"))
        self.grace_months.setToolTip(
            self.tr(
                "After it lapses the holder may still renew for this long (PMI suspends "
                "for 12 months); the claim shows Renewal due, then Expired."
            )
        )
        self.earlier_before = self._line("earlier_before", self.tr("YYYY-MM-DD (optional)"))
        self.earlier_validity = self._spin(
            "earlier_validity_months", NO_MONTHS, MAX_VALIDITY_MONTHS, self.tr(" months")
        )
        self.earlier_validity.setSpecialValueText(self.tr("none"))
        self.renewal_routes = self._text("renewal_routes", self.tr("one way to renew per line"))
        self.reminder_days = self._spin(
            "reminder_days", 0, MAX_REMINDER_DAYS, self.tr(" days before it lapses")
        )
        self.with_degree = self._spin(
            "min_experience_months_with_degree", NO_MONTHS, 600, self.tr(" months")
        )
        self.without_degree = self._spin(
            "min_experience_months_without_degree", NO_MONTHS, 600, self.tr(" months")
        )
        for spin in (self.with_degree, self.without_degree):
            spin.setSpecialValueText(self.tr("none"))
        self.aliases = self._text("aliases", self.tr("other spellings, one per line"))
        self.retired = self._check(
            "retired", self.tr("Retired: takes no new claims; claims on file keep it")
        )

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self._row(form, self.tr("Code"), "code", self.code)
        self._row(form, self.tr("Name"), "name", self.name)
        self._row(form, self.tr("Issuer"), "issuer", self.issuer)
        self._row(form, self.tr("How to verify"), "verify_how", self.verify_how)
        self._row(form, self.tr("Verification URL"), "verify_url", self.verify_url)
        self._row(form, self.tr("Identifier label"), "identifier_label", self.identifier_label)
        self._row(
            form, self.tr("Identifier pattern"), "identifier_pattern", self.identifier_pattern
        )
        valid_for = self.tr("Valid for")
        self._row(form, valid_for, "validity_months", self.validity_months, self.lifetime)
        self._row(form, "", "soft_expiry", self.soft_expiry)
        self._row(form, self.tr("Renewable after lapse"), "grace_months", self.grace_months)
        self._row(
            form,
            self.tr("Earned before"),
            "earlier_before earlier_validity_months",
            self.earlier_before,
            QLabel(self.tr("valid for")),
            self.earlier_validity,
        )
        self._row(form, self.tr("Renewal routes"), "renewal_routes", self.renewal_routes)
        self._row(form, self.tr("Remind"), "reminder_days", self.reminder_days)
        self._row(
            form,
            self.tr("Experience needed"),
            "min_experience_months_with_degree min_experience_months_without_degree",
            QLabel(self.tr("with a four-year degree")),
            self.with_degree,
            QLabel(self.tr("without")),
            self.without_degree,
        )
        self._row(form, self.tr("Also known as"), "aliases", self.aliases)
        self._row(form, "", "retired", self.retired)

        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.revision)
        layout.addLayout(form)
        layout.addStretch(1)

    # --- state ----------------------------------------------------------------------------

    @property
    def is_dirty(self) -> bool:
        """Return True when the form holds edits not saved yet."""
        return self._dirty

    @property
    def is_new(self) -> bool:
        """Return True when the form describes a certification not in the catalogue yet."""
        return self._rule is None

    @property
    def code_shown(self) -> str:
        """Return the code of the rule being edited ('' for a new one)."""
        return self._rule.code if self._rule else ""

    def _mark_dirty(self, *_: object) -> None:
        if not self._loading and not self._dirty:
            self._dirty = True
            self.changed.emit()

    def _check_pattern(self, text: str) -> None:
        # Said while typing, so a bad pattern never waits for Save to be noticed.
        problem: str | None = None
        try:
            re.compile(text.strip())
        except re.error as exc:
            problem = self.tr("not a valid pattern: {e}").format(e=exc)
        show_error(self._errors["identifier_pattern"], problem)

    def set_rule(self, rule: CertificationRule | None, change: RuleChange | None) -> None:
        """Show a rule (None: a blank form for a new certification), with no edits pending."""
        self._loading = True
        self._rule = rule
        shown = rule or CertificationRule(
            code="",
            name="",
            issuer="",
            verify_how="",
            verify_url="",
            identifier_label="",
            identifier_pattern=None,
            validity_months=36,
            soft_expiry=False,
            renewal_routes=(),
        )
        self.code.setText(shown.code)
        self.code.setReadOnly(rule is not None)  # checks and claims point at the code
        self.name.setText(shown.name)
        self.issuer.setText(shown.issuer)
        self.verify_how.setText(shown.verify_how)
        self.verify_url.setText(shown.verify_url)
        self.identifier_label.setText(shown.identifier_label)
        self.identifier_pattern.setText(shown.identifier_pattern or "")
        self.lifetime.setChecked(shown.validity_months is None)
        self.validity_months.setValue(shown.validity_months or 36)
        self.validity_months.setDisabled(shown.validity_months is None)
        self.soft_expiry.setChecked(shown.soft_expiry)
        self.grace_months.setValue(_months(shown.grace_months))
        self.earlier_before.setText(
            shown.earlier_before.isoformat() if shown.earlier_before else ""
        )
        self.earlier_validity.setValue(_months(shown.earlier_validity_months))
        self.renewal_routes.setPlainText("\n".join(shown.renewal_routes))
        self.reminder_days.setValue(shown.reminder_days)
        self.with_degree.setValue(_months(shown.min_experience_months_with_degree))
        self.without_degree.setValue(_months(shown.min_experience_months_without_degree))
        self.aliases.setPlainText("\n".join(shown.aliases))
        self.retired.setChecked(shown.retired)
        self.heading.setText(f"{rule.code} — {rule.name}" if rule else self.tr("New certification"))
        self.revision.setText(self._revision_text(rule, change))
        self.show_errors({})
        self._dirty = False
        self._loading = False

    def _revision_text(self, rule: CertificationRule | None, change: RuleChange | None) -> str:
        if rule is None:
            return self.tr("Saved as revision 1 of a new certification.")
        if change is None or (change.revision == 1 and not change.changed_by):
            return self.tr("Revision {n}, as shipped with Workbench").format(n=rule.revision)
        return self.tr("Revision {n}, changed {day} by {name}").format(
            n=change.revision,
            day=f"{change.changed_at:%Y-%m-%d}",
            name=change.changed_by or self.tr("(unknown)"),
        )

    def rule(self) -> CertificationRule:
        """Return the rule as the form now describes it (not validated yet)."""
        return CertificationRule(
            code=self.code.text(),
            name=self.name.text(),
            issuer=self.issuer.text(),
            verify_how=self.verify_how.text(),
            verify_url=self.verify_url.text(),
            identifier_label=self.identifier_label.text(),
            identifier_pattern=self.identifier_pattern.text().strip() or None,
            validity_months=None if self.lifetime.isChecked() else self.validity_months.value(),
            soft_expiry=self.soft_expiry.isChecked(),
            grace_months=_optional(self.grace_months.value()),
            earlier_before=self._earlier_before(),
            earlier_validity_months=_optional(self.earlier_validity.value()),
            renewal_routes=_lines(self.renewal_routes),
            reminder_days=self.reminder_days.value(),
            min_experience_months_with_degree=_optional(self.with_degree.value()),
            min_experience_months_without_degree=_optional(self.without_degree.value()),
            aliases=_lines(self.aliases),
            revision=self._rule.revision if self._rule else 1,
            retired=self.retired.isChecked(),
        )

    def _earlier_before(self) -> date | None:
        """Return the typed cut-off date; text that is no date raises ValidationError."""
        text = self.earlier_before.text().strip()
        if not text:
            return None
        try:
            return date.fromisoformat(text)
        except ValueError:
            raise ValidationError(
                {"earlier_before": self.tr("write the date as YYYY-MM-DD")}
            ) from None

    def show_errors(self, errors: dict[str, str]) -> None:
        """Show each field's problem under it; fields not named are cleared."""
        for name, label in self._errors.items():
            show_error(label, errors.get(name))
        unplaced = [f"{k}: {v}" for k, v in errors.items() if k not in self._errors]
        if unplaced:
            show_error(self._errors["code"], "; ".join(unplaced))

    def error_text(self, name: str) -> str:
        """Return the problem shown under a field ('' when none)."""
        label = self._errors[name]
        return label.text() if not label.isHidden() else ""


def _months(value: int | None) -> int:
    return NO_MONTHS if value is None else value


def _optional(value: int) -> int | None:
    return None if value == NO_MONTHS else value
