"""Client, job order and submittal rows to domain values; the candidate facts matching reads."""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from datetime import date, timedelta
from typing import Any

from sqlalchemy import String, and_, case, func, literal, select
from sqlalchemy.orm import Session

from workbench.domain import matching
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
from workbench.domain.roles import MID_LEVEL_FROM_YEARS, SENIOR_FROM_YEARS, Level, Specialisation
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
    """Return `candidates.id IN (holders of a rule verified and valid on last_day)`.

    Not a correlated EXISTS: SQLite builds the list once from the covering status index
    (outcome, lapse day, rule, candidate) instead of probing claims for each of 100,000
    candidates (0.7 s against ~0.05 s).
    """
    holders = select(ClaimRecord.candidate_id).where(
        ClaimRecord.outcome_class == "verified",
        # The lapse day is the first day it is no longer valid; bound as ISO text.
        ClaimRecord.lapse_from > literal(last_day.isoformat(), String()),
        ClaimRecord.rule_id == rule_id,
    )
    return C.id.in_(holders)


def _held_claim(rule_id: int) -> Any:
    return C.id.in_(select(ClaimRecord.candidate_id).where(ClaimRecord.rule_id == rule_id))


def rule_ids(session: Session) -> dict[str, int]:
    """Return every catalogue code's rule id."""
    query = select(CertificationRuleRecord.code, CertificationRuleRecord.id)
    return {code: rule_id for code, rule_id in session.execute(query).all()}


class _FactsQuery:
    """The one query matching reads: hard requirements in WHERE, the facts as columns."""

    def __init__(
        self,
        session: Session,
        job: JobOrderDraft,
        last_day: date,
        excluded_stage_ids: set[int],
        only: Sequence[int] | None,
    ) -> None:
        codes = rule_ids(session)
        self.nice = [code for code in job.nice_certifications if code in codes]
        self.wanted_role = job.specialisation.value if job.specialisation else None
        self.required = list(job.required_certifications)
        self.impossible = any(code not in codes for code in self.required)
        self.valid = [_valid_claim(codes[code], last_day) for code in self.nice]
        self.other_role = (
            C.id.in_(
                select(CandidateRoleRecord.candidate_id).where(
                    CandidateRoleRecord.role == self.wanted_role
                )
            )
            if self.wanted_role
            else literal(False)
        )
        self.columns: list[Any] = [
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
            self.other_role,
            *self.valid,
            *(_held_claim(codes[code]) for code in self.nice),
        ]
        self.conditions: list[Any] = [C.deleted_at.is_(None)]
        if excluded_stage_ids:
            self.conditions.append(C.stage_id.not_in(excluded_stage_ids))
        if only is not None:
            self.conditions.append(C.id.in_(list(only)))
        self.conditions += [
            _valid_claim(codes[code], last_day) for code in self.required if code in codes
        ]

    def facts(
        self, row: Sequence[Any], stage_names: dict[int, str], vetted_stage_ids: set[int]
    ) -> CandidateFacts:
        """Return the facts one row holds."""
        count = len(self.nice)
        wanted = self.wanted_role
        skills = row[5]
        listed = json.loads(skills) if isinstance(skills, str) else skills or ()
        return CandidateFacts(
            id=row[0],
            name=f"{row[1]} {row[2]}",
            primary_role=Specialisation(row[3]) if row[3] else None,
            other_roles=frozenset({Specialisation(wanted)}) if wanted and row[12] else frozenset(),
            years_experience=row[4],
            skills=frozenset(skill.casefold() for skill in listed),
            salary_expectation=row[6],
            currency=row[7],
            available_from=date.fromisoformat(row[8]) if isinstance(row[8], str) else row[8],
            city=row[9],
            country=row[10],
            stage=stage_names.get(row[11], ""),
            vetted=row[11] in vetted_stage_ids,
            valid_certifications=frozenset(
                [*self.required, *(c for i, c in enumerate(self.nice) if row[13 + i])]
            ),
            held_certifications=frozenset(
                [*self.required, *(c for i, c in enumerate(self.nice) if row[13 + count + i])]
            ),
        )


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
    query = _FactsQuery(session, job, last_day, excluded_stage_ids, only)
    if query.impossible:
        return []  # a certification nobody can hold any more
    rows = fetch_rows(session, select(*query.columns).where(and_(*query.conditions)))
    return [query.facts(row, stage_names, vetted_stage_ids) for row in rows]


def count_eligible(
    session: Session, job: JobOrderDraft, last_day: date, excluded_stage_ids: set[int]
) -> int:
    """Return how many live candidates meet the job's hard requirements."""
    query = _FactsQuery(session, job, last_day, excluded_stage_ids, None)
    if query.impossible:
        return 0
    return int(session.scalar(select(func.count()).select_from(C).where(*query.conditions)) or 0)


