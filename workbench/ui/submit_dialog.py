"""Submit to client: check the candidates, write their profiles, record one submittal each."""

from __future__ import annotations

import logging
import traceback
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from workbench.domain.clients import JobOrder, JobStatus
from workbench.domain.errors import WorkbenchError
from workbench.services import clients as client_service
from workbench.services import jobs as job_service
from workbench.services import submittals as submittal_service
from workbench.services.matching import eligibility
from workbench.services.submittals import SubmitRefused, SubmitResult
from workbench.store.engine import Database
from workbench.ui.consent_dialogs import ClientConsentDialog
from workbench.ui.submittals_view import short_sha
from workbench.ui.tasks import LongTask

log = logging.getLogger("workbench")

PROBLEM_COLOUR = QColor("#a4262c")


class SubmitDialog(QDialog):
    """Put candidates forward for a job: contact, blind, one PDF or a folder, and an override."""

    submitted = Signal(object)  # SubmitResult

    def __init__(
        self,
        database: Database,
        job_id: int,
        candidate_ids: Sequence[int],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("submitDialog")
        self._database = database
        self._ids = list(dict.fromkeys(candidate_ids))
        self.job: JobOrder = job_service.get_job(database, job_id)
        self.problems: dict[str, list[str]] = {}
        self.consent_missing: dict[str, list[str]] = {}
        self.submit_result: SubmitResult | None = None
        self.task: LongTask | None = None
        self.setWindowTitle(self.tr("Submit to {client}").format(client=self.job.client_name))
        self._build()
        self._fill_contacts()
        self.check()
        self.resize(660, 560)

    # --- building -------------------------------------------------------------------------

    def _build(self) -> None:
        job = self.job
        heading = QLabel(f"{job.reference} · {job.title} — {job.client_name}")
        heading.setStyleSheet("font-size: 13pt; font-weight: 600;")
        heading.setTextFormat(Qt.TextFormat.PlainText)
        heading.setWordWrap(True)
        self.candidates = QTreeWidget()
        self.candidates.setObjectName("submitCandidates")
        self.candidates.setHeaderHidden(True)
        self.candidates.setRootIsDecorated(False)
        self.candidates.setMinimumHeight(120)
        self.record_consent = QPushButton(self.tr("Record consent…"))
        self.record_consent.setObjectName("submitRecordConsent")
        self.record_consent.setToolTip(
            self.tr("Record the selected candidate's consent to be sent to {client}").format(
                client=self.job.client_name
            )
        )
        self.record_consent.clicked.connect(self.record_selected_consent)
        self.candidates.currentItemChanged.connect(self._update_consent_button)

        self.contact = QComboBox()
        self.contact.setObjectName("submitContact")
        self.blind = QCheckBox(self.tr("Blind: no names, contacts or employers in the PDF"))
        self.blind.setObjectName("submitBlind")
        self.combined = QRadioButton(self.tr("One combined PDF with a cover page"))
        self.combined.setObjectName("submitCombined")
        self.combined.setChecked(True)
        self.folder = QRadioButton(self.tr("A folder with one PDF per candidate"))
        self.folder.setObjectName("submitFolder")
        group = QButtonGroup(self)
        group.addButton(self.combined)
        group.addButton(self.folder)
        self.output = QLineEdit()
        self.output.setObjectName("submitOutput")
        self.output.setPlaceholderText(self.tr("Choose where to write the PDF"))
        # A file chosen for one combined PDF is no folder, and the other way round.
        self.combined.toggled.connect(lambda _: self.output.clear())
        choose = QPushButton(self.tr("Choose…"))
        choose.clicked.connect(self._choose)
        where = QHBoxLayout()
        where.addWidget(self.output, 1)
        where.addWidget(choose)
        kinds = QVBoxLayout()
        kinds.addWidget(self.combined)
        kinds.addWidget(self.folder)
        form = QFormLayout()
        form.addRow(self.tr("Contact:"), self.contact)
        form.addRow("", self.blind)
        form.addRow(self.tr("Write:"), kinds)
        form.addRow(self.tr("Save to:"), where)

        self.override_label = QLabel(
            self.tr(
                "Some candidates do not pass the checks above. To submit them anyway, "
                "write why (kept with each submittal):"
            )
        )
        self.override_label.setWordWrap(True)
        self.override = QPlainTextEdit()
        self.override.setObjectName("submitOverride")
        self.override.setPlaceholderText(self.tr("Override with a written reason"))
        self.override.setMaximumHeight(70)
        self.error = QLabel()
        self.error.setObjectName("submitError")
        self.error.setWordWrap(True)
        self.error.setTextFormat(Qt.TextFormat.PlainText)
        self.error.setStyleSheet("color: #a4262c;")
        self.error.hide()
        self.outcome = QPlainTextEdit()
        self.outcome.setObjectName("submitOutcome")
        self.outcome.setReadOnly(True)
        self.outcome.setMinimumHeight(110)
        self.outcome.hide()

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.submit_button = self.buttons.addButton(
            self.tr("Submit"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.submit_button.setObjectName("submitButton")
        self.submit_button.setDefault(True)
        self.submit_button.clicked.connect(self.submit)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(QLabel(self.tr("Candidates and what the checks found:")))
        layout.addWidget(self.candidates, 1)
        consent_row = QHBoxLayout()
        consent_row.addStretch(1)
        consent_row.addWidget(self.record_consent)
        layout.addLayout(consent_row)
        layout.addLayout(form)
        layout.addWidget(self.override_label)
        layout.addWidget(self.override)
        layout.addWidget(self.error)
        layout.addWidget(self.outcome, 1)
        layout.addWidget(self.buttons)

    def _fill_contacts(self) -> None:
        """Offer the client's contacts, the job's own contact first chosen."""
        self.contact.addItem(self.tr("(no contact)"), None)
        try:
            people = client_service.get_client(self._database, self.job.draft.client_id).contacts
        except WorkbenchError:
            people = ()
        for person in people:
            label = person.draft.name + (f" — {person.draft.title}" if person.draft.title else "")
            self.contact.addItem(label, person.id)
            if person.id == self.job.draft.contact_id:
                self.contact.setCurrentIndex(self.contact.count() - 1)

    # --- the checks -----------------------------------------------------------------------

    def check(self) -> None:
        """List each candidate with what the checks found; ask for a reason when any fails."""
        self.problems = submittal_service.submit_problems(self._database, self.job, self._ids)
        self.consent_missing = submittal_service.consent_problems(
            self._database, self.job, self._ids
        )
        found = eligibility(self._database, self.job, self._ids)
        chosen = self._current_id()
        self.candidates.clear()
        for cid in self._ids:
            facts = found.get(cid)
            label = f"{facts.name} (#{cid})" if facts else f"#{cid}"
            consent = self.consent_missing.get(label, []) if facts else []
            items = self.problems.get(label, [] if facts else [self.tr("deleted")])
            count = len(items) + len(consent)
            mark = self.tr("ready") if not count else self.tr("{n} problem(s)").format(n=count)
            # Isolated, a right-to-left name does not pull the id and the mark around it.
            name = f"\u2068{facts.name}\u2069 (#{cid})" if facts else label
            top = QTreeWidgetItem([f"{name} — {mark}"])
            top.setData(0, Qt.ItemDataRole.UserRole, cid)
            for item in consent:
                child = QTreeWidgetItem([self.tr("• {problem} (no override)").format(problem=item)])
                child.setForeground(0, QBrush(PROBLEM_COLOUR))
                top.addChild(child)
            for item in items:
                child = QTreeWidgetItem([f"• {item}"])
                child.setForeground(0, QBrush(PROBLEM_COLOUR))
                top.addChild(child)
            self.candidates.addTopLevelItem(top)
            if cid == chosen or (chosen is None and consent):
                self.candidates.setCurrentItem(top)
                chosen = cid
        self.candidates.expandAll()
        refused = bool(self.problems)
        self.override_label.setVisible(refused)
        self.override.setVisible(refused)
        self.record_consent.setVisible(bool(self.consent_missing))
        self._update_consent_button()
        if self.job.draft.status is not JobStatus.OPEN:
            self._show_error(
                self.tr("{job} is {status}; reopen it before submitting.").format(
                    job=self.job.reference, status=self.tr(self.job.draft.status.label).lower()
                )
            )

    def _current_id(self) -> int | None:
        item = self.candidates.currentItem()
        while item is not None and item.parent() is not None:
            item = item.parent()
        return item.data(0, Qt.ItemDataRole.UserRole) if item is not None else None

    def _update_consent_button(self, *_: object) -> None:
        cid = self._current_id()
        needs = any(label.endswith(f"(#{cid})") for label in self.consent_missing)
        self.record_consent.setEnabled(cid is not None and needs)

    def record_selected_consent(self) -> ClientConsentDialog | None:
        """Record the selected candidate's consent to this client, then check again."""
        cid = self._current_id()
        if cid is None:
            return None
        dialog = ClientConsentDialog(
            self._database, cid, client_id=self.job.draft.client_id, parent=self
        )
        dialog.offer_both()  # on the phone, one asks for both
        if dialog.exec():
            self.check()
            self._show_error("")
        return dialog

    def problem_lines(self) -> list[str]:
        """Return the problems as listed, one line each ('Name (#id): problem')."""
        found = [*self.consent_missing.items(), *self.problems.items()]
        return [f"{name}: {item}" for name, items in found for item in items]

    # --- where to write -------------------------------------------------------------------

    def choose_output(self, combined: bool) -> Path | None:
        """Ask for the combined PDF's file or the folder; None when the consultant cancels."""
        if combined:
            suggested = Path.home() / f"{self.job.reference} {self.job.client_name}.pdf"
            path, _ = QFileDialog.getSaveFileName(
                self, self.tr("Save the submission"), str(suggested), self.tr("PDF files (*.pdf)")
            )
            if not path:
                return None
            target = Path(path)
            return (
                target
                if target.suffix.lower() == ".pdf"
                else target.with_name(target.name + ".pdf")
            )
        folder = QFileDialog.getExistingDirectory(
            self, self.tr("Folder for the profiles"), str(Path.home())
        )
        return Path(folder) if folder else None

    def _choose(self) -> Path | None:
        target = self.choose_output(self.combined.isChecked())
        if target is not None:
            self.output.setText(str(target))
        return target

    # --- submitting -----------------------------------------------------------------------

    def submit(self) -> LongTask | None:
        """Check what is asked, then write and record in the background with progress."""
        self._show_error("")
        if not self._ids:
            self._show_error(self.tr("Choose at least one candidate to submit."))
            return None
        if self.consent_missing:
            self._show_error(
                self.tr(
                    "Not submitted: {client} may see only candidates who agreed to it. Record "
                    "their consent (Record consent…), or leave them out."
                ).format(client=self.job.client_name)
            )
            return None
        override = self.override.toPlainText().strip()
        if self.problems and not override:
            self._show_error(
                self.tr("Write why these candidates go despite the problems listed, or close.")
            )
            self.override.setFocus()
            return None
        if not self.output.text().strip() and self._choose() is None:
            return None
        target = Path(self.output.text().strip())
        database, job_id, ids = self._database, self.job.id, list(self._ids)
        combined, blind = self.combined.isChecked(), self.blind.isChecked()
        contact_id = self.contact.currentData()
        reason = override if self.problems else ""
        task = LongTask(
            self,
            self.tr("Submitting to {client}").format(client=self.job.client_name),
            lambda reporter: submittal_service.submit(
                database, job_id, ids, target, combined=combined, blind=blind,
                contact_id=contact_id, override=reason, reporter=reporter,
            ),
        )  # fmt: skip
        task.succeeded.connect(self._done)
        task.failed.connect(self._failed)
        task.cancelled.connect(
            lambda: self._finish_busy(self.tr("Cancelled: nothing was written or recorded."))
        )
        self.task = task
        self.submit_button.setEnabled(False)
        task.start()
        return task

    def _finish_busy(self, message: str) -> None:
        self.submit_button.setEnabled(True)
        self._show_error(message)

    def _done(self, result: SubmitResult) -> None:
        self.submit_result = result
        lines = [
            self.tr("Recorded {n} submittal(s) for {job}:").format(
                n=len(result.submittals), job=self.job.reference
            )
        ]
        lines += [
            f"  {s.candidate_name} (#{s.candidate_id}) · {s.file_name} · "
            f"SHA-256 {short_sha(s.sha256)}"
            + (self.tr(" · overridden") if s.override_reason else "")
            for s in result.submittals
        ]
        lines.append(self.tr("Written to {path}").format(path=self.output.text()))
        self.outcome.setPlainText("\n".join(lines))
        self.outcome.show()
        self.resize(self.width(), max(self.height(), 700))  # room for the record, no scrolling
        self.candidates.setEnabled(False)
        self.override.setReadOnly(True)
        self.submit_button.hide()  # a second click would send the same candidates again
        self.submitted.emit(result)

    def _failed(self, error: BaseException) -> None:
        if isinstance(error, SubmitRefused):
            # Someone changed a candidate meanwhile: show the checks as they are now.
            self.check()
            self._finish_busy(self.tr("Not submitted: {reasons}").format(reasons=error))
        elif isinstance(error, WorkbenchError):
            self._finish_busy(self.tr("Not submitted: {reason}").format(reason=error))
        else:
            log.error("unexpected error: %s", "".join(traceback.format_exception(error)))
            self._finish_busy(
                self.tr(
                    "Something unexpected went wrong: {error}. Nothing was recorded; "
                    "the details are in the log file."
                ).format(error=error)
            )

    def _show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.setVisible(bool(message))
