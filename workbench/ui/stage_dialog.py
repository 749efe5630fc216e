"""The "Move to stage" dialog: pick a stage, give a reason, and override the gate in writing."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from workbench.domain.errors import GateRefused, ValidationError, WorkbenchError
from workbench.domain.vetting import Stage, StageMove
from workbench.services import candidates as candidate_service
from workbench.services import pipeline
from workbench.services import vetting as vetting_service
from workbench.store.engine import Database
from workbench.ui.editor_sections import (
    error_label,
    field_row,
    show_error,
    show_field_errors,
    shown_error,
)
from workbench.ui.errors import show_error as show_error_box

GAP_STYLE = (
    "background: #fff4ce; border: 1px solid #e0c060; padding: 6px; border-radius: 4px;"
    " color: #6b4500;"
)


def utc_text(value: object) -> str:
    """Return a stored UTC time as the editor prints it."""
    return f"{value:%Y-%m-%d %H:%M} UTC" if value is not None else ""


class StageDialog(QDialog):
    """Move one candidate to another stage; a refused gate is explained and may be overridden."""

    def __init__(
        self,
        database: Database,
        candidate_id: int,
        target_stage_id: int | None = None,
        expected_stage_id: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        """Read the candidate's stage and the pipeline, then build the form."""
        super().__init__(parent)
        self._database = database
        self._candidate_id = candidate_id
        self.stage_move: StageMove | None = None
        self.missing: list[str] = []
        self._errors: dict[str, QLabel] = {}
        self.setWindowTitle(self.tr("Move to stage"))
        self.setMinimumWidth(480)
        # Read once, on the GUI thread: one candidate's stage and the short list of stages.
        vetting = vetting_service.vetting(database, candidate_id)
        name = candidate_service.get_candidate(database, candidate_id).draft.full_name
        self._current = vetting.stage
        # The move is refused if someone moved the candidate since the caller (or we) looked.
        self._expected = expected_stage_id if expected_stage_id is not None else vetting.stage.id
        self._stages = [s for s in pipeline.stages(database) if s.id != vetting.stage.id]
        self._build(name, vetting.stage_since)
        self._preselect(target_stage_id)

    def _build(self, name: str, since: object) -> None:
        """Lay out the candidate, stage, reason, gate panel and buttons."""
        layout = QVBoxLayout(self)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.current_label = QLabel(
            self.tr("{stage} (since {when})").format(
                stage=self._current.name, when=utc_text(since) or self.tr("unknown")
            )
        )
        self.current_label.setTextFormat(Qt.TextFormat.PlainText)
        form.addRow(self.tr("Candidate"), QLabel(name))
        form.addRow(self.tr("Current stage"), self.current_label)
        self.stage = QComboBox()
        for stage in self._stages:
            text = self.tr("{name} (exit)").format(name=stage.name) if stage.closed else stage.name
            self.stage.addItem(text, stage.id)
        self.stage.currentIndexChanged.connect(self._stage_changed)
        field_row(form, self.tr("Move to"), self._errors, "stage", self.stage)
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(self.tr("optional: why now, what was agreed"))
        field_row(form, self.tr("Reason"), self._errors, "reason", self.reason)
        layout.addLayout(form)

        # Shown only after the gate refused: exactly what is missing, then the way past it.
        self.gate_box = QWidget()
        gate = QVBoxLayout(self.gate_box)
        gate.setContentsMargins(0, 6, 0, 0)
        self.gaps_label = QLabel()
        self.gaps_label.setObjectName("gateGaps")
        self.gaps_label.setWordWrap(True)
        self.gaps_label.setTextFormat(Qt.TextFormat.PlainText)
        self.gaps_label.setStyleSheet(GAP_STYLE)
        gate.addWidget(self.gaps_label)
        override_form = QFormLayout()
        override_form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.override = QLineEdit()
        self.override.setPlaceholderText(self.tr("why the candidate goes on without it"))
        field_row(
            override_form,
            self.tr("Override with a\nwritten reason"),
            self._errors,
            "override_reason",
            self.override,
        )
        gate.addLayout(override_form)
        self.gate_box.hide()
        layout.addWidget(self.gate_box)

        self.general_error = error_label()
        self.general_error.setObjectName("generalError")
        layout.addWidget(self.general_error)
        layout.addStretch(1)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Move"))
        self.ok_button.setDefault(True)  # Enter in either box confirms
        self.buttons.accepted.connect(self.confirm)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        if not self._stages:
            show_error(self.general_error, self.tr("There is no other stage to move to."))
            self.ok_button.setEnabled(False)

    def _preselect(self, target_stage_id: int | None) -> None:
        """Choose the asked-for stage, else the next one on the main line."""
        index = self.stage.findData(target_stage_id) if target_stage_id is not None else -1
        if index < 0:
            # The natural next step: the first main-line stage after the current one.
            later = [
                i
                for i, s in enumerate(self._stages)
                if not s.closed and s.position > self._current.position
            ]
            index = later[0] if later else 0
        self.stage.setCurrentIndex(index)
        self.reason.setFocus()

    def selected_stage(self) -> Stage | None:
        """Return the stage chosen in the combo."""
        stage_id = self.stage.currentData()
        return next((s for s in self._stages if s.id == stage_id), None)

    def select_stage(self, name: str) -> None:
        """Choose a stage by its name."""
        for index, stage in enumerate(self._stages):
            if stage.name == name:
                self.stage.setCurrentIndex(index)
                return
        raise LookupError(name)

    def _stage_changed(self) -> None:
        """Forget a refusal that was about another stage."""
        # An override answers one refusal for one stage; another stage is asked afresh.
        self.missing = []
        self.gate_box.hide()
        self.override.clear()
        self._clear_errors()
        self.adjustSize()

    def _clear_errors(self) -> None:
        """Hide every error line."""
        for label in (*self._errors.values(), self.general_error):
            show_error(label, None)

    def _show_refusal(self, refusal: GateRefused) -> None:
        """List what the gate found missing and ask for an override reason."""
        self.missing = list(refusal.missing)
        lines = "\n".join(f"•  {item}" for item in refusal.missing)
        self.gaps_label.setText(
            self.tr("{stage} needs:\n{lines}").format(stage=refusal.stage, lines=lines)
        )
        self.gate_box.show()
        self.ok_button.setText(self.tr("Move anyway"))
        self.override.setFocus()
        self.adjustSize()

    def confirm(self) -> bool:
        """Try the move; stay open with the reason shown when it is refused. True if moved."""
        self._clear_errors()
        stage = self.selected_stage()
        if stage is None:
            return False
        overriding = bool(self.missing)
        override = self.override.text().strip()
        if overriding and not override:
            show_error(
                self._errors["override_reason"],
                self.tr("write why the candidate moves on with these items missing"),
            )
            self.override.setFocus()
            return False
        try:
            self.stage_move = pipeline.move_stage(
                self._database,
                self._candidate_id,
                stage,
                reason=self.reason.text(),
                override=override if overriding else "",
                expected_stage_id=self._expected,
            )
        except GateRefused as refusal:
            self._show_refusal(refusal)
            return False
        except ValidationError as exc:
            # The service names fields in words ("override reason"); the labels use snake_case.
            errors = {key.replace(" ", "_"): text for key, text in exc.errors.items()}
            show_field_errors(self._errors, self.general_error, errors)
            return False
        except WorkbenchError as exc:
            # Moved by someone else meanwhile, deleted, already there: said here, kept open.
            show_error(self.general_error, str(exc))
            return False
        except Exception as exc:
            show_error_box(self, self.tr("Not moved"), exc)
            return False
        self.accept()
        return True

    def error_text(self, name: str) -> str:
        """Return the error shown under a field ('' when none), for callers and tests."""
        return shown_error(self._errors, self.general_error, name, self)


def move_candidate(
    parent: QWidget,
    database: Database,
    candidate_id: int,
    target_stage_id: int | None = None,
    expected_stage_id: int | None = None,
) -> StageMove | None:
    """Ask where to move a candidate and move them; return the move, None when cancelled."""
    try:
        dialog = StageDialog(database, candidate_id, target_stage_id, expected_stage_id, parent)
    except Exception as exc:
        show_error_box(parent, parent.tr("Cannot move the candidate"), exc)
        return None
    dialog.exec()
    move = dialog.stage_move
    dialog.deleteLater()
    return move


__all__ = ["StageDialog", "move_candidate"]
