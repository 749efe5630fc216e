"""Use cases on the audit trail: who is making changes, and what a candidate's history holds."""

from __future__ import annotations

import getpass
from collections.abc import Iterable, Sequence
from datetime import datetime

from sqlalchemy.orm import Session

from workbench.domain.history import Action, Change, Entity, HistoryEntry, field_changes
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


def store_preferences(session: Session, values: dict[str, str], at: datetime) -> None:
    """Store shared settings and record what changed, before the name they are saved under."""
    by = actor(session)  # the name as it was: a change of name is made by the old one
    before: dict[str, object] = {}
    for key, value in values.items():
        stored = session.get(PreferenceRecord, key)
        before[key] = stored.value if stored is not None else ""
        if stored is None:
            session.add(PreferenceRecord(key=key, value=value))
        else:
            stored.value = value
    changes = field_changes(before, dict(values))
    if changes:
        record(session, [Change(None, Entity.SETTINGS, None, Action.CHANGED, changes)], at, by)


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
