"""The pipeline board: one column of candidate cards per stage, moved by drag and drop."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import (
    QModelIndex,
    QPoint,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QDragEnterEvent,
    QDragLeaveEvent,
    QDropEvent,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QMenu,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from workbench.domain.errors import WorkbenchError
from workbench.domain.vetting import Stage
from workbench.store.engine import Database
from workbench.ui import stage_dialog
from workbench.ui.board_cards import CardDelegate
from workbench.ui.board_model import ColumnLoad, StageColumnModel, load_board
from workbench.ui.errors import show_error
from workbench.ui.tasks import run_in_background

FILTER_DELAY_MS = 180
COLUMN_WIDTH = 220  # the narrowest a column gets; wider windows share the room out
MAX_COLUMN_WIDTH = 320

# A stylesheet on the column restyles its scroll bar too: a slim one, drawn here, fits a card
# board better than the style's default, which the sheet would otherwise turn into a black bar.
_COLUMN_STYLE = (
    "QFrame#stageColumn { background: %s; border-radius: 6px; }"
    'QFrame#stageColumn[dropTarget="true"] { background: #dbe8fb; }'
    "QListView { background: transparent; border: none; }"
    "QScrollBar:vertical { background: transparent; width: 8px; margin: 2px 0 2px 0; }"
    "QScrollBar::handle:vertical { background: #b3bac5; border-radius: 4px; min-height: 24px; }"
    "QScrollBar::handle:vertical:hover { background: #8993a4; }"
    "QScrollBar::add-line:vertical, QScrollBar::sub-line:vertical { height: 0; }"
    "QScrollBar::add-page:vertical, QScrollBar::sub-page:vertical { background: none; }"
)
_MAIN_BACKGROUND = "#ebecf0"
# Exits are off the main line: a cooler grey so they read as a different place.
_EXIT_BACKGROUND = "#e2e4e9"


class StageListView(QListView):
    """A column's list of cards: drags cards out, takes cards from other columns."""

    def __init__(self, column: StageColumn) -> None:
        super().__init__(column)
        self._column = column
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(False)  # the whole column lights up instead
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setUniformItemSizes(True)  # one height for all: no layout pass over every card
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        """Light the column up while a card from another stage hovers over it."""
        super().dragEnterEvent(event)
        model = self.model()
        mime = event.mimeData()
        if model is not None and model.canDropMimeData(
            mime, Qt.DropAction.MoveAction, -1, -1, QModelIndex()
        ):
            event.acceptProposedAction()
            self._column.set_drop_target(True)

    def dragLeaveEvent(self, event: QDragLeaveEvent) -> None:
        """Put the column's colour back."""
        super().dragLeaveEvent(event)
        self._column.set_drop_target(False)

    def dropEvent(self, event: QDropEvent) -> None:
        """Hand the card to the model, then put the column's colour back."""
        super().dropEvent(event)
        self._column.set_drop_target(False)


