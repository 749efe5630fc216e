"""The job order dialog: what the client wants, on what terms, and how many people."""

from __future__ import annotations

import re

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from workbench.domain.certifications import CertificationRule
from workbench.domain.clients import (
    MAX_MONEY,
    MAX_OPENINGS,
    Client,
    Employment,
    JobOrder,
    JobOrderDraft,
    JobStatus,
)
from workbench.domain.roles import Level, Specialisation
from workbench.domain.vetting import METHODOLOGIES, TOOLS
from workbench.domain.vocabulary import CURRENCIES, INDUSTRIES
from workbench.services import catalogue
from workbench.services import clients as client_service
from workbench.services import jobs as job_service
from workbench.store.engine import Database
from workbench.ui.claim_dialog import OptionalDateEdit
from workbench.ui.client_dialog import select_data, vocabulary_combo
from workbench.ui.editor_sections import error_label, field_row, saved_in_dialog, shown_error

CODE_ROLE = Qt.ItemDataRole.UserRole
SHORT_CODE = 7  # letters in an acronym worth showing beside the name (PMI-ACP)
LONGEST_TEXT = 44  # characters that fit in a list at the dialog's narrowest


def certification_text(rule: CertificationRule) -> str:
    """Return the certification's name, with its acronym when the name does not spell it."""
    code = re.sub(r"[^a-z0-9]", "", rule.code.casefold())
    name = re.sub(r"[^a-z0-9]", "", rule.name.casefold())
    # "PMP" and "CSM" are what consultants say; a long code is only the catalogue's key, and
    # a long name with its code would not fit beside the other list.
    text = f"{rule.name} ({rule.code})"
    if code in name or len(rule.code) > SHORT_CODE or len(text) > LONGEST_TEXT:
        return rule.name
    return text


class CertificationList(QListWidget):
    """The catalogue's certifications as a list of tick boxes."""

    def __init__(self, rules: list[CertificationRule], parent: QWidget | None = None) -> None:
        """List the certifications, none ticked."""
        super().__init__(parent)
        for rule in rules:
            item = QListWidgetItem(certification_text(rule))
            item.setData(CODE_ROLE, rule.code)
            item.setToolTip(f"{rule.name} ({rule.code}, {rule.issuer})")
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.addItem(item)
        self.setMinimumHeight(150)  # the seven standard certifications without scrolling
        # Every name shown whole: the dialog widens rather than cut "… – Associate" off.
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setMinimumWidth(self.sizeHintForColumn(0) + 2 * self.frameWidth() + 8)

    def _items(self) -> list[QListWidgetItem]:
        """Return every item in the list."""
        return [item for i in range(self.count()) if (item := self.item(i)) is not None]

    def codes(self) -> tuple[str, ...]:
        """Return the ticked codes, in catalogue order."""
        return tuple(
            str(item.data(CODE_ROLE))
            for item in self._items()
            if item.checkState() == Qt.CheckState.Checked
        )

    def set_codes(self, codes: tuple[str, ...]) -> None:
        """Tick exactly these codes."""
        for item in self._items():
            checked = item.data(CODE_ROLE) in codes
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)

    def untick(self, code: str) -> None:
        """Untick one code (it was ticked in the other list)."""
        for item in self._items():
            if item.data(CODE_ROLE) == code:
                item.setCheckState(Qt.CheckState.Unchecked)


