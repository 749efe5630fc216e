"""Dialogs recording a candidate's lawful basis and consents, each saved on OK."""

from __future__ import annotations

from datetime import date
from typing import Generic, TypeVar

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from workbench.domain.certifications import add_months
from workbench.domain.consent import (
    CONSENT_METHODS,
    ClientConsent,
    Consent,
    DataProtection,
    LawfulBasis,
    validate_consent,
)
from workbench.domain.errors import WorkbenchError
from workbench.services import consents
from workbench.services.claims import today
from workbench.services.clients import clients as all_clients
from workbench.store.engine import Database
from workbench.ui.claim_dialog import OptionalDateEdit, date_edit, from_qdate, to_qdate
from workbench.ui.editor_sections import error_label, saved_in_dialog, show_error

T = TypeVar("T")


class ConsentFields(QWidget):
    """Given on, how it was obtained, and an optional day it lapses."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        self.given_on = date_edit()
        self.given_on.setObjectName("consentGivenOn")
        self.how = QComboBox()
        self.how.setObjectName("consentHow")
        self.how.setEditable(True)
        self.how.addItems(CONSENT_METHODS)
        self.how.setCurrentText("")
        if (line := self.how.lineEdit()) is not None:
            line.setPlaceholderText(self.tr("How it was obtained"))
        self.lapses = OptionalDateEdit(self.tr("Lapses on"))
        self.lapses.setObjectName("consentLapses")
        # Agencies commonly ask again after a year; offered, not imposed.
        self.lapses.edit.setDate(to_qdate(add_months(today(), 12)))
        form.addRow(self.tr("Given on:"), self.given_on)
        form.addRow(self.tr("Obtained:"), self.how)
        form.addRow("", self.lapses)

    def show_consent(self, consent: Consent | None) -> None:
        """Show a consent on record (or leave the fields for a new one)."""
        if consent is None:
            return
        self.given_on.setDate(to_qdate(consent.given_on))
        self.how.setCurrentText(consent.how)
        self.lapses.set_value(consent.expires_on)

    def consent(self, withdrawn_on: date | None = None) -> Consent:
        """Return the consent typed; ValidationError names each wrong field."""
        return validate_consent(
            from_qdate(self.given_on.date()),
            self.how.currentText(),
            self.lapses.value(),
            today=today(),
            withdrawn_on=withdrawn_on,
        )


class _ConsentDialog(QDialog, Generic[T]):
    """A consent form saved on Save: the error line, the buttons, and the save itself."""

    def __init__(self, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.saved: T | None = None
        self.error = error_label()

    def _finish(self, layout: QVBoxLayout, error_name: str) -> None:
        """Add the error line and Save/Cancel below the form."""
        self.error.setObjectName(error_name)
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _store(self) -> T:
        raise NotImplementedError

    def save(self) -> bool:
        """Validate and record; say what is wrong here, or offer to show someone else's save."""
        saved = saved_in_dialog(
            self, {}, self.error, self._store, reload_what=self.tr("what they recorded")
        )
        if saved is None:
            return False
        self.saved = saved
        self.accept()
        return True

    def error_text(self) -> str:
        """Return the error shown ('' when none)."""
        return self.error.text() if self.error.isVisibleTo(self) else ""


