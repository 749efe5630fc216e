"""Use cases on submittals: put candidates forward to a client, then follow what happened."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from workbench.domain.clients import JobOrder, JobStatus
from workbench.domain.errors import ConflictError, GateRefused, NotFoundError, WorkbenchError
from workbench.domain.history import Action, Change, Entity, FieldChange, field_changes
from workbench.domain.submittals import Submittal, SubmittalStatus, next_statuses
from workbench.domain.vetting import StageRole, validate_reason
from workbench.pdf.profile_document import CoverPage, ProfileDocument, ProfileOptions
from workbench.services import consents, pipeline, profiles
from workbench.services.candidates import utc_now
from workbench.services.claims import today
from workbench.services.history import actor, record
from workbench.services.jobs import get_job
from workbench.services.matching import eligibility
from workbench.services.progress import NO_PROGRESS, ProgressReporter
from workbench.store import client_queries
from workbench.store.client_models import (
    ClientRecord,
    ContactRecord,
    JobOrderRecord,
    SubmittalRecord,
)
from workbench.store.engine import Database
from workbench.store.models import CandidateRecord


class SubmitRefused(WorkbenchError):
    """Raise when candidates may not go to the client; `reasons` lists each one's problems."""

    def __init__(self, reasons: Mapping[str, Sequence[str]], hint: str = "") -> None:
        self.reasons = {name: list(items) for name, items in reasons.items()}
        lines = "; ".join(f"{name}: {', '.join(items)}" for name, items in self.reasons.items())
        super().__init__(f"not submitted: {lines}{hint}")


class ConsentRefused(SubmitRefused):
    """Raise when a candidate has not consented to go to this client: no override lifts it."""

    def __init__(self, reasons: Mapping[str, Sequence[str]]) -> None:
        super().__init__(
            reasons, ". Record their consent first (the Data protection tab, or `consent`)."
        )


@dataclass(frozen=True)
class SubmitResult:
    """What a submission wrote and recorded."""

    submittals: tuple[Submittal, ...]
    files: tuple[profiles.WrittenProfile, ...]


def submit_problems(
    database: Database, job: JobOrder, candidate_ids: Sequence[int], *, on: date | None = None
) -> dict[str, list[str]]:
    """Return, by candidate name, why each may not be put forward (empty: all may)."""
    day = on or today()
    checked = eligibility(database, job, list(candidate_ids), on=day)
    with database.read() as session:
        sent_before = {
            cid: when
            for cid, when in session.execute(
                select(SubmittalRecord.candidate_id, func.max(SubmittalRecord.submitted_at))
                .where(
                    SubmittalRecord.job_id == job.id,
                    SubmittalRecord.candidate_id.in_(list(candidate_ids)),
                )
                .group_by(SubmittalRecord.candidate_id)
            ).all()
        }
    problems: dict[str, list[str]] = {}
    for cid in dict.fromkeys(candidate_ids):
        found = checked.get(cid)
        if found is None:
            problems[f"#{cid}"] = ["deleted, or not a candidate"]
            continue
        items = []
        if cid in sent_before:
            items.append(f"already put forward for {job.reference} on {sent_before[cid]:%Y-%m-%d}")
        if found.unavailable:
            items.append(f"in {found.stage}: not available")
        elif not found.vetted:
            items.append(f"not vetted (in {found.stage})")
        items += list(found.failures)  # each names the day it must hold to
        if items:
            problems[f"{found.name} (#{cid})"] = items
    return problems


def consent_problems(
    database: Database, job: JobOrder, candidate_ids: Sequence[int], *, on: date | None = None
) -> dict[str, list[str]]:
    """Return, by candidate name, the consents missing to send each to the job's client."""
    refused = consents.consent_refusals(
        database, job.draft.client_id, job.client_name, candidate_ids, on or today()
    )
    if not refused:
        return {}
    with database.read() as session:
        names = {
            cid: f"{first} {last}"
            for cid, first, last in session.execute(
                select(
                    CandidateRecord.id, CandidateRecord.first_name, CandidateRecord.last_name
                ).where(CandidateRecord.id.in_(list(refused)))
            ).all()
        }
    return {f"{names.get(cid, '')} (#{cid})".lstrip(): gaps for cid, gaps in refused.items()}


