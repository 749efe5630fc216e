"""The candidate editor's Profile tab: who the candidate is, their roles, pay and availability."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QDoubleValidator
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QWidget,
)

from workbench.domain.candidate import CandidateDraft, format_phone
from workbench.domain.roles import SALARY_BANDS_USD, Specialisation, level_for_years
from workbench.domain.vocabulary import CURRENCIES
from workbench.ui.editor_sections import field_row, show_error

# Top to bottom, as on the form: the first of them with a problem gets the focus.
PROFILE_FIELDS = (
    "first_name",
    "last_name",
    "email",
    "phone",
    "city",
    "country",
    "linkedin_url",
    "years_experience",
    "salary_expectation",
    "currency",
    "available_from",
    "summary",
    "recommendation",
)


class ProfileForm(QWidget):
    """One candidate's names, contact details, roles, experience, pay, availability and summary."""

    changed = Signal()
    fieldFinished = Signal(str)  # field name: the user left a field they may have edited

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._errors: dict[str, QLabel] = {}
        self._build()

    # --- building -------------------------------------------------------------------------

    def _line(self, name: str, placeholder: str = "") -> QLineEdit:
        edit = QLineEdit()
        edit.setObjectName(name)
        edit.setPlaceholderText(placeholder)
        edit.textEdited.connect(self.changed)
        edit.editingFinished.connect(lambda: self.fieldFinished.emit(name))
        return edit

    def _with_error(self, form: QFormLayout, label: str, name: str, widget: QWidget) -> None:
        field_row(form, label, self._errors, name, widget)

    def _build(self) -> None:
        form = QFormLayout(self)
        self.first_name = self._line("first_name")
        self.last_name = self._line("last_name")
        self.email = self._line("email", "name@example.com")
        self.phone = self._line("phone", "+44 20 7946 0958")
        self.city = self._line("city")
        self.country = self._line("country", "e.g. United Kingdom")
        self.linkedin_url = self._line("linkedin_url", "https://www.linkedin.com/in/…")
        self.primary_role = QComboBox()
        self.primary_role.addItem(self.tr("(not set)"), None)
        for role in Specialisation:
            self.primary_role.addItem(role.label, role)
        self.primary_role.currentIndexChanged.connect(self.changed)
        self.other_roles = QListWidget()
        self.other_roles.setMaximumHeight(110)
        for role in Specialisation:
            item = QListWidgetItem(role.label)
            item.setData(Qt.ItemDataRole.UserRole, role)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.other_roles.addItem(item)
        self.other_roles.itemChanged.connect(self.changed)
        self.years_experience = self._line("years_experience", "e.g. 6.5")
        self.years_experience.setValidator(QDoubleValidator(0.0, 60.0, 1))
        self.years_experience.textEdited.connect(self._update_level)
        self.level = QLabel()
        self.salary_expectation = self._line("salary_expectation", "e.g. 110000")
        self.currency = QComboBox()
        self.currency.setEditable(True)
        self.currency.addItems(CURRENCIES)
        self.currency.currentTextChanged.connect(self.changed)
        salary_row = QHBoxLayout()
        salary_row.addWidget(self.salary_expectation, 1)
        salary_row.addWidget(self.currency)
        salary_widget = QWidget()
        salary_widget.setLayout(salary_row)
        salary_row.setContentsMargins(0, 0, 0, 0)
        self.available_from = self._line("available_from", "YYYY-MM-DD (blank: unknown)")
        self.security_clearance = self._line("security_clearance", "e.g. SC, NV1, Secret")
        self.source = self._line("source", "e.g. referral, LinkedIn, job board")
        self.summary = QPlainTextEdit()
        self.summary.setObjectName("summary")
        self.summary.setMinimumHeight(120)
        self.summary.textChanged.connect(self.changed)
        self.recommendation = QPlainTextEdit()
        self.recommendation.setObjectName("recommendation")
        self.recommendation.setMinimumHeight(80)
        self.recommendation.setPlaceholderText(
            self.tr("Why you recommend this candidate; printed on client profiles")
        )
        self.recommendation.textChanged.connect(self.changed)

        self._with_error(form, self.tr("First name *"), "first_name", self.first_name)
        self._with_error(form, self.tr("Last name *"), "last_name", self.last_name)
        self._with_error(form, self.tr("Email *"), "email", self.email)
        self._with_error(form, self.tr("Phone"), "phone", self.phone)
        self._with_error(form, self.tr("City"), "city", self.city)
        self._with_error(form, self.tr("Country"), "country", self.country)
        self._with_error(form, self.tr("LinkedIn"), "linkedin_url", self.linkedin_url)
        form.addRow(self.tr("Primary role"), self.primary_role)
        form.addRow(self.tr("Other roles"), self.other_roles)
        self._with_error(
            form, self.tr("Years of experience"), "years_experience", self.years_experience
        )
        form.addRow(self.tr("Level"), self.level)
        self._with_error(form, self.tr("Salary expectation"), "salary_expectation", salary_widget)
        self._errors["currency"] = self._errors["salary_expectation"]
        self._with_error(form, self.tr("Available from"), "available_from", self.available_from)
        form.addRow(self.tr("Security clearance"), self.security_clearance)
        form.addRow(self.tr("Source"), self.source)
        self._with_error(form, self.tr("Summary"), "summary", self.summary)
        self._with_error(
            form, self.tr("Your recommendation"), "recommendation", self.recommendation
        )

    # --- showing a draft and its problems -------------------------------------------------

    def set_draft(self, d: CandidateDraft) -> None:
        """Show a draft's profile fields, with no problems shown."""
        for edit, value in (
            (self.first_name, d.first_name),
            (self.last_name, d.last_name),
            (self.email, d.email),
            (self.phone, format_phone(d.phone)),
            (self.city, d.city),
            (self.country, d.country),
            (self.linkedin_url, d.linkedin_url),
            (
                self.years_experience,
                "" if d.years_experience is None else f"{d.years_experience:g}",
            ),
            (
                self.salary_expectation,
                "" if d.salary_expectation is None else f"{d.salary_expectation:,}",
            ),
            (self.available_from, d.available_from.isoformat() if d.available_from else ""),
            (self.security_clearance, d.security_clearance),
            (self.source, d.source),
        ):
            edit.setText(value)
        self.currency.setCurrentText(d.currency)
        self.primary_role.setCurrentIndex(self.primary_role.findData(d.primary_role))
        for i in range(self.other_roles.count()):
            item = self.other_roles.item(i)
            role = item.data(Qt.ItemDataRole.UserRole)
            item.setCheckState(
                Qt.CheckState.Checked if role in d.other_roles else Qt.CheckState.Unchecked
            )
        self.summary.setPlainText(d.summary)
        self.recommendation.setPlainText(d.recommendation)
        for label in self._errors.values():
            show_error(label, None)
        self._update_level()

    def _update_level(self, *_: object) -> None:
        years = self._parse_years()
        if years is None:
            self.level.setText(self.tr("— (set years of experience)"))
            return
        level = level_for_years(years)
        band = SALARY_BANDS_USD[level]
        plus = "+" if band.open_ended else ""
        self.level.setText(f"{level.label} · guide's US band ${band.lower:,}–${band.upper:,}{plus}")

    def show_problems(self, problems: Mapping[str, str], visible: Callable[[str], bool]) -> None:
        """Show each field's problem under it, for the fields that may show theirs yet."""
        for name, label in self._errors.items():
            shown = visible(name)
            message = problems.get(name) if shown else None
            # Salary and currency share one error line: the salary's own problem comes first.
            if name == "salary_expectation" and shown and not message:
                message = problems.get("currency")
            show_error(label, message)

    def first_problem(self, problems: Mapping[str, str]) -> QWidget | None:
        """Return the topmost field that has a problem, None when none has."""
        for name in PROFILE_FIELDS:
            if name in problems:
                widget: QWidget = getattr(self, name)
                return widget
        return None

    # --- reading the form -----------------------------------------------------------------

    def _parse_years(self) -> float | None:
        text = self.years_experience.text().strip().replace(",", ".")
        try:
            return float(text) if text else None
        except ValueError:
            return None

    def draft(self) -> tuple[CandidateDraft, dict[str, str]]:
        """Return the profile fields as a draft (its lists left empty) and what cannot be read."""
        problems: dict[str, str] = {}
        years_text = self.years_experience.text().strip().replace(",", ".")
        years = self._parse_years()
        if years_text and years is None:
            problems["years_experience"] = self.tr("must be a number of years, e.g. 6.5")
        salary_text = re.sub(r"[\s,_]", "", self.salary_expectation.text())
        salary = None
        if salary_text:
            if re.fullmatch(r"[0-9]{1,12}", salary_text):
                salary = int(salary_text)
            else:
                problems["salary_expectation"] = self.tr("must be a whole amount, e.g. 110000")
        available = None
        if self.available_from.text().strip():
            try:
                available = date.fromisoformat(self.available_from.text().strip())
            except ValueError:
                problems["available_from"] = self.tr("must be a date like 2026-12-01")
        other_roles = tuple(
            self.other_roles.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(self.other_roles.count())
            if self.other_roles.item(i).checkState() == Qt.CheckState.Checked
        )
        draft = CandidateDraft(
            first_name=self.first_name.text(),
            last_name=self.last_name.text(),
            email=self.email.text(),
            phone=self.phone.text(),
            city=self.city.text(),
            country=self.country.text(),
            linkedin_url=self.linkedin_url.text(),
            primary_role=self.primary_role.currentData(),
            other_roles=other_roles,
            years_experience=years,
            salary_expectation=salary,
            currency=self.currency.currentText(),
            available_from=available,
            security_clearance=self.security_clearance.text(),
            summary=self.summary.toPlainText(),
            source=self.source.text(),
            recommendation=self.recommendation.toPlainText(),
        )
        return draft, problems
