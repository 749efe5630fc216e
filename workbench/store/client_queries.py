"""Client, job order and submittal rows to domain values; the candidate facts matching reads."""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import date
from typing import Any

from sqlalchemy import String, and_, exists, func, literal, select
from sqlalchemy.orm import Session

from workbench.domain.clients import (
    Client,
    ClientDraft,
    Contact,
    ContactDraft,
    Employment,
    JobOrder,
    JobOrderDraft,
    JobStatus,
)
from workbench.domain.matching import CandidateFacts
from workbench.domain.roles import Level, Specialisation
from workbench.domain.submittals import Submittal, SubmittalStatus
from workbench.store.candidate_queries import fetch_rows
from workbench.store.client_models import (
    ClientRecord,
    ContactRecord,
    JobOrderRecord,
    ShortlistRecord,
    SubmittalRecord,
)
from workbench.store.models import CandidateRecord as C
from workbench.store.models import (
    CandidateRoleRecord,
    CertificationRuleRecord,
    ClaimRecord,
)


def to_contact(record: ContactRecord) -> Contact:
    """Return the domain view of a contact row."""
    draft = ContactDraft(record.name, record.title, record.email, record.phone)
    return Contact(record.id, record.client_id, draft)


def contacts_of(session: Session, client_ids: Sequence[int]) -> dict[int, list[Contact]]:
    """Return each client's contacts in their order."""
    found: dict[int, list[Contact]] = {cid: [] for cid in client_ids}
    query = (
        select(ContactRecord)
        .where(ContactRecord.client_id.in_(list(client_ids)))
        .order_by(ContactRecord.client_id, ContactRecord.position, ContactRecord.id)
    )
    for record in session.scalars(query):
        found[record.client_id].append(to_contact(record))
    return found


def open_job_counts(session: Session, client_ids: Sequence[int]) -> dict[int, int]:
    """Return how many open job orders each client has."""
    query = (
        select(JobOrderRecord.client_id, func.count())
        .where(
            JobOrderRecord.status == JobStatus.OPEN.value,
            JobOrderRecord.client_id.in_(list(client_ids)),
        )
        .group_by(JobOrderRecord.client_id)
    )
    return {cid: int(count) for cid, count in session.execute(query).all()}


def to_clients(session: Session, records: Sequence[ClientRecord]) -> list[Client]:
    """Return clients with their contacts and open job counts, two queries for all."""
    ids = [record.id for record in records]
    contacts = contacts_of(session, ids)
    counts = open_job_counts(session, ids)
    return [
        Client(
            id=record.id,
            draft=ClientDraft(record.name, record.industry, record.work_environment, record.notes),
            contacts=tuple(contacts[record.id]),
            open_jobs=counts.get(record.id, 0),
            version=record.version,
        )
        for record in records
    ]


def job_draft(record: JobOrderRecord) -> JobOrderDraft:
    """Return the job order a row holds."""
    return JobOrderDraft(
        client_id=record.client_id,
        title=record.title,
        contact_id=record.contact_id,
        specialisation=Specialisation(record.specialisation) if record.specialisation else None,
        level=Level(record.level) if record.level else None,
        required_certifications=tuple(record.required_certifications or ()),
        nice_certifications=tuple(record.nice_certifications or ()),
        methodologies=tuple(record.methodologies or ()),
        tools=tuple(record.tools or ()),
        industry=record.industry,
        location=record.location,
        remote=record.remote,
        employment=Employment(record.employment),
        budget=record.budget,
        currency=record.currency,
        start_date=record.start_date,
        end_date=record.end_date,
        openings=record.openings,
        status=JobStatus(record.status),
        notes=record.notes,
    )


def apply_job(record: JobOrderRecord, draft: JobOrderDraft) -> None:
    """Write a validated job order onto its row."""
    record.client_id, record.contact_id, record.title = (
        draft.client_id,
        draft.contact_id,
        draft.title,
    )
    record.specialisation = draft.specialisation.value if draft.specialisation else None
    record.level = draft.level.value if draft.level else None
    record.required_certifications = list(draft.required_certifications)
    record.nice_certifications = list(draft.nice_certifications)
    record.methodologies, record.tools = list(draft.methodologies), list(draft.tools)
    record.industry, record.location, record.remote = draft.industry, draft.location, draft.remote
    record.employment, record.budget = draft.employment.value, draft.budget
    record.currency, record.start_date, record.end_date = (
        draft.currency,
        draft.start_date,
        draft.end_date,
    )
    record.openings, record.status, record.notes = draft.openings, draft.status.value, draft.notes


def to_jobs(session: Session, records: Sequence[JobOrderRecord]) -> list[JobOrder]:
    """Return job orders with client and contact names and shortlists, in three queries."""
    client_ids = {record.client_id for record in records}
    names = dict(
        session.execute(
            select(ClientRecord.id, ClientRecord.name).where(ClientRecord.id.in_(client_ids))
        ).all()
    )
    contact_ids = {record.contact_id for record in records if record.contact_id}
    contacts = dict(
        session.execute(
            select(ContactRecord.id, ContactRecord.name).where(ContactRecord.id.in_(contact_ids))
        ).all()
    )
    shortlists: dict[int, list[int]] = {record.id: [] for record in records}
    query = (
        select(ShortlistRecord.job_id, ShortlistRecord.candidate_id)
        .join(C, C.id == ShortlistRecord.candidate_id)
        .where(ShortlistRecord.job_id.in_(list(shortlists)), C.deleted_at.is_(None))
        .order_by(ShortlistRecord.added_at, ShortlistRecord.candidate_id)
    )
    for job_id, candidate_id in session.execute(query).all():
        shortlists[job_id].append(candidate_id)
    return [
        JobOrder(
            id=record.id,
            draft=job_draft(record),
            client_name=names.get(record.client_id, ""),
            contact_name=contacts.get(record.contact_id, "") if record.contact_id else "",
            filled=record.filled,
            created_at=record.created_at,
            version=record.version,
            shortlist=tuple(shortlists[record.id]),
        )
        for record in records
    ]


