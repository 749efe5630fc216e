"""The window keeps vetting in step: moves reach the open editor, stages reach every screen."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox

from workbench.domain.vetting import Criterion, StageDraft
from workbench.services import pipeline
from workbench.services import vetting as vetting_service
from workbench.ui import stage_dialog


def _open_first(qtbot, window) -> int:
    window.table.selectRow(0)
    candidate_id = window.candidate_model.row_data(0).id
    qtbot.waitUntil(lambda: window.editor.candidate is not None, timeout=5000)
    return candidate_id


def test_a_move_from_the_list_shows_in_the_open_editor(
    qtbot, database, open_window, fill_candidates, monkeypatch
):
    fill_candidates(database, 5)
    window = open_window()
    candidate_id = _open_first(qtbot, window)
    assert window.editor.vetting.vetting.stage.name == "Sourced"

    def to_screening(parent, db, cid, target_stage_id=None, expected_stage_id=None):
        return pipeline.move_stage(db, cid, "Screening", expected_stage_id=expected_stage_id)

    monkeypatch.setattr(stage_dialog, "move_candidate", to_screening)
    window.move_action.trigger()
    qtbot.waitUntil(lambda: window.editor.vetting.vetting.stage.name == "Screening", timeout=5000)
    assert window.editor.candidate.id == candidate_id
    history = window.editor.history_tab.model
    qtbot.waitUntil(lambda: any(e.new == "Screening" for e in history.rows), timeout=5000)


def test_a_move_in_the_editor_shows_in_the_list(qtbot, database, open_window, fill_candidates):
    fill_candidates(database, 5)
    window = open_window()
    candidate_id = _open_first(qtbot, window)
    pipeline.move_stage(database, candidate_id, "Interview")
    window.editor.vetting.vettingChanged.emit(candidate_id)  # what the tab says after a move
    row = window.candidate_model.row_of(candidate_id)
    qtbot.waitUntil(lambda: window.candidate_model.row_data(row).stage == "Interview", timeout=5000)


def test_leaving_a_candidate_with_an_unsaved_scorecard_asks_first(
    qtbot, database, open_window, fill_candidates, monkeypatch
):
    fill_candidates(database, 5)
    window = open_window()
    candidate_id = _open_first(qtbot, window)
    window.editor.vetting.scorecard.set_score(Criterion.LEADERSHIP, 4, "Led a 30-person team")
    assert window.editor.has_unsaved_work and not window.editor.is_dirty
    asked: list[str] = []

    def answer(_parent, _title, text, *_args):
        asked.append(text)
        return QMessageBox.StandardButton.Save

    monkeypatch.setattr(QMessageBox, "question", answer)
    window.table.selectRow(1)
    qtbot.waitUntil(lambda: window.editor.candidate.id != candidate_id, timeout=5000)
    assert asked, "switching candidates dropped the scorecard without asking"
    stored = vetting_service.vetting(database, candidate_id).scorecard
    assert stored is not None
    assert stored.draft.rating(Criterion.LEADERSHIP).comment == "Led a 30-person team"


def test_renamed_stages_reach_the_list_filter_and_column(
    qtbot, database, open_window, fill_candidates
):
    fill_candidates(database, 3)
    window = open_window()
    window.certification_screens.show_settings()
    dialog = window.certification_screens.settings_dialog
    stages = pipeline.stages(database)
    drafts = [StageDraft("New" if s.name == "Sourced" else s.name, s.closed, s.id) for s in stages]
    pipeline.save_stages(database, drafts)
    with qtbot.waitSignal(window.searchFinished, timeout=5000):
        dialog.stagesChanged.emit()
    combo = window.search_bar.stage_filter
    qtbot.waitUntil(
        lambda: "New" in [combo.itemText(i) for i in range(combo.count())], timeout=5000
    )
    assert window.candidate_model.row_data(0).stage == "New"
    dialog.close()


def test_past_the_gate_the_tab_says_what_has_changed_since(qtbot, database, fill_candidates):
    from workbench.ui.vetting_tab import VettingTab

    fill_candidates(database, 1)
    candidate_id = 1
    pipeline.move_stage(database, candidate_id, "Presented", override="Client insisted")
    tab = VettingTab(database)
    qtbot.addWidget(tab)
    tab.show_candidate(candidate_id)
    assert tab.gate_label.text().startswith("Vetted earlier, but the gate would now ask for:")
    assert tab.gap_lines()[0] == "Scorecard: no score for leadership"
