"""The candidate's Data protection tab: lawful basis, source, and consents to clients."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from workbench.domain.consent import ClientConsent, Consent, DataProtection, standing
from workbench.domain.errors import WorkbenchError
from workbench.services import consents
from workbench.services.claims import today
from workbench.store.engine import Database
from workbench.ui.consent_dialogs import ClientConsentDialog, DataProtectionDialog
from workbench.ui.errors import show_error
from workbench.ui.row_table import RowTableModel, row_table_view

MISSING_COLOUR = QColor("#a4262c")
HOLDS_COLOUR = QColor("#107c10")


def consent_state(consent: Consent | None, day: date) -> str:
    """Return how a consent stands on a day, as the tab and the submit dialog say it."""
    return standing(consent, day) or "holds"


class ClientConsentModel(RowTableModel[ClientConsent]):
    """A candidate's consents to clients, one row per client."""

    columns = ("Client", "Given on", "Obtained", "Lapses on", "Withdrawn on", "Today")

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> Any:
        """Return each cell's text; today's standing is coloured."""
        held = self.row_at(index.row())
        if held is None:
            return None
        consent = held.consent
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                held.client_name,
                consent.given_on.isoformat(),
                consent.how,
                consent.expires_on.isoformat() if consent.expires_on else "",
                consent.withdrawn_on.isoformat() if consent.withdrawn_on else "",
                self.tr(consent_state(consent, today())),
            )[index.column()]
        if role == Qt.ItemDataRole.ForegroundRole and index.column() == 5:
            return HOLDS_COLOUR if not consent.problem_on(today()) else MISSING_COLOUR
        return None


