"""The candidate editor's Vetting tab: stage and gate, scorecard, interviews, references."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from workbench.domain.errors import ConflictError, ValidationError
from workbench.domain.vetting import (
    InterviewNote,
    ReferenceCheck,
    Vetting,
)
from workbench.services import vetting as vetting_service
from workbench.store.engine import Database
from workbench.ui.errors import ask_to_reload, show_error
from workbench.ui.interview_dialog import InterviewDialog
from workbench.ui.reference_dialog import ReferenceDialog
from workbench.ui.scorecard_form import ScorecardForm
from workbench.ui.stage_dialog import GAP_STYLE, move_candidate, utc_text
from workbench.ui.vetting_lists import (
    INTERVIEW_HEADERS,
    REFERENCE_HEADERS,
    TIMELINE_HEADERS,
    button_row,
    fill_interviews,
    fill_references,
    fill_timeline,
    list_table,
)

READY_STYLE = (
    "background: #e6f4ea; border: 1px solid #7cb987; padding: 6px; border-radius: 4px;"
    " color: #1e5b2a;"
)


class VettingTab(QWidget):
    """Show and record a stored candidate's vetting; everything saves through its own button."""

    vettingChanged = Signal(int)  # candidate id: a save, move or removal went through

    def __init__(self, database: Database, parent: QWidget | None = None) -> None:
        """Build the tab, empty until a candidate is shown."""
        super().__init__(parent)
        self._database = database
        self._candidate_id: int | None = None
        self._vetting: Vetting | None = None
        self._build()
        self.show_candidate(None)

    # --- building -------------------------------------------------------------------------

    def _build(self) -> None:
        """Lay out the hint and the scrolling sections."""
        outer = QVBoxLayout(self)
        self.hint = QLabel()
        self.hint.setObjectName("vettingHint")
        self.hint.setWordWrap(True)
        outer.addWidget(self.hint)
        content = QWidget()
        layout = QVBoxLayout(content)
        layout.setContentsMargins(0, 0, 4, 0)
        layout.addWidget(self._build_stage())
        self.scorecard = ScorecardForm()
        self.scorecard.saveRequested.connect(self.save_scorecard)
        layout.addWidget(self.scorecard)
        layout.addWidget(self._build_interviews())
        layout.addWidget(self._build_references())
        layout.addWidget(self._build_timeline())
        layout.addStretch(1)
        self.body = QScrollArea()
        self.body.setWidgetResizable(True)
        self.body.setWidget(content)
        outer.addWidget(self.body, 1)

    def _build_stage(self) -> QGroupBox:
        """Build the stage line, the Move button and the gate checklist."""
        box = QGroupBox(self.tr("Pipeline stage"))
        layout = QVBoxLayout(box)
        row = QHBoxLayout()
        self.stage_label = QLabel()
        self.stage_label.setObjectName("stageLabel")
        self.stage_label.setTextFormat(Qt.TextFormat.PlainText)
        self.stage_label.setStyleSheet("font-weight: 600;")
        row.addWidget(self.stage_label, 1)
        self.move_button = QPushButton(self.tr("Move to stage…"))
        self.move_button.clicked.connect(self.move_stage)
        row.addWidget(self.move_button)
        layout.addLayout(row)
        self.gate_label = QLabel()
        self.gate_label.setObjectName("gateChecklist")
        self.gate_label.setWordWrap(True)
        self.gate_label.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.gate_label)
        return box

    def _build_interviews(self) -> QGroupBox:
        """Build the interview notes list and its buttons."""
        box = QGroupBox(self.tr("Interview notes"))
        layout = QVBoxLayout(box)
        self.interviews_table = list_table(INTERVIEW_HEADERS, self, "interviewsTable")
        self.interviews_table.itemSelectionChanged.connect(self._update_buttons)
        self.interviews_table.itemDoubleClicked.connect(lambda *_: self.edit_interview())
        layout.addWidget(self.interviews_table)
        self.add_interview_button = QPushButton(self.tr("Add…"))
        self.edit_interview_button = QPushButton(self.tr("Edit…"))
        self.remove_interview_button = QPushButton(self.tr("Remove"))
        self.add_interview_button.clicked.connect(self.add_interview)
        self.edit_interview_button.clicked.connect(self.edit_interview)
        self.remove_interview_button.clicked.connect(self.remove_interview)
        layout.addLayout(
            button_row(
                self.add_interview_button,
                self.edit_interview_button,
                self.remove_interview_button,
            )
        )
        return box

    def _build_references(self) -> QGroupBox:
        """Build the reference checks list and its buttons."""
        box = QGroupBox(self.tr("Reference checks"))
        layout = QVBoxLayout(box)
        self.references_table = list_table(REFERENCE_HEADERS, self, "referencesTable")
        self.references_table.itemSelectionChanged.connect(self._update_buttons)
        self.references_table.itemDoubleClicked.connect(lambda *_: self.edit_reference())
        layout.addWidget(self.references_table)
        self.add_reference_button = QPushButton(self.tr("Add…"))
        self.edit_reference_button = QPushButton(self.tr("Edit…"))
        self.remove_reference_button = QPushButton(self.tr("Remove"))
        self.add_reference_button.clicked.connect(self.add_reference)
        self.edit_reference_button.clicked.connect(self.edit_reference)
        self.remove_reference_button.clicked.connect(self.remove_reference)
        layout.addLayout(
            button_row(
                self.add_reference_button,
                self.edit_reference_button,
                self.remove_reference_button,
            )
        )
        return box

    def _build_timeline(self) -> QGroupBox:
        """Build the list of stage moves."""
        box = QGroupBox(self.tr("Timeline, newest first"))
        layout = QVBoxLayout(box)
        self.timeline_table = list_table(TIMELINE_HEADERS, self, "timelineTable")
        header = self.timeline_table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.timeline_table)
        return box

    # --- loading --------------------------------------------------------------------------

    @property
    def vetting(self) -> Vetting | None:
        """Return the vetting on screen."""
        return self._vetting

    def show_candidate(self, candidate_id: int | None) -> None:
        """Show a stored candidate's vetting; a new candidate has none until it is saved."""
        same = candidate_id is not None and candidate_id == self._candidate_id
        self._candidate_id = candidate_id
        self.body.setEnabled(candidate_id is not None)
        self.hint.setStyleSheet("color: #555;" if candidate_id else "font-weight: 600;")
        if candidate_id is None:
            self.hint.setText(self.tr("Save the candidate first; then they can be vetted here."))
            self._vetting = None
            self._fill()
            return
        self.hint.setText(
            self.tr(
                "Each part saves on its own (Save scorecard, the dialogs), not by the Save "
                "button below. Vetted needs a full scorecard, a positive reference and every "
                "certification verified or waived."
            )
        )
        # The same candidate shown again (after their profile was saved) keeps scorecard edits.
        self.refresh(keep_edits=same)

    def refresh(self, keep_edits: bool = True) -> None:
        """Read the vetting again; unsaved scorecard edits stay on screen unless told otherwise."""
        if self._candidate_id is None:
            return
        try:
            self._vetting = vetting_service.vetting(self._database, self._candidate_id)
        except Exception as exc:
            self._vetting = None
            self._fill()
            show_error(self, self.tr("Cannot read the vetting"), exc)
            return
        self._fill(keep_scorecard=keep_edits and self.scorecard.is_dirty)

    def _fill(self, keep_scorecard: bool = False) -> None:
        """Show the vetting read last (or nothing), keeping scorecard edits if asked."""
        vetting = self._vetting
        self._fill_stage(vetting)
        if not keep_scorecard:
            self.scorecard.set_scorecard(vetting.scorecard if vetting else None)
        fill_interviews(self.interviews_table, vetting.interviews if vetting else ())
        fill_references(self.references_table, vetting.references if vetting else ())
        fill_timeline(self.timeline_table, vetting.moves if vetting else ())
        self._update_buttons()

    def _fill_stage(self, vetting: Vetting | None) -> None:
        """Show the stage, since when, and what the gate still needs."""
        if vetting is None:
            self.stage_label.setText(self.tr("Not in the pipeline yet"))
            self.gate_label.setText("")
            self.gate_label.hide()
            return
        since = utc_text(vetting.stage_since)
        self.stage_label.setText(
            self.tr("{stage} · since {when}").format(stage=vetting.stage.name, when=since)
            if since
            else vetting.stage.name
        )
        self.gate_label.show()
        gate = vetting.gate_stage
        if vetting.gaps:
            lines = "\n".join(f"⚠  {gap}" for gap in vetting.gaps)
            heading = (
                self.tr("{gate} earlier, but the gate would now ask for:")
                if vetting.past_gate
                else self.tr("{gate} still needs:")
            ).format(gate=gate)
            self.gate_label.setText(f"{heading}\n{lines}")
            self.gate_label.setStyleSheet(GAP_STYLE)
        else:
            self.gate_label.setText(
                (
                    self.tr("✔  Vetting complete")
                    if vetting.past_gate
                    else self.tr("✔  Ready for {gate}")
                ).format(gate=gate)
            )
            self.gate_label.setStyleSheet(READY_STYLE)

    def gap_lines(self) -> list[str]:
        """Return the gate checklist's lines as shown (empty when ready), for callers and tests."""
        if self._vetting is None or not self.gate_label.text() or not self._vetting.gaps:
            return []
        return [line.removeprefix("⚠  ") for line in self.gate_label.text().splitlines()[1:]]

    # --- selection ------------------------------------------------------------------------

    @staticmethod
    def _selected_row(table: QTableWidget, count: int) -> int | None:
        """Return the selected row of a table, None when none or out of range."""
        rows = table.selectionModel().selectedRows()
        return rows[0].row() if rows and rows[0].row() < count else None

    def selected_interview(self) -> InterviewNote | None:
        """Return the interview note selected in its table, if any."""
        notes = self._vetting.interviews if self._vetting else ()
        row = self._selected_row(self.interviews_table, len(notes))
        return None if row is None else notes[row]

    def selected_reference(self) -> ReferenceCheck | None:
        """Return the reference selected in its table, if any."""
        references = self._vetting.references if self._vetting else ()
        row = self._selected_row(self.references_table, len(references))
        return None if row is None else references[row]

    def _update_buttons(self) -> None:
        """Enable what the candidate and the selections allow."""
        stored = self._vetting is not None
        self.move_button.setEnabled(stored)
        self.add_interview_button.setEnabled(stored)
        self.add_reference_button.setEnabled(stored)
        note, reference = self.selected_interview(), self.selected_reference()
        self.edit_interview_button.setEnabled(note is not None)
        self.remove_interview_button.setEnabled(note is not None)
        self.edit_reference_button.setEnabled(reference is not None)
        self.remove_reference_button.setEnabled(reference is not None)

    # --- actions --------------------------------------------------------------------------

    def run_dialog(self, dialog: QDialog) -> bool:
        """Show a dialog modally; True when it was accepted (replaced in tests)."""
        return dialog.exec() == QDialog.DialogCode.Accepted

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

    def offer_reload(self, message: str) -> bool:
        """Say someone else saved the scorecard; True when the consultant wants theirs shown."""
        return ask_to_reload(self, message, self.tr("their scorecard"))

    def _changed(self) -> None:
        """Read everything again and tell the editor something was saved."""
        self.refresh(keep_edits=True)
        if self._candidate_id is not None:
            self.vettingChanged.emit(self._candidate_id)

    def save_scorecard(self) -> bool:
        """Save the scorecard against the version it was loaded at; True if saved."""
        if self._candidate_id is None or self._vetting is None:
            return False
        self.scorecard.show_errors({})
        try:
            vetting_service.save_scorecard(
                self._database,
                self._candidate_id,
                self.scorecard.draft(),
                self.scorecard.base_version,
            )
        except ValidationError as exc:
            self.scorecard.show_errors(exc.errors)
            return False
        except ConflictError as exc:
            if self.offer_reload(str(exc)):
                self.refresh(keep_edits=False)
            return False
        except Exception as exc:
            show_error(self, self.tr("Scorecard not saved"), exc)
            return False
        self.refresh(keep_edits=False)
        if self._candidate_id is not None:
            self.vettingChanged.emit(self._candidate_id)
        return True

    def move_stage(self) -> None:
        """Ask for a stage and move the candidate there, through the gate."""
        if self._candidate_id is None or self._vetting is None:
            return
        move = move_candidate(
            self,
            self._database,
            self._candidate_id,
            expected_stage_id=self._vetting.stage.id,
        )
        if move is not None:
            self._changed()
        else:
            self.refresh()  # a refused or cancelled move may have met someone else's change

    def add_interview(self) -> None:
        """Record a new interview note."""
        if self._candidate_id is None:
            return
        dialog = InterviewDialog(self._database, self._candidate_id, parent=self)
        if self.run_dialog(dialog) and dialog.saved_note is not None:
            self._changed()

    def edit_interview(self) -> None:
        """Correct the selected interview note."""
        note = self.selected_interview()
        if note is None or self._candidate_id is None:
            return
        dialog = InterviewDialog(self._database, self._candidate_id, note, parent=self)
        if self.run_dialog(dialog) and dialog.saved_note is not None:
            self._changed()

    def remove_interview(self) -> None:
        """Remove the selected interview note after asking; the history keeps it."""
        note = self.selected_interview()
        if note is None or not self.confirm(
            self.tr("Remove interview note"),
            self.tr("Remove the note of the interview held on {day}?").format(
                day=note.held_on.isoformat()
            ),
        ):
            return
        try:
            vetting_service.remove_interview_note(self._database, note.id, note.version)
        except Exception as exc:
            show_error(self, self.tr("Note not removed"), exc)
            self.refresh()
            return
        self._changed()

    def add_reference(self) -> None:
        """Record a new reference check."""
        if self._candidate_id is None:
            return
        dialog = ReferenceDialog(self._database, self._candidate_id, parent=self)
        if self.run_dialog(dialog) and dialog.saved_reference is not None:
            self._changed()

    def edit_reference(self) -> None:
        """Correct the selected reference check."""
        reference = self.selected_reference()
        if reference is None or self._candidate_id is None:
            return
        dialog = ReferenceDialog(self._database, self._candidate_id, reference, parent=self)
        if self.run_dialog(dialog) and dialog.saved_reference is not None:
            self._changed()

    def remove_reference(self) -> None:
        """Remove the selected reference after asking; the history keeps it."""
        reference = self.selected_reference()
        if reference is None or not self.confirm(
            self.tr("Remove reference"),
            self.tr("Remove the reference from {referee}?").format(referee=reference.draft.referee),
        ):
            return
        try:
            vetting_service.remove_reference(self._database, reference.id, reference.version)
        except Exception as exc:
            show_error(self, self.tr("Reference not removed"), exc)
            self.refresh()
            return
        self._changed()


__all__ = ["VettingTab"]