class StageColumn(QFrame):
    """One stage: its name and count on top, its cards below."""

    def __init__(self, database: Database, stage: Stage, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("stageColumn")
        self.setProperty("dropTarget", False)
        background = _EXIT_BACKGROUND if stage.closed else _MAIN_BACKGROUND
        self.setStyleSheet(_COLUMN_STYLE % background)
        self.setMinimumWidth(COLUMN_WIDTH)
        self.setMaximumWidth(MAX_COLUMN_WIDTH)
        self.model = StageColumnModel(database, stage, self)
        self.header = QLabel()
        self.header.setObjectName("stageHeader")
        header_font = self.header.font()
        header_font.setBold(True)
        self.header.setFont(header_font)
        self.header.setContentsMargins(8, 6, 8, 2)
        self.view = StageListView(self)
        self.view.setObjectName(f"stageList{stage.id}")
        self.view.setModel(self.model)
        self.view.setItemDelegate(CardDelegate(self.view))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.setSpacing(2)
        layout.addWidget(self.header)
        layout.addWidget(self.view, 1)
        self.update_header(loading=True)

    @property
    def stage(self) -> Stage:
        """Return the stage this column shows."""
        return self.model.stage

    def set_content(self, load: ColumnLoad, filtered: bool) -> None:
        """Show a stage's new ids and first page, and its count in the header."""
        self.model.set_content(load)
        self.update_header(filtered=filtered)

    def update_header(self, *, loading: bool = False, filtered: bool = False) -> None:
        """Write 'Stage (count)', or 'Stage (shown of count)' while a filter narrows it."""
        name = self.stage.name
        if loading:
            text = self.tr("{stage} (…)").format(stage=name)
        elif filtered:
            text = self.tr("{stage} ({n} of {total})").format(
                stage=name, n=f"{len(self.model.ids):,}", total=f"{self.model.total:,}"
            )
        else:
            text = self.tr("{stage} ({n})").format(stage=name, n=f"{self.model.total:,}")
        self.header.setText(text)
        tip = (
            self.tr("An exit: candidates leave the pipeline here, from any stage.")
            if self.stage.closed
            else ""
        )
        self.header.setToolTip(tip)

    def set_drop_target(self, on: bool) -> None:
        """Show or stop showing that a card may be dropped here."""
        if self.property("dropTarget") == on:
            return
        self.setProperty("dropTarget", on)
        self.style().unpolish(self)
        self.style().polish(self)


class BoardView(QWidget):
    """Every stage side by side; drag a card to move a candidate, double-click to open one."""

    openRequested = Signal(int)  # candidate id
    moved = Signal(int)  # candidate id, after a move was stored
    loaded = Signal()  # every column shows its newest load

    def __init__(self, database: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.database = database
        self.columns: list[StageColumn] = []
        self._generation = 0
        self._pending = False
        # Several reasons to reload in one turn of the event loop (a move, then the window's
        # data_changed) become one read.
        self._reload_timer = QTimer(self, singleShot=True, interval=0)
        self._reload_timer.timeout.connect(self._start_load)
        self._filter_timer = QTimer(self, singleShot=True, interval=FILTER_DELAY_MS)
        self._filter_timer.timeout.connect(self.reload)

        self.filter_box = QLineEdit()
        self.filter_box.setObjectName("boardFilter")
        self.filter_box.setPlaceholderText(
            self.tr("Filter the board: names, skills, roles, employers…")
        )
        self.filter_box.setClearButtonEnabled(True)
        self.filter_box.textChanged.connect(lambda _text: self._filter_timer.start())
        self.hint = QLabel(
            self.tr("Drag a card to another stage to move the candidate; double-click to open.")
        )
        self.hint.setObjectName("boardHint")
        self.hint.setStyleSheet("color: #5e6c84;")
        top = QHBoxLayout()
        top.addWidget(self.filter_box, 2)
        top.addWidget(self.hint, 3)

        self._strip = QWidget()
        self._strip_layout = QHBoxLayout(self._strip)
        self._strip_layout.setContentsMargins(6, 6, 6, 6)
        self._strip_layout.setSpacing(8)
        self._strip_layout.addStretch(1)
        self.scroll_area = QScrollArea()
        self.scroll_area.setObjectName("boardScroll")
        self.scroll_area.setWidget(self._strip)
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        layout.addWidget(self.scroll_area, 1)

    # --- loading ---------------------------------------------------------------------------

    def reload(self) -> None:
        """Read the board again soon, off the GUI thread; only the newest read is shown."""
        self._pending = True
        self._reload_timer.start()

    @property
    def is_loading(self) -> bool:
        """Say whether a read is asked for or running."""
        return self._pending

    def _start_load(self) -> None:
        """Read every column on a pool thread; the newest read wins."""
        self._filter_timer.stop()
        self._generation += 1
        generation = self._generation
        text = self.filter_box.text()
        run_in_background(
            lambda: load_board(self.database, text),
            lambda loads: self._show(generation, text, loads),
            lambda error: self._failed(generation, error),
            context=self,
        )

    def _show(self, generation: int, text: str, loads: list[ColumnLoad]) -> None:
        """Show a finished read unless a newer one was asked for meanwhile."""
        if generation != self._generation:
            return
        self._pending = False
        remembered = self.current_card()
        # Columns show the main line, then the exits: match each read to its column by stage.
        stages = [load.stage for load in loads]
        if [(c.stage.id, c.stage.name, c.stage.closed) for c in self.columns] != [
            (s.id, s.name, s.closed) for s in _board_order(stages)
        ]:
            self._build_columns(stages)
        by_stage = {load.stage.id: load for load in loads}
        for column in self.columns:
            column.set_content(by_stage[column.stage.id], filtered=bool(text.strip()))
        if remembered is not None:
            self.select_card(remembered[0])
        self.loaded.emit()

    def _failed(self, generation: int, error: BaseException) -> None:
        """Report a failed read, unless a newer one was asked for meanwhile."""
        if generation == self._generation:
            self._pending = False
            show_error(self, self.tr("Cannot load the pipeline board"), error)

    def _build_columns(self, stages: Sequence[Stage]) -> None:
        """Make one column per stage, exits after a gap so they read as apart from the line."""
        for column in self.columns:
            self._strip_layout.removeWidget(column)
            column.deleteLater()
        while self._strip_layout.count():
            item = self._strip_layout.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self.columns = []
        ordered = _board_order(stages)
        main = [s for s in ordered if not s.closed]
        exits = [s for s in ordered if s.closed]
        for stage in main:
            self._add_column(stage)
        if exits:
            self._strip_layout.addSpacing(10)
            rule = QFrame()
            rule.setObjectName("exitRule")
            rule.setFrameShape(QFrame.Shape.VLine)
            rule.setStyleSheet("color: #b3bac5;")
            self._strip_layout.addWidget(rule)
            self._strip_layout.addSpacing(10)
        for stage in exits:
            self._add_column(stage)
        self._strip_layout.addStretch(1)

    def _add_column(self, stage: Stage) -> None:
        """Make a stage's column and wire its drops, double-clicks and menu."""
        column = StageColumn(self.database, stage, self._strip)
        column.model.dropRequested.connect(self.move_card, Qt.ConnectionType.QueuedConnection)
        column.view.doubleClicked.connect(
            lambda index, c=column: self._open(c.model.candidate_id(index.row()))
        )
        column.view.customContextMenuRequested.connect(
            lambda point, c=column: self._card_menu(c, point)
        )
        column.view.clicked.connect(lambda _index, c=column: self._clear_others(c))
        # Columns take the room first; the trailing stretch only what they cannot use.
        self._strip_layout.addWidget(column, 100)
        self.columns.append(column)

    # --- cards -----------------------------------------------------------------------------

    def column_of_stage(self, stage_id: int) -> StageColumn | None:
        """Return the column showing a stage."""
        return next((c for c in self.columns if c.stage.id == stage_id), None)

    def current_card(self) -> tuple[int, int] | None:
        """Return (candidate id, stage id) of the selected card, if one is."""
        for column in self.columns:
            rows = column.view.selectionModel().selectedRows()
            if rows:
                candidate_id = column.model.candidate_id(rows[0].row())
                if candidate_id is not None:
                    return candidate_id, column.stage.id
        return None

    def select_card(self, candidate_id: int) -> bool:
        """Select a candidate's card if it has been fetched; True when found."""
        for column in self.columns:
            row = column.model.row_of(candidate_id)
            if row is not None:
                self._clear_others(column)
                column.view.setCurrentIndex(column.model.index(row))
                column.view.scrollTo(column.model.index(row))
                return True
        return False

    def _clear_others(self, keep: StageColumn) -> None:
        """Clear the selection in every column but one."""
        # One card selected on the whole board, so Move to stage… knows which one is meant.
        for column in self.columns:
            if column is not keep:
                column.view.clearSelection()

    def _open(self, candidate_id: int | None) -> None:
        """Ask the window to open a candidate."""
        if candidate_id is not None:
            self.openRequested.emit(candidate_id)

    def move_card(self, candidate_id: int, from_stage_id: int, to_stage_id: int | None) -> bool:
        """Move a candidate through the stage dialog; reload and say so when it was stored."""
        try:
            move = stage_dialog.move_candidate(
                self,
                self.database,
                candidate_id,
                target_stage_id=to_stage_id,
                expected_stage_id=from_stage_id,
            )
        except WorkbenchError as error:
            show_error(self, self.tr("Cannot move the candidate"), error)
            return False
        if move is None:
            return False  # cancelled or refused: the card stays where it was
        self.reload()
        self.moved.emit(candidate_id)
        return True

    def _card_menu(self, column: StageColumn, point: QPoint) -> None:
        """Offer Open and Move to on a card's context menu."""
        index = column.view.indexAt(point)
        candidate_id = column.model.candidate_id(index.row()) if index.isValid() else None
        if candidate_id is None:
            return
        self._clear_others(column)
        column.view.setCurrentIndex(index)
        menu = QMenu(self)
        menu.addAction(self.tr("Open"), lambda: self._open(candidate_id))
        target_menu = menu.addMenu(self.tr("Move to"))
        for other in self.columns:
            if other is column:
                continue
            action = target_menu.addAction(other.stage.name)
            action.setData(other.stage.id)
        chosen = menu.exec(column.view.viewport().mapToGlobal(point))
        if chosen is not None and isinstance(chosen.data(), int):
            self.move_card(candidate_id, column.stage.id, chosen.data())


def _board_order(stages: Sequence[Stage]) -> list[Stage]:
    """Return the stages as the board shows them: the main line in order, then the exits."""
    return [s for s in stages if not s.closed] + [s for s in stages if s.closed]
