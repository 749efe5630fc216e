"""Moving candidates between domain drafts and rows: one at a time, or thousands at once."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import Any, cast

from sqlalchemy import Table, insert, or_, select
from sqlalchemy.orm import Session

from workbench.domain.candidate import (
    Candidate,
    CandidateDraft,
    DuplicateHint,
    EducationEntry,
    WorkHistoryEntry,
    ascii_fold,
    email_key,
    search_text,
)
from workbench.domain.roles import Specialisation
from workbench.store.models import (
    Base,
    CandidateRecord,
    CandidateRoleRecord,
    EducationRecord,
    WorkHistoryRecord,
)
from workbench.store.search_index import add_to_index, replace_in_index


def table_of(model: type[Base]) -> Table:
    """Return the Core table behind a mapped class, for bulk statements."""
    return cast(Table, model.__table__)


def name_key(draft: CandidateDraft) -> str:
    """Return the sort key for a name: folded so that Łukasik sorts among the L's."""
    return ascii_fold(f"{draft.last_name} {draft.first_name}").casefold()


def _scalar_columns(draft: CandidateDraft) -> dict[str, Any]:
    level = draft.level
    return {
        "first_name": draft.first_name,
        "last_name": draft.last_name,
        "name_key": name_key(draft),
        "email": draft.email,
        "email_key": email_key(draft.email),
        "phone": draft.phone,
        "city": draft.city,
        "country": draft.country,
        "linkedin_url": draft.linkedin_url,
        "primary_role": draft.primary_role.value if draft.primary_role else None,
        "years_experience": draft.years_experience,
        "level": level.value if level else None,
        "salary_expectation": draft.salary_expectation,
        "currency": draft.currency,
        "available_from": draft.available_from,
        "work_environments": list(draft.work_environments),
        "industries": list(draft.industries),
        "skills": list(draft.skills),
        "security_clearance": draft.security_clearance,
        "summary": draft.summary,
        "recommendation": draft.recommendation,
        "source": draft.source,
    }


def _role_rows(draft: CandidateDraft) -> list[tuple[str, bool]]:
    rows = [(draft.primary_role.value, True)] if draft.primary_role else []
    rows += [(r.value, False) for r in draft.other_roles if r is not draft.primary_role]
    return rows


def to_candidate(record: CandidateRecord) -> Candidate:
    """Return the frozen domain view of a loaded row."""
    primary = Specialisation(record.primary_role) if record.primary_role else None
    others = tuple(Specialisation(r.role) for r in record.roles if not r.is_primary)
    draft = CandidateDraft(
        first_name=record.first_name,
        last_name=record.last_name,
        email=record.email,
        phone=record.phone,
        city=record.city,
        country=record.country,
        linkedin_url=record.linkedin_url,
        primary_role=primary,
        other_roles=tuple(sorted(others, key=lambda r: list(Specialisation).index(r))),
        years_experience=record.years_experience,
        salary_expectation=record.salary_expectation,
        currency=record.currency,
        available_from=record.available_from,
        work_environments=tuple(record.work_environments or ()),
        industries=tuple(record.industries or ()),
        skills=tuple(record.skills or ()),
        work_history=tuple(
            WorkHistoryEntry(h.employer, h.title, h.start_date, h.end_date, h.description)
            for h in record.work_history
        ),
        education=tuple(
            EducationEntry(e.degree_level, e.field_of_study, e.institution, e.year)
            for e in record.education
        ),
        security_clearance=record.security_clearance,
        summary=record.summary,
        recommendation=record.recommendation,
        source=record.source,
    )
    return Candidate(
        id=record.id,
        draft=draft,
        version=record.version,
        created_at=record.created_at,
        updated_at=record.updated_at,
        deleted_at=record.deleted_at,
    )


def apply_draft(record: CandidateRecord, draft: CandidateDraft) -> None:
    """Write a validated draft onto a row and replace its children."""
    for column, value in _scalar_columns(draft).items():
        setattr(record, column, value)
    record.roles = [CandidateRoleRecord(role=r, is_primary=p) for r, p in _role_rows(draft)]
    record.work_history = [
        WorkHistoryRecord(
            position=i,
            employer=h.employer,
            title=h.title,
            start_date=h.start,
            end_date=h.end,
            description=h.description,
        )
        for i, h in enumerate(draft.work_history)
    ]
    record.education = [
        EducationRecord(
            position=i,
            degree_level=e.degree_level,
            field_of_study=e.field_of_study,
            institution=e.institution,
            year=e.year,
        )
        for i, e in enumerate(draft.education)
    ]


def reindex(session: Session, candidates: Iterable[tuple[int, CandidateDraft]]) -> None:
    """Bring the full-text index up to date for the given candidates."""
    replace_in_index(session, [(cid, search_text(d)) for cid, d in candidates])


def _next_sqlite_ids(session: Session, count: int) -> list[int]:
    last = (
        session.connection()
        .exec_driver_sql(
            "SELECT max(coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'candidates'), 0),"
            " coalesce((SELECT max(id) FROM candidates), 0))"
        )
        .scalar()
    )
    first = int(last or 0) + 1
    return list(range(first, first + count))


