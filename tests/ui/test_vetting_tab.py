"""The Vetting tab and the Move to stage dialog driven as a consultant would."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtWidgets import QDialog

from workbench.domain.candidate import CandidateDraft
from workbench.domain.claims import ClaimDraft
from workbench.domain.vetting import (
    Criterion,
    Rating,
    ReferenceDraft,
    ReferenceOutcome,
    ScorecardDraft,
)
from workbench.services import candidates as candidate_service
from workbench.services import claims as claim_service
from workbench.services import pipeline
from workbench.services import vetting as vetting_service
from workbench.store.engine import Database
from workbench.ui import stage_dialog
from workbench.ui.candidate_editor import CandidateEditor
from workbench.ui.reference_dialog import ReferenceDialog
from workbench.ui.stage_dialog import StageDialog, move_candidate
from workbench.ui.vetting_tab import VettingTab
from workbench.ui.waiver_dialog import WaiverDialog

FULL_SCORECARD = ScorecardDraft(
    {criterion: Rating(4, "") for criterion in Criterion}, ("Scrum",), ("Jira",)
)


@pytest.fixture
def candidate_id(database: Database) -> int:
    """Return the id of a stored candidate with nothing vetted yet."""
    return candidate_service.add_candidate(
        database, CandidateDraft("Maria", "Kowalska", "maria@example.com", years_experience=9)
    ).id


@pytest.fixture
def editor(qtbot, database: Database, candidate_id: int) -> CandidateEditor:
    """Return the candidate editor showing the stored candidate on its Vetting tab."""
    widget = CandidateEditor(database)
    qtbot.addWidget(widget)
    widget.load(candidate_service.get_candidate(database, candidate_id))
    widget.tabs.setCurrentWidget(widget.vetting)
    return widget


def run_dialogs(tab, monkeypatch, fill) -> list[QDialog]:
    """Make the tab's dialogs run `fill` instead of waiting for a person; return them."""
    seen: list[QDialog] = []

    def run(dialog: QDialog) -> bool:
        seen.append(dialog)
        return bool(fill(dialog))

    monkeypatch.setattr(tab, "run_dialog", run)
    return seen


def positive_reference(database: Database, candidate_id: int) -> None:
    """Store a positive reference through the use case."""
    vetting_service.add_reference(
        database,
        candidate_id,
        ReferenceDraft(
            "Jan Nowak",
            "Line manager",
            "Northwind",
            checked_on=date.today(),
            outcome=ReferenceOutcome.POSITIVE,
        ),
    )


def test_tabs_are_in_order_and_a_new_candidate_must_be_saved_first(qtbot, database):
    editor = CandidateEditor(database)
    qtbot.addWidget(editor)
    names = [editor.tabs.tabText(i) for i in range(editor.tabs.count())]
    assert names == [
        "Profile",
        "Skills",
        "Work history",
        "Education",
        "Certifications",
        "Vetting",
        "Submittals",
        "Data protection",
        "History",
    ]
    assert "Save the candidate first" in editor.vetting.hint.text()
    assert not editor.vetting.body.isEnabled()
    assert not editor.vetting.move_button.isEnabled()


def test_a_scorecard_filled_in_the_form_is_stored(qtbot, database, candidate_id, editor):
    tab = editor.vetting
    form = tab.scorecard
    assert not form.save_button.isEnabled()
    for criterion in Criterion:
        form.scores[criterion].setCurrentIndex(form.scores[criterion].findData(4))
    form.comments[Criterion.LEADERSHIP].setText("Ran a 40-person programme")
    form.methodologies["Scrum"].setChecked(True)
    form.tools["Jira"].setChecked(True)
    assert form.is_dirty and form.save_button.isEnabled()
    with qtbot.waitSignal(editor.vettingChanged, timeout=1000) as signal:
        form.save_button.click()
    assert signal.args == [candidate_id]
    stored = vetting_service.vetting(database, candidate_id).scorecard
    assert stored is not None and stored.version == tab.vetting.scorecard.version
    assert stored.draft.rating(Criterion.LEADERSHIP) == Rating(4, "Ran a 40-person programme")
    assert (stored.draft.methodologies, stored.draft.tools) == (("Scrum",), ("Jira",))
    assert not form.is_dirty
    assert "average 4.0" in form.status.text()
    assert not any(line.startswith("Scorecard") for line in tab.gap_lines())


def test_a_comment_without_a_score_is_shown_under_its_criterion(
    qtbot, database, candidate_id, editor
):
    form = editor.vetting.scorecard
    form.set_score(Criterion.NEGOTIATION, None, "Could not judge")
    assert editor.vetting.save_scorecard() is False
    assert "give a score with the comment" in form.error_text(Criterion.NEGOTIATION.value)
    assert vetting_service.vetting(database, candidate_id).scorecard is None
    assert form.comments[Criterion.NEGOTIATION].text() == "Could not judge"  # kept to correct


