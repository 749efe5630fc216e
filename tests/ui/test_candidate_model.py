"""The paged candidate table model: Qt's model rules, lazy rows and SQL-side sorting."""

from __future__ import annotations

from PySide6.QtCore import Qt

from workbench.domain.search import SearchCriteria, SortKey
from workbench.services.search import search_candidates
from workbench.ui.candidate_model import BLOCK_SIZE, COLUMNS, CandidateTableModel


def test_model_passes_qt_model_tester(qtmodeltester, database, fill_candidates):
    fill_candidates(database, 450)
    model = CandidateTableModel(database)
    model.set_ids(search_candidates(database, SearchCriteria()).ids)
    qtmodeltester.check(model, force_py=True)
    assert model.rowCount() == 450
    assert model.columnCount() == len(COLUMNS)


def test_rows_are_read_in_blocks_only_when_shown(database, fill_candidates):
    fill_candidates(database, 2 * BLOCK_SIZE + 10)
    model = CandidateTableModel(database)
    model.set_ids(search_candidates(database, SearchCriteria()).ids)
    assert model._blocks == {}
    last = model.index(model.rowCount() - 1, 0)
    assert ", Person" in model.data(last)
    assert list(model._blocks) == [2]


def test_names_sort_as_a_reader_expects(database, fill_candidates):
    fill_candidates(database, 3)
    model = CandidateTableModel(database)
    model.set_ids(search_candidates(database, SearchCriteria(sort=SortKey.NAME)).ids)
    names = [model.data(model.index(r, 0)) for r in range(3)]
    # Ł sorts among the L's, not after Z.
    assert names == ["Łukasik, Person0001", "Smith, Person0000", "Иванов, Person0002"]


def test_sort_asks_for_sql_sort(qtbot, database):
    model = CandidateTableModel(database)
    with qtbot.waitSignal(model.sortRequested) as blocker:
        model.sort(4, Qt.SortOrder.DescendingOrder)
    assert blocker.args == [SortKey.CITY, True]
