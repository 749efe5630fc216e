"""The Pipeline tab of Settings: rename, add, reorder and remove the agency's stages."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListView,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from workbench.domain.errors import ValidationError
from workbench.domain.vetting import Stage, StageDraft, StageRole, validate_stages

ParentIndex = QModelIndex | QPersistentModelIndex

ERROR_COLOUR = "#b00020"

# Why the app needs each role's stage, said where Remove is refused.
ROLE_REASONS = {
    StageRole.SOURCED: "new candidates start here",
    StageRole.VETTED: "moving here or past it needs the vetting to be complete",
    StageRole.PRESENTED: "profiles sent to clients are counted here",
    StageRole.PLACED: "placements are counted here",
    StageRole.REJECTED: "rejected candidates leave the pipeline here",
    StageRole.WITHDRAWN: "candidates who withdraw leave the pipeline here",
}


@dataclass(frozen=True)
class StageRow:
    """One stage as the tab holds it: the draft being edited and how many it holds now."""

    name: str
    closed: bool = False
    id: int | None = None
    role: StageRole | None = None
    count: int = 0

    def draft(self) -> StageDraft:
        """Return the stage as save_stages takes it."""
        return StageDraft(name=self.name, closed=self.closed, id=self.id, role=self.role)


class StagesModel(QAbstractListModel):
    """The stages in order; a row reads "Screening — 42 candidates" and edits as its name."""

    edited = Signal()  # a name, the order, the list or an exit flag changed

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[StageRow] = []
        self._errors: dict[int, str] = {}

    @property
    def rows(self) -> tuple[StageRow, ...]:
        """Return the stages in the order shown."""
        return tuple(self._rows)

    def set_rows(self, rows: Sequence[StageRow]) -> None:
        """Show a fresh list of stages and forget any marked errors."""
        self.beginResetModel()
        self._rows = list(rows)
        self._errors = {}
        self.endResetModel()

    def row(self, row: int) -> StageRow | None:
        """Return the stage shown in a row."""
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def set_errors(self, errors: Mapping[int, str]) -> None:
        """Mark rows (by index) as wrong, with what is wrong as their tooltip."""
        self._errors = dict(errors)
        if self._rows:
            self.dataChanged.emit(self.index(0), self.index(len(self._rows) - 1))

    def rowCount(self, parent: ParentIndex = QModelIndex()) -> int:  # noqa: B008
        """Return the number of stages (none under a row: this is a flat list)."""
        return 0 if parent.isValid() else len(self._rows)

    def label(self, stage: StageRow) -> str:
        """Return a row as shown: its name, how many it holds, and whether it is an exit."""
        if stage.id is None:
            held = self.tr("new")
        elif stage.count == 0:
            held = self.tr("no candidates")
        elif stage.count == 1:
            held = self.tr("1 candidate")
        else:
            held = self.tr("{n} candidates").format(n=f"{stage.count:,}")
        text = self.tr("{name} — {held}").format(name=stage.name or self.tr("(no name)"), held=held)
        return text + (self.tr(" · exit") if stage.closed else "")

    def data(self, index: ParentIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Return a row's label, its name for editing, its error or its role's note."""
        stage = self.row(index.row()) if index.isValid() else None
        if stage is None:
            return None
        error = self._errors.get(index.row())
        if role == Qt.ItemDataRole.DisplayRole:
            return self.label(stage)
        if role == Qt.ItemDataRole.EditRole:
            return stage.name
        if role == Qt.ItemDataRole.ToolTipRole:
            if error:
                return error
            if stage.role is not None:
                return self.tr("The app relies on this stage: {why}.").format(
                    why=self.tr(ROLE_REASONS[stage.role])
                )
            return None
        if role == Qt.ItemDataRole.ForegroundRole and error:
            return QBrush(QColor(ERROR_COLOUR))
        if role == Qt.ItemDataRole.FontRole and stage.role is not None:
            # The stages the app relies on stand out: they can be renamed, never removed.
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.UserRole:
            return stage.id
        return None

    def setData(self, index: ParentIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        """Rename a stage in place; the name is checked when saving and as it changes."""
        stage = self.row(index.row()) if index.isValid() else None
        if stage is None or role != Qt.ItemDataRole.EditRole:
            return False
        name = " ".join(str(value).split())
        if name == stage.name:
            return False
        self._rows[index.row()] = replace(stage, name=name)
        self.dataChanged.emit(index, index)
        self.edited.emit()
        return True

    def flags(self, index: ParentIndex) -> Qt.ItemFlag:
        """Every stage is selectable and renamable in place."""
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEditable

    def set_closed(self, row: int, closed: bool) -> None:
        """Make a custom stage an exit (or not); stages with a role keep theirs."""
        stage = self.row(row)
        if stage is None or stage.role is not None or stage.closed == closed:
            return
        self._rows[row] = replace(stage, closed=closed)
        self.dataChanged.emit(self.index(row), self.index(row))
        self.edited.emit()

    def insert(self, row: int, stage: StageRow) -> None:
        """Add a stage before `row`."""
        row = max(0, min(row, len(self._rows)))
        self.beginInsertRows(QModelIndex(), row, row)
        self._rows.insert(row, stage)
        self.endInsertRows()
        self.edited.emit()

    def remove(self, row: int) -> None:
        """Take a stage out of the list (stored only when Settings are saved)."""
        if self.row(row) is None:
            return
        self.beginRemoveRows(QModelIndex(), row, row)
        del self._rows[row]
        self.endRemoveRows()
        self.edited.emit()

    def move(self, row: int, by: int) -> bool:
        """Move a stage up (-1) or down (+1); return False at either end."""
        target = row + by
        if self.row(row) is None or not 0 <= target < len(self._rows):
            return False
        # Qt's destination is the row the moved one lands before, counted before the move.
        destination = target + 1 if by > 0 else target
        self.beginMoveRows(QModelIndex(), row, row, QModelIndex(), destination)
        self._rows.insert(target, self._rows.pop(row))
        self.endMoveRows()
        self.edited.emit()
        return True


class StagesEditor(QWidget):
    """Edit the pipeline's stages; nothing is stored until Settings are saved."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("stagesEditor")
        self._loaded: tuple[StageDraft, ...] = ()
        self.loaded_stages: tuple[Stage, ...] = ()  # as stored when shown: save refuses if changed
        self._kept_roles: tuple[StageRole, ...] = ()
        self._build()
        self._update_buttons()

    # --- building -------------------------------------------------------------------------

    def _button(self, name: str, text: str, slot: Any) -> QPushButton:
        """Return a named push button wired to a slot."""
        button = QPushButton(text)
        button.setObjectName(name)
        button.clicked.connect(slot)
        return button

    def _build(self) -> None:
        """Lay out the list, its buttons, the selected stage's box and the errors."""
        self.model = StagesModel(self)
        self.model.edited.connect(self._edited)
        self.list = QListView()
        self.list.setObjectName("stageList")
        self.list.setModel(self.model)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.SelectedClicked
        )
        # Room around each name, so the inline editor does not cover the rows next to it.
        self.list.setStyleSheet("QListView::item { padding: 3px 4px; }")
        self.list.selectionModel().currentRowChanged.connect(self._update_buttons)

        self.add_button = self._button("addStage", self.tr("Add"), self.add_stage)
        self.rename_button = self._button("renameStage", self.tr("Rename"), self.rename_stage)
        self.up_button = self._button("moveStageUp", self.tr("Move up"), self.move_up)
        self.down_button = self._button("moveStageDown", self.tr("Move down"), self.move_down)
        self.remove_button = self._button("removeStage", self.tr("Remove"), self.remove_stage)
        buttons = QVBoxLayout()
        for button in (
            self.add_button,
            self.rename_button,
            self.up_button,
            self.down_button,
            self.remove_button,
        ):
            buttons.addWidget(button)
        buttons.addStretch(1)

        self.exit_box = QCheckBox(self.tr("Exit stage: candidates leave the pipeline here"))
        self.exit_box.setObjectName("stageExit")
        self.exit_box.toggled.connect(self._exit_toggled)
        self.note = QLabel()
        self.note.setObjectName("stageNote")
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color: #555;")

        self.chosen = QLabel()
        self.chosen.setObjectName("stageChosen")
        self.chosen.setWordWrap(True)
        self.chosen.setStyleSheet("font-weight: bold;")

        box = QGroupBox(self.tr("Pipeline stages, in order"))
        columns = QHBoxLayout(box)
        columns.addWidget(self.list, 1)
        columns.addLayout(buttons)
        chosen_box = QGroupBox(self.tr("Selected stage"))
        chosen_layout = QVBoxLayout(chosen_box)
        chosen_layout.addWidget(self.chosen)
        chosen_layout.addWidget(self.exit_box)
        chosen_layout.addWidget(self.note)
        chosen_layout.addStretch(1)
        sides = QHBoxLayout()
        sides.addWidget(box, 3)
        sides.addWidget(chosen_box, 2)

        intro = QLabel(
            self.tr(
                "Rename the stages to your agency's words and put them in your order. "
                "Stages in bold are ones the app relies on: they can be renamed, not removed. "
                "Changes are stored when you press Save."
            )
        )
        intro.setWordWrap(True)
        self.errors = QLabel()
        self.errors.setObjectName("stageErrors")
        self.errors.setWordWrap(True)
        self.errors.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.errors.setStyleSheet(
            f"color: {ERROR_COLOUR}; background: #fdecee; border: 1px solid #f3b8c0;"
            " padding: 6px; border-radius: 4px;"
        )
        self.errors.hide()

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(sides, 1)
        layout.addWidget(self.errors)

    # --- loading and reading --------------------------------------------------------------

    def set_stages(self, stages: Sequence[Stage], counts: Mapping[int, int]) -> None:
        """Show the stored pipeline with how many live candidates each stage holds."""
        current = self._current_row()
        rows = [
            StageRow(stage.name, stage.closed, stage.id, stage.role, counts.get(stage.id, 0))
            for stage in sorted(stages, key=lambda s: s.position)
        ]
        self.model.set_rows(rows)
        self.loaded_stages = tuple(sorted(stages, key=lambda s: s.position))
        self._loaded = tuple(row.draft() for row in rows)
        self._kept_roles = tuple(row.role for row in rows if row.role is not None)
        self.show_errors(None)
        self._select(min(max(current, 0), len(rows) - 1))

    def drafts(self) -> list[StageDraft]:
        """Return the stages as edited, in order, as save_stages takes them."""
        return [row.draft() for row in self.model.rows]

    @property
    def is_dirty(self) -> bool:
        """Return True when the stages differ from those last loaded or saved."""
        return tuple(self.drafts()) != self._loaded

    def validate(self) -> bool:
        """Check the names and roles as the service will; show what is wrong and say if fine."""
        try:
            validate_stages(self.drafts(), self._kept_roles)
        except ValidationError as exc:
            self.show_errors(exc.errors)
            return False
        self.show_errors(None)
        return True

    def show_errors(self, errors: Mapping[str, str] | str | None) -> None:
        """Show why the stages cannot be saved: per-stage messages, or one message, or none."""
        if not errors:
            self.model.set_errors({})
            self.errors.clear()
            self.errors.hide()
            return
        if isinstance(errors, str):
            self.model.set_errors({})
            self.errors.setText(errors)
            self.errors.show()
            return
        marked: dict[int, str] = {}
        lines: list[str] = []
        for key, message in errors.items():
            row = self._row_of(key)
            stage = self.model.row(row) if row is not None else None
            if row is not None and stage is not None:
                marked[row] = message
                lines.append(
                    self.tr("Stage {n} ({name}): {message}").format(
                        n=row + 1, name=stage.name or self.tr("no name"), message=message
                    )
                )
            else:
                lines.append(message[:1].upper() + message[1:])
        self.model.set_errors(marked)
        self.errors.setText("\n".join(lines))
        self.errors.show()

    def _row_of(self, key: str) -> int | None:
        """Return the row a validation key names ("stage 3"), if it names one."""
        prefix = "stage "
        if key.startswith(prefix) and key[len(prefix) :].isdigit():
            return int(key[len(prefix) :]) - 1
        return None

    # --- editing --------------------------------------------------------------------------

    def _current_row(self) -> int:
        """Return the selected row (-1: none)."""
        index = self.list.currentIndex()
        return index.row() if index.isValid() else -1

    def _select(self, row: int) -> None:
        """Select a row and bring the buttons up to date."""
        if self.model.row(row) is None:
            self._update_buttons()
            return
        self.list.selectionModel().setCurrentIndex(
            self.model.index(row),
            QItemSelectionModel.SelectionFlag.ClearAndSelect,
        )
        self._update_buttons()

    def _new_name(self) -> str:
        """Return a name for an added stage that no stage has yet."""
        taken = {row.name.casefold() for row in self.model.rows}
        base = self.tr("New stage")
        name, n = base, 2
        while name.casefold() in taken:
            name, n = f"{base} {n}", n + 1
        return name

    def add_stage(self) -> None:
        """Add a stage after the selected one (else before the exits) and start naming it."""
        row = self._current_row()
        if row < 0:
            exits = [i for i, stage in enumerate(self.model.rows) if stage.closed]
            row = exits[0] if exits else len(self.model.rows)
        else:
            row += 1
        self.model.insert(row, StageRow(self._new_name()))
        self._select(row)
        self.list.edit(self.model.index(row))

    def rename_stage(self) -> None:
        """Start renaming the selected stage in place."""
        row = self._current_row()
        if row >= 0:
            self.list.setFocus()
            self.list.edit(self.model.index(row))

    def move_up(self) -> None:
        """Move the selected stage one place earlier."""
        self._move(-1)

    def move_down(self) -> None:
        """Move the selected stage one place later."""
        self._move(1)

    def _move(self, by: int) -> None:
        """Move the selected stage and keep it selected."""
        row = self._current_row()
        if self.model.move(row, by):
            self._select(row + by)

    def remove_stage(self) -> None:
        """Take the selected stage out, when it has no role and holds no candidates."""
        row = self._current_row()
        stage = self.model.row(row)
        if stage is None or self._removal_refused(stage):
            return
        self.model.remove(row)
        self._select(min(row, len(self.model.rows) - 1))

    def _removal_refused(self, stage: StageRow) -> str:
        """Return why a stage cannot be removed (empty: it can)."""
        if stage.role is not None:
            return self.tr(
                "{name} cannot be removed: the app relies on it ({why}). Rename it instead."
            ).format(name=stage.name, why=self.tr(ROLE_REASONS[stage.role]))
        if stage.count:
            return self.tr(
                "{name} holds {n} candidate(s): move them to another stage first."
            ).format(name=stage.name, n=f"{stage.count:,}")
        return ""

    def _exit_toggled(self, checked: bool) -> None:
        """Make the selected custom stage an exit, or not."""
        self.model.set_closed(self._current_row(), checked)

    def _edited(self) -> None:
        """React to any edit: buttons, live validation, and the dialog's dirty flag."""
        self._update_buttons()
        # Say what is wrong while editing, once something was wrong or a name clashes.
        self.validate()
        self.changed.emit()

    def _update_buttons(self, *_args: object) -> None:
        """Enable what the selected stage allows and say why Remove is refused."""
        row = self._current_row()
        stage = self.model.row(row)
        chosen = stage is not None
        for button in (self.rename_button, self.up_button, self.down_button):
            button.setEnabled(chosen)
        self.up_button.setEnabled(chosen and row > 0)
        self.down_button.setEnabled(chosen and row < len(self.model.rows) - 1)
        refused = self._removal_refused(stage) if stage is not None else ""
        self.remove_button.setEnabled(chosen and not refused)
        self.remove_button.setToolTip(refused or self.tr("Remove the selected stage"))
        self.exit_box.blockSignals(True)
        self.exit_box.setChecked(bool(stage and stage.closed))
        self.exit_box.setEnabled(stage is not None and stage.role is None)
        self.exit_box.blockSignals(False)
        self.exit_box.setToolTip(
            self.tr("Stages the app relies on keep their place on or off the main line.")
            if stage is not None and stage.role is not None
            else self.tr("An exit is off the main line: reaching it needs no vetting.")
        )
        self.chosen.setText(self.model.label(stage) if stage is not None else "")
        if stage is None:
            note = self.tr("Select a stage to rename, move or remove it.")
        elif refused:
            note = refused
        else:
            note = self.tr("A stage of your own: rename, move or remove it freely.")
        self.note.setText(note)
