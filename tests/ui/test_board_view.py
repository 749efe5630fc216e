"""The pipeline board: columns per stage, paged cards, drag and drop moves, window wiring."""

from __future__ import annotations

from datetime import datetime

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QKeySequence

from workbench.domain.errors import GateRefused
from workbench.domain.search import SearchCriteria
from workbench.domain.vetting import Stage, StageMove
from workbench.services import pipeline
from workbench.services.search import search_candidates
from workbench.ui import stage_dialog
from workbench.ui.board_model import (
    PAGE_SIZE,
    StageColumnModel,
    decode_card,
    encode_card,
    load_board,
)
from workbench.ui.board_view import BoardView
from workbench.ui.candidate_model import STAGE_COLUMN


def stage_named(database, name: str) -> Stage:
    """Return the stage with a name."""
    return next(s for s in pipeline.stages(database) if s.name == name)


def open_board(qtbot, database) -> BoardView:
    """Make a board and wait for its first load."""
    board = BoardView(database)
    qtbot.addWidget(board)
    with qtbot.waitSignal(board.loaded, timeout=5000):
        board.reload()
    return board


def fake_move(calls: list, *, store: bool, result: bool = True):
    """Return a stand-in for the stage dialog that records its call and maybe stores it."""

    def move(parent, database, candidate_id, target_stage_id=None, expected_stage_id=None):
        calls.append((candidate_id, target_stage_id, expected_stage_id))
        if not result:
            return None  # the consultant cancelled, or the gate refused and no override
        if store:
            target = next(s for s in pipeline.stages(database) if s.id == target_stage_id)
            return pipeline.move_stage(
                database, candidate_id, target, expected_stage_id=expected_stage_id
            )
        return StageMove(1, candidate_id, "Sourced", "Screening", datetime.now(), "me", "")

    return move


def test_columns_follow_the_stages_with_their_counts(qtbot, database, fill_candidates):
    fill_candidates(database, 30)
    ids = search_candidates(database, SearchCriteria()).ids
    screening, rejected = stage_named(database, "Screening"), stage_named(database, "Rejected")
    for candidate_id in ids[:4]:
        pipeline.move_stage(database, candidate_id, screening)
    pipeline.move_stage(database, ids[4], rejected)
    board = open_board(qtbot, database)
    stages = pipeline.stages(database)
    assert [c.stage.id for c in board.columns] == [s.id for s in stages]
    counts = pipeline.stage_counts(database)
    for column in board.columns:
        assert column.model.total == counts.get(column.stage.id, 0)
        assert column.header.text() == f"{column.stage.name} ({column.model.total})"
    assert board.column_of_stage(screening.id).model.ids == tuple(sorted(ids[:4]))
    # Exits sit after the main line.
    assert [c.stage.closed for c in board.columns][-2:] == [True, True]


def test_text_filter_narrows_every_column(qtbot, database, fill_candidates):
    fill_candidates(database, 30)
    board = open_board(qtbot, database)
    with qtbot.waitSignal(board.loaded, timeout=5000):
        board.filter_box.setText("lukasik")
    sourced = board.columns[0]
    assert len(sourced.model.ids) == 6
    assert sourced.header.text() == f"{sourced.stage.name} (6 of 30)"


def test_column_model_pages_rows_and_passes_qt_model_tester(
    qtmodeltester, database, fill_candidates
):
    fill_candidates(database, PAGE_SIZE * 2 + 20)
    load = load_board(database)[0]
    model = StageColumnModel(database, load.stage)
    model.set_content(load)
    assert len(model.ids) == PAGE_SIZE * 2 + 20
    assert model.rowCount() == PAGE_SIZE  # only the first page is read
    qtmodeltester.check(model, force_py=True)
    while model.canFetchMore(QModelIndex()):
        model.fetchMore(QModelIndex())
    assert model.rowCount() == PAGE_SIZE * 2 + 20
    assert model.data(model.index(0)) == model.row_data(0).full_name
    qtmodeltester.check(model, force_py=True)


