"""The audit trail in SQL: append entries in the writer's transaction, read them, purge them."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import delete, insert, or_, select
from sqlalchemy.orm import Session

from workbench.domain.history import Action, Change, Entity, HistoryEntry
from workbench.store.models import HistoryRecord, PurgedCandidateRecord

MAX_ENTRIES = 5_000


def _rows(change: Change, by: str, at: datetime) -> list[dict[str, Any]]:
    base = {
        "at": at,
        "by": by,
        "candidate_id": change.candidate_id,
        "entity": change.entity.value,
        "entity_id": change.entity_id,
        "action": change.action.value,
        "detail": change.detail,
    }
    if not change.fields:
        return [{**base, "field": "", "old_value": "", "new_value": ""}]
    return [
        {**base, "field": item.field, "old_value": item.old, "new_value": item.new}
        for item in change.fields
    ]


def append(session: Session, changes: Iterable[Change], by: str, at: datetime) -> None:
    """Write changes to the trail inside the caller's transaction: both land or neither."""
    rows = [row for change in changes for row in _rows(change, by, at)]
    # In chunks: 11 columns a row, and SQLite allows 32,766 variables a statement.
    for start in range(0, len(rows), 2_000):
        session.execute(insert(HistoryRecord), rows[start : start + 2_000])


def _to_entry(record: HistoryRecord) -> HistoryEntry:
    return HistoryEntry(
        id=record.id,
        at=record.at,
        by=record.by,
        candidate_id=record.candidate_id,
        entity=Entity(record.entity),
        entity_id=record.entity_id,
        action=Action(record.action),
        field=record.field,
        old=record.old_value,
        new=record.new_value,
        detail=record.detail,
    )


def entries(
    session: Session,
    candidate_id: int | None,
    entities: Sequence[Entity] = (),
    text: str = "",
    limit: int = MAX_ENTRIES,
) -> list[HistoryEntry]:
    """Return a candidate's entries (or the app's own, for None), newest first."""
    query = select(HistoryRecord).order_by(HistoryRecord.id.desc()).limit(limit)
    if candidate_id is None:
        query = query.where(HistoryRecord.candidate_id.is_(None))
    else:
        query = query.where(HistoryRecord.candidate_id == candidate_id)
    if entities:
        query = query.where(HistoryRecord.entity.in_([entity.value for entity in entities]))
    words = text.split()
    for word in words:
        # LIKE's own wildcards in the typed text are meant literally.
        pattern = "%" + word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        query = query.where(
            or_(
                *(
                    column.ilike(pattern, escape="\\")
                    for column in (
                        HistoryRecord.by,
                        HistoryRecord.field,
                        HistoryRecord.old_value,
                        HistoryRecord.new_value,
                        HistoryRecord.detail,
                        HistoryRecord.action,
                    )
                )
            )
        )
    return [_to_entry(record) for record in session.scalars(query)]


def purge(
    session: Session,
    candidate_ids: Sequence[int],
    by: str,
    at: datetime,
    detail: str = "personal data removed for good",
) -> None:
    """Remove purged candidates' entries and leave one anonymous stub for each.

    The purge is written down first: the trigger on history lets rows go only for a
    candidate listed in purged_candidates.
    """
    for start in range(0, len(candidate_ids), 900):
        chunk = list(candidate_ids[start : start + 900])
        session.execute(
            insert(PurgedCandidateRecord).prefix_with("OR IGNORE"),
            [{"candidate_id": cid, "purged_at": at} for cid in chunk],
        )
        session.execute(delete(HistoryRecord).where(HistoryRecord.candidate_id.in_(chunk)))
    append(
        session,
        (
            Change(
                candidate_id=cid,
                entity=Entity.CANDIDATE,
                entity_id=cid,
                action=Action.PURGED,
                detail=detail,
            )
            for cid in candidate_ids
        ),
        by=by,
        at=at,
    )
