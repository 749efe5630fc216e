"""Use cases on a candidate's vetting: scorecard, interview notes, references, waivers."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from typing import TypeVar

from sqlalchemy import update
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from workbench.domain.errors import ConflictError, NotFoundError, WorkbenchError
from workbench.domain.history import Action, Change, Entity, FieldChange, field_changes
from workbench.domain.vetting import (
    Criterion,
    InterviewNote,
    InterviewNoteDraft,
    ReferenceCheck,
    ReferenceDraft,
    Scorecard,
    ScorecardDraft,
    StageRole,
    Vetting,
    is_past_gate,
    stage_with_role,
    validate_interview_note,
    validate_reason,
    validate_reference,
    validate_scorecard,
)
from workbench.services.candidates import utc_now
from workbench.services.claims import today
from workbench.services.history import actor, record
from workbench.store import vetting_queries
from workbench.store.engine import Database
from workbench.store.models import (
    CandidateRecord,
    CertificationRuleRecord,
    ClaimRecord,
    InterviewNoteRecord,
    ReferenceCheckRecord,
    ScorecardRecord,
)


def _candidate(session: Session, candidate_id: int) -> CandidateRecord:
    candidate = session.get(CandidateRecord, candidate_id)
    if candidate is None:
        raise NotFoundError(f"no candidate #{candidate_id}")
    return candidate


def _live(session: Session, candidate_id: int) -> CandidateRecord:
    """Return a candidate whose vetting may change: deleted ones are restored first."""
    candidate = _candidate(session, candidate_id)
    if candidate.deleted_at is not None:
        raise WorkbenchError(
            f"{candidate.first_name} {candidate.last_name} is deleted; restore them first"
        )
    return candidate


@contextmanager
def _stale_is_conflict(what: str) -> Iterator[None]:
    try:
        yield
    except StaleDataError:
        raise ConflictError(
            f"this {what} was changed by someone else while saving; reload to see it"
        ) from None


def vetting(database: Database, candidate_id: int, *, on: date | None = None) -> Vetting:
    """Return the candidate's stage, scorecard, interviews, references, moves and gate gaps."""
    day = on or today()
    with database.read() as session:
        candidate = _candidate(session, candidate_id)
        stages = vetting_queries.all_stages(session)
        stage = next(s for s in stages if s.id == candidate.stage_id)
        gate = stage_with_role(stages, StageRole.VETTED)
        scorecard = session.get(ScorecardRecord, candidate_id)
        return Vetting(
            candidate_id=candidate_id,
            gate_stage=gate.name if gate else "Vetted",
            past_gate=is_past_gate(stages, stage),
            stage=stage,
            stage_since=candidate.stage_since,
            scorecard=vetting_queries.to_scorecard(scorecard) if scorecard else None,
            interviews=tuple(vetting_queries.interviews_of(session, candidate_id)),
            references=tuple(vetting_queries.references_of(session, candidate_id)),
            moves=tuple(vetting_queries.moves_of(session, candidate_id)),
            gaps=tuple(vetting_queries.gaps_of(session, candidate_id, day)),
        )


def _scorecard_fields(draft: ScorecardDraft) -> dict[str, object]:
    fields: dict[str, object] = {}
    for criterion in Criterion:
        rating = draft.rating(criterion)
        fields[criterion.label] = rating.score
        fields[f"{criterion.label} comment"] = rating.comment
    fields["Methodologies confirmed"] = list(draft.methodologies)
    fields["Tools confirmed"] = list(draft.tools)
    return fields


def save_scorecard(
    database: Database, candidate_id: int, draft: ScorecardDraft, expected_version: int | None
) -> Scorecard:
    """Store the scorecard as edited; expected_version None means the form saw none yet."""
    clean = validate_scorecard(draft)
    with _stale_is_conflict("scorecard"), database.write() as session:
        _live(session, candidate_id)
        row = session.get(ScorecardRecord, candidate_id)
        seen = row.version if row is not None else None
        if seen != expected_version:
            raise ConflictError(
                "the scorecard was changed by someone else after you opened it; "
                "reload to see their changes"
            )
        before = _scorecard_fields(vetting_queries.scorecard_draft(row)) if row else {}
        now = utc_now()
        by = actor(session)
        if row is None:
            row = ScorecardRecord(candidate_id=candidate_id)
            session.add(row)
        vetting_queries.apply_scorecard(row, clean)
        row.updated_at, row.updated_by = now, by
        session.flush()
        changes = field_changes(before, _scorecard_fields(clean))
        if changes or not before:  # a first, empty save still creates the row: say so
            action = Action.CHANGED if before else Action.CREATED
            record(
                session,
                [Change(candidate_id, Entity.SCORECARD, candidate_id, action, changes)],
                now,
                by,
            )
        return vetting_queries.to_scorecard(row)


