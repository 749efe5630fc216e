"""The dialog that adds a client company or edits one, with the people the agency deals with."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from workbench.domain.clients import Client, ClientDraft, ContactDraft
from workbench.domain.errors import ValidationError
from workbench.domain.vocabulary import INDUSTRIES, WORK_ENVIRONMENTS
from workbench.services import clients as client_service
from workbench.store.engine import Database
from workbench.ui.editor_sections import (
    error_label,
    field_row,
    saved_in_dialog,
    show_error,
    shown_error,
)

CONTACT_FIELDS = ("name", "title", "email", "phone")
CONTACT_TITLES = ("Name", "Job title", "Email", "Phone")
ID_ROLE = Qt.ItemDataRole.UserRole  # a stored contact's id on its name cell
BAD_CELL = QColor("#fde7ea")


def vocabulary_combo(values: tuple[str, ...], none_text: str) -> QComboBox:
    """Return a combo of fixed values after a 'none' entry whose data is ''."""
    combo = QComboBox()
    combo.addItem(none_text, "")
    for value in values:
        combo.addItem(value, value)
    return combo


def select_data(combo: QComboBox, value: object) -> None:
    """Choose the entry holding a value; the first entry when none does."""
    combo.setCurrentIndex(max(combo.findData(value), 0))


class ContactsTable(QWidget):
    """The client's contacts as a small editable table, with Add and Remove."""

    def __init__(self, parent: QWidget | None = None) -> None:
        """Build the table with its buttons and error line."""
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.table = QTableWidget(0, len(CONTACT_FIELDS))
        self.table.setObjectName("contactsTable")
        self.table.setHorizontalHeaderLabels([self.tr(t) for t in CONTACT_TITLES])
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        for column, width in enumerate((160, 150, 0, 150)):
            if width:
                self.table.setColumnWidth(column, width)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)  # emails run longest
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setMinimumHeight(150)
        layout.addWidget(self.table)
        self.error = error_label()
        self.error.setObjectName("error_contacts")
        layout.addWidget(self.error)
        buttons = QHBoxLayout()
        self.add_button = QPushButton(self.tr("Add contact"))
        self.remove_button = QPushButton(self.tr("Remove contact"))
        self.add_button.clicked.connect(lambda: self.add_contact())
        self.remove_button.clicked.connect(self.remove_selected)
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self._rows_sent: list[int] = []  # table row of each contact in the last save

    def add_contact(self, draft: ContactDraft | None = None, contact_id: int | None = None) -> int:
        """Append a row (a stored contact's, or a blank one to type in); return its number."""
        row = self.table.rowCount()
        self.table.insertRow(row)
        values = (draft.name, draft.title, draft.email, draft.phone) if draft else ("",) * 4
        for column, text in enumerate(values):
            self.table.setItem(row, column, QTableWidgetItem(text))
        name_item = self.table.item(row, 0)
        if name_item is not None:
            name_item.setData(ID_ROLE, contact_id)
        if draft is None:
            self.table.setCurrentCell(row, 0)
        return row

    def set_cell(self, row: int, field: str, text: str) -> None:
        """Type a value into a contact's cell (keeps the row's stored id)."""
        item = self.table.item(row, CONTACT_FIELDS.index(field))
        if item is not None:
            item.setText(text)

    def remove_selected(self) -> None:
        """Remove the selected contacts (job orders naming one keep no contact once saved)."""
        rows = sorted({i.row() for i in self.table.selectedIndexes()}, reverse=True)
        for row in rows:
            self.table.removeRow(row)

    def _cell(self, row: int, column: int) -> str:
        """Return a cell's text, trimmed."""
        item = self.table.item(row, column)
        return item.text().strip() if item is not None else ""

    def contacts(self) -> list[tuple[int | None, ContactDraft]]:
        """Return the contacts typed, skipping blank rows, and remember which row each came from."""
        result: list[tuple[int | None, ContactDraft]] = []
        self._rows_sent = []
        for row in range(self.table.rowCount()):
            values = [self._cell(row, c) for c in range(len(CONTACT_FIELDS))]
            if not any(values):
                continue  # a row added and left empty is not a contact
            name_item = self.table.item(row, 0)
            stored = name_item.data(ID_ROLE) if name_item is not None else None
            result.append((stored if isinstance(stored, int) else None, ContactDraft(*values)))
            self._rows_sent.append(row)
        return result

    def clear_errors(self) -> None:
        """Take the marks off every cell and hide the error line."""
        for row in range(self.table.rowCount()):
            for column in range(len(CONTACT_FIELDS)):
                item = self.table.item(row, column)
                if item is not None:
                    item.setBackground(QBrush())
                    item.setToolTip("")
        show_error(self.error, None)

    def show_errors(self, errors: dict[str, str]) -> None:
        """Mark each bad cell and list what is wrong, by the row number the consultant sees."""
        lines = []
        for key, message in errors.items():
            _, index, field = key.split(".", 2)
            row = self._rows_sent[int(index)] if int(index) < len(self._rows_sent) else -1
            column = CONTACT_FIELDS.index(field) if field in CONTACT_FIELDS else 0
            item = self.table.item(row, column) if row >= 0 else None
            if item is not None:
                item.setBackground(QBrush(BAD_CELL))
                item.setToolTip(message)
            label = self.tr(CONTACT_TITLES[column]).lower()
            lines.append(
                self.tr("Contact {n}, {field}: {message}").format(
                    n=row + 1, field=label, message=message
                )
            )
        show_error(self.error, "\n".join(lines))