def test_a_scorecard_saved_by_someone_else_offers_a_reload(
    qtbot, database, candidate_id, editor, monkeypatch
):
    tab = editor.vetting
    vetting_service.save_scorecard(database, candidate_id, FULL_SCORECARD, None)
    asked: list[str] = []
    monkeypatch.setattr(tab, "offer_reload", lambda message: asked.append(message) or True)
    tab.scorecard.set_score(Criterion.LEADERSHIP, 2)
    assert tab.save_scorecard() is False
    assert "changed by someone else" in asked[0]
    # Reloaded: their scores are on screen, ready to edit against the new version.
    assert tab.scorecard.scores[Criterion.LEADERSHIP].currentData() == 4
    assert not tab.scorecard.is_dirty


def test_edits_kept_over_a_refresh_still_meet_someone_elses_save(
    qtbot, database, candidate_id, editor, monkeypatch
):
    tab = editor.vetting
    tab.scorecard.set_score(Criterion.LEADERSHIP, 2)
    vetting_service.save_scorecard(database, candidate_id, FULL_SCORECARD, None)
    tab.refresh()  # e.g. after a certification changed: the edits stay on screen
    assert tab.scorecard.scores[Criterion.LEADERSHIP].currentData() == 2
    asked: list[str] = []
    monkeypatch.setattr(tab, "offer_reload", lambda message: asked.append(message) or False)
    assert tab.save_scorecard() is False
    assert asked and tab.scorecard.is_dirty
    stored = vetting_service.vetting(database, candidate_id).scorecard
    assert stored is not None and stored.draft.rating(Criterion.LEADERSHIP).score == 4


def test_a_reference_is_added_through_the_dialog(
    qtbot, database, candidate_id, editor, monkeypatch
):
    tab = editor.vetting
    assert "References: no positive reference yet" in tab.gap_lines()

    def fill(dialog: ReferenceDialog) -> bool:
        dialog.referee.setText("Jan Nowak")
        dialog.relationship.setCurrentText("Line manager")
        dialog.company.setText("Northwind Bank")
        dialog.contact.setText("jan@northwind.example")
        assert dialog.save() is False  # no outcome chosen: there is no default
        assert dialog.error_text("outcome") == "choose what the referee said"
        dialog.select_outcome(ReferenceOutcome.POSITIVE)
        return dialog.save()

    run_dialogs(tab, monkeypatch, fill)
    with qtbot.waitSignal(tab.vettingChanged, timeout=1000):
        tab.add_reference()
    [reference] = vetting_service.vetting(database, candidate_id).references
    assert reference.draft.referee == "Jan Nowak"
    assert reference.draft.outcome is ReferenceOutcome.POSITIVE
    assert reference.draft.checked_on == date.today()
    table = tab.references_table
    assert [table.item(0, c).text() for c in range(table.columnCount())] == [
        "Jan Nowak",
        "Line manager",
        "Northwind Bank",
        date.today().isoformat(),
        "Positive",
    ]
    assert not any(line.startswith("References") for line in tab.gap_lines())


def test_an_interview_note_is_prefilled_with_the_consultant(
    qtbot, database, candidate_id, editor, monkeypatch
):
    tab = editor.vetting

    def fill(dialog) -> bool:
        assert dialog.interviewer.text()  # the consultant's name, filled in
        dialog.text.setPlainText("Strong on stakeholder maps.\nWeak on budgets.")
        return dialog.save()

    run_dialogs(tab, monkeypatch, fill)
    tab.add_interview()
    assert tab.interviews_table.rowCount() == 1
    assert tab.interviews_table.item(0, 2).text() == "Strong on stakeholder maps."
    tab.interviews_table.selectRow(0)
    monkeypatch.setattr(tab, "confirm", lambda *_: True)
    tab.remove_interview()
    assert vetting_service.vetting(database, candidate_id).interviews == ()
    assert tab.interviews_table.rowCount() == 0


def test_the_gate_lists_each_gap_until_satisfied(qtbot, database, candidate_id, editor):
    tab = editor.vetting
    claim_service.add_claim(database, candidate_id, "PMP", ClaimDraft("1234567"))
    editor.certifications.reload()
    tab.refresh()
    assert tab.gap_lines() == list(pipeline.gate_gaps(database, candidate_id))
    assert "Certification PMP: unverified; verify it or waive it with a reason" in tab.gap_lines()
    vetting_service.save_scorecard(database, candidate_id, FULL_SCORECARD, None)
    positive_reference(database, candidate_id)
    tab.refresh()
    assert tab.gap_lines() == ["Certification PMP: unverified; verify it or waive it with a reason"]
    [claim] = claim_service.candidate_claims(database, candidate_id)
    vetting_service.waive_claim(database, claim.id, "Client does not ask for PMP")
    tab.refresh()
    assert tab.gap_lines() == []
    assert "Ready for Vetted" in tab.gate_label.text()