def bulk_insert(session: Session, table: Table, rows: Sequence[dict[str, Any]]) -> None:
    """Insert many rows with one statement; on SQLite straight through the driver.

    SQLAlchemy's executemany spends ~60 us a row building parameters; here each column's
    type conversion is looked up once and the driver gets plain tuples.
    """
    connection = session.connection()
    if connection.dialect.name != "sqlite":
        session.execute(insert(table), list(rows))
        return
    names = list(rows[0])
    converters = [table.c[name].type.bind_processor(connection.dialect) for name in names]
    statement = (
        f"INSERT INTO {table.name} ({', '.join(names)}) VALUES ({', '.join('?' * len(names))})"
    )
    values = [
        tuple(
            row[name] if convert is None or row[name] is None else convert(row[name])
            for name, convert in zip(names, converters, strict=True)
        )
        for row in rows
    ]
    cursor = connection.connection.cursor()
    try:
        cursor.executemany(statement, values)
    finally:
        cursor.close()


def insert_many(session: Session, drafts: Sequence[CandidateDraft], now: datetime) -> list[int]:
    """Insert validated drafts with Core bulk statements; return their new ids in order."""
    if not drafts:
        return []
    rows = [
        {
            **_scalar_columns(d),
            "created_at": now,
            "updated_at": now,
            "stage_since": now,
            "version": 1,
        }
        for d in drafts
    ]
    table = table_of(CandidateRecord)
    connection = session.connection()
    if connection.dialect.name == "sqlite":
        # Inside the write transaction (BEGIN IMMEDIATE) nobody else can take ids, so they
        # are assigned here; SQLite's sqlite_sequence then moves past them by itself.
        ids = _next_sqlite_ids(session, len(rows))
        for cid, row in zip(ids, rows, strict=True):
            row["id"] = cid
    else:
        # Ordered RETURNING cannot be batched everywhere; the unique email key pairs ids.
        returned = session.execute(insert(table).returning(table.c.id, table.c.email_key), rows)
        id_by_key = {key: cid for cid, key in returned}
        ids = [id_by_key[row["email_key"]] for row in rows]
        rows = []
    role_rows = [
        {"candidate_id": cid, "role": role, "is_primary": primary}
        for cid, d in zip(ids, drafts, strict=True)
        for role, primary in _role_rows(d)
    ]
    history_rows = [
        {
            "candidate_id": cid,
            "position": i,
            "employer": h.employer,
            "title": h.title,
            "start_date": h.start,
            "end_date": h.end,
            "description": h.description,
        }
        for cid, d in zip(ids, drafts, strict=True)
        for i, h in enumerate(d.work_history)
    ]
    education_rows = [
        {
            "candidate_id": cid,
            "position": i,
            "degree_level": e.degree_level,
            "field_of_study": e.field_of_study,
            "institution": e.institution,
            "year": e.year,
        }
        for cid, d in zip(ids, drafts, strict=True)
        for i, e in enumerate(d.education)
    ]
    for model, batch in (
        (CandidateRecord, rows),
        (CandidateRoleRecord, role_rows),
        (WorkHistoryRecord, history_rows),
        (EducationRecord, education_rows),
    ):
        if batch:
            bulk_insert(session, table_of(model), batch)
    add_to_index(session, [(cid, search_text(d)) for cid, d in zip(ids, drafts, strict=True)])
    return ids


def existing_emails(session: Session, keys: Iterable[str]) -> dict[str, tuple[int, str]]:
    """Return {email_key: (id, full name)} for the keys already stored (deleted ones too)."""
    wanted = list(set(keys))
    found: dict[str, tuple[int, str]] = {}
    for start in range(0, len(wanted), 900):
        chunk = wanted[start : start + 900]
        query = select(
            CandidateRecord.email_key,
            CandidateRecord.id,
            CandidateRecord.first_name,
            CandidateRecord.last_name,
            CandidateRecord.deleted_at,
        ).where(CandidateRecord.email_key.in_(chunk))
        for key, cid, first, last, deleted_at in session.execute(query):
            note = " (in the deleted list)" if deleted_at else ""
            found[key] = (cid, f"{first} {last}{note}")
    return found


def find_duplicates(
    session: Session, draft: CandidateDraft, exclude_id: int | None = None
) -> list[DuplicateHint]:
    """Return stored candidates sharing the email, the phone, or the name and city."""
    key = email_key(draft.email) if draft.email else ""
    names = name_key(draft) if draft.first_name and draft.last_name else ""
    c = CandidateRecord
    conditions = []
    if key:
        conditions.append(c.email_key == key)
    if draft.phone:
        conditions.append(c.phone == draft.phone)
    if names and draft.city:
        conditions.append((c.name_key == names) & (c.city == draft.city))
    if not conditions:
        return []
    query = (
        select(
            c.id, c.first_name, c.last_name, c.email, c.email_key, c.phone, c.name_key, c.city,
            c.deleted_at,
        )
        .where(or_(*conditions))
        .limit(10)
    )  # fmt: skip
    if exclude_id is not None:
        query = query.where(c.id != exclude_id)
    hints = []
    for rec in session.execute(query):
        reasons = []
        if key and rec.email_key == key:
            reasons.append("same email")
        if draft.phone and rec.phone == draft.phone:
            reasons.append("same phone")
        if names and draft.city and rec.name_key == names and rec.city == draft.city:
            reasons.append("same name and city")
        deleted = " (deleted)" if rec.deleted_at else ""
        hints.append(
            DuplicateHint(
                candidate_id=rec.id,
                full_name=f"{rec.first_name} {rec.last_name}{deleted}",
                email=rec.email,
                reason=", ".join(reasons),
            )
        )
    return hints