class ClientDialog(QDialog):
    """Add a client or edit one with its contacts; refusals are shown in the dialog."""

    def __init__(
        self, database: Database, client: Client | None = None, parent: QWidget | None = None
    ) -> None:
        """Build the form, filled from a client or for a new one."""
        super().__init__(parent)
        self._database = database
        self._client = client
        self.saved_client: Client | None = None
        self._errors: dict[str, QLabel] = {}
        self.setObjectName("clientDialog")
        self.setWindowTitle(
            self.tr("Edit client — {name}").format(name=client.name)
            if client
            else self.tr("New client")
        )
        self.setMinimumWidth(780)
        self._build()
        if client is not None:
            self._show(client)

    def _build(self) -> None:
        """Lay out the company's fields over its contacts."""
        layout = QVBoxLayout(self)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.name = QLineEdit()
        self.name.setObjectName("clientName")
        self.name.setPlaceholderText(self.tr("the company's name, e.g. Northwind Bank"))
        self.industry = vocabulary_combo(INDUSTRIES, self.tr("— not set —"))
        self.work_environment = vocabulary_combo(WORK_ENVIRONMENTS, self.tr("— not set —"))
        self.notes = QPlainTextEdit()
        self.notes.setFixedHeight(80)
        field_row(form, self.tr("Name"), self._errors, "name", self.name)
        field_row(form, self.tr("Industry"), self._errors, "industry", self.industry, stretch=True)
        field_row(
            form,
            self.tr("Work environment"),
            self._errors,
            "work_environment",
            self.work_environment,
            stretch=True,
        )
        field_row(form, self.tr("Notes"), self._errors, "notes", self.notes)
        layout.addLayout(form)
        box = QGroupBox(self.tr("Contacts"))
        box_layout = QVBoxLayout(box)
        self.contacts = ContactsTable()
        box_layout.addWidget(self.contacts)
        layout.addWidget(box, 1)
        self.general_error = error_label()
        self.general_error.setObjectName("generalError")
        layout.addWidget(self.general_error)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

    def _show(self, client: Client) -> None:
        """Fill the form from a stored client."""
        self.name.setText(client.draft.name)
        select_data(self.industry, client.draft.industry)
        select_data(self.work_environment, client.draft.work_environment)
        self.notes.setPlainText(client.draft.notes)
        for contact in client.contacts:
            self.contacts.add_contact(contact.draft, contact.id)

    def draft(self) -> ClientDraft:
        """Return the client as typed."""
        return ClientDraft(
            name=self.name.text(),
            industry=str(self.industry.currentData() or ""),
            work_environment=str(self.work_environment.currentData() or ""),
            notes=self.notes.toPlainText(),
        )

    def save(self) -> bool:
        """Save the client; on a refusal show why here and stay open. True if saved."""
        self.contacts.clear_errors()
        saved = saved_in_dialog(self, self._errors, self.general_error, self._store)
        if saved is None:
            return False
        self.saved_client = saved
        self.accept()
        return True

    def _store(self) -> Client:
        """Save through the service; contact errors are marked on their rows first."""
        contacts = self.contacts.contacts()
        try:
            return client_service.save_client(
                self._database,
                self._client.id if self._client else None,
                self.draft(),
                contacts,
                self._client.version if self._client else None,
            )
        except ValidationError as exc:
            rows = {k: v for k, v in exc.errors.items() if k.startswith("contacts.")}
            self.contacts.show_errors(rows)
            others = {k: v for k, v in exc.errors.items() if k not in rows}
            if others:
                raise ValidationError(others) from None
            raise ValidationError({}) from None  # refused: the rows say why

    def error_text(self, name: str) -> str:
        """Return the error shown under a field ('contacts' for the rows), '' when none."""
        if name == "contacts":
            return self.contacts.error.text() if self.contacts.error.isVisibleTo(self) else ""
        return shown_error(self._errors, self.general_error, name, self)


__all__ = ["ClientDialog", "ContactsTable", "select_data", "vocabulary_combo"]