def to_submittal(record: SubmittalRecord, job_title: str, client: str, candidate: str) -> Submittal:
    """Return the domain view of a submittal row."""
    return Submittal(
        id=record.id,
        job_id=record.job_id,
        job_title=job_title,
        client_name=client,
        candidate_id=record.candidate_id,
        candidate_name=candidate,
        contact_name=record.contact_name,
        submitted_at=record.submitted_at,
        submitted_by=record.submitted_by,
        blind=record.blind,
        sha256=record.sha256,
        file_name=record.file_name,
        combined=record.combined,
        status=SubmittalStatus(record.status),
        status_at=record.status_at,
        override_reason=record.override_reason,
        refusals=tuple(record.refusals or ()),
        version=record.version,
    )


def _valid_claim(rule_id: int, last_day: date) -> Any:
    """Return EXISTS for a verified claim of a rule still valid on last_day (inclusive)."""
    return exists().where(
        ClaimRecord.candidate_id == C.id,
        ClaimRecord.rule_id == rule_id,
        ClaimRecord.outcome_class == "verified",
        # The lapse day is the first day it is no longer valid; bound as ISO text.
        ClaimRecord.lapse_from > literal(last_day.isoformat(), String()),
    )


def _held_claim(rule_id: int) -> Any:
    return exists().where(ClaimRecord.candidate_id == C.id, ClaimRecord.rule_id == rule_id)


def rule_ids(session: Session) -> dict[str, int]:
    """Return every catalogue code's rule id."""
    query = select(CertificationRuleRecord.code, CertificationRuleRecord.id)
    return {code: rule_id for code, rule_id in session.execute(query).all()}


def candidate_facts(
    session: Session,
    job: JobOrderDraft,
    last_day: date,
    stage_names: dict[int, str],
    vetted_stage_ids: set[int],
    excluded_stage_ids: set[int],
    only: Sequence[int] | None = None,
) -> list[CandidateFacts]:
    """Return what matching reads of every live candidate meeting the job's hard requirements.

    One query: required certifications filter in SQL (each an EXISTS on the claims index),
    nice-to-have ones and the second specialisation come back as 0/1 columns.
    """
    codes = rule_ids(session)
    nice = [code for code in job.nice_certifications if code in codes]
    wanted_role = job.specialisation.value if job.specialisation else None
    columns: list[Any] = [
        C.id,
        C.first_name,
        C.last_name,
        C.primary_role,
        C.years_experience,
        C.skills,
        C.salary_expectation,
        C.currency,
        C.available_from,
        C.city,
        C.country,
        C.stage_id,
    ]
    if wanted_role:
        columns.append(
            exists()
            .where(
                CandidateRoleRecord.candidate_id == C.id,
                CandidateRoleRecord.role == wanted_role,
            )
            .label("other_role")
        )
    columns += [
        _valid_claim(codes[code], last_day).label(f"valid_{i}") for i, code in enumerate(nice)
    ]
    columns += [_held_claim(codes[code]).label(f"held_{i}") for i, code in enumerate(nice)]
    required = list(job.required_certifications)
    conditions = [C.deleted_at.is_(None)]
    if excluded_stage_ids:
        conditions.append(C.stage_id.not_in(excluded_stage_ids))
    if only is not None:
        conditions.append(C.id.in_(list(only)))
    for code in required:
        if code not in codes:
            return []  # a certification nobody can hold any more
        conditions.append(_valid_claim(codes[code], last_day))
    rows = fetch_rows(session, select(*columns).where(and_(*conditions)))
    facts: list[CandidateFacts] = []
    base = 12 + (1 if wanted_role else 0)
    for row in rows:
        other = frozenset({Specialisation(wanted_role)}) if wanted_role and row[12] else frozenset()
        valid = set(required) | {code for i, code in enumerate(nice) if row[base + i]}
        held = set(required) | {code for i, code in enumerate(nice) if row[base + len(nice) + i]}
        skills = row[5]
        facts.append(
            CandidateFacts(
                id=row[0],
                name=f"{row[1]} {row[2]}",
                primary_role=Specialisation(row[3]) if row[3] else None,
                other_roles=other,
                years_experience=row[4],
                skills=frozenset(
                    s.casefold()
                    for s in (json.loads(skills) if isinstance(skills, str) else skills or ())
                ),
                salary_expectation=row[6],
                currency=row[7],
                available_from=date.fromisoformat(row[8]) if isinstance(row[8], str) else row[8],
                city=row[9],
                country=row[10],
                stage=stage_names.get(row[11], ""),
                vetted=row[11] in vetted_stage_ids,
                valid_certifications=frozenset(valid),
                held_certifications=frozenset(held),
            )
        )
    return facts
