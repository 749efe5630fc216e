"""The candidate editor's Certifications tab: claims with status, warnings and check history."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QBrush, QColor, QDesktopServices
from PySide6.QtWidgets import (
    QDialog,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from workbench.domain.certifications import CertificationRule, validity_months_for
from workbench.domain.claims import (
    OUTCOME_LABELS,
    STATUS_LABELS,
    Check,
    Claim,
)
from workbench.services import claims as claim_service
from workbench.services import vetting as vetting_service
from workbench.services.catalogue import certification_rules
from workbench.store.engine import Database
from workbench.ui import evidence_viewer
from workbench.ui.check_dialog import CheckDialog
from workbench.ui.claim_dialog import ClaimDialog
from workbench.ui.claim_widgets import (
    OUTCOME_COLOURS,
    STATUS_ROLE,
    StatusBadgeDelegate,
    iso_day,
    plain_table,
    table_item,
)
from workbench.ui.errors import show_error
from workbench.ui.waiver_dialog import WaiverDialog, waiver_text

# What a consultant scans for first (which certification, its status, when it lapses)
# comes first: the editor pane is narrow and the last columns may need scrolling.
CLAIM_HEADERS = (
    "Certification",
    "Status",
    "Expires on",
    "Last checked",
    "Credential ID",
    "Earned on",
)
CHECK_HEADERS = (
    "Checked on",
    "By",
    "Method",
    "Outcome",
    "Reference",
    "Note",
    "Evidence",
    "Rule rev.",
    "Lapses on",
)
STATUS_COLUMN = 1


class CertificationsTab(QWidget):
    """List a candidate's claimed certifications and record checks on them."""

    changed = Signal(int)  # candidate id: a claim or a check was added, changed or removed

    def __init__(self, database: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._database = database
        self._candidate_id: int | None = None
        self._claims: list[Claim] = []
        self._rules: dict[str, CertificationRule] = {}
        self._build()
        self.set_candidate(None)

    # --- building -------------------------------------------------------------------------

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        self.hint = QLabel()
        self.hint.setObjectName("certificationsHint")
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color: #555;")
        layout.addWidget(self.hint)

        self.claims_table = plain_table(CLAIM_HEADERS, self)
        self.claims_table.setObjectName("claimsTable")
        self.claims_table.setItemDelegateForColumn(STATUS_COLUMN, StatusBadgeDelegate(self))
        self.claims_table.itemSelectionChanged.connect(self._claim_selected)
        self.claims_table.itemDoubleClicked.connect(lambda *_: self.edit_claim())

        self.warnings = QLabel()
        self.warnings.setObjectName("claimWarnings")
        self.warnings.setWordWrap(True)
        self.warnings.setTextFormat(Qt.TextFormat.PlainText)
        self.warnings.setStyleSheet(
            "background: #fff4ce; border: 1px solid #e0c060; padding: 6px; border-radius: 4px;"
        )
        self.warnings.hide()

        buttons = QHBoxLayout()
        self.add_button = QPushButton(self.tr("Add certification…"))
        self.edit_button = QPushButton(self.tr("Edit claim…"))
        self.remove_button = QPushButton(self.tr("Remove claim"))
        self.check_button = QPushButton(self.tr("Record check…"))
        self.check_button.setToolTip(self.tr("Record what the issuer's register shows"))
        self.add_button.clicked.connect(self.add_claim)
        self.edit_button.clicked.connect(self.edit_claim)
        self.remove_button.clicked.connect(self.remove_claim)
        self.check_button.clicked.connect(self.record_check)
        # One of the two shows at a time, in the same place: a claim is waived or it is not.
        self.waive_button = QPushButton(self.tr("Waive for vetting…"))
        self.waive_button.setToolTip(
            self.tr("Let the vetted gate pass this claim unverified, for a written reason")
        )
        self.withdraw_waiver_button = QPushButton(self.tr("Withdraw waiver"))
        self.waive_button.clicked.connect(self.waive_claim)
        self.withdraw_waiver_button.clicked.connect(self.withdraw_waiver)
        for button in (self.add_button, self.edit_button, self.remove_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.waive_button)
        buttons.addWidget(self.withdraw_waiver_button)
        buttons.addWidget(self.check_button)

        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(self.claims_table, 1)
        top_layout.addWidget(self.warnings)
        top_layout.addLayout(buttons)

        self.history_box = QGroupBox(self.tr("Check history"))
        history_layout = QVBoxLayout(self.history_box)
        self.history_table = plain_table(CHECK_HEADERS, self)
        self.history_table.setObjectName("checkHistory")
        self.history_table.itemSelectionChanged.connect(self._update_buttons)
        self.history_table.itemDoubleClicked.connect(lambda *_: self.open_selected_evidence())
        for column, width in enumerate((90, 115, 140, 100, 150, 0, 140, 65, 90)):
            self.history_table.setColumnWidth(column, width)
        # The note takes what is left, so the dates at the right end stay in view.
        self.history_table.horizontalHeader().setStretchLastSection(False)
        self.history_table.horizontalHeader().setSectionResizeMode(
            5, QHeaderView.ResizeMode.Stretch
        )
        history_layout.addWidget(self.history_table, 1)
        evidence_row = QHBoxLayout()
        self.history_note = QLabel()
        self.history_note.setStyleSheet("color: #555;")
        evidence_row.addWidget(self.history_note, 1)
        self.open_button = QPushButton(self.tr("Open evidence"))
        self.open_button.clicked.connect(self.open_selected_evidence)
        evidence_row.addWidget(self.open_button)
        history_layout.addLayout(evidence_row)

        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(top)
        splitter.addWidget(self.history_box)
        splitter.setSizes([300, 260])
        layout.addWidget(splitter, 1)
        self.body = splitter

    # --- loading --------------------------------------------------------------------------

    def set_candidate(self, candidate_id: int | None) -> None:
        """Show a stored candidate's claims; a new candidate has none until it is saved."""
        self._candidate_id = candidate_id
        self.body.setEnabled(candidate_id is not None)
        # The only thing to do on a new candidate's tab is to read this, so it stands out.
        self.hint.setStyleSheet("color: #555;" if candidate_id else "font-weight: 600;")
        if candidate_id is None:
            self.hint.setText(
                self.tr("Save the candidate first; then their certifications can be recorded here.")
            )
            self._claims = []
            self._fill_claims(None)
            return
        self.hint.setText(
            self.tr(
                "Look each claim up with its issuer, then Record check…: the status follows the "
                "latest check and the expiry date. Claims and checks are saved by their own "
                "dialogs, not by the Save button below."
            )
        )
        self.reload()

    def reload(self, select_claim: int | None = None) -> None:
        """Read the claims again, keeping (or moving to) the selected claim."""
        if self._candidate_id is None:
            return
        keep = select_claim if select_claim is not None else self._selected_claim_id()
        try:
            self._rules = {r.code: r for r in certification_rules(self._database)}
            self._claims = claim_service.candidate_claims(self._database, self._candidate_id)
        except Exception as exc:
            self._claims = []
            self._fill_claims(None)
            show_error(self, self.tr("Cannot read the certifications"), exc)
            return
        self._fill_claims(keep)

    @property
    def claims(self) -> list[Claim]:
        """Return the claims on screen."""
        return list(self._claims)

    def _fill_claims(self, keep: int | None) -> None:
        table = self.claims_table
        table.blockSignals(True)
        table.setRowCount(len(self._claims))
        for row, claim in enumerate(self._claims):
            rule = self._rules.get(claim.code)
            name = table_item(claim.code, claim.name)
            name.setData(Qt.ItemDataRole.UserRole, claim.id)
            table.setItem(row, 0, name)
            label = self.tr(STATUS_LABELS[claim.status])
            if claim.waiver is not None:
                label = self.tr("{status} · waived").format(status=label)
            status = table_item(label, waiver_text(self, claim))
            status.setData(STATUS_ROLE, claim.status)
            table.setItem(row, STATUS_COLUMN, status)
            table.setItem(row, 2, self._expiry_item(claim, rule))
            table.setItem(row, 3, table_item(iso_day(claim.last_checked_on, self.tr("never"))))
            table.setItem(row, 4, table_item(claim.credential_id, claim.secondary_id))
            table.setItem(row, 5, table_item(iso_day(claim.earned_on, self.tr("unknown"))))
        table.resizeColumnsToContents()
        table.blockSignals(False)
        rows = [r for r, c in enumerate(self._claims) if c.id == keep]
        if rows:
            table.selectRow(rows[0])
        elif self._claims:
            table.selectRow(0)
        else:
            table.clearSelection()
        self._claim_selected()
        if self._candidate_id is not None and not self._claims:
            self.history_note.setText(self.tr("No certifications yet: use Add certification…"))

    def _expiry_item(self, claim: Claim, rule: CertificationRule | None) -> QTableWidgetItem:
        if claim.expires_on is not None:
            tip = (
                self.tr("the date printed on the certificate")
                if claim.printed_expiry
                else self.tr("{months} months after it was earned").format(
                    months=validity_months_for(rule, claim.earned_on) if rule else "?"
                )
            )
            return table_item(claim.expires_on.isoformat(), tip)
        if rule is not None and rule.validity_months is None:
            return table_item(self.tr("never"), self.tr("good for life"))
        return table_item(self.tr("unknown"), self.tr("set the date it was earned to know"))

    # --- selection ------------------------------------------------------------------------

    def _selected_claim_id(self) -> int | None:
        claim = self.selected_claim()
        return claim.id if claim else None

    def selected_claim(self) -> Claim | None:
        """Return the claim selected in the table, if any."""
        rows = self.claims_table.selectionModel().selectedRows()
        if not rows or rows[0].row() >= len(self._claims):
            return None
        return self._claims[rows[0].row()]

    def select_claim(self, code: str) -> None:
        """Select a claim by its certification code."""
        for row, claim in enumerate(self._claims):
            if claim.code == code:
                self.claims_table.selectRow(row)
                return
        raise LookupError(code)

    def selected_check(self) -> Check | None:
        """Return the check selected in the history, if any."""
        claim = self.selected_claim()
        rows = self.history_table.selectionModel().selectedRows()
        if claim is None or not rows or rows[0].row() >= len(claim.checks):
            return None
        return claim.checks[rows[0].row()]

    def _claim_selected(self) -> None:
        claim = self.selected_claim()
        lines = [f"⚠ {w}" for w in claim.warnings] if claim else []
        waived = waiver_text(self, claim) if claim else ""
        if waived:
            lines.insert(0, waived)
        self.warnings.setText("\n".join(lines))
        self.warnings.setVisible(bool(lines))
        self._fill_history(claim)
        self._update_buttons()

    def _fill_history(self, claim: Claim | None) -> None:
        table = self.history_table
        checks = claim.checks if claim else ()
        table.blockSignals(True)
        table.setRowCount(len(checks))
        for row, check in enumerate(checks):
            self._fill_check_row(row, check)
        table.blockSignals(False)
        if checks:
            table.selectRow(0)
        if claim is None:
            self.history_box.setTitle(self.tr("Check history"))
            self.history_note.setText("")
        else:
            self.history_box.setTitle(
                self.tr("Check history of {code}, newest first").format(code=claim.code)
            )
            self.history_note.setText(
                ""
                if checks
                else self.tr("Not checked yet: look it up with the issuer, then Record check…")
            )

    def _fill_check_row(self, row: int, check: Check) -> None:
        table = self.history_table
        when = table_item(
            check.checked_on.isoformat(),
            self.tr("recorded {when} UTC").format(when=f"{check.recorded_at:%Y-%m-%d %H:%M}"),
        )
        outcome = table_item(self.tr(OUTCOME_LABELS[check.outcome]))
        outcome.setForeground(QBrush(QColor(OUTCOME_COLOURS[check.outcome])))
        files = ", ".join(e.filename for e in check.evidence)
        sizes = "\n".join(f"{e.filename} · {e.size / 1024:,.0f} KB" for e in check.evidence)
        first_line = check.note.splitlines()[0] if check.note else ""
        cells = (
            when,
            table_item(check.checked_by),
            table_item(self.tr(check.method.label)),
            outcome,
            table_item(check.reference, check.reference),
            table_item(first_line, check.note),
            table_item(files, sizes),
            table_item(
                str(check.rule_revision), self.tr("catalogue revision the check was made under")
            ),
            table_item(
                iso_day(check.valid_until, self.tr("no date")),
                self.tr("when the claim lapsed by the rule at the time of the check"),
            ),
        )
        for column, item in enumerate(cells):
            table.setItem(row, column, item)

    def _update_buttons(self) -> None:
        stored = self._candidate_id is not None
        claim = self.selected_claim()
        check = self.selected_check()
        self.add_button.setEnabled(stored)
        self.edit_button.setEnabled(claim is not None)
        self.remove_button.setEnabled(claim is not None)
        self.remove_button.setToolTip(
            self.tr("A claim with checks on record stays in the history")
            if claim and claim.checks
            else ""
        )
        self.check_button.setEnabled(claim is not None)
        waived = claim is not None and claim.waiver is not None
        self.waive_button.setVisible(not waived)
        self.waive_button.setEnabled(claim is not None)
        self.withdraw_waiver_button.setVisible(waived)
        self.open_button.setEnabled(bool(check and check.evidence))

    # --- actions --------------------------------------------------------------------------

    def run_dialog(self, dialog: QDialog) -> bool:
        """Show a dialog modally; True when it was accepted (replaced in tests)."""
        return dialog.exec() == QDialog.DialogCode.Accepted

    def _rule_list(self) -> list[CertificationRule]:
        return list(self._rules.values())

    def add_claim(self) -> None:
        """Ask for a new claim and save it."""
        if self._candidate_id is None:
            return
        dialog = ClaimDialog(self._database, self._candidate_id, self._rule_list(), parent=self)
        if self.run_dialog(dialog) and dialog.saved_claim is not None:
            self._after_change(dialog.saved_claim.id)

    def edit_claim(self) -> None:
        """Correct the selected claim's identifiers and dates."""
        claim = self.selected_claim()
        if claim is None or self._candidate_id is None:
            return
        dialog = ClaimDialog(
            self._database, self._candidate_id, self._rule_list(), claim, parent=self
        )
        if self.run_dialog(dialog) and dialog.saved_claim is not None:
            self._after_change(claim.id)

    def confirm(self, title: str, text: str) -> bool:
        """Ask a yes/no question, No being the default (replaced in tests)."""
        answer = QMessageBox.question(
            self,
            title,
            text,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def remove_claim(self) -> None:
        """Remove a claim entered by mistake; the store keeps any claim that has checks."""
        claim = self.selected_claim()
        if claim is None:
            return
        # With checks on screen the store will refuse; asking "are you sure?" first would mislead.
        if not claim.checks and not self.confirm(
            self.tr("Remove claim"),
            self.tr("Remove the {code} claim? It has no checks on record.").format(code=claim.code),
        ):
            return
        try:
            claim_service.remove_claim(self._database, claim.id)
        except Exception as exc:
            show_error(self, self.tr("Claim not removed"), exc)
            self.reload()  # someone may have recorded a check meanwhile
            return
        self._after_change(None)

    def record_check(self) -> None:
        """Record a check of the selected claim."""
        claim = self.selected_claim()
        if claim is None:
            return
        dialog = CheckDialog(self._database, claim, self._rules.get(claim.code), parent=self)
        if self.run_dialog(dialog) and dialog.recorded_check is not None:
            self._after_change(claim.id)

    def waive_claim(self) -> None:
        """Waive the selected claim for vetting, asking for the written reason."""
        claim = self.selected_claim()
        if claim is None:
            return
        dialog = WaiverDialog(self._database, claim, parent=self)
        if self.run_dialog(dialog) and dialog.waived:
            self._after_change(claim.id)

    def withdraw_waiver(self) -> None:
        """Withdraw the selected claim's waiver: the gate asks for its verification again."""
        claim = self.selected_claim()
        if claim is None or claim.waiver is None:
            return
        try:
            vetting_service.clear_waiver(self._database, claim.id)
        except Exception as exc:
            show_error(self, self.tr("Waiver not withdrawn"), exc)
            self.reload()
            return
        self._after_change(claim.id)

    def _after_change(self, claim_id: int | None) -> None:
        self.reload(claim_id)
        if self._candidate_id is not None:
            self.changed.emit(self._candidate_id)

    def open_selected_evidence(self) -> None:
        """Open the selected check's evidence; with several files, let the consultant pick."""
        check = self.selected_check()
        if check is not None:
            evidence_viewer.open_check_evidence(
                self, self._database, check, self.open_button, self.launch
            )

    def launch(self, path: Path) -> bool:
        """Hand a file to the desktop viewer: the one place files are opened (tests replace it)."""
        return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


__all__ = ["CertificationsTab", "StatusBadgeDelegate"]
