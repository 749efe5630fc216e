"""Preview one candidate's client-ready PDF profile inside the app, with its options beside it."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QCoreApplication, QIODevice, Qt, Signal
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from workbench.domain.errors import WorkbenchError
from workbench.pdf.profile_document import Branding, ProfileDocument, ProfileOptions
from workbench.services import consents
from workbench.services.branding import load_branding, load_page_size
from workbench.services.claims import today
from workbench.services.profiles import file_name, profile_pdf, record_exports, write_rendered
from workbench.store.engine import Database
from workbench.ui.errors import show_error
from workbench.ui.tasks import run_in_background


class ProfileOptionsBox(QGroupBox):
    """The consultant's choices for a profile: blind (or initials), salary, lapsed, page size."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Options"))
        self.blind = QCheckBox(self.tr("Blind: no name, contacts, city or employers"))
        self.blind.setObjectName("blindOption")
        self.initials = QCheckBox(self.tr("Use initials instead of the reference"))
        self.initials.setObjectName("initialsOption")
        self.initials.setEnabled(False)
        self.salary = QCheckBox(self.tr("Show salary and the guide's band"))
        self.salary.setObjectName("salaryOption")
        self.lapsed = QCheckBox(self.tr("Show lapsed certifications"))
        self.lapsed.setObjectName("lapsedOption")
        self.page_size = QComboBox()
        self.page_size.setObjectName("pageSizeOption")
        self.page_size.addItem(self.tr("A4"), "A4")
        self.page_size.addItem(self.tr("Letter"), "Letter")

    def set_page_size(self, page_size: str) -> None:
        """Start from the agency's page size (Settings), without announcing a change."""
        index = self.page_size.findData(page_size)
        if index >= 0:
            self.page_size.blockSignals(True)
            self.page_size.setCurrentIndex(index)
            self.page_size.blockSignals(False)

        layout = QFormLayout(self)
        layout.addRow(self.blind)
        initials_row = QHBoxLayout()
        initials_row.setContentsMargins(22, 0, 0, 0)  # a sub-option, indented under Blind
        initials_row.addWidget(self.initials)
        layout.addRow(initials_row)
        layout.addRow(self.salary)
        layout.addRow(self.lapsed)
        layout.addRow(self.tr("Page size:"), self.page_size)

        self.blind.toggled.connect(self.initials.setEnabled)
        for box in (self.blind, self.initials, self.salary, self.lapsed):
            box.toggled.connect(lambda *_: self.changed.emit())
        self.page_size.currentIndexChanged.connect(lambda *_: self.changed.emit())

    def options(self) -> ProfileOptions:
        """Return the options as ticked, generated today."""
        blind = self.blind.isChecked()
        return ProfileOptions(
            generated_on=today(),
            blind=blind,
            initials=blind and self.initials.isChecked(),
            show_salary=self.salary.isChecked(),
            show_lapsed=self.lapsed.isChecked(),
            page_size=self.page_size.currentData(),
        )


def representation_warning(database: Database, candidate_id: int) -> str:
    """Say when the candidate's consent to be represented does not hold today ('' if it does)."""
    try:
        problem = consents.unrepresentable(database, [candidate_id], today()).get(candidate_id)
    except WorkbenchError:
        return ""  # the preview itself will say what is wrong with the candidate
    if not problem:
        return ""
    return QCoreApplication.translate(
        "ProfilePreviewDialog",
        "Consent to be represented: {problem}. Record it on the Data protection tab before "
        "this profile goes to a client; Submit to client refuses without it.",
    ).format(problem=problem)


