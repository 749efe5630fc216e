"""The dialog that records one check of a claimed certification, with its evidence files."""

from __future__ import annotations

import contextlib
from collections.abc import Iterable
from html import escape
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from workbench.domain.certifications import CertificationRule, CheckOutcome
from workbench.domain.claims import (
    MAX_EVIDENCE_FILES,
    OUTCOME_LABELS,
    Check,
    CheckDraft,
    CheckMethod,
    Claim,
    validate_check,
)
from workbench.domain.errors import ValidationError, WorkbenchError
from workbench.services import claims as claim_service
from workbench.services.catalogue import consultant_name
from workbench.store.engine import Database
from workbench.store.evidence import MAX_EVIDENCE_BYTES, media_type_of
from workbench.ui.claim_dialog import date_edit, from_qdate, to_qdate
from workbench.ui.editor_sections import (
    error_label,
    field_row,
    show_error,
    show_field_errors,
    shown_error,
)
from workbench.ui.errors import show_error as show_error_box

# Where each issuer's claims are normally checked (the guide's "verify how" column).
_ISSUER_METHODS = {
    "pmi": CheckMethod.REGISTRY,
    "scrum alliance": CheckMethod.REGISTRY,
    "peoplecert": CheckMethod.PEOPLECERT,
    "comptia": CheckMethod.CODE_PORTAL,
    "amazon web services": CheckMethod.CODE_PORTAL,
    "aws": CheckMethod.CODE_PORTAL,
}


def default_method(rule: CertificationRule | None) -> CheckMethod:
    """Return the usual way to check a certification, judged by its issuer and how-to text."""
    if rule is None:
        return CheckMethod.REGISTRY
    method = _ISSUER_METHODS.get(rule.issuer.casefold())
    if method is not None:
        return method
    how = rule.verify_how.casefold()
    if "peoplecert" in how:
        return CheckMethod.PEOPLECERT
    if "registry" in how or "directory" in how or "register" in how:
        return CheckMethod.REGISTRY
    if "code" in how:
        return CheckMethod.CODE_PORTAL
    if "credly" in how:
        return CheckMethod.CREDLY
    return CheckMethod.CERTIFICATE


