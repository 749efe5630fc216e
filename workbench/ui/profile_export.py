"""Profiles from the window: preview one candidate's PDF, export many in the background."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QGroupBox,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from workbench.domain.errors import WorkbenchError
from workbench.pdf.profile_document import Branding, ProfileOptions
from workbench.services import consents
from workbench.services.branding import load_branding, load_page_size
from workbench.services.profiles import write_combined_profiles, write_profile_folder
from workbench.services.progress import ProgressReporter
from workbench.store.engine import Database
from workbench.ui.errors import show_error
from workbench.ui.profile_preview import ProfileOptionsBox, ProfilePreviewDialog
from workbench.ui.tasks import LongTask

if TYPE_CHECKING:
    from workbench.ui.main_window import MainWindow


@dataclass(frozen=True)
class ExportedProfiles:
    """What an export wrote: how many profiles, where, and each file with its SHA-256."""

    count: int
    where: Path
    files: tuple[tuple[Path, str], ...]
    without_consent: int = 0  # how many have no consent to be represented holding today


def export_profiles(
    database: Database,
    candidate_ids: Sequence[int],
    target: Path,
    options: ProfileOptions,
    branding: Branding,
    *,
    combined: bool,
    reporter: ProgressReporter,
) -> ExportedProfiles:
    """Write one PDF per candidate into the folder target, or one combined PDF at target.

    Cancel keeps nothing: no combined file, and no file of the folder written by this export.
    """
    ids = list(dict.fromkeys(candidate_ids))
    if not ids:
        raise WorkbenchError("no candidates to export")
    if combined:
        one = write_combined_profiles(database, ids, target, options, branding, reporter=reporter)
        files: tuple[tuple[Path, str], ...] = ((one.path, one.sha256),)
        count = len(one.candidate_ids)
    else:
        written = write_profile_folder(database, ids, target, options, branding, reporter=reporter)
        files = tuple((item.path, item.sha256) for item in written)
        count = len(written)
    unconsented = consents.unrepresentable(database, ids, options.generated_on)
    return ExportedProfiles(count, target, files, len(unconsented))


class ExportChoiceDialog(QDialog):
    """Ask whether to write a folder of PDFs or one combined PDF, and with which options."""

    def __init__(self, count: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("exportProfilesDialog")
        self.setWindowTitle(self.tr("Export {n} profiles").format(n=count))
        self.folder = QRadioButton(self.tr("A folder with one PDF per candidate"))
        self.folder.setObjectName("exportToFolder")
        self.folder.setChecked(True)
        self.combined = QRadioButton(self.tr("One combined PDF"))
        self.combined.setObjectName("exportCombined")
        group = QButtonGroup(self)
        group.addButton(self.folder)
        group.addButton(self.combined)
        where = QGroupBox(self.tr("Write"))
        where_layout = QVBoxLayout(where)
        where_layout.addWidget(self.folder)
        where_layout.addWidget(self.combined)
        self.options_box = ProfileOptionsBox()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Choose where…"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(where)
        layout.addWidget(self.options_box)
        layout.addWidget(buttons)

    def options(self) -> ProfileOptions:
        """Return the options as ticked."""
        return self.options_box.options()


class ProfileScreens(QObject):
    """Open the profile preview and run profile exports for the main window."""

    def __init__(self, window: MainWindow, branding: Branding | None = None) -> None:
        super().__init__(window)
        self.window = window
        self.branding = branding or load_branding(window.database)
        self.preview_dialog: ProfilePreviewDialog | None = None
        self.last_task: LongTask | None = None

    def previewable_id(self) -> int | None:
        """Return the one selected candidate, or the one in the editor when none is selected."""
        ids = self.window.selected_ids()
        if len(ids) == 1:
            return ids[0]
        candidate = self.window.editor.candidate
        if not ids and candidate is not None:
            return candidate.id
        return None

    def preview_profile(self) -> None:
        """Show the PDF profile of the selected candidate."""
        candidate_id = self.previewable_id()
        if candidate_id is None:
            return
        if self.preview_dialog is not None:
            self.preview_dialog.close()
            self.preview_dialog.deleteLater()
        self.preview_dialog = ProfilePreviewDialog(
            self.window.database, candidate_id, self.window, self.branding
        )
        self.preview_dialog.show()

    def export_selected(self) -> None:
        """Ask how and where to export the selected candidates' profiles, then export them."""
        ids = self.window.selected_ids()
        if not ids:
            return
        choice = ExportChoiceDialog(len(ids), self.window)
        choice.options_box.set_page_size(load_page_size(self.window.database))
        if choice.exec() != QDialog.DialogCode.Accepted:
            return
        options, combined = choice.options(), choice.combined.isChecked()
        if combined:
            path, _ = QFileDialog.getSaveFileName(
                self.window,
                self.tr("Save combined profiles"),
                str(Path.home() / "profiles.pdf"),
                self.tr("PDF files (*.pdf)"),
            )
            if not path:
                return
            target = Path(path)
            if target.suffix.lower() != ".pdf":
                target = target.with_name(target.name + ".pdf")
        else:
            folder = QFileDialog.getExistingDirectory(
                self.window, self.tr("Folder for the profiles"), str(Path.home())
            )
            if not folder:
                return
            target = Path(folder)
        self.export(ids, target, options, combined=combined)

    def export(
        self, candidate_ids: Sequence[int], target: Path, options: ProfileOptions, *, combined: bool
    ) -> LongTask:
        """Export profiles in the background with progress and Cancel; report where they went."""
        database, branding, window = self.window.database, self.branding, self.window
        title = self.tr("Exporting profiles")
        task = LongTask(
            window,
            title,
            lambda reporter: export_profiles(
                database, candidate_ids, target, options, branding,
                combined=combined, reporter=reporter,
            ),
        )  # fmt: skip
        task.succeeded.connect(self._exported)
        task.failed.connect(lambda error: show_error(window, title, error))
        task.cancelled.connect(
            lambda: window.statusBar().showMessage(
                self.tr("Cancelled; no profiles were kept."), 8000
            )
        )
        self.last_task = task
        task.start()
        return task

    def _exported(self, result: ExportedProfiles) -> None:
        if len(result.files) == 1 and result.files[0][0] == result.where:
            text = self.tr("Wrote {n} profiles to {path} · SHA-256 {digest}").format(
                n=result.count, path=result.where, digest=result.files[0][1]
            )
        else:
            text = self.tr("Wrote {n} profiles to {path}").format(n=result.count, path=result.where)
        if result.without_consent:
            text += self.tr(
                " · {n} without consent to be represented: record it before they go to a client"
            ).format(n=result.without_consent)
        self.window.statusBar().showMessage(text, 15000)
