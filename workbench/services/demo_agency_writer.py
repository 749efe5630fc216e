"""Sample clients found or added, and the sample agency's job orders stored in bulk."""

from __future__ import annotations

import random
from collections.abc import Sequence
from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from workbench.domain.clients import Employment, JobStatus
from workbench.domain.roles import Level, Specialisation
from workbench.domain.submittals import SubmittalStatus
from workbench.domain.vetting import METHODOLOGIES, TOOLS
from workbench.services.demo_agency import (
    ACTIVE,
    CLIENTS,
    OPENINGS,
    PlannedJob,
    SampleAgency,
    StoredClient,
)
from workbench.services.demo_claim_writer import next_ids
from workbench.services.demo_consents import consent_rows
from workbench.services.demo_tables import Weighted
from workbench.store import client_queries
from workbench.store.candidate_repository import bulk_insert, table_of
from workbench.store.client_models import (
    ClientRecord,
    ContactRecord,
    JobOrderRecord,
    ShortlistRecord,
    SubmittalRecord,
)
from workbench.store.privacy_models import ClientConsentRecord, DataProtectionRecord

_S = Specialisation
_PAY_FACTOR = {"USD": 1.0, "GBP": 0.8, "EUR": 0.92, "CAD": 1.35}
_SALARY = {Level.JUNIOR: (75, 90), Level.MID: (95, 120), Level.SENIOR: (125, 165)}  # thousands
_DAY_RATE = {Level.JUNIOR: (450, 600), Level.MID: (600, 800), Level.SENIOR: (800, 1100)}
# The certifications a client of each role tends to ask for, most usual first.
ROLE_CERTIFICATIONS = {
    _S.AGILE_PM: ("PMI-ACP", "CSM", "PMP"),
    _S.TECHNICAL_PM: ("PMP", "AWS-SAA", "ITIL4-FOUNDATION"),
    _S.PROGRAM_MANAGER: ("PMP", "PRINCE2-PRACTITIONER"),
    _S.SCRUM_MASTER: ("CSM", "PMI-ACP"),
    _S.CYBERSECURITY_PM: ("PMP", "COMPTIA-PROJECT-PLUS", "ITIL4-FOUNDATION"),
    _S.DIGITAL_TRANSFORMATION_PM: ("PMP", "PRINCE2-PRACTITIONER", "ITIL4-FOUNDATION"),
}


def _at(rng: random.Random, day: date) -> datetime:
    """Return a moment in office hours on a day."""
    return datetime.combine(day, time(rng.randrange(8, 18), rng.randrange(60)))


def _key(name: str) -> str:
    return " ".join(name.casefold().split())  # as services.clients keys a client's name


def stored_clients(session: Session, now: datetime) -> list[StoredClient]:
    """Return the sample clients, adding those not stored yet; a rerun reuses the stored ones."""
    wanted = {_key(sample.name): sample for sample in CLIENTS}
    present = set(
        session.scalars(select(ClientRecord.name_key).where(ClientRecord.name_key.in_(wanted)))
    )
    missing = [sample for key, sample in wanted.items() if key not in present]
    if missing:
        ids = next_ids(session, "clients", len(missing))
        # On file since well before the first sample submittal (about ten months back).
        since = datetime.combine(now.date() - timedelta(days=400), time(9))
        bulk_insert(
            session,
            table_of(ClientRecord),
            [
                {
                    "id": cid,
                    "name": sample.name,
                    "name_key": _key(sample.name),
                    "industry": sample.industry,
                    "work_environment": sample.environment,
                    "notes": "",
                    "created_at": since,
                    "updated_at": since,
                    "version": 1,
                }
                for cid, sample in zip(ids, missing, strict=True)
            ],
        )
        bulk_insert(
            session,
            table_of(ContactRecord),
            [
                {
                    "client_id": cid,
                    "position": position,
                    "name": name,
                    "title": title,
                    "email": ".".join(name.casefold().split()) + "@" + sample.domain,
                    # 555-01xx numbers are reserved for fiction in North America.
                    "phone": f"+1212555{100 + cid % 50 * 2 + position:04d}" if position else "",
                }
                for cid, sample in zip(ids, missing, strict=True)
                for position, (name, title) in enumerate(sample.contacts)
            ],
        )
    rows = session.execute(
        select(ClientRecord.id, ClientRecord.name_key).where(ClientRecord.name_key.in_(wanted))
    ).all()
    people: dict[int, list[tuple[int, str]]] = {}
    for client_id, contact_id, name in session.execute(
        select(ContactRecord.client_id, ContactRecord.id, ContactRecord.name)
        .where(ContactRecord.client_id.in_([row.id for row in rows]))
        .order_by(ContactRecord.client_id, ContactRecord.position, ContactRecord.id)
    ).all():
        people.setdefault(client_id, []).append((contact_id, name))
    by_key = {row.name_key: row.id for row in rows}
    return [
        StoredClient(by_key[key], sample, tuple(people.get(by_key[key], ())))
        for key, sample in wanted.items()
    ]


def first_ids(session: Session) -> tuple[int, int]:
    """Return the ids the next job order and the next submittal get."""
    return next_ids(session, "job_orders", 1)[0], next_ids(session, "submittals", 1)[0]