class ChecklistBox(QGroupBox):
    """A group of tick boxes over a fixed vocabulary; stored values outside it are kept."""

    def __init__(self, title: str, names: tuple[str, ...], columns: int = 3) -> None:
        """Lay out the tick boxes in a grid of `columns`."""
        super().__init__(title)
        grid = QGridLayout(self)
        self.boxes: dict[str, QCheckBox] = {}
        for i, name in enumerate(names):
            check = QCheckBox(name.replace("&", "&&"))  # "Monday.com" or "R&D" is no shortcut
            self.boxes[name] = check
            grid.addWidget(check, i // columns, i % columns)
        self._extra: tuple[str, ...] = ()

    def values(self) -> tuple[str, ...]:
        """Return the ticked names, then any stored ones the checklist does not show."""
        return (*(n for n, c in self.boxes.items() if c.isChecked()), *self._extra)

    def set_values(self, values: tuple[str, ...]) -> None:
        """Tick these names; keep the others (from the command line) as they were."""
        for name, check in self.boxes.items():
            check.setChecked(name in values)
        self._extra = tuple(v for v in values if v not in self.boxes)


class JobEditor(QDialog):
    """Add a job order or edit one; each refusal is shown under its field and nothing is lost."""

    def __init__(
        self,
        database: Database,
        client: Client | None = None,
        job: JobOrder | None = None,
        parent: QWidget | None = None,
    ) -> None:
        """Build the form for a client's new job order, or filled from a stored one."""
        super().__init__(parent)
        self._database = database
        self._job = job
        self.saved_job: JobOrder | None = None
        self._errors: dict[str, QLabel] = {}
        self.setObjectName("jobEditor")
        self.setWindowTitle(
            self.tr("Edit job order {reference}").format(reference=job.reference)
            if job
            else self.tr("New job order")
        )
        # No fixed minimum size: the layout's own minimum grows with an error message, and the
        # dialog with it (a minimum set here would stop that and squeeze the lists instead).
        rules = catalogue.certification_rules(database)
        wanted = (job.draft.required_certifications + job.draft.nice_certifications) if job else ()
        # Retired certifications are offered only where this job already asks for one.
        self._rules = [r for r in rules if not r.retired or r.code in wanted]
        fixed = client_service.get_client(database, job.draft.client_id) if job else client
        self._clients = [fixed] if fixed else client_service.clients(database)
        self._build()
        self.client.setEnabled(fixed is None)
        self._client_chosen()
        if job is not None:
            self._show(job.draft)
        self._employment_chosen()

    # --- layout ---------------------------------------------------------------------------

    def _build(self) -> None:
        """Lay out the two columns over the error line and buttons."""
        layout = QVBoxLayout(self)
        columns = QHBoxLayout()
        columns.setSpacing(18)
        columns.addLayout(self._build_terms(), 4)
        columns.addLayout(self._build_skills(), 7)
        layout.addLayout(columns, 1)
        self.general_error = error_label()
        self.general_error.setObjectName("generalError")
        layout.addWidget(self.general_error)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

    def _build_terms(self) -> QFormLayout:
        """Lay out the left column: who, what role, where, on what terms, when."""
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        errors = self._errors
        self.client = QComboBox()
        for client in self._clients:
            self.client.addItem(client.name, client.id)
        self.client.currentIndexChanged.connect(self._client_chosen)
        self.contact = QComboBox()
        self.title = QLineEdit()
        self.title.setObjectName("jobTitle")
        self.title.setPlaceholderText(self.tr("e.g. Senior Agile Project Manager"))
        self.specialisation = QComboBox()
        self.specialisation.addItem(self.tr("any"), None)
        for role in Specialisation:
            self.specialisation.addItem(self.tr(role.label), role)
        self.level = QComboBox()
        self.level.addItem(self.tr("any"), None)
        for level in Level:
            self.level.addItem(self.tr(level.label), level)
        self.industry = vocabulary_combo(INDUSTRIES, self.tr("any"))
        self.location = QLineEdit()
        self.location.setPlaceholderText(self.tr("city, country"))
        self.remote = QCheckBox(self.tr("Remote"))
        self.permanent = QRadioButton(self.tr("Permanent"))
        self.contract = QRadioButton(self.tr("Contract"))
        self.employment = QButtonGroup(self)
        self.employment.addButton(self.permanent)
        self.employment.addButton(self.contract)
        self.permanent.setChecked(True)
        self.permanent.toggled.connect(self._employment_chosen)
        self.budget = QSpinBox()
        self.budget.setObjectName("jobBudget")
        self.budget.setRange(0, MAX_MONEY)
        self.budget.setSpecialValueText(self.tr("not set"))  # 0 stands for no budget given
        self.budget.setGroupSeparatorShown(True)
        self.budget.setMinimumWidth(130)
        self.currency = QComboBox()
        self.currency.addItems(CURRENCIES)
        self.start_date = OptionalDateEdit(self.tr("Set"))
        self.end_date = OptionalDateEdit(self.tr("Set"))
        self.openings = QSpinBox()
        self.openings.setRange(1, MAX_OPENINGS)
        self.status = QComboBox()
        for status in JobStatus:
            self.status.addItem(self.tr(status.label), status)

        field_row(form, self.tr("Client"), errors, "client_id", self.client)
        field_row(form, self.tr("Contact"), errors, "contact_id", self.contact)
        field_row(form, self.tr("Title"), errors, "title", self.title)
        field_row(form, self.tr("Specialisation"), errors, "specialisation", self.specialisation)
        field_row(form, self.tr("Level"), errors, "level", self.level, stretch=True)
        field_row(form, self.tr("Industry"), errors, "industry", self.industry)
        field_row(form, self.tr("Location"), errors, "location", self.location, self.remote)
        field_row(
            form,
            self.tr("Employment"),
            errors,
            "employment",
            self.permanent,
            self.contract,
            stretch=True,
        )
        budget_row = form.rowCount()
        field_row(
            form,
            self.tr("Salary budget (a year)"),
            errors,
            "budget currency",
            self.budget,
            self.currency,
            stretch=True,
        )
        # The form made the label from text; keep it to rename when the employment changes.
        item = form.itemAt(budget_row, QFormLayout.ItemRole.LabelRole)
        label = item.widget() if item is not None else None
        self.budget_label = label if isinstance(label, QLabel) else QLabel()
        self.budget_label.setObjectName("budgetLabel")
        field_row(form, self.tr("Start date"), errors, "start_date", self.start_date)
        field_row(form, self.tr("End date"), errors, "end_date", self.end_date)
        field_row(form, self.tr("Openings"), errors, "openings", self.openings, stretch=True)
        field_row(form, self.tr("Status"), errors, "status", self.status, stretch=True)
        # A wrapped error in a form row gets one line's height and is cut off; unwrapped, the
        # column widens to fit it instead.
        for label in errors.values():
            label.setWordWrap(False)
        return form

    def _build_skills(self) -> QVBoxLayout:
        """Lay out the right column: certifications, methodologies, tools and notes."""
        column = QVBoxLayout()
        certificates = QGroupBox(self.tr("Certifications"))
        grid = QGridLayout(certificates)
        self.required = CertificationList(self._rules)
        self.required.setObjectName("requiredCertifications")
        self.nice = CertificationList(self._rules)
        self.nice.setObjectName("niceCertifications")
        for position, (title, listing, name) in enumerate(
            (
                (self.tr("Required"), self.required, "required_certifications"),
                (self.tr("Nice to have"), self.nice, "nice_certifications"),
            )
        ):
            grid.addWidget(QLabel(title), 0, position)
            grid.addWidget(listing, 1, position)
            error = error_label()
            error.setObjectName(f"error_{name}")
            self._errors[name] = error
            grid.addWidget(error, 2, position)
        # A certification is either required or nice to have: ticking one side unticks the other.
        self.required.itemChanged.connect(lambda item: self._exclusive(item, self.nice))
        self.nice.itemChanged.connect(lambda item: self._exclusive(item, self.required))
        column.addWidget(certificates, 1)
        self.methodologies = ChecklistBox(self.tr("Methodologies"), METHODOLOGIES, 5)
        self.tools = ChecklistBox(self.tr("Tools"), TOOLS, 3)
        column.addWidget(self.methodologies)
        column.addWidget(self.tools)
        notes_box = QGroupBox(self.tr("Notes"))
        notes_layout = QVBoxLayout(notes_box)
        self.notes = QPlainTextEdit()
        self.notes.setPlaceholderText(self.tr("what the client stressed, interview steps, …"))
        self.notes.setMinimumHeight(80)
        notes_layout.addWidget(self.notes)
        notes_error = error_label()
        notes_error.setObjectName("error_notes")
        self._errors["notes"] = notes_error
        notes_layout.addWidget(notes_error)
        column.addWidget(notes_box, 1)
        return column

    # --- reactions ------------------------------------------------------------------------

    def _exclusive(self, item: QListWidgetItem, other: CertificationList) -> None:
        """Untick in the other list a certification just ticked in this one."""
        if item.checkState() == Qt.CheckState.Checked:
            other.untick(str(item.data(CODE_ROLE)))

    def _client_chosen(self) -> None:
        """Offer the chosen client's contacts, keeping the one picked when it is still there."""
        previous = self.contact.currentData()
        self.contact.clear()
        self.contact.addItem(self.tr("— none —"), None)
        client = self.chosen_client()
        for contact in client.contacts if client else ():
            text = contact.draft.name
            if contact.draft.title:
                text = f"{text} ({contact.draft.title})"
            self.contact.addItem(text, contact.id)
        select_data(self.contact, previous)

    def _employment_chosen(self) -> None:
        """Name the budget for what it is: a year's salary, or a day rate for a contract."""
        if self.contract.isChecked():
            self.budget_label.setText(self.tr("Day rate"))
        else:
            self.budget_label.setText(self.tr("Salary budget (a year)"))

    def chosen_client(self) -> Client | None:
        """Return the client the job order is for."""
        index = self.client.currentIndex()
        return self._clients[index] if 0 <= index < len(self._clients) else None

    # --- values ---------------------------------------------------------------------------

    def _show(self, draft: JobOrderDraft) -> None:
        """Fill the form from a stored job order."""
        select_data(self.contact, draft.contact_id)
        self.title.setText(draft.title)
        select_data(self.specialisation, draft.specialisation)
        select_data(self.level, draft.level)
        self.required.set_codes(draft.required_certifications)
        self.nice.set_codes(draft.nice_certifications)
        self.methodologies.set_values(draft.methodologies)
        self.tools.set_values(draft.tools)
        select_data(self.industry, draft.industry)
        self.location.setText(draft.location)
        self.remote.setChecked(draft.remote)
        self.contract.setChecked(draft.employment is Employment.CONTRACT)
        self.permanent.setChecked(draft.employment is Employment.PERMANENT)
        self.budget.setValue(draft.budget or 0)
        self.currency.setCurrentText(draft.currency)
        self.start_date.set_value(draft.start_date)
        self.end_date.set_value(draft.end_date)
        self.openings.setValue(draft.openings)
        select_data(self.status, draft.status)
        self.notes.setPlainText(draft.notes)

    def draft(self) -> JobOrderDraft:
        """Return the job order as typed."""
        client = self.chosen_client()
        contact = self.contact.currentData()
        specialisation = self.specialisation.currentData()
        level = self.level.currentData()
        status = self.status.currentData()
        return JobOrderDraft(
            client_id=client.id if client else 0,
            title=self.title.text(),
            contact_id=contact if isinstance(contact, int) else None,
            specialisation=specialisation if isinstance(specialisation, Specialisation) else None,
            level=level if isinstance(level, Level) else None,
            required_certifications=self.required.codes(),
            nice_certifications=self.nice.codes(),
            methodologies=self.methodologies.values(),
            tools=self.tools.values(),
            industry=str(self.industry.currentData() or ""),
            location=self.location.text(),
            remote=self.remote.isChecked(),
            employment=Employment.CONTRACT if self.contract.isChecked() else Employment.PERMANENT,
            budget=self.budget.value() or None,
            currency=self.currency.currentText(),
            start_date=self.start_date.value(),
            end_date=self.end_date.value(),
            openings=self.openings.value(),
            status=status if isinstance(status, JobStatus) else JobStatus.OPEN,
            notes=self.notes.toPlainText(),
        )

    def save(self) -> bool:
        """Save the job order; on a refusal show why here and stay open. True if saved."""
        saved = saved_in_dialog(self, self._errors, self.general_error, self._store)
        if saved is None:
            return False
        self.saved_job = saved
        self.accept()
        return True

    def _store(self) -> JobOrder:
        """Add or update through the service; its refusals are shown by the caller."""
        job = self._job
        return job_service.save_job(
            self._database, job.id if job else None, self.draft(), job.version if job else None
        )

    def error_text(self, name: str) -> str:
        """Return the error shown under a field ('' when none), for callers and tests."""
        return shown_error(self._errors, self.general_error, name, self)


__all__ = ["CertificationList", "ChecklistBox", "JobEditor"]