def _interview_fields(draft: InterviewNoteDraft) -> dict[str, object]:
    return {"Held on": draft.held_on, "Interviewer": draft.interviewer, "Note": draft.text}


def add_interview_note(
    database: Database, candidate_id: int, draft: InterviewNoteDraft, *, on: date | None = None
) -> InterviewNote:
    """Store a dated interview note."""
    clean = validate_interview_note(draft, today=on or today())
    assert clean.held_on is not None  # validation requires it
    with database.write() as session:
        _live(session, candidate_id)
        now = utc_now()
        row = InterviewNoteRecord(
            candidate_id=candidate_id,
            held_on=clean.held_on,
            interviewer=clean.interviewer,
            text=clean.text,
            recorded_at=now,
        )
        session.add(row)
        session.flush()
        record(
            session,
            [
                Change(
                    candidate_id,
                    Entity.INTERVIEW,
                    row.id,
                    Action.CREATED,
                    field_changes({}, _interview_fields(clean)),
                    f"interview of {clean.held_on.isoformat()}",
                )
            ],
            now,
        )
        return vetting_queries.to_interview(row)


def update_interview_note(
    database: Database,
    note_id: int,
    expected_version: int,
    draft: InterviewNoteDraft,
    *,
    on: date | None = None,
) -> InterviewNote:
    """Save changes to an interview note, refusing if it changed since it was opened."""
    clean = validate_interview_note(draft, today=on or today())
    assert clean.held_on is not None
    with _stale_is_conflict("interview note"), database.write() as session:
        row = _versioned(session, InterviewNoteRecord, note_id, expected_version, "interview note")
        before = _interview_fields(InterviewNoteDraft(row.held_on, row.interviewer, row.text))
        row.held_on, row.interviewer, row.text = clean.held_on, clean.interviewer, clean.text
        session.flush()
        _record_edit(
            session,
            row.candidate_id,
            Entity.INTERVIEW,
            row.id,
            before,
            _interview_fields(clean),
            f"interview of {clean.held_on.isoformat()}",
        )
        return vetting_queries.to_interview(row)


def remove_interview_note(
    database: Database, note_id: int, expected_version: int | None = None
) -> None:
    """Remove an interview note entered by mistake; the history keeps what it said."""
    with database.write() as session:
        row = _versioned(session, InterviewNoteRecord, note_id, expected_version, "interview note")
        before = _interview_fields(InterviewNoteDraft(row.held_on, row.interviewer, row.text))
        _record_removal(
            session,
            row.candidate_id,
            Entity.INTERVIEW,
            row.id,
            before,
            f"interview of {row.held_on.isoformat()}",
        )
        session.delete(row)


def _reference_fields(draft: ReferenceDraft) -> dict[str, object]:
    return {
        "Referee": draft.referee,
        "Relationship": draft.relationship,
        "Company": draft.company,
        "Contact": draft.contact,
        "Taken on": draft.checked_on,
        "Outcome": draft.outcome,
        "Notes": draft.notes,
    }


def add_reference(
    database: Database, candidate_id: int, draft: ReferenceDraft, *, on: date | None = None
) -> ReferenceCheck:
    """Store a reference check taken by the consultant."""
    clean = validate_reference(draft, today=on or today())
    assert clean.checked_on is not None and clean.outcome is not None
    with database.write() as session:
        _live(session, candidate_id)
        now = utc_now()
        by = actor(session)
        row = ReferenceCheckRecord(candidate_id=candidate_id, checked_by=by, recorded_at=now)
        _apply_reference(row, clean)
        session.add(row)
        session.flush()
        record(
            session,
            [
                Change(
                    candidate_id,
                    Entity.REFERENCE,
                    row.id,
                    Action.CREATED,
                    field_changes({}, _reference_fields(clean)),
                    f"reference from {clean.referee}",
                )
            ],
            now,
            by,
        )
        return vetting_queries.to_reference(row)


def _apply_reference(row: ReferenceCheckRecord, draft: ReferenceDraft) -> None:
    assert draft.checked_on is not None and draft.outcome is not None
    row.referee, row.relationship = draft.referee, draft.relationship
    row.company, row.contact = draft.company, draft.contact
    row.checked_on, row.outcome, row.notes = draft.checked_on, draft.outcome.value, draft.notes