def _bound(query: _FactsQuery, job: JobOrderDraft, today: date) -> Any:
    """Return SQL for the most points a row can score: exact for five parts, the rest at most.

    Mirrors workbench.domain.matching's parts from its own numbers; it only has to be an
    upper bound (a test holds it to that), since every row it lets through is scored again
    in Python.
    """
    weights = matching.WEIGHTS
    spec_out = weights["specialisation"]
    if job.specialisation is None:
        spec: Any = literal(spec_out)
    else:
        spec = case(
            (C.primary_role == job.specialisation.value, spec_out),
            (query.other_role, spec_out * matching.SECOND_ROLE_SHARE),
            else_=0,
        )
    levels = matching.level_points(job)
    level = case(
        (C.years_experience.is_(None), levels[None]),
        (C.years_experience < MID_LEVEL_FROM_YEARS, levels[Level.JUNIOR]),
        (C.years_experience < SENIOR_FROM_YEARS, levels[Level.MID]),
        else_=levels[Level.SENIOR],
    )
    nice_out = weights["nice certifications"]
    nice: Any = literal(nice_out)
    if job.nice_certifications:
        share = nice_out / len(job.nice_certifications)
        nice = sum((case((valid, share), else_=0) for valid in query.valid), literal(0))
    salary_out = weights["salary"]
    budget = matching.yearly_budget(job)
    salary: Any = literal(salary_out)
    if budget is not None:
        salary = case(
            (C.salary_expectation.is_(None), salary_out * matching.UNKNOWN_SHARE),
            (C.currency != job.currency, salary_out * matching.UNKNOWN_SHARE),
            (C.salary_expectation <= budget, salary_out),
            (
                C.salary_expectation <= budget * (1 + matching.OVER_BUDGET_TOLERANCE),
                salary_out * 0.5,
            ),
            else_=0,
        )
    free_out = weights["availability"]
    available: Any = literal(free_out)
    if job.start_date is not None:
        by = max(job.start_date, today).isoformat()
        late = (job.start_date + timedelta(days=matching.LATE_START_DAYS)).isoformat()
        available = case(
            (C.available_from.is_(None), free_out * matching.UNKNOWN_SHARE),
            (C.available_from <= literal(by, String()), free_out),
            (C.available_from <= literal(late, String()), free_out * 0.5),
            else_=0,
        )
    return spec + level + nice + salary + available + _skills_bound(job) + _location_bound(job)


def _has_non_ascii(column: Any) -> Any:
    """Return SQL saying a text holds a character SQLite's lower() would not fold."""
    return column.op("GLOB")("*[^ -~]*")


def _skills_bound(job: JobOrderDraft) -> Any:
    """Return the most skills points: each wanted skill found in the JSON list, any case.

    SQLite folds ASCII only, and JSON may escape other letters: a wanted skill with any
    other character counts as found, so the bound stays a bound.
    """
    out_of = matching.WEIGHTS["skills"]
    wanted = [*job.methodologies, *job.tools]
    if not wanted:
        return literal(out_of)
    share = out_of / len(wanted)
    found: list[Any] = []
    for skill in wanted:
        if not skill.isascii():
            found.append(literal(share))
            continue
        quoted = literal(json.dumps(skill.lower()), String())
        listed = func.coalesce(C.skills, "")
        found.append(
            case(
                (func.instr(func.lower(listed), quoted) > 0, share),
                # An escaped letter (\uXXXX) may fold to this skill ("Straße", "strasse").
                (func.instr(listed, literal("\\u", String())) > 0, share),
                else_=0,
            )
        )
    return sum(found, literal(0))


def _location_bound(job: JobOrderDraft) -> Any:
    """Return the most location points: the city, else the country, named in the job's place."""
    out_of = matching.WEIGHTS["location"]
    if job.remote:
        return literal(out_of)
    place = literal(job.location.casefold(), String())

    def named(column: Any) -> Any:
        # Non-ASCII names count as named: lower() would not fold them like casefold() does.
        return (column != "") & (
            (func.instr(place, func.lower(column)) > 0) | _has_non_ascii(column)
        )

    return case(
        (named(C.city), out_of),
        (named(C.country), out_of * matching.COUNTRY_SHARE),
        else_=0,
    )


def ranked_facts(
    session: Session,
    job: JobOrderDraft,
    last_day: date,
    today: date,
    stage_names: dict[int, str],
    vetted_stage_ids: set[int],
    excluded_stage_ids: set[int],
) -> Iterator[tuple[float, CandidateFacts]]:
    """Yield (most points possible, facts) for every eligible candidate, highest bound first.

    The caller stops reading once the bound falls below the scores it already holds: on
    100,000 candidates only the few thousand that could still make the list are built.
    """
    query = _FactsQuery(session, job, last_day, excluded_stage_ids, None)
    if query.impossible:
        return
    bound = _bound(query, job, today).label("bound")
    # Sort ids and bounds only (small rows), then read the facts a page at a time: sorting
    # 77,000 full rows cost 0.8 s, most of it moving skills and names through the sorter.
    # Ties in the order rank_bounded needs: the vetted first, then by id.
    vetted = (
        case((C.stage_id.in_(vetted_stage_ids), 0), else_=1) if vetted_stage_ids else literal(1)
    )
    order = fetch_rows(
        session,
        select(C.id, bound).where(and_(*query.conditions)).order_by(bound.desc(), vetted, C.id),
    )
    for start in range(0, len(order), 500):
        page = order[start : start + 500]
        rows = fetch_rows(session, select(*query.columns).where(C.id.in_([r[0] for r in page])))
        by_id = {row[0]: row for row in rows}
        for candidate_id, most in page:
            yield float(most), query.facts(by_id[candidate_id], stage_names, vetted_stage_ids)
