"""The window's pipeline screens: the board page beside the list, Move to stage…, stage filter."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from workbench.domain.search import CandidateRow
from workbench.services.pipeline import stages
from workbench.ui import stage_dialog
from workbench.ui.board_view import BoardView
from workbench.ui.tasks import run_in_background

if TYPE_CHECKING:
    from workbench.ui.main_window import MainWindow


class PipelineScreens(QObject):
    """Switch between the list and the board, move the selected candidate, offer the stages."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.board = BoardView(window.database)
        self.board.setObjectName("pipelineBoard")
        self.board.openRequested.connect(self._open_candidate)
        # The list's Stage column, its filter counts and the editor follow a board move.
        self.board.moved.connect(lambda _candidate_id: window.data_changed())
        window.pages.addWidget(self.board)
        window.pages.currentChanged.connect(self._page_changed)

    @property
    def board_shown(self) -> bool:
        """Say whether the board, not the list, fills the window."""
        return self.window.pages.currentWidget() is self.board

    def toggle_board(self) -> None:
        """Show the board, or go back to the list when it is already shown."""
        window = self.window
        window.pages.setCurrentWidget(window.splitter if self.board_shown else self.board)

    def _page_changed(self, _index: int) -> None:
        """Keep the board action checked while the board is shown; read it on arrival."""
        self.window.board_action.setChecked(self.board_shown)
        self.window._update_actions()
        if self.board_shown:
            self.board.reload()  # it may have changed while the list was shown
            self.board.filter_box.setFocus()

    def focus_board_filter(self) -> bool:
        """Put the cursor in the board's filter when the board is shown; False otherwise."""
        if not self.board_shown:
            return False
        self.board.filter_box.setFocus()
        self.board.filter_box.selectAll()
        return True

    def _open_candidate(self, candidate_id: int) -> None:
        """Show a card's candidate in the list and the editor."""
        window = self.window
        window.pages.setCurrentWidget(window.splitter)
        window.open_candidate(candidate_id)

    def can_move(self) -> bool:
        """Say whether Move to stage… has a candidate to act on."""
        if self.board_shown:
            return True  # the board says which card when asked; none selected does nothing
        rows = self._selected_rows()
        return len(rows) == 1 and not rows[0].deleted

    def _selected_rows(self) -> list[CandidateRow]:
        """Return the list rows of up to two selected candidates."""
        model = self.window.candidate_model
        ids = self.window.selected_ids()[:2]
        rows = [model.row_data(row) for row in (model.row_of(i) for i in ids) if row is not None]
        return [row for row in rows if row is not None]

    def move_selected(self) -> None:
        """Move the selected candidate (the board's card, or the list's row) to another stage."""
        window = self.window
        if self.board_shown:
            card = self.board.current_card()
            if card is not None:
                self.board.move_card(card[0], card[1], None)
            return
        rows = self._selected_rows()
        if len(rows) != 1 or rows[0].deleted:
            return
        row = rows[0]
        move = stage_dialog.move_candidate(
            window, window.database, row.id, expected_stage_id=row.stage_id
        )
        if move is not None:
            window.candidate_model.refresh_rows()
            window.data_changed()

    def refresh_stages(self) -> None:
        """Offer the pipeline's stages in the search bar's stage filter."""
        # A handful of rows, read off the GUI thread like the countries; failure keeps the old.
        run_in_background(
            lambda: stages(self.window.database),
            self.window.search_bar.set_stages,
            lambda _error: None,
            context=self,
        )

    def data_changed(self) -> None:
        """Read the stages, the open candidate's vetting and the board again after a change."""
        self.refresh_stages()
        if self.window.editor.candidate is not None:
            self.window.editor.refresh_vetting()  # a move from the board or the list
        if self.board_shown:
            self.board.reload()  # a hidden board reads itself again when it is shown

    def vetting_changed(self, _candidate_id: int) -> None:
        """Show the list's stage and the board again after the editor moved or vetted someone."""
        window = self.window
        if window.criteria().stage_ids:
            window.run_search()  # the candidate may have left the filtered stage
        else:
            window.candidate_model.refresh_rows()  # re-reads only the rows on screen
        if self.board_shown:
            self.board.reload()

    def save_page(self) -> None:
        """Remember whether the board was shown."""
        self.window.settings.setValue("main/board", self.board_shown)

    def restore_page(self) -> None:
        """Show the board again if it was shown when the window last closed."""
        if str(self.window.settings.value("main/board", "false")).lower() == "true":
            self.window.pages.setCurrentWidget(self.board)
