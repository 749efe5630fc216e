"""Use cases on the pipeline: the stages, moving a candidate through them, the vetted gate."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from workbench.domain.candidate import clean_text
from workbench.domain.errors import (
    ConflictError,
    GateRefused,
    NotFoundError,
    ValidationError,
    WorkbenchError,
)
from workbench.domain.history import Action, Change, Entity, FieldChange
from workbench.domain.vetting import (
    MAX_REASON,
    Stage,
    StageDraft,
    StageMove,
    StageRole,
    find_stage,
    needs_gate,
    validate_reason,
    validate_stages,
)
from workbench.services.candidates import utc_now
from workbench.services.claims import today
from workbench.services.history import actor, record
from workbench.store import vetting_queries
from workbench.store.engine import Database
from workbench.store.models import CandidateRecord, StageMoveRecord, StageRecord


def stages(database: Database) -> list[Stage]:
    """Return the pipeline in the agency's order."""
    with database.read() as session:
        return vetting_queries.all_stages(session)


def stage_counts(database: Database) -> dict[int, int]:
    """Return how many live candidates each stage holds, by stage id."""
    with database.read() as session:
        return vetting_queries.stage_counts(session)


def resolve_stage(database: Database, text: str) -> Stage:
    """Return the stage named by its name, role or id; raise WorkbenchError listing the rest."""
    try:
        return find_stage(stages(database), text)
    except ValueError as error:
        raise WorkbenchError(str(error)) from None


def gate_gaps(database: Database, candidate_id: int, *, on: date | None = None) -> list[str]:
    """Return what stands between a candidate and Vetted today (empty: the gate passes)."""
    with database.read() as session:
        if session.get(CandidateRecord, candidate_id) is None:
            raise NotFoundError(f"no candidate #{candidate_id}")
        return vetting_queries.gaps_of(session, candidate_id, on or today())


def _live_candidate(session: Session, candidate_id: int) -> CandidateRecord:
    candidate = session.get(CandidateRecord, candidate_id)
    if candidate is None:
        raise NotFoundError(f"no candidate #{candidate_id}")
    if candidate.deleted_at is not None:
        raise WorkbenchError(
            f"{candidate.first_name} {candidate.last_name} is deleted; restore them first"
        )
    return candidate


def move_stage(
    database: Database,
    candidate_id: int,
    target: Stage | str,
    *,
    reason: str = "",
    override: str = "",
    expected_stage_id: int | None = None,
    on: date | None = None,
) -> StageMove:
    """Move a candidate to a stage, through the vetted gate; raise GateRefused listing gaps.

    An override (a written reason) lets a refused move through and is recorded with what
    was missing. expected_stage_id guards a board or dialog showing an old stage.
    """
    reason = clean_text(reason, multiline=True)
    if len(reason) > MAX_REASON:
        raise ValidationError({"reason": f"keep the reason under {MAX_REASON:,} characters"})
    day = on or today()
    with database.write() as session:
        candidate = _live_candidate(session, candidate_id)
        pipeline = vetting_queries.all_stages(session)
        wanted = target if isinstance(target, Stage) else _find(pipeline, target)
        by_id = {stage.id: stage for stage in pipeline}
        if wanted.id not in by_id:
            raise ConflictError(f"the stage {wanted.name} no longer exists; reload")
        wanted = by_id[wanted.id]
        current = by_id.get(candidate.stage_id)
        name = f"{candidate.first_name} {candidate.last_name}"
        if expected_stage_id is not None and candidate.stage_id != expected_stage_id:
            raise ConflictError(
                f"{name} was moved to {current.name if current else 'another stage'} "
                "by someone else meanwhile; reload to see it"
            )
        if current is not None and current.id == wanted.id:
            raise WorkbenchError(f"{name} is already in {wanted.name}")
        missing: list[str] = []
        override_reason = ""
        if needs_gate(pipeline, current, wanted):
            missing = vetting_queries.gaps_of(session, candidate_id, day)
            if missing and not override.strip():
                raise GateRefused(wanted.name, missing)
            if missing:
                override_reason = validate_reason(override, "override reason")
        now = utc_now()
        by = actor(session)
        session.execute(
            update(CandidateRecord)
            .where(CandidateRecord.id == candidate_id)
            .values(stage_id=wanted.id, stage_since=now)
            .execution_options(synchronize_session=False)
        )
        move = StageMoveRecord(
            candidate_id=candidate_id,
            from_stage_id=current.id if current else None,
            to_stage_id=wanted.id,
            from_name=current.name if current else "",
            to_name=wanted.name,
            moved_at=now,
            moved_by=by,
            reason=reason,
            override_reason=override_reason,
            missing=missing,
        )
        session.add(move)
        session.flush()
        detail = reason
        if override_reason:
            detail = f"gate overridden: {override_reason} (missing: {'; '.join(missing)})" + (
                f"; reason: {reason}" if reason else ""
            )
        record(
            session,
            [
                Change(
                    candidate_id=candidate_id,
                    entity=Entity.STAGE,
                    entity_id=move.id,
                    action=Action.OVERRIDDEN if override_reason else Action.MOVED,
                    fields=(FieldChange("Stage", move.from_name, move.to_name),),
                    detail=detail,
                )
            ],
            now,
            by,
        )
        return vetting_queries.to_move(move)