def test_cards_travel_as_candidate_and_stage(database, fill_candidates):
    fill_candidates(database, 3)
    load = load_board(database)[0]
    model = StageColumnModel(database, load.stage)
    model.set_content(load)
    mime = model.mimeData([model.index(1)])
    assert decode_card(mime) == (model.ids[1], load.stage.id)
    # A card dropped back on its own column is no move.
    assert not model.canDropMimeData(mime, Qt.DropAction.MoveAction, -1, -1, QModelIndex())
    other = StageColumnModel(database, stage_named(database, "Screening"))
    assert other.canDropMimeData(
        encode_card(5, load.stage.id), Qt.DropAction.MoveAction, -1, -1, QModelIndex()
    )


def test_drop_asks_the_stage_dialog_and_reloads(qtbot, database, fill_candidates, monkeypatch):
    fill_candidates(database, 5)
    board = open_board(qtbot, database)
    sourced, screening = board.columns[0], board.columns[1]
    candidate_id = sourced.model.ids[0]
    calls: list = []
    monkeypatch.setattr(stage_dialog, "move_candidate", fake_move(calls, store=False))
    mime = sourced.model.mimeData([sourced.model.index(0)])
    with qtbot.waitSignal(board.moved, timeout=5000), qtbot.waitSignal(board.loaded, timeout=5000):
        assert screening.model.dropMimeData(mime, Qt.DropAction.MoveAction, -1, 0, QModelIndex())
    assert calls == [(candidate_id, screening.stage.id, sourced.stage.id)]


def test_a_real_drop_moves_the_card_to_its_new_column(
    qtbot, database, fill_candidates, monkeypatch
):
    fill_candidates(database, 5)
    board = open_board(qtbot, database)
    sourced, screening = board.columns[0], board.columns[1]
    candidate_id = sourced.model.ids[2]
    calls: list = []
    monkeypatch.setattr(stage_dialog, "move_candidate", fake_move(calls, store=True))
    mime = sourced.model.mimeData([sourced.model.index(2)])
    with qtbot.waitSignal(board.loaded, timeout=5000):
        screening.model.dropMimeData(mime, Qt.DropAction.MoveAction, -1, 0, QModelIndex())
    assert candidate_id not in sourced.model.ids
    assert screening.model.ids == (candidate_id,)
    assert sourced.header.text() == f"{sourced.stage.name} (4)"
    assert screening.header.text() == f"{screening.stage.name} (1)"
    card = screening.model.row_data(0)
    assert card.stage == screening.stage.name
    assert screening.model.days_in_stage(card) == 0


def test_a_refused_or_cancelled_move_leaves_the_card(qtbot, database, fill_candidates, monkeypatch):
    fill_candidates(database, 5)
    board = open_board(qtbot, database)
    sourced, vetted = board.columns[0], board.column_of_stage(stage_named(database, "Vetted").id)
    candidate_id = sourced.model.ids[0]
    calls: list = []
    monkeypatch.setattr(stage_dialog, "move_candidate", fake_move(calls, store=True, result=False))
    moved: list = []
    board.moved.connect(moved.append)
    mime = sourced.model.mimeData([sourced.model.index(0)])
    vetted.model.dropMimeData(mime, Qt.DropAction.MoveAction, -1, 0, QModelIndex())
    qtbot.waitUntil(lambda: bool(calls), timeout=5000)
    qtbot.wait(50)
    assert moved == [] and not board.is_loading
    assert candidate_id in sourced.model.ids and vetted.model.ids == ()
    assert pipeline.stage_counts(database) == {sourced.stage.id: 5}


def test_real_gate_refusal_is_left_to_the_dialog(database, fill_candidates):
    # The gate itself: Sourced straight to Vetted is refused with what is missing.
    fill_candidates(database, 1)
    candidate_id = search_candidates(database, SearchCriteria()).ids[0]
    with pytest.raises(GateRefused):
        pipeline.move_stage(database, candidate_id, stage_named(database, "Vetted"))


def test_double_click_asks_to_open_the_candidate(qtbot, database, fill_candidates):
    fill_candidates(database, 3)
    board = open_board(qtbot, database)
    column = board.columns[0]
    with qtbot.waitSignal(board.openRequested, timeout=1000) as blocker:
        column.view.doubleClicked.emit(column.model.index(1))
    assert blocker.args == [column.model.ids[1]]


