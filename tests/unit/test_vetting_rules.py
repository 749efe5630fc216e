"""The vetting rules without a database: the gate, stages, scorecards, references, history text."""

from __future__ import annotations

from datetime import date

import pytest

from workbench.domain.candidate import CandidateDraft, WorkHistoryEntry
from workbench.domain.certifications import ClaimStatus
from workbench.domain.errors import ValidationError
from workbench.domain.history import as_text, candidate_fields, field_changes
from workbench.domain.roles import Specialisation
from workbench.domain.vetting import (
    DEFAULT_STAGES,
    ClaimForGate,
    Criterion,
    InterviewNoteDraft,
    Rating,
    ReferenceDraft,
    ReferenceOutcome,
    ScorecardDraft,
    Stage,
    StageDraft,
    StageRole,
    find_stage,
    needs_gate,
    parse_reference_outcome,
    scorecard_gaps,
    validate_interview_note,
    validate_reason,
    validate_reference,
    validate_scorecard,
    validate_stages,
    vetting_gaps,
)

TODAY = date(2026, 11, 26)
PIPELINE = [
    Stage(index + 1, name, index, role, closed)
    for index, (name, role, closed) in enumerate(DEFAULT_STAGES)
]


def _stage(name: str) -> Stage:
    return find_stage(PIPELINE, name)


def _complete() -> ScorecardDraft:
    return ScorecardDraft(
        {criterion: Rating(4, "") for criterion in Criterion}, ("Scrum",), ("Jira",)
    )


# --- the gate: each missing item on its own -------------------------------------------------


def test_a_complete_candidate_has_no_gaps() -> None:
    claims = [ClaimForGate("PMP", ClaimStatus.VERIFIED), ClaimForGate("CSM", ClaimStatus.EXPIRING)]
    assert vetting_gaps(_complete(), [ReferenceOutcome.POSITIVE], claims) == []


@pytest.mark.parametrize("criterion", list(Criterion))
def test_each_unscored_criterion_is_named(criterion: Criterion) -> None:
    ratings = {c: Rating(4) for c in Criterion if c is not criterion}
    card = ScorecardDraft(ratings, ("Scrum",), ("Jira",))
    gaps = vetting_gaps(card, [ReferenceOutcome.POSITIVE], [])
    assert gaps == [f"Scorecard: no score for {criterion.label.lower()}"]


def test_no_methodology_confirmed_is_a_gap_of_its_own() -> None:
    card = ScorecardDraft(_complete().ratings, (), ("Jira",))
    assert vetting_gaps(card, [ReferenceOutcome.POSITIVE], []) == [
        "Scorecard: no methodology confirmed in interview"
    ]


def test_no_tool_confirmed_is_a_gap_of_its_own() -> None:
    card = ScorecardDraft(_complete().ratings, ("Kanban",), ())
    assert vetting_gaps(card, [ReferenceOutcome.POSITIVE], []) == [
        "Scorecard: no tool confirmed in interview"
    ]


def test_no_scorecard_at_all_lists_every_criterion_and_both_checklists() -> None:
    gaps = scorecard_gaps(None)
    assert len(gaps) == len(Criterion) + 2


def test_references_need_one_positive() -> None:
    assert vetting_gaps(_complete(), [], []) == ["References: no positive reference yet"]
    assert vetting_gaps(
        _complete(), [ReferenceOutcome.MIXED, ReferenceOutcome.NO_RESPONSE], []
    ) == ["References: no positive reference yet (2 taken, none positive)"]
    assert (
        vetting_gaps(_complete(), [ReferenceOutcome.NEGATIVE, ReferenceOutcome.POSITIVE], []) == []
    )


@pytest.mark.parametrize(
    "status",
    [ClaimStatus.UNVERIFIED, ClaimStatus.EXPIRED, ClaimStatus.VERIFICATION_FAILED],
)
def test_each_claim_not_verified_is_a_gap_until_waived(status: ClaimStatus) -> None:
    claim = ClaimForGate("PRINCE2-PRACTITIONER", status)
    [gap] = vetting_gaps(_complete(), [ReferenceOutcome.POSITIVE], [claim])
    assert gap.startswith("Certification PRINCE2-PRACTITIONER: ")
    assert "waive it with a reason" in gap
    waived = ClaimForGate("PRINCE2-PRACTITIONER", status, "client does not need it")
    assert vetting_gaps(_complete(), [ReferenceOutcome.POSITIVE], [waived]) == []


@pytest.mark.parametrize(
    "status", [ClaimStatus.VERIFIED, ClaimStatus.EXPIRING, ClaimStatus.RENEWAL_DUE]
)
def test_verified_claims_pass_while_they_have_not_lapsed(status: ClaimStatus) -> None:
    claims = [ClaimForGate("PMP", status)]
    assert vetting_gaps(_complete(), [ReferenceOutcome.POSITIVE], claims) == []


# --- which moves pass through the gate -----------------------------------------------------


@pytest.mark.parametrize(
    ("current", "target", "gated"),
    [
        ("Interview", "Vetted", True),
        ("Sourced", "Vetted", True),
        ("Screening", "Placed", True),  # jumping past Vetted must not skip the vetting
        ("Rejected", "Presented", True),  # coming back from an exit
        ("Vetted", "Presented", False),  # already through
        ("Presented", "Placed", False),
        ("Sourced", "Interview", False),
        ("Interview", "Rejected", False),
        ("Vetted", "Withdrawn", False),
        ("Placed", "Screening", False),  # going back needs no gate
    ],
)
def test_needs_gate(current: str, target: str, gated: bool) -> None:
    assert needs_gate(PIPELINE, _stage(current), _stage(target)) is gated


