"""The paged candidate table model: Qt's model rules, lazy rows and SQL-side sorting."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt

from workbench.domain.certifications import CheckOutcome, ClaimStatus
from workbench.domain.claims import CheckDraft, CheckMethod, ClaimDraft
from workbench.domain.search import SearchCriteria, SortKey
from workbench.services.claims import add_claim, record_check
from workbench.services.search import search_candidates
from workbench.ui.badges import BADGES_ROLE
from workbench.ui.candidate_model import (
    BLOCK_SIZE,
    CERTIFICATIONS_COLUMN,
    COLUMNS,
    CandidateTableModel,
)

TOOLTIP = Qt.ItemDataRole.ToolTipRole


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
        model.sort(model.column_of(SortKey.CITY), Qt.SortOrder.DescendingOrder)
    assert blocker.args == [SortKey.CITY, True]


def _claims_for(database, ids: list[int]) -> None:
    """Give the first candidate a verified PMP and an unchecked CSM, the second an ITIL."""
    today = date.today()
    pmp = add_claim(database, ids[0], "PMP", ClaimDraft("1234567", earned_on=today))
    record_check(
        database,
        pmp.id,
        CheckDraft(today, "Zoe Adams", CheckMethod.REGISTRY, CheckOutcome.VERIFIED),
    )
    add_claim(database, ids[0], "CSM", ClaimDraft(earned_on=today))
    add_claim(database, ids[1], "ITIL4-FOUNDATION", ClaimDraft(earned_on=date(2020, 1, 1)))


def test_each_row_shows_its_certifications_with_a_status_symbol(database, fill_candidates):
    fill_candidates(database, 3)
    model = CandidateTableModel(database)
    ids = search_candidates(database, SearchCriteria()).ids
    _claims_for(database, list(ids))
    model.set_ids(ids)
    cell = model.index(0, CERTIFICATIONS_COLUMN)
    assert COLUMNS[CERTIFICATIONS_COLUMN][1] == "Certifications"
    assert model.data(cell) == "PMP ✓  CSM ?"
    assert model.data(cell, Qt.ItemDataRole.ToolTipRole) == "PMP: Verified\nCSM: Unverified"
    assert [b.status for b in model.data(cell, BADGES_ROLE)] == [
        ClaimStatus.VERIFIED,
        ClaimStatus.UNVERIFIED,
    ]
    # ITIL is a soft expiry: lapsed, the holder is asked to renew rather than struck off.
    assert model.data(model.index(1, CERTIFICATIONS_COLUMN)) == "ITIL4-FOUNDATION ↻"
    assert model.data(model.index(2, CERTIFICATIONS_COLUMN)) == ""
    assert model.data(model.index(2, CERTIFICATIONS_COLUMN), Qt.ItemDataRole.ToolTipRole) is None
    legend = model.headerData(CERTIFICATIONS_COLUMN, Qt.Orientation.Horizontal, TOOLTIP)
    assert "✓  Verified" in legend and "⊘  Verification failed" in legend


def test_model_with_badges_passes_qt_model_tester(qtmodeltester, database, fill_candidates):
    fill_candidates(database, 250)
    ids = search_candidates(database, SearchCriteria()).ids
    _claims_for(database, list(ids))
    model = CandidateTableModel(database)
    model.set_ids(ids)
    qtmodeltester.check(model, force_py=True)
    model.refresh_rows()  # what an edit in the candidate's certifications tab triggers


def test_the_certifications_column_asks_for_no_sort(qtbot, database):
    model = CandidateTableModel(database)
    with qtbot.assertNotEmitted(model.sortRequested):
        model.sort(CERTIFICATIONS_COLUMN, Qt.SortOrder.AscendingOrder)
