"""Use cases on one candidate: add, change, look up, delete, restore and purge."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from datetime import UTC, datetime

from sqlalchemy import ColumnElement, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import flag_modified
from sqlalchemy.orm.exc import StaleDataError

from workbench.domain.candidate import (
    Candidate,
    CandidateDraft,
    DuplicateHint,
    comparable_fields,
    email_key,
    normalise_email,
    validate_candidate,
)
from workbench.domain.errors import (
    ConflictError,
    DuplicateError,
    NotFoundError,
    WorkbenchError,
)
from workbench.domain.history import Action, Change, Entity, candidate_fields, field_changes
from workbench.services import history
from workbench.services.evidence_files import discard_unreferenced_evidence, evidence_of_candidates
from workbench.store import history_store, maintenance
from workbench.store.candidate_repository import (
    apply_draft,
    existing_emails,
    find_duplicates,
    reindex,
    table_of,
    to_candidate,
)
from workbench.store.engine import Database
from workbench.store.models import CandidateRecord
from workbench.store.search_index import optimize_index, remove_from_index

MAX_ID = 2**63 - 1  # SQLite's largest integer key
ERASED_DETAIL = "personal data erased"


def utc_now() -> datetime:
    """Return the current UTC time as stored (naive, UTC)."""
    return datetime.now(UTC).replace(tzinfo=None, microsecond=0)


def _email_taken_error(email: str, holder: tuple[int, str]) -> DuplicateError:
    cid, name = holder
    return DuplicateError(f"the email {email} already belongs to {name} (#{cid})")


def add_candidate(database: Database, draft: CandidateDraft) -> Candidate:
    """Validate and store a new candidate; raise ValidationError or DuplicateError."""
    clean = validate_candidate(draft)
    now = utc_now()
    try:
        with database.write() as session:
            holder = existing_emails(session, [email_key(clean.email)]).get(email_key(clean.email))
            if holder:
                raise _email_taken_error(clean.email, holder)
            record = CandidateRecord(created_at=now, updated_at=now, stage_since=now)
            apply_draft(record, clean)
            session.add(record)
            session.flush()
            reindex(session, [(record.id, clean)])
            history.record(
                session,
                [
                    Change(
                        record.id,
                        Entity.CANDIDATE,
                        record.id,
                        Action.CREATED,
                        field_changes({}, candidate_fields(clean)),
                        clean.full_name,
                    )
                ],
                now,
            )
            return to_candidate(record)
    except IntegrityError:
        raise DuplicateError(f"the email {clean.email} is already stored") from None


def _load(session: Session, candidate_id: int) -> CandidateRecord:
    record = session.get(CandidateRecord, candidate_id)
    if record is None:
        raise NotFoundError(f"no candidate #{candidate_id}")
    return record


def update_candidate(
    database: Database, candidate_id: int, expected_version: int, draft: CandidateDraft
) -> Candidate:
    """Save changes made to the version the editor opened; refuse if it changed meanwhile."""
    clean = validate_candidate(draft)
    try:
        with database.write() as session:
            record = _load(session, candidate_id)
            if record.version != expected_version:
                raise ConflictError(
                    f"{record.first_name} {record.last_name} was changed by someone else "
                    "after you opened it; reload to see their changes"
                )
            key = email_key(clean.email)
            if key != record.email_key:
                holder = existing_emails(session, [key]).get(key)
                if holder and holder[0] != candidate_id:
                    raise _email_taken_error(clean.email, holder)
            before = candidate_fields(to_candidate(record).draft)
            apply_draft(record, clean)
            record.updated_at = utc_now()
            # Every save is a new version, even one that changes only children or nothing.
            flag_modified(record, "updated_at")
            session.flush()
            reindex(session, [(record.id, clean)])
            changes = field_changes(before, candidate_fields(clean))
            if changes:
                history.record(
                    session,
                    [
                        Change(
                            record.id,
                            Entity.CANDIDATE,
                            record.id,
                            Action.CHANGED,
                            changes,
                            clean.full_name,
                        )
                    ],
                    record.updated_at,
                )
            return to_candidate(record)
    except StaleDataError:
        raise ConflictError(
            "this candidate was changed by someone else while saving; reload to see it"
        ) from None
    except IntegrityError:
        raise DuplicateError(f"the email {clean.email} is already stored") from None


def get_candidate(database: Database, candidate_id: int) -> Candidate:
    """Return one candidate, deleted or not; raise NotFoundError."""
    with database.read() as session:
        return to_candidate(_load(session, candidate_id))


def find_candidate(database: Database, reference: str) -> Candidate:
    """Return the candidate named by an id ('42', '#42', 'WB-0042') or an email address."""
    text = reference.strip()
    digits = text.removeprefix("#").upper().removeprefix("WB-")
    if re.fullmatch(r"[0-9]+", digits):
        if len(digits) > 19 or int(digits) > MAX_ID:
            raise NotFoundError(
                f"no candidate #{digits[:19]}…" if len(digits) > 19 else f"no candidate #{digits}"
            )
        return get_candidate(database, int(digits))
    if "@" in text:
        try:
            key = email_key(normalise_email(text))
        except ValueError:
            key = email_key(text)
        with database.read() as session:
            record = session.scalars(
                select(CandidateRecord).where(CandidateRecord.email_key == key)
            ).first()
            if record is None:
                raise NotFoundError(f"no candidate with the email {text}")
            return to_candidate(record)
    raise WorkbenchError(f"{reference!r} is neither a candidate id nor an email address")


def possible_duplicates(
    database: Database, draft: CandidateDraft, exclude_id: int | None = None
) -> list[DuplicateHint]:
    """Return stored candidates that look like this one, even while the form is incomplete."""
    with database.read() as session:
        return find_duplicates(session, comparable_fields(draft), exclude_id)


def _set_deleted(database: Database, ids: Sequence[int], deleted: bool) -> int:
    now = utc_now()
    with database.write() as session:
        condition = (
            CandidateRecord.deleted_at.is_(None)
            if deleted
            else CandidateRecord.deleted_at.isnot(None)
        )
        changed: list[int] = []
        wanted = list(ids)
        # In chunks: SQLite builds elsewhere allow only 32,766 variables a statement.
        for start in range(0, len(wanted), 900):
            chunk = list(
                session.scalars(
                    select(CandidateRecord.id).where(
                        CandidateRecord.id.in_(wanted[start : start + 900]), condition
                    )
                )
            )
            session.execute(
                update(CandidateRecord)
                .where(CandidateRecord.id.in_(chunk))
                .values(
                    deleted_at=now if deleted else None,
                    updated_at=now,
                    version=CandidateRecord.version + 1,
                )
                .execution_options(synchronize_session=False)
            )
            changed.extend(chunk)
        action = Action.DELETED if deleted else Action.RESTORED
        history.record(
            session, (Change(cid, Entity.CANDIDATE, cid, action) for cid in changed), now
        )
        return len(changed)


def delete_candidates(database: Database, ids: Sequence[int]) -> int:
    """Move candidates to the deleted list (restorable); return how many were deleted."""
    return _set_deleted(database, ids, True)


def restore_candidates(database: Database, ids: Sequence[int]) -> int:
    """Bring deleted candidates back; return how many were restored."""
    return _set_deleted(database, ids, False)


def purge_deleted(database: Database, ids: Sequence[int] | None = None) -> int:
    """Remove deleted candidates for good (all deleted ones when ids is None).

    Their evidence files (certificate scans: personal data) are deleted too once the rows
    are gone, unless another candidate's check holds the same file.
    """
    evidence: list[tuple[str, str]] = []
    purged = _purge_rows(
        database, ids, evidence, evidence_of_candidates, CandidateRecord.deleted_at.isnot(None)
    )
    discard_unreferenced_evidence(database, evidence)
    return len(purged)


def _purge_rows(
    database: Database,
    ids: Sequence[int] | None,
    evidence: list[tuple[str, str]],
    evidence_of: Callable[[Session, Sequence[int]], list[tuple[str, str]]],
    which: ColumnElement[bool],
    *,
    erasure: bool = False,
) -> list[int]:
    """Remove the candidates among `ids` (all when None) meeting `which`; return their ids.

    One transaction: the rows, their index entries and the history stubs go together or
    not at all. `which` is checked inside it, so a candidate changed meanwhile is judged
    as they are now (restored, or active again within the retention period).
    """
    with database.write() as session:
        if erasure:
            # Freed cells and pages are zeroed as they go, not left for VACUUM alone.
            maintenance.secure_delete(session, True)
        query = select(CandidateRecord.id).where(which)
        if ids is not None:
            query = query.where(CandidateRecord.id.in_(list(ids)))
        doomed = list(session.scalars(query))
        if not doomed:
            return []
        for start in range(0, len(doomed), 900):
            evidence.extend(evidence_of(session, doomed[start : start + 900]))
        remove_from_index(session, doomed)
        for start in range(0, len(doomed), 900):
            chunk = doomed[start : start + 900]
            session.execute(table_of(CandidateRecord).delete().where(CandidateRecord.id.in_(chunk)))
        # After the rows are gone: a trigger lists a purge only for a candidate who is.
        if not erasure:
            history_store.purge(session, doomed, history.actor(session), utc_now())
            return doomed
        history_store.purge(
            session, doomed, history.actor(session), utc_now(), detail=ERASED_DETAIL
        )
        # FTS5 only marks rows deleted; merging its segments drops the erased tokens.
        optimize_index(session)
        maintenance.secure_delete(session, False)
        return doomed
