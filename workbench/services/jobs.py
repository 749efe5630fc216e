"""Use cases on job orders and their shortlists."""

from __future__ import annotations

import re
from collections.abc import Sequence

from sqlalchemy import delete, select
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from workbench.domain.clients import JobOrder, JobOrderDraft, JobStatus, validate_job
from workbench.domain.errors import ConflictError, NotFoundError, ValidationError, WorkbenchError
from workbench.services.candidates import utc_now
from workbench.services.history import actor
from workbench.store import client_queries
from workbench.store.client_models import (
    ClientRecord,
    ContactRecord,
    JobOrderRecord,
    ShortlistRecord,
)
from workbench.store.engine import Database
from workbench.store.models import CandidateRecord


def _check_links(session: Session, draft: JobOrderDraft) -> None:
    """Refuse a client that does not exist or a contact of another client."""
    if session.get(ClientRecord, draft.client_id) is None:
        raise ValidationError({"client_id": f"no client #{draft.client_id}"})
    if draft.contact_id is not None:
        contact = session.get(ContactRecord, draft.contact_id)
        if contact is None or contact.client_id != draft.client_id:
            raise ValidationError({"contact_id": "choose one of this client's contacts"})


def save_job(
    database: Database,
    job_id: int | None,
    draft: JobOrderDraft,
    expected_version: int | None = None,
) -> JobOrder:
    """Add a job order (job_id None) or save one as edited; refuse a stale edit."""
    with database.write() as session:
        clean = validate_job(draft, tuple(client_queries.rule_ids(session)))
        _check_links(session, clean)
        now = utc_now()
        if job_id is None:
            record = JobOrderRecord(created_at=now, filled=0)
            session.add(record)
        else:
            record = _job(session, job_id)
            if expected_version is not None and record.version != expected_version:
                raise ConflictError(
                    f"{record.title} was changed by someone else after you opened it; "
                    "reload to see their changes"
                )
        if clean.openings < (record.filled or 0):
            raise ValidationError(
                {"openings": f"{record.filled} opening(s) are already filled; keep at least that"}
            )
        client_queries.apply_job(record, clean)
        record.updated_at = now
        try:
            session.flush()
        except StaleDataError:
            raise ConflictError("the job order was changed by someone else while saving") from None
        return client_queries.to_jobs(session, [record])[0]


def _job(session: Session, job_id: int) -> JobOrderRecord:
    record = session.get(JobOrderRecord, job_id)
    if record is None:
        raise NotFoundError(f"no job order JO-{job_id:04d}")
    return record


def get_job(database: Database, job_id: int) -> JobOrder:
    """Return one job order with its shortlist; raise NotFoundError."""
    with database.read() as session:
        return client_queries.to_jobs(session, [_job(session, job_id)])[0]


def find_job(database: Database, reference: str) -> JobOrder:
    """Return the job order named by 'JO-0007', '#7' or '7'; raise NotFoundError."""
    text = reference.strip().upper().removeprefix("JO-").removeprefix("#")
    if not re.fullmatch(r"[0-9]{1,18}", text):
        raise WorkbenchError(f"{reference!r} is not a job order reference (e.g. JO-0007)")
    return get_job(database, int(text))


def jobs(
    database: Database, client_id: int | None = None, statuses: Sequence[JobStatus] = ()
) -> list[JobOrder]:
    """Return job orders, newest first, of one client or all, in the given statuses."""
    with database.read() as session:
        query = select(JobOrderRecord).order_by(JobOrderRecord.id.desc())
        if client_id is not None:
            query = query.where(JobOrderRecord.client_id == client_id)
        if statuses:
            query = query.where(JobOrderRecord.status.in_([s.value for s in statuses]))
        return client_queries.to_jobs(session, list(session.scalars(query)))


def add_to_shortlist(database: Database, job_id: int, candidate_ids: Sequence[int]) -> int:
    """Put candidates on a job's shortlist; return how many were not on it yet."""
    with database.write() as session:
        _job(session, job_id)
        present = set(
            session.scalars(
                select(ShortlistRecord.candidate_id).where(ShortlistRecord.job_id == job_id)
            )
        )
        wanted = [cid for cid in dict.fromkeys(candidate_ids) if cid not in present]
        live = set(
            session.scalars(
                select(CandidateRecord.id).where(
                    CandidateRecord.id.in_(wanted), CandidateRecord.deleted_at.is_(None)
                )
            )
        )
        missing = [cid for cid in wanted if cid not in live]
        if missing:
            raise NotFoundError(f"no live candidate #{missing[0]}")
        now, by = utc_now(), actor(session)
        session.add_all(
            ShortlistRecord(job_id=job_id, candidate_id=cid, added_at=now, added_by=by)
            for cid in wanted
        )
        return len(wanted)


def remove_from_shortlist(database: Database, job_id: int, candidate_ids: Sequence[int]) -> None:
    """Take candidates off a job's shortlist."""
    with database.write() as session:
        session.execute(
            delete(ShortlistRecord).where(
                ShortlistRecord.job_id == job_id,
                ShortlistRecord.candidate_id.in_(list(candidate_ids)),
            )
        )