class EvidenceList(QListWidget):
    """The files to attach; takes files dropped from the desktop and refuses anything else."""

    refused = Signal(str)  # why something dropped or chosen was not added
    filesChanged = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAcceptDrops(True)
        self.viewport().setAcceptDrops(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DropOnly)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)

    def paths(self) -> list[Path]:
        """Return the listed files in order."""
        return [Path(self.item(i).data(Qt.ItemDataRole.UserRole)) for i in range(self.count())]

    def add_paths(self, paths: Iterable[Path]) -> list[str]:
        """Add usable files (each once); return, and announce, why the others were refused."""
        problems = []
        listed = {_real(p) for p in self.paths()}
        for path in paths:
            path = Path(path)
            if _real(path) in listed:
                continue
            if self.count() >= MAX_EVIDENCE_FILES:
                problems.append(
                    self.tr("at most {n} files per check; {name} was not added").format(
                        n=MAX_EVIDENCE_FILES, name=path.name
                    )
                )
                continue
            problem = self.problem_with(path)
            if problem is not None:
                problems.append(problem)
                continue
            item = QListWidgetItem(path.name)
            item.setData(Qt.ItemDataRole.UserRole, str(path))
            item.setToolTip(f"{path} · {path.stat().st_size / 1024:,.0f} KB")
            self.addItem(item)
            listed.add(_real(path))
        self.filesChanged.emit()
        if problems:
            self.refused.emit("; ".join(problems))
        return problems

    def problem_with(self, path: Path) -> str | None:
        """Return why a file cannot be evidence (the store's own rules, told early), else None."""
        try:
            if not path.is_file():
                return self.tr("{name} is not a file").format(name=path.name)
            size = path.stat().st_size
            if size == 0:
                return self.tr("{name} is empty").format(name=path.name)
            if size > MAX_EVIDENCE_BYTES:
                return self.tr(
                    "{name} is {size:.1f} MB; evidence files may be at most {mb} MB"
                ).format(name=path.name, size=size / 1048576, mb=MAX_EVIDENCE_BYTES // 1048576)
            with path.open("rb") as handle:
                if media_type_of(handle.read(16)) is None:
                    return self.tr(
                        "{name} is not a PDF, PNG or JPEG file; save the evidence as one of those"
                    ).format(name=path.name)
        except OSError as exc:
            return self.tr("cannot read {name}: {why}").format(name=path.name, why=exc.strerror)
        return None

    def remove_selected(self) -> None:
        """Take the selected files off the list (the files themselves are untouched)."""
        for item in self.selectedItems():
            self.takeItem(self.row(item))
        self.filesChanged.emit()

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        """Accept a drag that carries links; which of them are files is judged on drop."""
        if event.mimeData().hasUrls():
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        """Keep accepting a drag of links anywhere over the list."""
        if event.mimeData().hasUrls():
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        """Add dropped local files; web links and other things are refused with a reason."""
        mime = event.mimeData()
        if not mime.hasUrls():
            self.refused.emit(self.tr("only files can be dropped here"))
            event.ignore()
            return
        local, remote = [], []
        for url in mime.urls():
            if url.isLocalFile():
                local.append(Path(url.toLocalFile()))
            else:
                remote.append(url.toString())
        problems = self.add_paths(local) if local else []
        if remote:
            note = self.tr("only files on this computer can be attached, not {links}").format(
                links=", ".join(remote)
            )
            self.refused.emit("; ".join([*problems, note]))
        event.acceptProposedAction()


class CheckDialog(QDialog):
    """Record what a consultant found when checking a claim; saved on "Record check"."""

    def __init__(
        self,
        database: Database,
        claim: Claim,
        rule: CertificationRule | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._database = database
        self._claim = claim
        self._rule = rule
        self.recorded_check: Check | None = None
        self._errors: dict[str, QLabel] = {}
        self.setWindowTitle(self.tr("Record check of {code}").format(code=claim.code))
        self.setMinimumWidth(600)
        self._build()
        # Left blank if unreadable: saving then asks for a name next to the field.
        with contextlib.suppress(WorkbenchError):
            self.checked_by.setText(consultant_name(database))

    # --- building -------------------------------------------------------------------------

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        title = QLabel(f"{self._claim.code} — {self._claim.name}")
        title.setTextFormat(Qt.TextFormat.PlainText)
        title.setStyleSheet("font-size: 13pt; font-weight: 600;")
        layout.addWidget(title)
        facts = QLabel(self._facts())
        facts.setTextFormat(Qt.TextFormat.PlainText)
        facts.setStyleSheet("color: #555;")
        facts.setWordWrap(True)
        layout.addWidget(facts)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.checked_on = date_edit()
        self.checked_on.setDate(to_qdate(claim_service.today()))
        self.checked_on.setMaximumDate(to_qdate(claim_service.today()))  # a check is not ahead
        self.checked_on.setMinimumWidth(130)
        self.checked_by = QLineEdit()
        self.method = QComboBox()
        for method in CheckMethod:
            self.method.addItem(self.tr(method.label), method)
        self.method.setCurrentIndex(self.method.findData(default_method(self._rule)))
        self.outcome = QComboBox()
        for outcome, label in OUTCOME_LABELS.items():
            self.outcome.addItem(self.tr(label), outcome)
        # No outcome is assumed: a check saved as "Verified" by a slip would mislead a client.
        self.outcome.setPlaceholderText(self.tr("Choose what you found…"))
        self.outcome.setCurrentIndex(-1)
        self.reference = QLineEdit()
        self.reference.setPlaceholderText(
            self.tr("link to the register entry or badge, or the register's reference")
        )
        self.how_to = QLabel(self._how_to())
        self.how_to.setObjectName("howToCheck")
        self.how_to.setTextFormat(Qt.TextFormat.RichText)
        self.how_to.setOpenExternalLinks(True)
        self.how_to.setWordWrap(True)
        self.how_to.setStyleSheet("color: #444;")
        self.note = QPlainTextEdit()
        self.note.setPlaceholderText(self.tr("what you saw, whom you spoke to, anything odd"))
        self.note.setFixedHeight(80)

        self._row(form, self.tr("Checked on"), "checked_on", self.checked_on, stretch=True)
        self._row(form, self.tr("Checked by"), "checked_by", self.checked_by)
        self._row(form, self.tr("Method"), "method", self.method)
        self._row(form, self.tr("Outcome"), "outcome", self.outcome)
        # Once an outcome is chosen, "choose what you found" is no longer true.
        self.outcome.currentIndexChanged.connect(self._outcome_chosen)
        self._row(form, self.tr("Reference"), "reference", self.reference)
        form.addRow("", self.how_to)
        self._row(form, self.tr("Note"), "note", self.note)
        layout.addLayout(form)
        layout.addWidget(self._build_evidence())

        self.general_error = error_label()
        self.general_error.setObjectName("generalError")
        layout.addWidget(self.general_error)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.save_button = self.buttons.addButton(
            self.tr("Record check"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.save_button.setDefault(True)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

    def _build_evidence(self) -> QGroupBox:
        box = QGroupBox(self.tr("Evidence"))
        outer = QVBoxLayout(box)
        self.evidence_error = error_label()
        self.evidence_error.setObjectName("error_evidence")
        self._errors["evidence"] = self.evidence_error
        row = QHBoxLayout()
        self.evidence = EvidenceList()
        self.evidence.setMinimumHeight(70)
        self.evidence.setMaximumHeight(110)
        self.evidence.refused.connect(lambda message: show_error(self.evidence_error, message))
        row.addWidget(self.evidence, 1)
        column = QVBoxLayout()
        self.add_file_button = QPushButton(self.tr("Add file…"))
        self.remove_file_button = QPushButton(self.tr("Remove"))
        self.add_file_button.clicked.connect(self.add_files)
        self.remove_file_button.clicked.connect(self.evidence.remove_selected)
        self.evidence.itemSelectionChanged.connect(self._update_buttons)
        self.evidence.filesChanged.connect(self._update_buttons)
        column.addWidget(self.add_file_button)
        column.addWidget(self.remove_file_button)
        column.addStretch(1)
        row.addLayout(column)
        outer.addLayout(row)
        hint = QLabel(
            self.tr(
                "Screenshots of the register or the certificate: PDF, PNG or JPEG, up to "
                "{mb} MB each. Drop files on the list or use Add file…"
            ).format(mb=MAX_EVIDENCE_BYTES // 1048576)
        )
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #555;")
        outer.addWidget(hint)
        outer.addWidget(self.evidence_error)
        self._update_buttons()
        return box

    def _row(
        self, form: QFormLayout, label: str, name: str, widget: QWidget, stretch: bool = False
    ) -> None:
        field_row(form, label, self._errors, name, widget, stretch=stretch)

    def _facts(self) -> str:
        claim = self._claim
        label = self._rule.identifier_label if self._rule else self.tr("credential ID")
        parts = [
            f"{label} {claim.credential_id}"
            if claim.credential_id
            else self.tr("no {label} on file").format(label=label)
        ]
        if claim.secondary_id:
            parts.append(self.tr("secondary ID {id}").format(id=claim.secondary_id))
        if claim.earned_on:
            parts.append(self.tr("earned {day}").format(day=claim.earned_on.isoformat()))
        if claim.expires_on:
            parts.append(self.tr("lapses {day}").format(day=claim.expires_on.isoformat()))
        return " · ".join(parts)

    def _how_to(self) -> str:
        rule = self._rule
        if rule is None or not (rule.verify_how or rule.verify_url):
            return ""
        text = self.tr("How to check: {how}").format(how=escape(rule.verify_how))
        if rule.verify_url:
            url = escape(rule.verify_url, quote=True)
            text += f'<br><a href="{url}">{escape(rule.verify_url)}</a>'
        return text

    def _update_buttons(self) -> None:
        self.remove_file_button.setEnabled(bool(self.evidence.selectedItems()))
        self.add_file_button.setEnabled(self.evidence.count() < MAX_EVIDENCE_FILES)

    # --- actions --------------------------------------------------------------------------

    def choose_files(self) -> list[Path]:
        """Ask for evidence files in the usual file dialog (replaced in tests)."""
        names, _ = QFileDialog.getOpenFileNames(
            self,
            self.tr("Attach evidence"),
            "",
            self.tr("Evidence (*.pdf *.png *.jpg *.jpeg);;All files (*)"),
        )
        return [Path(name) for name in names]

    def add_files(self) -> None:
        """Choose files and add the usable ones to the list."""
        show_error(self.evidence_error, None)
        chosen = self.choose_files()
        if chosen:
            self.evidence.add_paths(chosen)

    def _outcome_chosen(self, index: int) -> None:
        if index >= 0:
            show_error(self._errors["outcome"], None)

    def draft(self, outcome: CheckOutcome) -> CheckDraft:
        """Return the check as typed, with the given outcome."""
        method: CheckMethod = self.method.currentData()
        return CheckDraft(
            checked_on=from_qdate(self.checked_on.date()),
            checked_by=self.checked_by.text(),
            method=method,
            outcome=outcome,
            reference=self.reference.text(),
            note=self.note.toPlainText(),
        )

    def save(self) -> bool:
        """Record the check; on a refusal say why in the dialog, keep the input. True if saved."""
        for label in (*self._errors.values(), self.general_error):
            show_error(label, None)
        outcome: CheckOutcome | None = self.outcome.currentData()
        if outcome is None:
            errors = {"outcome": self.tr("choose what you found")}
            try:  # the other fields are judged too, so every mistake shows at once
                validate_check(self.draft(CheckOutcome.PENDING), today=claim_service.today())
            except ValidationError as exc:
                errors.update(exc.errors)
            self._show_errors(errors)
            return False
        try:
            check = claim_service.record_check(
                self._database,
                self._claim.id,
                self.draft(outcome),
                self.evidence.paths(),
                expected_version=self._claim.version,
            )
        except ValidationError as exc:
            self._show_errors(exc.errors)
            return False
        except WorkbenchError as exc:
            message = str(exc)
            names = [p.name for p in self.evidence.paths()]
            about_a_file = any(name in message for name in names)
            show_error(self.evidence_error if about_a_file else self.general_error, message)
            return False
        except Exception as exc:
            show_error_box(self, self.tr("Check not recorded"), exc)
            return False
        self.recorded_check = check
        self.accept()
        return True

    def _show_errors(self, errors: dict[str, str]) -> None:
        show_field_errors(self._errors, self.general_error, errors)

    def error_text(self, name: str) -> str:
        """Return the error shown for a field ('' when none), for callers and tests."""
        return shown_error(self._errors, self.general_error, name, self)


__all__ = ["CheckDialog", "EvidenceList", "default_method"]


def _real(path: Path) -> Path:
    """Return the file a path leads to; a link loop or an unreadable folder leads to itself."""
    try:
        return path.resolve()
    except (OSError, RuntimeError):
        return path