def test_a_refused_move_lists_what_is_missing_and_takes_a_written_override(
    qtbot, database, candidate_id
):
    vetted = next(s for s in pipeline.stages(database) if s.name == "Vetted")
    dialog = StageDialog(database, candidate_id, target_stage_id=vetted.id)
    qtbot.addWidget(dialog)
    assert "Sourced" in dialog.current_label.text()
    assert dialog.selected_stage() == vetted
    dialog.reason.setText("Client shortlist due Friday")
    assert dialog.confirm() is False
    missing = pipeline.gate_gaps(database, candidate_id)
    assert dialog.missing == missing
    assert dialog.gaps_label.text().splitlines() == ["Vetted needs:"] + [
        f"•  {item}" for item in missing
    ]
    assert not dialog.gate_box.isHidden()
    assert dialog.confirm() is False  # no override reason written
    assert "write why" in dialog.error_text("override_reason")
    assert vetting_service.vetting(database, candidate_id).stage.name == "Sourced"
    dialog.override.setText("Client interviews them tomorrow; references follow")
    assert dialog.confirm() is True
    move = dialog.stage_move
    assert move is not None and move.to_stage == "Vetted"
    assert move.override_reason == "Client interviews them tomorrow; references follow"
    assert list(move.missing) == missing
    assert move.reason == "Client shortlist due Friday"
    assert vetting_service.vetting(database, candidate_id).stage.name == "Vetted"


def test_a_move_from_the_tab_shows_on_the_timeline(
    qtbot, database, candidate_id, editor, monkeypatch
):
    tab = editor.vetting

    def drive(dialog: StageDialog) -> int:
        dialog.select_stage("Screening")
        dialog.reason.setText("Phone screen booked")
        return 1 if dialog.confirm() else 0

    monkeypatch.setattr(StageDialog, "exec", drive)
    with qtbot.waitSignal(editor.vettingChanged, timeout=1000):
        tab.move_button.click()
    assert tab.stage_label.text().startswith("Screening")
    table = tab.timeline_table
    assert table.rowCount() == 1
    assert table.item(0, 1).text() == "Sourced → Screening"
    assert table.item(0, 3).text() == "Phone screen booked"
    assert table.item(0, 4).text() == ""


def test_moved_by_someone_else_is_said_in_the_dialog(qtbot, database, candidate_id, monkeypatch):
    sourced = vetting_service.vetting(database, candidate_id).stage
    pipeline.move_stage(database, candidate_id, "Screening")
    seen: list[StageDialog] = []

    def drive(dialog: StageDialog) -> int:
        seen.append(dialog)
        dialog.select_stage("Interview")
        assert dialog.confirm() is False
        return 0

    monkeypatch.setattr(StageDialog, "exec", drive)
    parent = VettingTab(database)
    qtbot.addWidget(parent)
    assert move_candidate(parent, database, candidate_id, expected_stage_id=sourced.id) is None
    assert "moved to Screening by someone else" in seen[0].error_text("general")
    assert stage_dialog.__name__  # the module stays importable by the board


def test_a_waiver_through_the_certifications_tab(
    qtbot, database, candidate_id, editor, monkeypatch
):
    claim_service.add_claim(database, candidate_id, "PMP", ClaimDraft("1234567"))
    certifications = editor.certifications
    certifications.reload()
    certifications.select_claim("PMP")
    assert not certifications.waive_button.isHidden()
    assert certifications.withdraw_waiver_button.isHidden()

    def fill(dialog: WaiverDialog) -> bool:
        assert dialog.save() is False
        assert dialog.error_text() == "write the waiver reason"
        dialog.reason.setPlainText("Client accepts the PMI letter we saw")
        return dialog.save()

    run_dialogs(certifications, monkeypatch, fill)
    with qtbot.waitSignal(editor.certificationsChanged, timeout=1000):
        certifications.waive_button.click()
    [claim] = claim_service.candidate_claims(database, candidate_id)
    assert (
        claim.waiver is not None and claim.waiver.reason == "Client accepts the PMI letter we saw"
    )
    assert certifications.claims_table.item(0, 1).text() == "Unverified · waived"
    assert "Waived for vetting by" in certifications.warnings.text()
    assert "Client accepts the PMI letter we saw" in certifications.warnings.text()
    assert certifications.waive_button.isHidden()
    # The Vetting tab's gate follows at once.
    assert not any("PMP" in line for line in editor.vetting.gap_lines())

    certifications.withdraw_waiver_button.click()
    [claim] = claim_service.candidate_claims(database, candidate_id)
    assert claim.waiver is None
    assert certifications.claims_table.item(0, 1).text() == "Unverified"
    assert any("PMP" in line for line in editor.vetting.gap_lines())