def _find(pipeline: Sequence[Stage], text: str) -> Stage:
    try:
        return find_stage(pipeline, text)
    except ValueError as error:
        raise WorkbenchError(str(error)) from None


def save_stages(
    database: Database,
    drafts: Sequence[StageDraft],
    by: str | None = None,
    *,
    expected: Sequence[Stage] | None = None,
) -> list[Stage]:
    """Store the pipeline as edited in Settings: renamed, added, reordered or removed stages.

    Stages the app relies on (Sourced, Vetted, ...) keep their role whatever their name;
    a stage that still holds candidates cannot be removed. `by` names who changed it when
    it is not the consultant in Settings (Settings saves a new name in the same go).
    `expected` is the pipeline as the editor loaded it: a colleague's save since is refused
    rather than overwritten.
    """
    with database.write() as session:
        loaded = vetting_queries.all_stages(session)
        if expected is not None and list(expected) != loaded:
            raise ConflictError(
                "someone else changed the stages after you opened Settings; "
                "close Settings and open it again to see their change"
            )
        current = {stage.id: stage for stage in loaded}
        kept_roles = [stage.role for stage in current.values() if stage.role is not None]
        for draft in drafts:
            if draft.id is not None and draft.id not in current:
                raise ConflictError("the stages were changed meanwhile; reopen Settings")
        drafts = [
            StageDraft(
                name=clean_text(draft.name),
                closed=current[draft.id].closed
                if draft.id is not None and current[draft.id].role
                else draft.closed,
                id=draft.id,
                role=current[draft.id].role if draft.id is not None else None,
            )
            for draft in drafts
        ]
        validate_stages(drafts, kept_roles)
        _refuse_skipping_the_gate(session, loaded, drafts)
        kept_ids = {draft.id for draft in drafts if draft.id is not None}
        changes: list[FieldChange] = []
        for stage in current.values():
            if stage.id in kept_ids:
                continue
            held = session.scalar(select(func.count()).where(CandidateRecord.stage_id == stage.id))
            if held:
                raise WorkbenchError(
                    f"{stage.name} still holds {held:,} candidate(s) (deleted ones count); "
                    "move them to another stage first"
                )
            session.delete(session.get(StageRecord, stage.id))
            changes.append(FieldChange("Stage removed", stage.name, ""))
        session.flush()
        # Names are unique: park every kept stage under a name nobody types, then rename.
        for stage_id in kept_ids:
            row = session.get(StageRecord, stage_id)
            assert row is not None
            row.name = f"\x00{stage_id}"
        session.flush()
        for position, draft in enumerate(drafts):
            if draft.id is None:
                session.add(
                    StageRecord(name=draft.name, position=position, role=None, closed=draft.closed)
                )
                changes.append(FieldChange("Stage added", "", draft.name))
                continue
            row = session.get(StageRecord, draft.id)
            assert row is not None
            before = current[draft.id]
            row.name, row.position, row.closed = draft.name, position, draft.closed
            if before.name != draft.name:
                changes.append(FieldChange("Stage renamed", before.name, draft.name))
            if before.closed != draft.closed:
                changes.append(
                    FieldChange(
                        f"{draft.name}: exit stage", _yes(before.closed), _yes(draft.closed)
                    )
                )
        old_ids = [s.id for s in sorted(current.values(), key=lambda s: s.position)]
        new_ids = [draft.id for draft in drafts if draft.id is not None]
        if [i for i in old_ids if i in kept_ids] != new_ids:
            changes.append(
                FieldChange(
                    "Stage order",
                    " → ".join(current[i].name for i in old_ids),
                    " → ".join(draft.name for draft in drafts),
                )
            )
        session.flush()
        if changes:
            record(
                session,
                [Change(None, Entity.SETTINGS, None, Action.CHANGED, tuple(changes), "pipeline")],
                utc_now(),
                by,
            )
        return vetting_queries.all_stages(session)


def _past_gate(stages: Sequence[StageDraft | Stage]) -> set[int]:
    """Return the ids of the main-line stages at or after Vetted, in the order given."""
    gate = next(
        (index for index, stage in enumerate(stages) if stage.role is StageRole.VETTED), None
    )
    if gate is None:
        return set()
    return {
        stage.id
        for index, stage in enumerate(stages)
        if stage.id is not None and index >= gate and not stage.closed
    }


def _refuse_skipping_the_gate(
    session: Session, loaded: Sequence[Stage], drafts: Sequence[StageDraft]
) -> None:
    """Refuse to move a stage holding candidates past Vetted: they would skip the gate."""
    crossing = _past_gate(drafts) - _past_gate(loaded)
    if not crossing:
        return
    held = dict(
        session.execute(
            select(CandidateRecord.stage_id, func.count())
            .where(CandidateRecord.stage_id.in_(crossing))
            .group_by(CandidateRecord.stage_id)
        ).all()
    )
    names = {stage.id: stage.name for stage in loaded}
    for stage_id, count in held.items():
        raise WorkbenchError(
            f"{names[stage_id]} holds {count:,} candidate(s) who have not been through the "
            "vetted gate; it cannot move after Vetted or join the main line there. "
            "Move them to another stage first"
        )


def _yes(flag: bool) -> str:
    return "yes" if flag else "no"


def stage_of_role(database: Database, role: StageRole) -> Stage | None:
    """Return the stage playing a role (e.g. Placed), whatever the agency named it."""
    return next((stage for stage in stages(database) if stage.role is role), None)