def test_find_stage_accepts_names_roles_and_ids_and_lists_the_stages() -> None:
    assert find_stage(PIPELINE, " vetted ").name == "Vetted"
    assert find_stage(PIPELINE, "4").name == "Vetted"
    with pytest.raises(ValueError, match="stages: Sourced, Screening"):
        find_stage(PIPELINE, "Hired")


def test_a_pipeline_must_keep_its_roles_and_unique_names() -> None:
    drafts = [StageDraft(s.name, s.closed, s.id, s.role) for s in PIPELINE]
    validate_stages(drafts, [s.role for s in PIPELINE if s.role])
    without_vetted = [d for d in drafts if d.role is not StageRole.VETTED]
    with pytest.raises(ValidationError) as refused:
        validate_stages(without_vetted, [s.role for s in PIPELINE if s.role])
    assert "vetted" in refused.value.errors
    twice = [*drafts, StageDraft("screening ")]
    with pytest.raises(ValidationError, match="already the name of stage 2"):
        validate_stages(twice, [])
    with pytest.raises(ValidationError, match="give the stage a name"):
        validate_stages([*drafts, StageDraft("  ")], [])


def test_presented_and_placed_stay_after_vetted() -> None:
    drafts = [StageDraft(s.name, s.closed, s.id, s.role) for s in PIPELINE]
    placed_first = [drafts[5], *drafts[:5], *drafts[6:]]
    with pytest.raises(ValidationError, match="Placed must come after"):
        validate_stages(placed_first, [])


# --- forms -----------------------------------------------------------------------------------


def test_a_score_outside_one_to_five_is_refused_per_criterion() -> None:
    card = ScorecardDraft({Criterion.NEGOTIATION: Rating(6), Criterion.LEADERSHIP: Rating(0)})
    with pytest.raises(ValidationError) as refused:
        validate_scorecard(card)
    assert set(refused.value.errors) == {"negotiation", "leadership"}


def test_a_comment_needs_a_score_and_checklists_are_canonical() -> None:
    with pytest.raises(ValidationError, match="give a score with the comment"):
        validate_scorecard(ScorecardDraft({Criterion.DELIVERY: Rating(None, "good")}))
    clean = validate_scorecard(ScorecardDraft({}, ("scrum", "Scrum ", "kanban"), ("jira",)))
    assert clean.methodologies == ("Scrum", "Kanban")
    assert clean.tools == ("Jira",)
    assert _complete().average == 4.0
    assert ScorecardDraft().average is None


def test_a_reference_needs_a_referee_a_day_not_in_the_future_and_an_outcome() -> None:
    with pytest.raises(ValidationError) as refused:
        validate_reference(ReferenceDraft("", checked_on=date(2027, 1, 1)), today=TODAY)
    assert set(refused.value.errors) == {"referee", "checked_on", "outcome"}
    clean = validate_reference(
        ReferenceDraft(
            " Ann  Lee ", "Line manager", checked_on=TODAY, outcome=ReferenceOutcome.MIXED
        ),
        today=TODAY,
    )
    assert clean.referee == "Ann Lee"
    assert parse_reference_outcome("No response") is ReferenceOutcome.NO_RESPONSE


def test_an_interview_note_needs_a_day_who_and_text() -> None:
    with pytest.raises(ValidationError) as refused:
        validate_interview_note(InterviewNoteDraft(None, "", "  "), today=TODAY)
    assert set(refused.value.errors) == {"held_on", "interviewer", "text"}
    with pytest.raises(ValidationError, match="future"):
        validate_interview_note(InterviewNoteDraft(date(2026, 12, 1), "Zoe", "x"), today=TODAY)


def test_an_override_needs_written_words() -> None:
    with pytest.raises(ValidationError, match="write the override reason"):
        validate_reason("   ", "override reason")
    assert validate_reason(" client asked ", "override reason") == "client asked"


# --- history text ----------------------------------------------------------------------------


def test_field_changes_lists_only_what_differs_in_readable_words() -> None:
    before = candidate_fields(CandidateDraft("Ann", "Lee", "ann@example.com", years_experience=4.0))
    after = candidate_fields(
        CandidateDraft(
            "Ann",
            "Lee-Smith",
            "ann@example.com",
            years_experience=7.5,
            primary_role=Specialisation.SCRUM_MASTER,
            work_history=(WorkHistoryEntry("Acme", "PM", date(2020, 1, 1)),),
        )
    )
    changes = {c.field: (c.old, c.new) for c in field_changes(before, after)}
    assert changes["Last name"] == ("Lee", "Lee-Smith")
    assert changes["Years of experience"] == ("4", "7.5")
    assert changes["Level"] == ("Mid-level", "Senior")
    assert changes["Primary role"] == ("", "Scrum Master")
    assert changes["Work history"] == ("", "PM at Acme (2020-01-01 – now)")
    assert "First name" not in changes


def test_as_text_cuts_absurdly_long_values() -> None:
    assert as_text(None) == ""
    assert as_text(True) == "yes"
    assert len(as_text("x" * 10_000)) == 4_000
