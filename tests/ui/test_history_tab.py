"""The History tab: real changes appear newest first, filter by kind and text, read in full."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt

from workbench.domain.candidate import CandidateDraft
from workbench.domain.history import Entity
from workbench.domain.vetting import ReferenceDraft, ReferenceOutcome, StageDraft
from workbench.services import pipeline
from workbench.services import vetting as vetting_service
from workbench.services.candidates import add_candidate
from workbench.ui.history_tab import (
    DETAIL_COLUMN,
    FIELD_COLUMN,
    NEW_COLUMN,
    OLD_COLUMN,
    WHAT_COLUMN,
    WHO_COLUMN,
    HistoryModel,
    HistoryTab,
)

LONG_NOTE = "Led the PMO rollout. " * 40


@pytest.fixture
def candidate(database, monkeypatch) -> int:
    """Return a saved candidate who moved to Screening, then got a reference."""
    monkeypatch.setattr("getpass.getuser", lambda: "zadams")
    cid = add_candidate(database, CandidateDraft("Ann", "Smith", "ann@example.com")).id
    pipeline.move_stage(database, cid, "Screening", reason=LONG_NOTE)
    vetting_service.add_reference(
        database,
        cid,
        ReferenceDraft(
            "Bob Jones",
            relationship="Former manager",
            checked_on=date(2026, 1, 5),
            outcome=ReferenceOutcome.POSITIVE,
        ),
        on=date(2026, 1, 6),
    )
    return cid


def _tab(qtbot, database) -> HistoryTab:
    tab = HistoryTab(database)
    qtbot.addWidget(tab)
    return tab


def _column(tab: HistoryTab, column: int) -> list[str]:
    model = tab.model
    return [model.data(model.index(row, column)) for row in range(model.rowCount())]


def test_real_changes_appear_newest_first(qtbot, database, candidate):
    tab = _tab(qtbot, database)
    tab.show_candidate(candidate)
    what = _column(tab, WHAT_COLUMN)
    assert what[0] == "Reference created"
    assert what.index("Reference created") < what.index("Stage moved")
    assert what[-1] == "Candidate created"
    assert set(_column(tab, WHO_COLUMN)) == {"zadams"}
    assert tab.count.text() == f"{len(what)} changes"
    ids = [e.id for e in tab.model.rows]
    assert ids == sorted(ids, reverse=True)
    row = what.index("Stage moved")
    model = tab.model
    assert model.data(model.index(row, FIELD_COLUMN)) == "Stage"
    assert model.data(model.index(row, OLD_COLUMN)) == "Sourced"
    assert model.data(model.index(row, NEW_COLUMN)) == "Screening"


def test_a_long_value_is_cut_in_the_cell_and_whole_elsewhere(qtbot, database, candidate):
    tab = _tab(qtbot, database)
    tab.show_candidate(candidate)
    row = _column(tab, WHAT_COLUMN).index("Stage moved")
    index = tab.model.index(row, DETAIL_COLUMN)
    cell = tab.model.data(index)
    assert len(cell) <= 120 and cell.endswith("…")
    tooltip = tab.model.data(index, Qt.ItemDataRole.ToolTipRole)
    assert " ".join(tooltip.split()) == LONG_NOTE.strip()
    assert max(len(line) for line in tooltip.splitlines()) <= 100  # wrapped, not one line
    tab.table.selectRow(row)
    assert tab.detail_text.toPlainText() == LONG_NOTE.strip()
    assert tab.old_value.toPlainText() == "Sourced"
    assert tab.new_value.toPlainText() == "Screening"
    assert "Stage moved" in tab.summary.text() and "zadams" in tab.summary.text()
    assert tab.detail_text.isReadOnly()


def test_the_kind_filter_asks_for_one_kind(qtbot, database, candidate):
    tab = _tab(qtbot, database)
    tab.show_candidate(candidate)
    labels = [tab.kind.itemText(i) for i in range(tab.kind.count())]
    assert labels[0] == "All changes"
    assert labels[1:] == [entity.label for entity in Entity]
    tab.kind.setCurrentIndex(tab.kind.findData(Entity.REFERENCE))
    assert set(_column(tab, WHAT_COLUMN)) == {"Reference created"}
    assert tab.count.text() == f"{tab.model.rowCount()} change" + (
        "s" if tab.model.rowCount() != 1 else ""
    )
    tab.kind.setCurrentIndex(tab.kind.findData(Entity.SCORECARD))
    assert tab.model.rowCount() == 0
    assert tab.count.text() == "No changes match"
    tab.kind.setCurrentIndex(0)
    assert "Stage moved" in _column(tab, WHAT_COLUMN)


def test_the_text_filter_waits_for_typing_to_stop(qtbot, database, candidate):
    tab = _tab(qtbot, database)
    tab.show_candidate(candidate)
    everything = tab.model.rowCount()
    tab.text.setText("screen")
    assert tab.model.rowCount() == everything  # not yet: debounced
    qtbot.waitUntil(lambda: tab.model.rowCount() < everything, timeout=2000)
    assert _column(tab, WHAT_COLUMN) == ["Stage moved"]
    assert tab.count.text() == "1 change"
    tab.text.setText("no such words anywhere")
    qtbot.waitUntil(lambda: tab.model.rowCount() == 0, timeout=2000)
    assert tab.count.text() == "No changes match"


def test_an_unsaved_candidate_is_told_when_history_starts(qtbot, database, candidate):
    tab = _tab(qtbot, database)
    tab.show_candidate(candidate)
    tab.text.setText("screen")
    tab.show_candidate(None)
    assert tab.pages.currentWidget() is tab.placeholder
    assert tab.placeholder.text() == "History starts when the candidate is saved."
    assert tab.model.rowCount() == 0 and tab.text.text() == ""
    qtbot.wait(350)  # the typed filter was dropped with the candidate: nothing is read
    assert tab.model.rowCount() == 0


def test_app_history_shows_settings_changes_only(qtbot, database, candidate):
    stages = pipeline.stages(database)
    drafts = [StageDraft(s.name, s.closed, s.id, s.role) for s in stages]
    drafts[1] = StageDraft("Phone screen", drafts[1].closed, drafts[1].id)
    pipeline.save_stages(database, drafts)
    tab = _tab(qtbot, database)
    tab.show_app_history()
    assert tab.shows_app_history and tab.pages.currentIndex() == 1
    assert not tab.kind.isVisibleTo(tab)
    assert _column(tab, WHAT_COLUMN) == ["Settings changed"]
    assert _column(tab, FIELD_COLUMN) == ["Stage renamed"]
    assert _column(tab, OLD_COLUMN) == ["Screening"]
    tab.show_candidate(candidate)
    assert "Settings changed" not in _column(tab, WHAT_COLUMN)
    assert tab.kind.isVisibleTo(tab)


def test_the_model_passes_qt_checks(qtmodeltester, database, candidate):
    from workbench.services.history import candidate_history

    model = HistoryModel()
    model.set_entries(candidate_history(database, candidate))
    qtmodeltester.check(model)
    model.set_entries([])
    qtmodeltester.check(model)


def test_showing_the_same_candidate_again_keeps_the_filters(qtbot, database, candidate):
    tab = _tab(qtbot, database)
    tab.show_candidate(candidate)
    tab.kind.setCurrentIndex(tab.kind.findData(Entity.STAGE))
    tab.show_candidate(candidate)  # as the editor does after a save
    assert tab.kind.currentData() is Entity.STAGE
    assert _column(tab, WHAT_COLUMN) == ["Stage moved"]
    other = add_candidate(database, CandidateDraft("Cy", "Ng", "cy@example.com")).id
    tab.show_candidate(other)
    assert tab.kind.currentIndex() == 0
    assert _column(tab, WHAT_COLUMN)[0] == "Candidate created"
