"""Use cases on the audit trail: who is making changes, and what a candidate's history holds."""

from __future__ import annotations

import getpass
from collections.abc import Iterable, Sequence
from datetime import datetime

from sqlalchemy.orm import Session

from workbench.domain.history import Change, Entity, HistoryEntry
from workbench.store import history_store
from workbench.store.engine import Database
from workbench.store.models import PreferenceRecord

CONSULTANT_NAME = "consultant_name"


def actor(session: Session) -> str:
    """Return who changes are recorded under: the name set in Settings, else the login name."""
    record = session.get(PreferenceRecord, CONSULTANT_NAME)
    chosen = record.value.strip() if record is not None else ""
    if chosen:
        return chosen
    try:
        return getpass.getuser()
    except (OSError, KeyError):
        return ""


def record(
    session: Session, changes: Iterable[Change], at: datetime, by: str | None = None
) -> None:
    """Append changes to the trail in the caller's transaction, under the consultant's name."""
    history_store.append(session, changes, actor(session) if by is None else by, at)


def candidate_history(
    database: Database,
    candidate_id: int | None,
    entities: Sequence[Entity] = (),
    text: str = "",
    limit: int = history_store.MAX_ENTRIES,
) -> list[HistoryEntry]:
    """Return a candidate's history (None: the app's own settings), newest first, filtered."""
    with database.read() as session:
        return history_store.entries(session, candidate_id, entities, text, limit)