class ConsentTab(QWidget):
    """Show and record what lets the agency hold the candidate's data and put them forward."""

    changed = Signal()  # something was recorded: the history tab shows it

    def __init__(self, database: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._database = database
        self._candidate_id: int | None = None
        self.protection = DataProtection()
        layout = QVBoxLayout(self)
        basis_box = QGroupBox(self.tr("Lawful basis and consent to be represented"))
        form = QFormLayout(basis_box)
        self.basis = QLabel()
        self.basis.setObjectName("consentBasis")
        self.source = QLabel()
        self.source.setObjectName("consentSource")
        self.source.setTextFormat(Qt.TextFormat.PlainText)
        self.represented = QLabel()
        self.represented.setObjectName("consentRepresented")
        self.represented.setTextFormat(Qt.TextFormat.PlainText)
        self.represented.setWordWrap(True)
        self.note = QLabel()
        self.note.setObjectName("consentNote")
        self.note.setTextFormat(Qt.TextFormat.PlainText)
        self.note.setWordWrap(True)
        form.addRow(self.tr("Lawful basis:"), self.basis)
        form.addRow(self.tr("Source of the data:"), self.source)
        form.addRow(self.tr("Consent to be represented:"), self.represented)
        form.addRow(self.tr("Note:"), self.note)
        self.edit_button = QPushButton(self.tr("Edit…"))
        self.edit_button.setObjectName("editDataProtection")
        self.edit_button.clicked.connect(self.edit)
        edit_row = QHBoxLayout()
        edit_row.addWidget(self.edit_button)
        edit_row.addStretch(1)
        form.addRow("", edit_row)
        layout.addWidget(basis_box)

        clients_box = QGroupBox(self.tr("Consent to be sent to clients"))
        box_layout = QVBoxLayout(clients_box)
        hint = QLabel(
            self.tr(
                "A profile goes to a client only with the candidate's consent to be "
                "represented and to be sent to that client; no override lifts this."
            )
        )
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #555;")
        box_layout.addWidget(hint)
        self.model = ClientConsentModel(self)
        self.table = row_table_view("clientConsents", self.model, widths=(170, 85, 140, 85, 95))
        box_layout.addWidget(self.table, 1)
        buttons = QHBoxLayout()
        self.record_button = QPushButton(self.tr("Record consent…"))
        self.record_button.setObjectName("recordClientConsent")
        self.record_button.clicked.connect(self.record_client)
        self.withdraw_button = QPushButton(self.tr("Record withdrawal…"))
        self.withdraw_button.setObjectName("withdrawClientConsent")
        self.withdraw_button.setToolTip(self.tr("Record that the candidate withdrew it today"))
        self.withdraw_button.clicked.connect(self.withdraw_selected)
        buttons.addWidget(self.record_button)
        buttons.addWidget(self.withdraw_button)
        buttons.addStretch(1)
        box_layout.addLayout(buttons)
        layout.addWidget(clients_box, 1)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.show_candidate(None, "")

    def show_candidate(self, candidate_id: int | None, source: str) -> None:
        """Show one candidate's record; None (not saved yet) shows nothing to record on.

        `source` is the profile's, as the editor already holds it: not read again here.
        """
        self._candidate_id = candidate_id
        self.source.setText(source or self.tr("(not recorded; fill it in on the Profile tab)"))
        self.refresh()

    def refresh(self) -> None:
        """Read the record again."""
        cid = self._candidate_id
        try:
            self.protection = (
                consents.data_protection(self._database, cid) if cid else DataProtection()
            )
            held = consents.client_consents(self._database, cid) if cid else []
        except WorkbenchError as exc:
            self.represented.setText(str(exc))
            return
        self.basis.setText(self.tr(self.protection.lawful_basis.label))
        consent = self.protection.representation
        if consent is None:
            text = self.tr("none on record")
        else:
            text = self.tr("given {day} ({how})").format(
                day=consent.given_on.isoformat(), how=consent.how
            )
            if consent.expires_on:
                text += self.tr(", lapses {day}").format(day=consent.expires_on.isoformat())
            state = consent.problem_on(today())
            text += " — " + (self.tr(state) if state else self.tr("holds today"))
        self.represented.setText(text)
        holds = consent is not None and not consent.problem_on(today())
        colour = HOLDS_COLOUR if holds else MISSING_COLOUR
        self.represented.setStyleSheet(f"color: {colour.name()};")
        self.note.setText(self.protection.note or "—")
        self.model.set_rows(held)
        self.edit_button.setEnabled(cid is not None)
        self.record_button.setEnabled(cid is not None)
        self._update_buttons()

    def _selected(self) -> ClientConsent | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def _update_buttons(self, *_: object) -> None:
        chosen = self._selected()
        self.withdraw_button.setEnabled(chosen is not None and not chosen.consent.withdrawn_on)

    def edit(self) -> DataProtectionDialog | None:
        """Open the lawful basis and consent dialog; refresh once saved."""
        if self._candidate_id is None:
            return None
        dialog = DataProtectionDialog(self._database, self._candidate_id, self.protection, self)
        saved = dialog.exec()
        self.refresh()  # saved, or someone else's change to show
        if saved:
            self.changed.emit()
        return dialog

    def record_client(self) -> None:
        """Open the client consent dialog; refresh once saved."""
        if self._candidate_id is None:
            return
        chosen = self._selected()
        dialog = ClientConsentDialog(
            self._database,
            self._candidate_id,
            client_id=chosen.client_id if chosen else None,
            lock_client=False,
            parent=self,
        )
        saved = dialog.exec()
        self.refresh()
        if saved:
            self.changed.emit()

    def withdraw_selected(self) -> bool:
        """Record, after asking, that the selected consent was withdrawn today."""
        chosen = self._selected()
        if chosen is None:
            return False
        answer = QMessageBox.question(
            self,
            self.tr("Consent withdrawn"),
            self.tr(
                "Record that the candidate withdrew their consent to be sent to {client} "
                "today? Profiles will no longer go to {client}."
            ).format(client=chosen.client_name),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return False
        try:
            consents.withdraw_client_consent(
                self._database, chosen.id, today(), expected_version=chosen.version
            )
        except WorkbenchError as exc:
            show_error(self, self.tr("Not recorded"), exc)
            self.refresh()
            return False
        self.refresh()
        self.changed.emit()
        return True
