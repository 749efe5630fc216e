"""Queries of the retention review: candidates with no activity since a day, oldest first."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import ColumnElement, DateTime, func, select, type_coerce
from sqlalchemy.orm import Session

from workbench.domain.history import Action
from workbench.store.models import CandidateRecord, HistoryRecord


def _last_activity() -> ColumnElement[datetime]:
    """A candidate's newest history entry but a deletion, else when the row was created.

    Deleting is not activity: a record in the deleted list still holds the person's data
    and must not leave the review for another period. Every way in writes an entry (0009
    gave the rows before it one), so the fallback is for a row stored by hand; its
    creation, not its last update (a deletion touches that), errs towards reviewing it.
    """
    last_entry = (
        select(HistoryRecord.at)
        .where(
            HistoryRecord.candidate_id == CandidateRecord.id,
            HistoryRecord.action != Action.DELETED.value,
        )
        .order_by(HistoryRecord.at.desc())
        .limit(1)
        .scalar_subquery()
    )
    return type_coerce(func.coalesce(last_entry, CandidateRecord.created_at), DateTime)


def inactive_condition(cutoff: datetime) -> ColumnElement[bool]:
    """Return the condition "no activity since `cutoff`" on the candidates table."""
    return _last_activity() < cutoff


def inactive_since(
    session: Session, cutoff: datetime
) -> list[tuple[int, str, str, int, datetime | None, datetime]]:
    """Return (id, first name, last name, stage id, deleted at, last activity) rows.

    Deleted candidates are included: they sit in the deleted list but their data is still
    held. Every history entry but a deletion counts as activity (an edit, a check, a move,
    a profile sent, a consent, a decision to keep). One backward step per candidate on the
    covering ix_history_candidate_at: about a quarter of a second over 100,000.
    """
    activity = _last_activity()
    last = activity.label("last_activity")
    query = (
        select(
            CandidateRecord.id,
            CandidateRecord.first_name,
            CandidateRecord.last_name,
            CandidateRecord.stage_id,
            CandidateRecord.deleted_at,
            last,
        )
        .where(activity < cutoff)
        .order_by(last, CandidateRecord.id)
    )
    return [tuple(row) for row in session.execute(query).all()]  # type: ignore[misc]


def last_kept(session: Session, candidate_ids: Sequence[int]) -> dict[int, tuple[datetime, str]]:
    """Return when and why each candidate was last kept past the retention period."""
    found: dict[int, tuple[datetime, str]] = {}
    ids = list(candidate_ids)
    for start in range(0, len(ids), 900):  # SQLite's bound-parameter limit, with room
        rows = session.execute(
            select(HistoryRecord.candidate_id, HistoryRecord.at, HistoryRecord.detail)
            .where(
                HistoryRecord.candidate_id.in_(ids[start : start + 900]),
                HistoryRecord.action == Action.KEPT.value,
            )
            .order_by(HistoryRecord.id)
        ).all()
        for cid, at, reason in rows:
            if cid is not None:
                found[cid] = (at, reason)  # in id order, so the last one stays
    return found
