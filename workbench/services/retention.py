"""Use cases on the retention policy: how long data is kept, and the review of what is past it."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time

from sqlalchemy import select

from workbench.domain.certifications import add_months
from workbench.domain.consent import DEFAULT_RETENTION_MONTHS, validate_retention_months
from workbench.domain.errors import ValidationError, WorkbenchError
from workbench.domain.history import Action, Change, Entity
from workbench.domain.vetting import validate_reason
from workbench.services.candidates import utc_now
from workbench.services.catalogue import preference, set_preference
from workbench.services.history import record
from workbench.store import retention_queries, vetting_queries
from workbench.store.engine import Database
from workbench.store.models import CandidateRecord

RETENTION_MONTHS = "retention_months"


@dataclass(frozen=True)
class PastRetention:
    """A candidate held past the retention period: who, where, and since when nothing happened."""

    candidate_id: int
    name: str
    stage: str
    deleted: bool
    last_activity: datetime
    keep_until: date  # when the period ran out
    last_kept: str = ""  # "2025-01-03: placed with a client who may rehire", when kept before


def retention_months(database: Database) -> int:
    """Return the retention period in months (24 unless set in Settings)."""
    stored = preference(database, RETENTION_MONTHS, str(DEFAULT_RETENTION_MONTHS))
    try:
        return validate_retention_months(int(stored))
    except (ValueError, ValidationError):
        return DEFAULT_RETENTION_MONTHS  # a damaged setting must not hide the review


def set_retention_months(database: Database, months: int) -> int:
    """Store the retention period (recorded in the Settings history)."""
    months = validate_retention_months(months)
    # Against the stored text: a damaged value reads as 24, and must still be replaced.
    if preference(database, RETENTION_MONTHS) != str(months):
        set_preference(database, RETENTION_MONTHS, str(months))
    return months


def cutoff(database: Database, on: date) -> datetime:
    """Return the moment before which a last activity puts a record past retention on `on`."""
    return datetime.combine(add_months(on, -retention_months(database)), time.min)


def past_retention(database: Database, on: date) -> list[PastRetention]:
    """Return every candidate with no activity within the retention period, oldest first."""
    months = retention_months(database)
    with database.read() as session:
        rows = retention_queries.inactive_since(session, cutoff(database, on))
        stages = {stage.id: stage.name for stage in vetting_queries.all_stages(session)}
        kept = retention_queries.last_kept(session, [row[0] for row in rows])
    found = []
    for cid, first, last, stage_id, deleted_at, last_activity in rows:
        when_kept = kept.get(cid)
        found.append(
            PastRetention(
                cid,
                f"{first} {last}",
                stages.get(stage_id, ""),
                deleted_at is not None,
                last_activity,
                add_months(last_activity.date(), months),
                f"{when_kept[0]:%Y-%m-%d}: {when_kept[1]}" if when_kept else "",
            )
        )
    return found


def keep(database: Database, candidate_ids: Sequence[int], reason: str) -> int:
    """Record that candidates past retention are kept, and why; return how many.

    The entry is activity like any other, so each leaves the review for another period.
    """
    why = validate_reason(reason, "reason to keep")
    ids = list(dict.fromkeys(candidate_ids))
    if not ids:
        raise WorkbenchError("choose at least one candidate to keep")
    now = utc_now()
    with database.write() as session:
        known = set(session.scalars(select(CandidateRecord.id).where(CandidateRecord.id.in_(ids))))
        missing = [cid for cid in ids if cid not in known]
        if missing:
            raise WorkbenchError(f"no candidate #{missing[0]}; nothing was recorded")
        record(
            session,
            [Change(cid, Entity.CANDIDATE, cid, Action.KEPT, detail=why) for cid in ids],
            now,
        )
    return len(ids)