def _cover(
    job: JobOrder, contact: str, prepared_by: str
) -> Callable[[Sequence[ProfileDocument]], CoverPage]:
    """Return the function making the shortlist page from the documents as printed."""

    def make(documents: Sequence[ProfileDocument]) -> CoverPage:
        draft = job.draft
        facts = [draft.employment.label]
        if draft.start_date:
            span = f"from {draft.start_date.isoformat()}"
            if draft.end_date:
                span += f" to {draft.end_date.isoformat()}"
            facts.append(span)
        facts.append("remote" if draft.remote else draft.location)
        if draft.required_certifications:
            facts.append("requires " + ", ".join(draft.required_certifications))
        return CoverPage(
            reference=job.reference,
            title=job.title,
            client=job.client_name,
            contact=contact,
            facts=tuple(fact for fact in facts if fact),
            candidates=tuple(
                (doc.reference, doc.display_name, "  ·  ".join([doc.role, *doc.facts[:1]]))
                for doc in documents
            ),
            prepared_by=prepared_by,
        )

    return make


def submit(
    database: Database,
    job_id: int,
    candidate_ids: Sequence[int],
    output: Path,
    *,
    combined: bool = True,
    blind: bool = False,
    contact_id: int | None = None,
    override: str = "",
    on: date | None = None,
    reporter: ProgressReporter = NO_PROGRESS,
) -> SubmitResult:
    """Send candidates' profiles for a job: check, write the PDF(s), record one submittal each.

    Refused, listing each candidate's problems, when one is not vetted or a required
    certification is not valid through the contract's end, unless `override` gives the
    written reason. Refused whatever the override without consent to go to this client.
    `output` is one combined PDF with a cover page, or a folder.
    """
    day = on or today()
    ids = list(dict.fromkeys(candidate_ids))
    if not ids:
        raise WorkbenchError("choose at least one candidate to submit")
    job = get_job(database, job_id)
    if job.draft.status is not JobStatus.OPEN:
        raise WorkbenchError(
            f"{job.reference} is {job.draft.status.label.lower()}; reopen it first"
        )
    _refuse_missing(database, ids)
    missing_consent = consent_problems(database, job, ids, on=day)
    if missing_consent:
        raise ConsentRefused(missing_consent)
    problems = submit_problems(database, job, ids, on=day)
    reason = ""
    if problems:
        if not override.strip():
            raise SubmitRefused(problems)
        reason = validate_reason(override, "override reason")
    contact = _contact_name(database, job, contact_id)
    options = ProfileOptions(generated_on=day, blind=blind)
    by = _consultant(database)
    if combined:
        written = [
            profiles.write_combined_profiles(
                database, ids, output, options, reporter=reporter, cover=_cover(job, contact, by)
            )
        ]
    else:
        written = profiles.write_profile_folder(database, ids, output, options, reporter=reporter)
    refusals = {name: items for name, items in problems.items()}
    submittals = _record(
        database, job, written, contact_id, contact, blind, combined, reason, refusals
    )
    _present(database, job, [s.candidate_id for s in submittals], reason)
    return SubmitResult(tuple(submittals), tuple(written))


def _refuse_missing(database: Database, ids: Sequence[int]) -> None:
    """Refuse deleted or unknown candidates outright: no override sends a deleted profile."""
    with database.read() as session:
        live = set(
            session.scalars(
                select(CandidateRecord.id).where(
                    CandidateRecord.id.in_(list(ids)), CandidateRecord.deleted_at.is_(None)
                )
            )
        )
    for cid in ids:
        if cid not in live:
            raise WorkbenchError(f"candidate #{cid} is deleted or unknown; restore them first")


def _consultant(database: Database) -> str:
    with database.read() as session:
        return actor(session)


def _contact_name(database: Database, job: JobOrder, contact_id: int | None) -> str:
    if contact_id is None:
        return job.contact_name
    with database.read() as session:
        contact = session.get(ContactRecord, contact_id)
        if contact is None or contact.client_id != job.draft.client_id:
            raise WorkbenchError(f"choose one of {job.client_name}'s contacts")
        return contact.name


