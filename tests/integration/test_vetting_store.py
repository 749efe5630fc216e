"""Vetting on a real SQLite file: moves through the gate, the scorecard, references, stages."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from workbench.domain.candidate import CandidateDraft
from workbench.domain.certifications import CheckOutcome
from workbench.domain.claims import CheckDraft, CheckMethod, ClaimDraft
from workbench.domain.errors import ConflictError, GateRefused, ValidationError, WorkbenchError
from workbench.domain.search import SearchCriteria
from workbench.domain.vetting import (
    Criterion,
    InterviewNoteDraft,
    Rating,
    ReferenceDraft,
    ReferenceOutcome,
    ScorecardDraft,
    StageDraft,
)
from workbench.services import claims, pipeline, vetting
from workbench.services.candidates import add_candidate, delete_candidates
from workbench.services.search import candidate_rows, search_candidates
from workbench.store.engine import Database

TODAY = date(2026, 11, 26)


def _candidate(database: Database, n: int = 1) -> int:
    return add_candidate(database, CandidateDraft(f"Ann{n}", "Lee", f"ann{n}@example.com")).id


def _scorecard(**missing: bool) -> ScorecardDraft:
    return ScorecardDraft(
        {c: Rating(4, f"{c.label} fine") for c in Criterion},
        () if missing.get("methodologies") else ("Scrum", "Kanban"),
        ("Jira",),
    )


def _reference(outcome: ReferenceOutcome = ReferenceOutcome.POSITIVE) -> ReferenceDraft:
    return ReferenceDraft(
        "Bob Stone", "Line manager", "Northwind Bank", "bob@northwind.example", TODAY, outcome
    )


def _vet(database: Database, cid: int) -> None:
    vetting.save_scorecard(database, cid, _scorecard(), None)
    vetting.add_reference(database, cid, _reference(), on=TODAY)


def test_new_candidates_start_in_sourced(database: Database) -> None:
    cid = _candidate(database)
    state = vetting.vetting(database, cid, on=TODAY)
    assert state.stage.name == "Sourced"
    assert state.stage_since is not None
    assert state.moves == ()


def test_a_move_records_from_to_who_when_and_reason(database: Database) -> None:
    cid = _candidate(database)
    move = pipeline.move_stage(database, cid, "screening", reason="CV fits the Agile PM brief")
    assert (move.from_stage, move.to_stage) == ("Sourced", "Screening")
    assert move.reason == "CV fits the Agile PM brief"
    assert move.moved_by
    state = vetting.vetting(database, cid)
    assert state.stage.name == "Screening"
    assert [m.to_stage for m in state.moves] == ["Screening"]
    with pytest.raises(WorkbenchError, match="already in Screening"):
        pipeline.move_stage(database, cid, "Screening")


def test_the_gate_refuses_and_lists_everything_missing(database: Database) -> None:
    cid = _candidate(database)
    claims.add_claim(database, cid, "PMP", ClaimDraft("0012345", "", date(2025, 1, 1)), on=TODAY)
    with pytest.raises(GateRefused) as refused:
        pipeline.move_stage(database, cid, "Vetted", on=TODAY)
    missing = refused.value.missing
    assert len([m for m in missing if m.startswith("Scorecard: no score for")]) == 7
    assert "References: no positive reference yet" in missing
    assert any(m.startswith("Certification PMP: unverified") for m in missing)
    assert vetting.vetting(database, cid).stage.name == "Sourced"  # nothing moved


def test_each_item_alone_keeps_the_gate_shut(database: Database) -> None:
    # The scorecard without methodologies; everything else in place.
    cid = _candidate(database)
    vetting.save_scorecard(database, cid, _scorecard(methodologies=True), None)
    vetting.add_reference(database, cid, _reference(), on=TODAY)
    assert pipeline.gate_gaps(database, cid, on=TODAY) == [
        "Scorecard: no methodology confirmed in interview"
    ]
    # Only a mixed reference.
    cid = _candidate(database, 2)
    vetting.save_scorecard(database, cid, _scorecard(), None)
    vetting.add_reference(database, cid, _reference(ReferenceOutcome.MIXED), on=TODAY)
    assert pipeline.gate_gaps(database, cid, on=TODAY) == [
        "References: no positive reference yet (1 taken, none positive)"
    ]
    # Only an unverified claim; a waiver with a reason lets it through.
    cid = _candidate(database, 3)
    _vet(database, cid)
    claim = claims.add_claim(database, cid, "CSM", ClaimDraft("1234"), on=TODAY)
    assert pipeline.gate_gaps(database, cid, on=TODAY) == [
        "Certification CSM: unverified; verify it or waive it with a reason"
    ]
    with pytest.raises(ValidationError):
        vetting.waive_claim(database, claim.id, "  ")
    vetting.waive_claim(database, claim.id, "Client's brief does not ask for a CSM")
    assert pipeline.gate_gaps(database, cid, on=TODAY) == []
    assert claims.candidate_claims(database, cid)[0].waiver is not None
    vetting.clear_waiver(database, claim.id)
    assert len(pipeline.gate_gaps(database, cid, on=TODAY)) == 1


def test_a_verified_claim_passes_and_a_complete_candidate_moves(database: Database) -> None:
    cid = _candidate(database)
    _vet(database, cid)
    claim = claims.add_claim(database, cid, "PMP", ClaimDraft("0012345", "", date(2025, 1, 1)))
    claims.record_check(
        database,
        claim.id,
        CheckDraft(TODAY, "Zoe Adams", CheckMethod.REGISTRY, CheckOutcome.VERIFIED, "ref", ""),
        on=TODAY,
    )
    move = pipeline.move_stage(database, cid, "Vetted", on=TODAY)
    assert move.override_reason == "" and move.missing == ()
    # Past the gate, Presented needs no second pass.
    pipeline.move_stage(database, cid, "Presented", on=TODAY)


def test_an_override_needs_a_reason_and_records_what_was_missing(database: Database) -> None:
    cid = _candidate(database)
    vetting.save_scorecard(database, cid, _scorecard(), None)
    with pytest.raises(GateRefused):  # blank words are no override
        pipeline.move_stage(database, cid, "Vetted", override="   ")
    move = pipeline.move_stage(
        database, cid, "Placed", override="Client interviewed him directly", reason="urgent"
    )
    assert move.override_reason == "Client interviewed him directly"
    assert move.missing == ("References: no positive reference yet",)
    assert vetting.vetting(database, cid).moves[0].missing == move.missing


def test_a_stale_stage_and_a_deleted_candidate_are_refused(database: Database) -> None:
    cid = _candidate(database)
    sourced = vetting.vetting(database, cid).stage.id
    pipeline.move_stage(database, cid, "Screening", expected_stage_id=sourced)
    with pytest.raises(ConflictError, match="moved to Screening by someone else"):
        pipeline.move_stage(database, cid, "Interview", expected_stage_id=sourced)
    delete_candidates(database, [cid])
    with pytest.raises(WorkbenchError, match="restore them first"):
        pipeline.move_stage(database, cid, "Interview")


def test_search_filters_by_stage_and_rows_carry_it(database: Database) -> None:
    first, second = _candidate(database, 1), _candidate(database, 2)
    pipeline.move_stage(database, second, "Interview")
    interview = pipeline.resolve_stage(database, "interview")
    found = search_candidates(database, SearchCriteria(stage_ids=(interview.id,)))
    assert found.ids == (second,)
    rows = {row.id: row for row in candidate_rows(database, [first, second])}
    assert rows[first].stage == "Sourced" and rows[second].stage == "Interview"
    assert pipeline.stage_counts(database) == {1: 1, interview.id: 1}


def test_the_scorecard_refuses_a_stale_save(database: Database) -> None:
    cid = _candidate(database)
    first = vetting.save_scorecard(database, cid, _scorecard(), None)
    assert first.draft.rating(Criterion.LEADERSHIP) == Rating(4, "Leadership fine")
    with pytest.raises(ConflictError):
        vetting.save_scorecard(database, cid, _scorecard(), None)
    changed = replace(
        first.draft, ratings={**first.draft.ratings, Criterion.NEGOTIATION: Rating(2, "weak")}
    )
    second = vetting.save_scorecard(database, cid, changed, first.version)
    assert second.version == first.version + 1
    with pytest.raises(ConflictError):
        vetting.save_scorecard(database, cid, changed, first.version)


def test_interviews_and_references_are_edited_and_removed(database: Database) -> None:
    cid = _candidate(database)
    note = vetting.add_interview_note(
        database, cid, InterviewNoteDraft(TODAY, "Zoe Adams", "Strong on RAID logs"), on=TODAY
    )
    edited = vetting.update_interview_note(
        database, note.id, note.version, InterviewNoteDraft(TODAY, "Zoe Adams", "Strong"), on=TODAY
    )
    with pytest.raises(ConflictError):
        vetting.update_interview_note(
            database, note.id, note.version, InterviewNoteDraft(TODAY, "Z", "x"), on=TODAY
        )
    reference = vetting.add_reference(database, cid, _reference(), on=TODAY)
    vetting.update_reference(
        database, reference.id, reference.version, _reference(ReferenceOutcome.MIXED), on=TODAY
    )
    state = vetting.vetting(database, cid)
    assert [n.text for n in state.interviews] == [edited.text]
    assert [r.draft.outcome for r in state.references] == [ReferenceOutcome.MIXED]
    vetting.remove_interview_note(database, note.id)
    vetting.remove_reference(database, reference.id)
    state = vetting.vetting(database, cid)
    assert state.interviews == () and state.references == ()


def test_stages_are_renamed_reordered_added_and_kept_when_used(database: Database) -> None:
    cid = _candidate(database)
    stages = pipeline.stages(database)
    drafts = [StageDraft(s.name, s.closed, s.id) for s in stages]
    drafts[1] = replace(drafts[1], name="Phone screen")
    drafts[1], drafts[2] = drafts[2], drafts[1]
    drafts.insert(3, StageDraft("Technical test"))
    saved = pipeline.save_stages(database, drafts)
    assert [s.name for s in saved][:5] == [
        "Sourced",
        "Interview",
        "Phone screen",
        "Technical test",
        "Vetted",
    ]
    # The move records names as they were at the time.
    pipeline.move_stage(database, cid, "Technical test")
    renamed = [
        StageDraft("Tech test" if s.name == "Technical test" else s.name, s.closed, s.id)
        for s in saved
    ]
    pipeline.save_stages(database, renamed)
    assert vetting.vetting(database, cid).moves[0].to_stage == "Technical test"
    assert vetting.vetting(database, cid).stage.name == "Tech test"
    # A used stage and a stage the app relies on cannot go.
    in_use = [d for d in renamed if d.name != "Tech test"]
    with pytest.raises(WorkbenchError, match="still holds 1 candidate"):
        pipeline.save_stages(database, in_use)
    without_vetted = [d for d in renamed if d.name != "Vetted"]
    with pytest.raises(ValidationError, match="cannot be removed"):
        pipeline.save_stages(database, without_vetted)
    # A swap of two names in one save does not trip over the unique names.
    current = pipeline.stages(database)
    swapped = [StageDraft(s.name, s.closed, s.id) for s in current]
    swapped[1], swapped[2] = (
        replace(swapped[1], name=swapped[2].name),
        replace(swapped[2], name=swapped[1].name),
    )
    after = pipeline.save_stages(database, swapped)
    assert [s.name for s in after][1:3] == [current[2].name, current[1].name]


# --- found in review: ways round the gate, stale saves, names that lose to roles ---------------


def _drafts(database: Database) -> list[StageDraft]:
    return [StageDraft(s.name, s.closed, s.id) for s in pipeline.stages(database)]


def test_reordering_cannot_put_placed_before_vetted_or_sourced_after_it(
    database: Database,
) -> None:
    drafts = _drafts(database)
    placed = next(d for d in drafts if d.name == "Placed")
    with pytest.raises(ValidationError, match="Placed must come after"):
        pipeline.save_stages(database, [placed, *[d for d in drafts if d is not placed]])
    sourced = drafts[0]
    with pytest.raises(ValidationError, match="Vetted must come after Sourced"):
        pipeline.save_stages(database, [*drafts[1:4], sourced, *drafts[4:]])


def test_a_stage_holding_unvetted_candidates_cannot_move_past_the_gate(
    database: Database,
) -> None:
    cid = _candidate(database)
    pipeline.move_stage(database, cid, "Interview")
    drafts = _drafts(database)
    interview = next(d for d in drafts if d.name == "Interview")
    after_vetted = [d for d in drafts if d is not interview]
    after_vetted.insert(
        after_vetted.index(next(d for d in drafts if d.name == "Vetted")) + 1, interview
    )
    with pytest.raises(WorkbenchError, match="Interview holds 1 candidate"):
        pipeline.save_stages(database, after_vetted)
    # An exit holding candidates cannot join the main line past the gate either.
    parked = pipeline.save_stages(database, [*drafts, StageDraft("Parked", closed=True)])
    pipeline.move_stage(database, cid, "Parked")
    reopened = [StageDraft(s.name, False if s.name == "Parked" else s.closed, s.id) for s in parked]
    with pytest.raises(WorkbenchError, match="Parked holds 1 candidate"):
        pipeline.save_stages(database, reopened)
    # Empty, the same move is fine.
    pipeline.move_stage(database, cid, "Screening")
    pipeline.save_stages(database, reopened)


def test_a_colleagues_stage_change_is_not_overwritten(database: Database) -> None:
    seen = pipeline.stages(database)
    pipeline.save_stages(database, [*_drafts(database), StageDraft("Offer")])
    mine = [
        StageDraft("Phone screen" if s.name == "Screening" else s.name, s.closed, s.id)
        for s in seen
    ]
    with pytest.raises(ConflictError, match="someone else changed the stages"):
        pipeline.save_stages(database, mine, expected=seen)
    assert "Offer" in [s.name for s in pipeline.stages(database)]


def test_a_name_wins_over_a_role_and_ids_are_digits_only(database: Database) -> None:
    drafts = [
        StageDraft("Hired" if d.name == "Placed" else d.name, d.closed, d.id)
        for d in _drafts(database)
    ]
    stages = pipeline.save_stages(database, [*drafts, StageDraft("Placed"), StageDraft("3")])
    assert pipeline.resolve_stage(database, "placed").id != next(
        s.id for s in stages if s.name == "Hired"
    )
    assert pipeline.resolve_stage(database, "3").name == "3"
    assert pipeline.resolve_stage(database, "hired").name == "Hired"
    with pytest.raises(WorkbenchError, match="unknown stage"):
        pipeline.resolve_stage(database, "-1")


def test_a_waiver_goes_when_the_claim_changes_or_a_check_fails(database: Database) -> None:
    cid = _candidate(database)
    _vet(database, cid)
    claim = claims.add_claim(database, cid, "PMP", ClaimDraft("0012345"), on=TODAY)
    vetting.waive_claim(database, claim.id, "Client waived it", claim.version)
    assert pipeline.gate_gaps(database, cid, on=TODAY) == []
    edited = claims.update_claim(database, claim.id, claim.version, ClaimDraft("0099999"))
    assert edited.waiver is None
    assert len(pipeline.gate_gaps(database, cid, on=TODAY)) == 1
    with pytest.raises(ConflictError):  # waiving what the consultant saw before the edit
        vetting.waive_claim(database, claim.id, "again", claim.version)
    vetting.waive_claim(database, claim.id, "again", edited.version)
    claims.record_check(
        database,
        claim.id,
        CheckDraft(TODAY, "Zoe", CheckMethod.REGISTRY, CheckOutcome.NOT_FOUND, "PMI", ""),
        on=TODAY,
    )
    assert claims.candidate_claims(database, cid)[0].waiver is None
    assert pipeline.gate_gaps(database, cid, on=TODAY) == [
        "Certification PMP: verification failed; verify it or waive it with a reason"
    ]


def test_a_deleted_candidates_vetting_cannot_change(database: Database) -> None:
    cid = _candidate(database)
    reference = vetting.add_reference(database, cid, _reference(), on=TODAY)
    delete_candidates(database, [cid])
    with pytest.raises(WorkbenchError, match="restore them first"):
        vetting.save_scorecard(database, cid, _scorecard(), None)
    with pytest.raises(WorkbenchError, match="restore them first"):
        vetting.remove_reference(database, reference.id, reference.version)
