"""Sample vetting stored in bulk: moves, scorecards, notes, references, and their history."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy.orm import Session

from workbench.domain.candidate import CandidateDraft
from workbench.domain.claims import OUTCOME_LABELS
from workbench.domain.history import Action, Entity, as_text
from workbench.domain.vetting import CRITERION_LABELS as _LABELS
from workbench.domain.vetting import Criterion, scorecard_gaps
from workbench.services.demo_claim_writer import StoredClaim, next_ids
from workbench.services.demo_vetting import SampleVetting
from workbench.store.candidate_repository import bulk_insert, table_of
from workbench.store.models import (
    CandidateRecord,
    HistoryRecord,
    InterviewNoteRecord,
    ReferenceCheckRecord,
    ScorecardRecord,
    StageMoveRecord,
)

# (when, rows): one event of a candidate's trail; sorted by when before they are written.
_Event = tuple[datetime, list[dict[str, Any]]]
# Enum values looked up once: an enum attribute costs a few microseconds a row.
_ENTITY = {entity: entity.value for entity in Entity}
_ACTION = {action: action.value for action in Action}


def _entry(
    at: datetime,
    by: str,
    candidate_id: int,
    entity: Entity,
    entity_id: int | None,
    action: Action,
    detail: str = "",
    fields: Sequence[tuple[str, object]] = (),
) -> _Event:
    """Return one event's history rows: one a field given (empty values left out), or one."""
    base = {
        "at": at,
        "by": by,
        "candidate_id": candidate_id,
        "entity": _ENTITY[entity],
        "entity_id": entity_id,
        "action": _ACTION[action],
        "detail": detail,
    }
    given = [(name, value if isinstance(value, str) else as_text(value)) for name, value in fields]
    rows = [
        {**base, "field": name, "old_value": "", "new_value": text} for name, text in given if text
    ]
    return at, rows or [{**base, "field": "", "old_value": "", "new_value": ""}]


class SampleVettingWriter:
    """Stores the vetting of candidates just inserted, a batch at a time, in bulk."""

    def __init__(self, session: Session) -> None:
        """Write in the caller's transaction: the candidates and their vetting land together."""
        self.session = session

    def add(
        self,
        batch: Sequence[tuple[int, CandidateDraft, SampleVetting]],
        claims: Sequence[StoredClaim],
        extra: Mapping[int, Sequence[_Event]] | None = None,
    ) -> None:
        """Store the batch's moves, scorecards, notes and references, and everyone's history.

        `extra` holds more events by candidate id (their submittals), merged into the trail.
        """
        if not batch:
            return
        move_ids = iter(next_ids(self.session, "stage_moves", sum(len(v.moves) for *_, v in batch)))
        note_ids = iter(
            next_ids(self.session, "interview_notes", sum(len(v.interviews) for *_, v in batch))
        )
        reference_ids = iter(
            next_ids(self.session, "reference_checks", sum(len(v.references) for *_, v in batch))
        )
        held: dict[int, list[StoredClaim]] = {}
        for stored in claims:
            held.setdefault(stored.candidate_id, []).append(stored)
        moves: list[dict[str, Any]] = []
        cards: list[dict[str, Any]] = []
        notes: list[dict[str, Any]] = []
        references: list[dict[str, Any]] = []
        updates: list[dict[str, Any]] = []
        trail: list[dict[str, Any]] = []
        for cid, draft, vetting in batch:
            events: list[_Event] = [
                _entry(
                    vetting.created_at,
                    vetting.created_by,
                    cid,
                    Entity.CANDIDATE,
                    cid,
                    Action.CREATED,
                    draft.full_name,
                )
            ]
            events += _claim_events(cid, vetting, held.get(cid, []))
            for move in vetting.moves:
                move_id = next(move_ids)
                moves.append(
                    {
                        "id": move_id,
                        "candidate_id": cid,
                        "from_stage_id": move.from_stage.id,
                        "to_stage_id": move.to_stage.id,
                        "from_name": move.from_stage.name,
                        "to_name": move.to_stage.name,
                        "moved_at": move.at,
                        "moved_by": move.by,
                        "reason": move.reason,
                        "override_reason": move.override_reason,
                        "missing": list(move.missing),
                    }
                )
                detail = move.reason
                if move.override_reason:
                    # As services.pipeline words an override.
                    detail = (
                        f"gate overridden: {move.override_reason} "
                        f"(missing: {'; '.join(move.missing)})"
                    )
                events.append(
                    _entry(
                        move.at,
                        move.by,
                        cid,
                        Entity.STAGE,
                        move_id,
                        Action.OVERRIDDEN if move.override_reason else Action.MOVED,
                        detail,
                    )
                )
                # The stage field is the one entry with an old value: written by hand.
                events[-1][1][0].update(
                    field="Stage", old_value=move.from_stage.name, new_value=move.to_stage.name
                )
            if vetting.scorecard is not None and vetting.scorecard_at is not None:
                card = vetting.scorecard
                ratings = [(c, card.rating(c)) for c in Criterion]
                cards.append(
                    {
                        "candidate_id": cid,
                        "ratings": {
                            c.value: {"score": rating.score, "comment": rating.comment}
                            for c, rating in ratings
                        },
                        "methodologies": list(card.methodologies),
                        "tools": list(card.tools),
                        "average": card.average,
                        "complete": not scorecard_gaps(card),
                        "updated_at": vetting.scorecard_at,
                        "updated_by": vetting.scorecard_by,
                        "version": 1,
                    }
                )
                events.append(
                    _entry(
                        vetting.scorecard_at,
                        vetting.scorecard_by,
                        cid,
                        Entity.SCORECARD,
                        cid,
                        Action.CREATED,
                        "",
                        # One entry for the seven scores: for the benchmarks' 100,000
                        # samples, seven would be a quarter of a million rows more.
                        [
                            (
                                "Scores",
                                ", ".join(
                                    f"{_LABELS[c]} {rating.score}"
                                    for c, rating in ratings
                                    if rating.score is not None
                                ),
                            ),
                            ("Methodologies confirmed", list(card.methodologies)),
                            ("Tools confirmed", list(card.tools)),
                        ],
                    )
                )
            for note in vetting.interviews:
                note_id = next(note_ids)
                notes.append(
                    {
                        "id": note_id,
                        "candidate_id": cid,
                        "held_on": note.held_on,
                        "interviewer": note.interviewer,
                        "text": note.text,
                        "recorded_at": note.recorded_at,
                        "version": 1,
                    }
                )
                events.append(
                    _entry(
                        note.recorded_at,
                        note.interviewer,
                        cid,
                        Entity.INTERVIEW,
                        note_id,
                        Action.CREATED,
                        f"interview of {note.held_on.isoformat()}",
                        [("Interviewer", note.interviewer)],
                    )
                )
            for reference in vetting.references:
                ref_id = next(reference_ids)
                r = reference.draft
                references.append(
                    {
                        "id": ref_id,
                        "candidate_id": cid,
                        "referee": r.referee,
                        "relationship": r.relationship,
                        "company": r.company,
                        "contact": r.contact,
                        "checked_on": r.checked_on,
                        "outcome": r.outcome.value if r.outcome else "",
                        "notes": r.notes,
                        "checked_by": reference.checked_by,
                        "recorded_at": reference.recorded_at,
                        "version": 1,
                    }
                )
                events.append(
                    _entry(
                        reference.recorded_at,
                        reference.checked_by,
                        cid,
                        Entity.REFERENCE,
                        ref_id,
                        Action.CREATED,
                        f"reference from {r.referee}",
                        [("Outcome", r.outcome)],
                    )
                )
            updates.append(
                {
                    "id": cid,
                    "created_at": vetting.created_at,
                    "updated_at": vetting.created_at,
                    "stage_id": vetting.stage.id,
                    "stage_since": vetting.stage_since,
                }
            )
            events += (extra or {}).get(cid, ())
            # Sorted by time (stable: same-moment events keep their order), so the trail's
            # ids, which it reads newest first, follow what happened.
            events.sort(key=lambda event: event[0])
            trail += [row for _, rows in events for row in rows]
        for model, rows in (
            (StageMoveRecord, moves),
            (ScorecardRecord, cards),
            (InterviewNoteRecord, notes),
            (ReferenceCheckRecord, references),
            (HistoryRecord, trail),
        ):
            if rows:
                bulk_insert(self.session, table_of(model), rows)
        _update_candidates(self.session, updates)