class ProfilePreviewDialog(QDialog):
    """Show the PDF a client would receive; re-render on each option; save the exact bytes."""

    rendered = Signal()  # the view shows the newest bytes
    saved = Signal(object)  # the Path written

    def __init__(
        self,
        database: Database,
        candidate_id: int,
        parent: QWidget | None = None,
        branding: Branding | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("profilePreview")
        self.database = database
        self.candidate_id = candidate_id
        self.branding = branding or load_branding(database)
        self.pdf_bytes: bytes | None = None
        self.pdf_options: ProfileOptions | None = None  # the options the bytes shown were made with
        self.profile: ProfileDocument | None = None
        self._generation = 0
        self._buffer: QBuffer | None = None  # QPdfDocument reads from it: keep it alive
        self.setWindowTitle(self.tr("Profile preview"))
        self.resize(1100, 900)

        self.pdf_document = QPdfDocument(self)
        self.view = QPdfView()
        self.view.setObjectName("profileView")
        self.view.setDocument(self.pdf_document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setPageSpacing(12)

        self.options_box = ProfileOptionsBox()

        self.options_box.set_page_size(load_page_size(database))
        self.options_box.changed.connect(self.refresh)
        self.save_button = QPushButton(self.tr("Save as…"))
        self.save_button.setObjectName("saveProfile")
        self.save_button.setEnabled(False)
        self.save_button.clicked.connect(self.save_as)

        # Not a refusal (a preview names no client), but the consultant should know before
        # this file is attached to an email.
        self.consent_note = QLabel(representation_warning(database, candidate_id))
        self.consent_note.setObjectName("previewConsentNote")
        self.consent_note.setWordWrap(True)
        self.consent_note.setStyleSheet(
            "background: #fff4ce; border: 1px solid #e0c060; padding: 6px; border-radius: 4px;"
        )
        self.consent_note.setVisible(bool(self.consent_note.text()))

        side = QVBoxLayout()
        side.addWidget(self.options_box)
        side.addWidget(self.save_button, 0, Qt.AlignmentFlag.AlignLeft)
        side.addWidget(self.consent_note)
        side.addStretch(1)
        side_widget = QWidget()
        side_widget.setLayout(side)
        side_widget.setFixedWidth(330)

        body = QHBoxLayout()
        body.addWidget(self.view, 1)
        body.addWidget(side_widget)

        self.status = QLabel()
        self.status.setObjectName("previewStatus")
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        bottom = QHBoxLayout()
        bottom.addWidget(self.status, 1)
        bottom.addWidget(buttons)

        layout = QVBoxLayout(self)
        layout.addLayout(body, 1)
        layout.addLayout(bottom)
        self.refresh()

    def options(self) -> ProfileOptions:
        """Return the options currently ticked."""
        return self.options_box.options()

    def refresh(self) -> None:
        """Render the profile with the current options off the GUI thread; show the newest."""
        self._generation += 1
        generation = self._generation
        options = self.options()
        database, candidate_id, branding = self.database, self.candidate_id, self.branding
        self.save_button.setEnabled(False)
        self.status.setText(self.tr("Rendering…"))
        run_in_background(
            lambda: profile_pdf(database, candidate_id, options, branding),
            lambda result: self._show(generation, options, result),
            lambda error: self._failed(generation, error),
            context=self,
        )

    def _show(
        self, generation: int, options: ProfileOptions, result: tuple[ProfileDocument, bytes]
    ) -> None:
        if generation != self._generation:
            return  # an option changed meanwhile: a newer render is on its way
        self.profile, self.pdf_bytes = result
        self.pdf_options = options
        self.pdf_document.close()
        buffer = QBuffer(self)
        buffer.setData(QByteArray(self.pdf_bytes))
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.pdf_document.load(buffer)
        if self._buffer is not None:
            self._buffer.close()
            self._buffer.deleteLater()
        self._buffer = buffer
        if self.pdf_document.status() != QPdfDocument.Status.Ready:
            self.status.setText(self.tr("The PDF could not be shown."))
            return
        self.setWindowTitle(
            self.tr("Profile preview — {name}").format(name=self.profile.display_name)
        )
        pages = self.pdf_document.pageCount()
        text = (
            self.tr("Ready · {reference} · 1 page")
            if pages == 1
            else self.tr("Ready · {reference} · {pages} pages")
        )
        self.status.setText(text.format(reference=self.profile.reference, pages=pages))
        self.save_button.setEnabled(True)
        self.rendered.emit()

    def _failed(self, generation: int, error: BaseException) -> None:
        if generation != self._generation:
            return
        self.status.setText(self.tr("Could not render the profile."))
        show_error(self, self.tr("Cannot preview the profile"), error)

    def save_as(self) -> None:
        """Ask where to save, then write the bytes shown, atomically; show their SHA-256."""
        data, profile, options = self.pdf_bytes, self.profile, self.pdf_options
        if data is None or profile is None or options is None:
            return
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Save profile"),
            str(Path.home() / file_name(profile)),
            self.tr("PDF files (*.pdf)"),
        )
        if not path:
            return
        target = Path(path)
        if target.suffix.lower() != ".pdf":
            target = target.with_name(target.name + ".pdf")
        try:
            written = write_rendered(target, data, [profile])
        except WorkbenchError as exc:
            show_error(self, self.tr("Profile not saved"), exc)
            return
        try:
            # The candidate's history keeps what was sent: when, how, and the file's hash.
            record_exports(self.database, [written], options)
        except WorkbenchError as exc:
            show_error(self, self.tr("Saved, but not recorded"), exc)
        digest = written.sha256
        self.status.setText(
            self.tr("Saved {name} · SHA-256 {digest}").format(name=target.name, digest=digest)
        )
        self.status.setToolTip(str(target))
        self.saved.emit(target)