def _record(
    database: Database,
    job: JobOrder,
    written: Sequence[profiles.WrittenProfile],
    contact_id: int | None,
    contact: str,
    blind: bool,
    combined: bool,
    reason: str,
    refusals: Mapping[str, Sequence[str]],
) -> list[Submittal]:
    """Record one submittal per candidate of each file written, with that file's SHA-256."""
    now = utc_now()
    try:
        with database.write() as session:
            by = actor(session)
            rows = []
            for item in written:
                for cid in item.candidate_ids:
                    mine = [
                        line
                        for name, items in refusals.items()
                        if name.endswith(f"(#{cid})")
                        for line in items
                    ]
                    rows.append(
                        SubmittalRecord(
                            job_id=job.id,
                            candidate_id=cid,
                            contact_id=contact_id
                            if contact_id is not None
                            else job.draft.contact_id,
                            contact_name=contact,
                            submitted_at=now,
                            submitted_by=by,
                            blind=blind,
                            sha256=item.sha256,
                            file_name=item.path.name,
                            combined=combined,
                            status=SubmittalStatus.SUBMITTED.value,
                            status_at=now,
                            override_reason=reason if mine else "",
                            refusals=mine,
                        )
                    )
            session.add_all(rows)
            session.flush()
            record(
                session,
                (
                    Change(
                        row.candidate_id,
                        Entity.SUBMITTAL,
                        row.id,
                        Action.OVERRIDDEN if row.override_reason else Action.CREATED,
                        field_changes(
                            {},
                            {
                                "Job": f"{job.reference} {job.title}",
                                "Client": job.client_name,
                                "Contact": contact,
                                "Blind": blind,
                                "File": row.file_name,
                                "SHA-256": row.sha256,
                                "Override": row.override_reason,
                                "Refused for": list(row.refusals),
                            },
                        ),
                        f"submitted to {job.client_name} for {job.reference}",
                    )
                    for row in rows
                ),
                now,
                by,
            )
            return _submittals(session, rows)
    except WorkbenchError as exc:
        files = ", ".join(str(item.path) for item in written)
        raise WorkbenchError(
            f"written {files}, but the submittals could not be recorded: {exc}"
        ) from exc


def _present(database: Database, job: JobOrder, candidate_ids: Sequence[int], reason: str) -> None:
    """Move candidates not yet at Presented there: the pipeline follows the submission."""
    presented = pipeline.stage_of_role(database, StageRole.PRESENTED)
    if presented is None:
        return
    stages = {stage.id: stage for stage in pipeline.stages(database)}
    with database.read() as session:
        where = dict(
            session.execute(
                select(CandidateRecord.id, CandidateRecord.stage_id).where(
                    CandidateRecord.id.in_(list(candidate_ids))
                )
            ).all()
        )
    for cid in candidate_ids:
        stage = stages.get(where.get(cid, -1))
        if stage is None or stage.closed or stage.position >= presented.position:
            continue
        why = f"submitted to {job.client_name} for {job.reference}"
        try:
            pipeline.move_stage(database, cid, presented, reason=why, override=reason)
        except (GateRefused, WorkbenchError):
            continue  # recorded as submitted either way; the stage stays for the consultant


def _submittals(session: Session, rows: Sequence[SubmittalRecord]) -> list[Submittal]:
    job_ids = {row.job_id for row in rows}
    jobs = {
        job_id: (title, client)
        for job_id, title, client in session.execute(
            select(JobOrderRecord.id, JobOrderRecord.title, ClientRecord.name)
            .join(ClientRecord, ClientRecord.id == JobOrderRecord.client_id)
            .where(JobOrderRecord.id.in_(job_ids))
        ).all()
    }
    names = {
        cid: f"{first} {last}"
        for cid, first, last in session.execute(
            select(CandidateRecord.id, CandidateRecord.first_name, CandidateRecord.last_name).where(
                CandidateRecord.id.in_({row.candidate_id for row in rows})
            )
        ).all()
    }
    return [
        client_queries.to_submittal(
            row, *jobs.get(row.job_id, ("", "")), names.get(row.candidate_id, "")
        )
        for row in rows
    ]