def test_ctrl_m_moves_the_selected_candidate(
    qtbot, database, open_window, fill_candidates, monkeypatch
):
    fill_candidates(database, 10)
    window = open_window()
    assert window.move_action.shortcut() == QKeySequence("Ctrl+M")
    window.table.selectRow(3)
    row = window.candidate_model.row_data(3)
    assert window.move_action.isEnabled()
    calls: list = []

    def ask_screening(parent, database, candidate_id, target_stage_id=None, expected_stage_id=None):
        screening = stage_named(database, "Screening").id
        return fake_move(calls, store=True)(
            parent, database, candidate_id, screening, expected_stage_id
        )

    monkeypatch.setattr(stage_dialog, "move_candidate", ask_screening)
    with qtbot.waitSignal(window.searchFinished, timeout=5000):
        window.move_action.trigger()
    assert calls == [(row.id, stage_named(database, "Screening").id, row.stage_id)]
    moved_row = window.candidate_model.row_of(row.id)
    index = window.candidate_model.index(moved_row, STAGE_COLUMN)
    assert window.candidate_model.data(index) == "Screening"


def test_stage_filter_narrows_the_list(qtbot, database, open_window, fill_candidates):
    fill_candidates(database, 12)
    ids = search_candidates(database, SearchCriteria()).ids
    interview = stage_named(database, "Interview")
    for candidate_id in ids[:3]:
        pipeline.move_stage(database, candidate_id, interview)
    window = open_window()
    stage_filter = window.search_bar.stage_filter
    qtbot.waitUntil(lambda: stage_filter.findData(interview.id) > 0, timeout=5000)
    with qtbot.waitSignal(window.searchFinished, timeout=5000):
        stage_filter.setCurrentIndex(stage_filter.findData(interview.id))
    assert window.candidate_model.ids == tuple(sorted(ids[:3]))
    assert window.criteria().stage_ids == (interview.id,)


def test_ctrl_b_shows_the_board_and_a_card_opens_in_the_list(
    qtbot, database, open_window, fill_candidates
):
    fill_candidates(database, 6)
    window = open_window()
    board = window.pipeline.board
    assert window.board_action.shortcut() == QKeySequence("Ctrl+B")
    with qtbot.waitSignal(board.loaded, timeout=5000):
        window.board_action.trigger()
    assert window.pages.currentWidget() is board and window.board_action.isChecked()
    assert board.columns[0].model.total == 6
    # A change made elsewhere reaches the shown board through data_changed.
    first = board.columns[0].model.ids[0]
    pipeline.move_stage(database, first, stage_named(database, "Screening"))
    with qtbot.waitSignal(board.loaded, timeout=5000):
        window.data_changed()
    assert board.columns[1].model.ids == (first,)
    board.openRequested.emit(first)
    assert window.pages.currentWidget() is window.splitter
    assert not window.board_action.isChecked()
    assert window.editor.candidate is not None and window.editor.candidate.id == first


def test_each_column_shows_its_own_stage_when_a_main_stage_follows_the_exits(
    qtbot, database, fill_candidates
):
    from workbench.domain.vetting import StageDraft

    fill_candidates(database, 3)
    stages = pipeline.stages(database)
    drafts = [StageDraft(s.name, s.closed, s.id) for s in stages] + [StageDraft("Talent pool")]
    pipeline.save_stages(database, drafts)
    first = search_candidates(database, SearchCriteria()).ids[0]
    pipeline.move_stage(database, first, "Rejected")
    board = open_board(qtbot, database)
    names = [column.stage.name for column in board.columns]
    assert names[-3:] == ["Talent pool", "Rejected", "Withdrawn"]  # exits come last
    rejected = next(c for c in board.columns if c.stage.name == "Rejected")
    assert [rejected.model.candidate_id(0)] == [first]
    pool = next(c for c in board.columns if c.stage.name == "Talent pool")
    assert pool.model.rowCount() == 0