def update_reference(
    database: Database,
    reference_id: int,
    expected_version: int,
    draft: ReferenceDraft,
    *,
    on: date | None = None,
) -> ReferenceCheck:
    """Save changes to a reference check, refusing if it changed since it was opened."""
    clean = validate_reference(draft, today=on or today())
    with _stale_is_conflict("reference"), database.write() as session:
        row = _versioned(session, ReferenceCheckRecord, reference_id, expected_version, "reference")
        before = _reference_fields(vetting_queries.reference_draft(row))
        _apply_reference(row, clean)
        session.flush()
        _record_edit(
            session,
            row.candidate_id,
            Entity.REFERENCE,
            row.id,
            before,
            _reference_fields(clean),
            f"reference from {clean.referee}",
        )
        return vetting_queries.to_reference(row)


def remove_reference(
    database: Database, reference_id: int, expected_version: int | None = None
) -> None:
    """Remove a reference entered by mistake; the history keeps what it said."""
    with database.write() as session:
        row = _versioned(session, ReferenceCheckRecord, reference_id, expected_version, "reference")
        _record_removal(
            session,
            row.candidate_id,
            Entity.REFERENCE,
            row.id,
            _reference_fields(vetting_queries.reference_draft(row)),
            f"reference from {row.referee}",
        )
        session.delete(row)


def waive_claim(
    database: Database, claim_id: int, reason: str, expected_version: int | None = None
) -> None:
    """Let the vetted gate pass a claim unverified, for a written reason.

    With expected_version (the claim as the consultant saw it), a claim edited meanwhile
    is refused: the waiver would cover details nobody looked at. Editing the claim's
    details or a failed check withdraws the waiver again.
    """
    text = validate_reason(reason, "waiver reason")
    _set_waiver(database, claim_id, text, expected_version)


def clear_waiver(database: Database, claim_id: int) -> None:
    """Withdraw a claim's waiver: the gate asks for its verification again."""
    _set_waiver(database, claim_id, "")


def _set_waiver(
    database: Database, claim_id: int, reason: str, expected_version: int | None = None
) -> None:
    with database.write() as session:
        claim = session.get(ClaimRecord, claim_id)
        if claim is None:
            raise NotFoundError(f"no certification claim #{claim_id}")
        _live(session, claim.candidate_id)
        if expected_version is not None and claim.version != expected_version:
            raise ConflictError(
                "the claim was changed after you opened it; look at it again before waiving"
            )
        if not reason and not claim.waiver_reason:
            raise WorkbenchError("this certification is not waived")
        rule = session.get(CertificationRuleRecord, claim.rule_id)
        code = rule.code if rule else "certification"
        now = utc_now()
        by = actor(session)
        change = Change(
            claim.candidate_id,
            Entity.CLAIM,
            claim.id,
            Action.WAIVED if reason else Action.CHANGED,
            (FieldChange("Waiver", claim.waiver_reason, reason),),
            code,
        )
        # Core update: a waiver is not an edit of the claim's details, so it must not make
        # an open claim dialog stale.
        session.execute(
            update(ClaimRecord)
            .where(ClaimRecord.id == claim_id)
            .values(
                waiver_reason=reason,
                waived_by=by if reason else "",
                waived_at=now if reason else None,
            )
            .execution_options(synchronize_session=False)
        )
        record(session, [change], now, by)


_Row = TypeVar("_Row", InterviewNoteRecord, ReferenceCheckRecord)


def _versioned(
    session: Session, model: type[_Row], row_id: int, expected_version: int | None, what: str
) -> _Row:
    row = session.get(model, row_id)
    if row is None:
        raise NotFoundError(f"no {what} #{row_id}")
    _live(session, row.candidate_id)
    if expected_version is not None and row.version != expected_version:
        raise ConflictError(
            f"this {what} was changed by someone else after you opened it; reload to see it"
        )
    return row


def _record_edit(
    session: Session,
    candidate_id: int,
    entity: Entity,
    entity_id: int,
    before: dict[str, object],
    after: dict[str, object],
    detail: str,
) -> None:
    changes = field_changes(before, after)
    if changes:
        record(
            session,
            [Change(candidate_id, entity, entity_id, Action.CHANGED, changes, detail)],
            utc_now(),
        )


def _record_removal(
    session: Session,
    candidate_id: int,
    entity: Entity,
    entity_id: int,
    before: dict[str, object],
    detail: str,
) -> None:
    record(
        session,
        [
            Change(
                candidate_id, entity, entity_id, Action.REMOVED, field_changes(before, {}), detail
            )
        ],
        utc_now(),
    )
