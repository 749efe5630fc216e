"""Vetting rows to domain values and back: stages, moves, scorecards, interviews, references."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from workbench.domain.vetting import (
    ClaimForGate,
    Criterion,
    InterviewNote,
    Rating,
    ReferenceCheck,
    ReferenceDraft,
    ReferenceOutcome,
    Scorecard,
    ScorecardDraft,
    Stage,
    StageMove,
    StageRole,
    scorecard_gaps,
    vetting_gaps,
)
from workbench.store import claim_queries
from workbench.store.models import (
    CandidateRecord,
    CertificationRuleRecord,
    ClaimRecord,
    InterviewNoteRecord,
    ReferenceCheckRecord,
    ScorecardRecord,
    StageMoveRecord,
    StageRecord,
)


def to_stage(record: StageRecord) -> Stage:
    """Return the domain view of a stage row."""
    return Stage(
        id=record.id,
        name=record.name,
        position=record.position,
        role=StageRole(record.role) if record.role else None,
        closed=record.closed,
    )


def all_stages(session: Session) -> list[Stage]:
    """Return the pipeline in the agency's order."""
    query = select(StageRecord).order_by(StageRecord.position, StageRecord.id)
    return [to_stage(record) for record in session.scalars(query)]


def stage_counts(session: Session) -> dict[int, int]:
    """Return how many live candidates each stage holds."""
    query = (
        select(CandidateRecord.stage_id, func.count())
        .where(CandidateRecord.deleted_at.is_(None))
        .group_by(CandidateRecord.stage_id)
    )
    return {stage_id: int(count) for stage_id, count in session.execute(query).all()}


def to_move(record: StageMoveRecord) -> StageMove:
    """Return the domain view of a stage move."""
    return StageMove(
        id=record.id,
        candidate_id=record.candidate_id,
        from_stage=record.from_name,
        to_stage=record.to_name,
        moved_at=record.moved_at,
        moved_by=record.moved_by,
        reason=record.reason,
        override_reason=record.override_reason,
        missing=tuple(record.missing or ()),
    )


def moves_of(session: Session, candidate_id: int) -> list[StageMove]:
    """Return a candidate's moves, newest first."""
    query = (
        select(StageMoveRecord)
        .where(StageMoveRecord.candidate_id == candidate_id)
        .order_by(StageMoveRecord.moved_at.desc(), StageMoveRecord.id.desc())
    )
    return [to_move(record) for record in session.scalars(query)]


def scorecard_draft(record: ScorecardRecord) -> ScorecardDraft:
    """Return the scorecard a row holds."""
    ratings: dict[Criterion, Rating] = {}
    for criterion in Criterion:
        stored = (record.ratings or {}).get(criterion.value) or {}
        score = stored.get("score")
        ratings[criterion] = Rating(
            score=int(score) if isinstance(score, int) else None,
            comment=str(stored.get("comment") or ""),
        )
    return ScorecardDraft(ratings, tuple(record.methodologies or ()), tuple(record.tools or ()))


def to_scorecard(record: ScorecardRecord) -> Scorecard:
    """Return the domain view of a scorecard row."""
    return Scorecard(
        candidate_id=record.candidate_id,
        draft=scorecard_draft(record),
        updated_at=record.updated_at,
        updated_by=record.updated_by,
        version=record.version,
    )


def apply_scorecard(record: ScorecardRecord, draft: ScorecardDraft) -> None:
    """Write a validated scorecard onto its row, with the figures lists filter on."""
    record.ratings = {
        criterion.value: {
            "score": draft.rating(criterion).score,
            "comment": draft.rating(criterion).comment,
        }
        for criterion in Criterion
    }
    record.methodologies = list(draft.methodologies)
    record.tools = list(draft.tools)
    record.average = draft.average
    record.complete = not scorecard_gaps(draft)


def to_interview(record: InterviewNoteRecord) -> InterviewNote:
    """Return the domain view of an interview note."""
    return InterviewNote(
        id=record.id,
        candidate_id=record.candidate_id,
        held_on=record.held_on,
        interviewer=record.interviewer,
        text=record.text,
        recorded_at=record.recorded_at,
        version=record.version,
    )


def reference_draft(record: ReferenceCheckRecord) -> ReferenceDraft:
    """Return the reference a row holds."""
    return ReferenceDraft(
        referee=record.referee,
        relationship=record.relationship,
        company=record.company,
        contact=record.contact,
        checked_on=record.checked_on,
        outcome=ReferenceOutcome(record.outcome),
        notes=record.notes,
    )


def to_reference(record: ReferenceCheckRecord) -> ReferenceCheck:
    """Return the domain view of a reference check."""
    return ReferenceCheck(
        id=record.id,
        candidate_id=record.candidate_id,
        draft=reference_draft(record),
        checked_by=record.checked_by,
        recorded_at=record.recorded_at,
        version=record.version,
    )


def interviews_of(session: Session, candidate_id: int) -> list[InterviewNote]:
    """Return a candidate's interview notes, latest interview first."""
    query = (
        select(InterviewNoteRecord)
        .where(InterviewNoteRecord.candidate_id == candidate_id)
        .order_by(InterviewNoteRecord.held_on.desc(), InterviewNoteRecord.id.desc())
    )
    return [to_interview(record) for record in session.scalars(query)]


def references_of(session: Session, candidate_id: int) -> list[ReferenceCheck]:
    """Return a candidate's reference checks, latest first."""
    query = (
        select(ReferenceCheckRecord)
        .where(ReferenceCheckRecord.candidate_id == candidate_id)
        .order_by(ReferenceCheckRecord.checked_on.desc(), ReferenceCheckRecord.id.desc())
    )
    return [to_reference(record) for record in session.scalars(query)]


def claims_for_gate(session: Session, candidate_id: int, day: date) -> list[ClaimForGate]:
    """Return each claimed certification's status on a day and its waiver, for the gate."""
    query = (
        select(ClaimRecord, CertificationRuleRecord)
        .join(CertificationRuleRecord, CertificationRuleRecord.id == ClaimRecord.rule_id)
        .where(ClaimRecord.candidate_id == candidate_id)
    )
    return [
        ClaimForGate(
            code=rule.code,
            status=claim_queries.status_of(claim, day),
            waiver_reason=claim.waiver_reason,
        )
        for claim, rule in session.execute(query).all()
    ]


def gaps_of(session: Session, candidate_id: int, day: date) -> list[str]:
    """Return what the vetted gate finds missing for a candidate on a day."""
    record = session.get(ScorecardRecord, candidate_id)
    outcomes: Sequence[ReferenceOutcome] = [
        ReferenceOutcome(outcome)
        for outcome in session.scalars(
            select(ReferenceCheckRecord.outcome).where(
                ReferenceCheckRecord.candidate_id == candidate_id
            )
        )
    ]
    return vetting_gaps(
        scorecard_draft(record) if record is not None else None,
        outcomes,
        claims_for_gate(session, candidate_id, day),
    )