def _claim_events(cid: int, vetting: SampleVetting, held: Sequence[StoredClaim]) -> list[_Event]:
    """Return the trail of a candidate's sample claims: entered, checked, waived."""
    events: list[_Event] = []
    waivers = {waiver.code: waiver for waiver in vetting.waivers}
    entered = dict(vetting.claims_entered)
    for stored in held:
        claim = stored.claim
        events.append(
            _entry(
                entered.get(claim.code, vetting.created_at),
                vetting.created_by,
                cid,
                Entity.CLAIM,
                stored.claim_id,
                Action.CREATED,
                claim.code,
                [("Credential id", claim.credential_id)],
            )
        )
        for check_id, check in zip(stored.check_ids, claim.checks, strict=True):
            events.append(
                _entry(
                    check.recorded_at,
                    check.checked_by,
                    cid,
                    Entity.CHECK,
                    check_id,
                    Action.CREATED,
                    claim.code,
                    [("Outcome", f"{OUTCOME_LABELS[check.outcome]} ({check.method.label})")],
                )
            )
        waiver = waivers.get(claim.code)
        if waiver is not None:
            events.append(
                _entry(
                    waiver.at,
                    waiver.by,
                    cid,
                    Entity.CLAIM,
                    stored.claim_id,
                    Action.WAIVED,
                    claim.code,
                    [("Waiver", waiver.reason)],
                )
            )
    return events


def _update_candidates(session: Session, rows: Sequence[dict[str, Any]]) -> None:
    """Set each candidate's dates and stage, by id, with one statement straight to the driver."""
    if not rows:
        return
    table = table_of(CandidateRecord)
    connection = session.connection()
    names = [name for name in rows[0] if name != "id"]
    converters = [table.c[name].type.bind_processor(connection.dialect) for name in names]
    statement = f"UPDATE {table.name} SET {', '.join(f'{n} = ?' for n in names)} WHERE id = ?"
    values = [
        (
            *(
                row[name] if convert is None or row[name] is None else convert(row[name])
                for name, convert in zip(names, converters, strict=True)
            ),
            row["id"],
        )
        for row in rows
    ]
    cursor = connection.connection.cursor()
    try:
        cursor.executemany(statement, values)
    finally:
        cursor.close()