def submittals(
    database: Database, *, job_id: int | None = None, candidate_id: int | None = None
) -> list[Submittal]:
    """Return the submittal log of a job, of a candidate, or all, newest first."""
    with database.read() as session:
        query = select(SubmittalRecord).order_by(
            SubmittalRecord.submitted_at.desc(), SubmittalRecord.id.desc()
        )
        if job_id is not None:
            query = query.where(SubmittalRecord.job_id == job_id)
        if candidate_id is not None:
            query = query.where(SubmittalRecord.candidate_id == candidate_id)
        return _submittals(session, list(session.scalars(query.limit(10_000))))


def set_status(
    database: Database,
    submittal_id: int,
    status: SubmittalStatus,
    expected_version: int | None = None,
    *,
    reason: str = "",
) -> Submittal:
    """Move a submittal on (interviewing, offered, placed) or out (declined, withdrew).

    Placing fills one of the job's openings (the job is filled when none is left) and moves
    the candidate to Placed in the pipeline.
    """
    now = utc_now()
    with database.write() as session:
        row = session.get(SubmittalRecord, submittal_id)
        if row is None:
            raise NotFoundError(f"no submittal #{submittal_id}")
        if expected_version is not None and row.version != expected_version:
            raise ConflictError("the submittal was changed by someone else; reload to see it")
        current = SubmittalStatus(row.status)
        if status not in next_statuses(current):
            allowed = ", ".join(s.label.lower() for s in next_statuses(current)) or "nothing"
            raise WorkbenchError(f"a submittal {current.label.lower()} can move only to: {allowed}")
        job = session.get(JobOrderRecord, row.job_id)
        assert job is not None  # a foreign key keeps it
        if status is SubmittalStatus.PLACED:
            _check_placing(session, row, job)
            job.filled += 1
            if job.filled >= job.openings:
                job.status = JobStatus.FILLED.value
        row.status, row.status_at = status.value, now
        session.flush()
        record(
            session,
            [
                Change(
                    row.candidate_id,
                    Entity.SUBMITTAL,
                    row.id,
                    Action.CHANGED,
                    (FieldChange("Status", current.label, status.label),),
                    reason or f"JO-{row.job_id:04d} {job.title}",
                )
            ],
            now,
        )
        result = _submittals(session, [row])[0]
    if status is SubmittalStatus.PLACED:
        _place(database, result)
    return result


def _check_placing(session: Session, row: SubmittalRecord, job: JobOrderRecord) -> None:
    """Refuse a placement that would fill an opening wrongly."""
    if job.status != JobStatus.OPEN.value:
        raise WorkbenchError(
            f"{job.title} is {JobStatus(job.status).label.lower()}; reopen it to place someone"
        )
    if job.filled >= job.openings:
        raise WorkbenchError(f"all {job.openings} opening(s) of {job.title} are filled")
    candidate = session.get(CandidateRecord, row.candidate_id)
    if candidate is None or candidate.deleted_at is not None:
        raise WorkbenchError("the candidate is deleted; restore them before placing them")
    twice = session.scalar(
        select(SubmittalRecord.id).where(
            SubmittalRecord.job_id == row.job_id,
            SubmittalRecord.candidate_id == row.candidate_id,
            SubmittalRecord.status == SubmittalStatus.PLACED.value,
        )
    )
    if twice is not None:
        raise WorkbenchError(
            f"{candidate.first_name} {candidate.last_name} is already placed in this job "
            f"(submittal #{twice})"
        )


def _place(database: Database, submittal: Submittal) -> None:
    """Move a placed candidate to Placed, overriding the gate if they never passed it."""
    placed = pipeline.stage_of_role(database, StageRole.PLACED)
    if placed is None:
        return
    why = f"placed with {submittal.client_name} ({submittal.job_title})"
    try:
        pipeline.move_stage(database, submittal.candidate_id, placed, reason=why)
    except GateRefused:
        pipeline.move_stage(
            database,
            submittal.candidate_id,
            placed,
            reason=why,
            override=f"the client hired them (submittal #{submittal.id})",
        )
    except WorkbenchError:
        pass  # already in Placed, or deleted since: the submittal is recorded either way