def write_agency(session: Session, agency: SampleAgency) -> None:
    """Store the planned job orders, then their shortlists and submittals, in bulk."""
    jobs, shortlist, submittals = job_rows(agency, tuple(client_queries.rule_ids(session)))
    protection, client_consents = consent_rows(
        agency.seed,
        submittals,
        [row["candidate_id"] for row in shortlist],
        {row["id"]: row["client_id"] for row in jobs},
        datetime.combine(agency.today, time(9)),
    )
    tables: Sequence[tuple[type, list[dict[str, object]]]] = (
        (JobOrderRecord, jobs),
        (ShortlistRecord, shortlist),
        (SubmittalRecord, submittals),
        (DataProtectionRecord, protection),
        (ClientConsentRecord, client_consents),
    )
    for model, rows in tables:
        if rows:
            bulk_insert(session, table_of(model), rows)


def job_rows(
    agency: SampleAgency, codes: Sequence[str]
) -> tuple[list[dict[str, Any]], list[dict[str, Any]], list[dict[str, Any]]]:
    """Return the planned job orders, shortlist entries and submittals as rows to insert."""
    agency.fresh_jobs()
    known = set(codes)
    jobs: list[dict[str, Any]] = []
    shortlist: list[dict[str, Any]] = []
    submittals: list[dict[str, Any]] = []
    now = datetime.combine(agency.today, time(9))
    for job in agency.jobs:
        rows = job.submittals
        rng = job.rng
        statuses = [SubmittalStatus(row["status"]) for row in rows]
        filled = statuses.count(SubmittalStatus.PLACED)
        openings = max(job.capacity if job.placing else OPENINGS.pick(rng), filled, 1)
        first = min((row["submitted_at"] for row in rows), default=now)
        latest = max((row["status_at"] for row in rows), default=first)
        created = first - timedelta(days=rng.randrange(3, 22), hours=rng.randrange(1, 8))
        if not rows:
            back = rng.randrange(40, 200) if job.cancelled else rng.randrange(1, 21)
            created = _at(rng, agency.today - timedelta(days=back))
            latest = created + timedelta(days=rng.randrange(7, 30)) if job.cancelled else created
        quiet = (agency.today - latest.date()).days
        if job.cancelled:
            status = JobStatus.CANCELLED
        elif any(status in ACTIVE for status in statuses):
            status = JobStatus.ON_HOLD if rng.random() < 0.1 else JobStatus.OPEN
        elif filled:
            status = JobStatus.FILLED if filled >= openings else JobStatus.OPEN
        elif rows and quiet > 30:
            status = Weighted(
                [(JobStatus.CANCELLED, 50), (JobStatus.ON_HOLD, 25), (JobStatus.OPEN, 25)]
            ).pick(rng)
        else:
            status = JobStatus.ON_HOLD if rng.random() < 0.2 else JobStatus.OPEN
        jobs.append(_job_row(job, status, openings, filled, created, latest, known, agency.today))
        shortlist += job.shortlist
        if status in (JobStatus.OPEN, JobStatus.ON_HOLD):
            pool = [
                cid
                for cid in agency.vetted[job.role]
                if cid not in {row["candidate_id"] for row in job.shortlist}
            ]
            added = max(created, now - timedelta(days=14))
            for cid in rng.sample(pool, min(len(pool), rng.randrange(0, 5))):
                at = added + timedelta(hours=rng.randrange(1, 200))
                shortlist.append(
                    {
                        "job_id": job.id,
                        "candidate_id": cid,
                        "added_at": min(at, now),
                        "added_by": rows[0]["submitted_by"] if rows else "Priya Raman",
                    }
                )
        submittals += rows
    return jobs, shortlist, submittals


def _job_row(
    job: PlannedJob,
    status: JobStatus,
    openings: int,
    filled: int,
    created: datetime,
    latest: datetime,
    known: set[str],
    today: date,
) -> dict[str, Any]:
    """Return one job order as a row: dates, pay and certifications drawn around its story."""
    rng, sample = job.rng, job.client.sample
    contract = rng.random() < 0.4
    factor = _PAY_FACTOR.get(sample.currency, 1.0)
    if contract:
        low, high = _DAY_RATE[job.level]
        budget = int(rng.randrange(low, high + 1, 25) * factor)
    else:
        low, high = _SALARY[job.level]
        budget = int(rng.randrange(low, high + 1, 5) * 1000 * factor)
    if status is JobStatus.FILLED:
        start = latest.date() + timedelta(days=rng.randrange(14, 42))
    elif status is JobStatus.CANCELLED:
        start = created.date() + timedelta(days=rng.randrange(30, 75))
    else:
        start = today + timedelta(days=rng.randrange(14, 70))
    end = start + timedelta(days=rng.choice((182, 273, 365))) if contract else None
    usual = [code for code in ROLE_CERTIFICATIONS[job.role] if code in known]
    held = job.held if job.held is not None else set(usual[:1])
    required = [code for code in usual if code in held][:1] if rng.random() < 0.6 else []
    nice = [code for code in usual if code not in required][: rng.randrange(0, 3)]
    skills = set(job.skills)
    return {
        "id": job.id,
        "client_id": job.client.id,
        "contact_id": job.contact[0] if job.contact else None,
        "title": job.title,
        "specialisation": job.role.value,
        "level": job.level.value,
        "required_certifications": required,
        "nice_certifications": nice,
        "methodologies": [m for m in METHODOLOGIES if m in skills][:2],
        "tools": [t for t in TOOLS if t in skills][:2],
        "industry": sample.industry,
        "location": sample.location,
        "remote": rng.random() < 0.2,
        "employment": (Employment.CONTRACT if contract else Employment.PERMANENT).value,
        "budget": budget,
        "currency": sample.currency,
        "start_date": start,
        "end_date": end,
        "openings": openings,
        "filled": filled,
        "status": status.value,
        "notes": "",
        "created_at": created,
        "updated_at": max(created, latest),
        "version": 1,
    }