class DataProtectionDialog(_ConsentDialog[DataProtection]):
    """Record the lawful basis, the consent to be represented and a note for one candidate."""

    def __init__(
        self,
        database: Database,
        candidate_id: int,
        shown: DataProtection,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("dataProtectionDialog")
        self._database, self._candidate_id, self._shown = database, candidate_id, shown
        self.setWindowTitle(self.tr("Lawful basis and consent"))
        self.setMinimumWidth(480)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.basis = QComboBox()
        self.basis.setObjectName("lawfulBasis")
        for basis in LawfulBasis:
            self.basis.addItem(self.tr(basis.label), basis)
        self.basis.setCurrentIndex(list(LawfulBasis).index(shown.lawful_basis))
        form.addRow(self.tr("Lawful basis:"), self.basis)
        layout.addLayout(form)
        self.represented = QCheckBox(self.tr("They agreed to be represented to clients"))
        self.represented.setObjectName("represented")
        layout.addWidget(self.represented)
        self.fields = ConsentFields()
        layout.addWidget(self.fields)
        self.withdrawn = OptionalDateEdit(self.tr("Withdrawn on"))
        self.withdrawn.setObjectName("consentWithdrawn")
        layout.addWidget(self.withdrawn)
        layout.addWidget(QLabel(self.tr("Note (where the data came from, what was agreed):")))
        self.note = QPlainTextEdit(shown.note)
        self.note.setObjectName("dataProtectionNote")
        self.note.setMaximumHeight(80)
        layout.addWidget(self.note)
        self._finish(layout, "dataProtectionError")
        self.represented.toggled.connect(self._toggled)
        consent = shown.representation
        self.fields.show_consent(consent)
        self.withdrawn.set_value(consent.withdrawn_on if consent else None)
        self.represented.setChecked(consent is not None)
        self._toggled(consent is not None)

    def _toggled(self, on: bool) -> None:
        self.fields.setEnabled(on)
        self.withdrawn.setEnabled(on)

    def _store(self) -> DataProtection:
        representation = (
            self.fields.consent(self.withdrawn.value()) if self.represented.isChecked() else None
        )
        return consents.save_data_protection(
            self._database,
            self._candidate_id,
            self.basis.currentData(),
            representation,
            self.note.toPlainText(),
            expected_version=self._shown.version,
        )


class ClientConsentDialog(_ConsentDialog[ClientConsent]):
    """Record a candidate's consent to be sent to one client (and, if missing, to be represented).

    Offering both in one place is the submit dialog's shortcut: a consultant on the phone
    with the candidate asks for both at once.
    """

    def __init__(
        self,
        database: Database,
        candidate_id: int,
        *,
        client_id: int | None = None,
        lock_client: bool = True,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("clientConsentDialog")
        self._database, self._candidate_id = database, candidate_id
        self._held = {c.client_id: c for c in consents.client_consents(database, candidate_id)}
        self._protection = consents.data_protection(database, candidate_id)
        self.setWindowTitle(self.tr("Consent to be sent to a client"))
        self.setMinimumWidth(460)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.client = QComboBox()
        self.client.setObjectName("consentClient")
        for client in all_clients(database):
            self.client.addItem(client.name, client.id)
            if client.id == client_id:
                self.client.setCurrentIndex(self.client.count() - 1)
        # From the submit dialog the client is the job's; from the tab any may be chosen.
        self.client.setEnabled(client_id is None or not lock_client)
        form.addRow(self.tr("Client:"), self.client)
        layout.addLayout(form)
        self.fields = ConsentFields()
        layout.addWidget(self.fields)
        represented = self._protection.representation
        self.also_represented = QCheckBox(
            self.tr("They also agreed to be represented by the agency (not on record)")
            if represented is None
            else self.tr("They agreed again to be represented ({problem})").format(
                problem=represented.problem_on(today())
            )
        )
        self.also_represented.setObjectName("alsoRepresented")
        # Asked only when consent to be represented does not hold today.
        self._asks_represented = represented is None or bool(represented.problem_on(today()))
        self.also_represented.setVisible(self._asks_represented)
        layout.addWidget(self.also_represented)
        self._finish(layout, "clientConsentError")
        self.client.currentIndexChanged.connect(self._client_changed)
        self._client_changed()
        if self.client.count() == 0:
            show_error(
                self.error, self.tr("Add the client first (Clients ▸ Clients and job orders).")
            )

    def offer_both(self) -> None:
        """Tick "also agreed to be represented" when none was ever recorded.

        Not after a withdrawal or a lapse: agreeing again is the candidate's to say, so the
        consultant ticks it, knowingly.
        """
        self.also_represented.setChecked(self._protection.representation is None)

    def _client_changed(self, *_: object) -> None:
        held = self._held.get(self.client.currentData())
        if held is not None and not held.consent.withdrawn_on:
            self.fields.show_consent(held.consent)

    def _store(self) -> ClientConsent:
        client_id = self.client.currentData()
        if client_id is None:
            raise WorkbenchError(self.tr("Choose a client."))
        held = self._held.get(client_id)
        both = self._asks_represented and self.also_represented.isChecked()
        return consents.record_client_consent(
            self._database,
            self._candidate_id,
            client_id,
            self.fields.consent(),
            expected_version=held.version if held else 0,
            represented=self._protection if both else None,
        )
