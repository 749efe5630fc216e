"""Export candidates to CSV or JSON, read in chunks and written to the target in one rename."""

from __future__ import annotations

import csv
import json
import textwrap
from collections.abc import Iterable, Iterator, Sequence
from datetime import date
from pathlib import Path
from typing import Any, TextIO

from sqlalchemy import select
from sqlalchemy.orm import Session

from workbench.domain.candidate import Candidate
from workbench.domain.draft_codec import draft_to_json
from workbench.domain.errors import WorkbenchError
from workbench.domain.roles import Specialisation
from workbench.domain.search import SearchCriteria
from workbench.services.claims import today
from workbench.services.files import write_atomically
from workbench.services.progress import NO_PROGRESS, ProgressReporter
from workbench.services.spreadsheet import EXPORT_COLUMNS, LIST_SEPARATOR
from workbench.store.candidate_queries import candidate_ids
from workbench.store.claim_queries import status_expression
from workbench.store.engine import Database
from workbench.store.models import CandidateRecord as C
from workbench.store.models import CandidateRoleRecord, CertificationRuleRecord, ClaimRecord
from workbench.store.models import StageRecord as S

EXPORT_CHUNK = 1_000
EXPORT_SUFFIXES = (".csv", ".json")
LIST_COLUMNS = ("other_roles", "skills")
# JSON only: the CSV columns are the import's, and a spreadsheet cell cannot hold a list of claims.
CERTIFICATIONS = "certifications"
STAGE = "stage"  # JSON only too: the pipeline stage's name

_ROLE_ORDER = {role.value: index for index, role in enumerate(Specialisation)}
_SELECTED = (
    C.id,
    C.first_name,
    C.last_name,
    C.email,
    C.phone,
    C.city,
    C.country,
    C.primary_role,
    C.years_experience,
    C.level,
    C.salary_expectation,
    C.currency,
    C.available_from,
    C.skills,
    C.summary,
    C.linkedin_url,
    C.stage_id,
)


def candidate_to_dict(candidate: Candidate) -> dict[str, Any]:
    """Return a candidate as export writes it: roles as slugs, dates ISO, lists as lists."""
    level = candidate.level
    values = {
        **draft_to_json(candidate.draft),
        "id": candidate.id,
        "level": level.value if level else None,
    }
    return {column: values[column] for column in EXPORT_COLUMNS}


def export_candidates(
    database: Database,
    path: Path,
    *,
    criteria: SearchCriteria | None = None,
    reporter: ProgressReporter = NO_PROGRESS,
) -> int:
    """Write live candidates (or those matching criteria) to .csv or .json; return how many."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in EXPORT_SUFFIXES:
        raise WorkbenchError(f"{path.name}: candidates can be exported only to .csv or .json")
    # One read transaction, so the file is a consistent snapshot even while others save.
    with database.read() as session:
        ids = _ids_to_export(session, criteria)
        day = today() if suffix == ".json" else None
        records = _exported_dicts(session, ids, reporter, day)
        if suffix == ".csv":
            # The BOM tells Excel the file is UTF-8; without it names like Łukasz are garbled.
            return write_atomically(path, lambda handle: _write_csv(handle, records), "utf-8-sig")
        return write_atomically(path, lambda handle: _write_json(handle, records), "utf-8")


def _ids_to_export(session: Session, criteria: SearchCriteria | None) -> list[int]:
    """Return the ids to export in file order: the criteria's order, else live ones by id."""
    if criteria is not None:
        return candidate_ids(session, criteria)
    return list(session.scalars(select(C.id).where(C.deleted_at.is_(None)).order_by(C.id)))


def _exported_dicts(
    session: Session, ids: Sequence[int], reporter: ProgressReporter, status_on: date | None
) -> Iterator[dict[str, Any]]:
    """Yield the export dict of each id, reading a chunk of candidates at a time.

    With `status_on`, each dict also carries the candidate's certifications with their
    status on that day (one more query a chunk).
    """
    stages = _stage_names(session) if status_on else {}
    for start in range(0, len(ids), EXPORT_CHUNK):
        # Raises Cancelled: the half-written temporary file is removed, the target untouched.
        reporter.report(start, len(ids))
        chunk = ids[start : start + EXPORT_CHUNK]
        rows = {row.id: row for row in session.execute(select(*_SELECTED).where(C.id.in_(chunk)))}
        other_roles = _other_roles(session, chunk)
        claims = _certifications(session, chunk, status_on) if status_on else {}
        for candidate_id in chunk:
            row = rows.get(candidate_id)
            if row is not None:
                record = _row_to_dict(row, other_roles.get(candidate_id, []))
                if status_on is not None:
                    record[CERTIFICATIONS] = claims.get(candidate_id, [])
                    record[STAGE] = stages.get(row.stage_id, "")
                yield record


def _stage_names(session: Session) -> dict[int, str]:
    """Return each stage's name by id."""
    return {stage_id: name for stage_id, name in session.execute(select(S.id, S.name))}


def _certifications(
    session: Session, ids: Sequence[int], status_on: date
) -> dict[int, list[dict[str, Any]]]:
    """Return each candidate's claims as JSON carries them, in catalogue order; one query."""
    query = (
        select(
            ClaimRecord.candidate_id,
            CertificationRuleRecord.code,
            ClaimRecord.credential_id,
            status_expression(status_on),
            ClaimRecord.expires_on,
            ClaimRecord.last_checked_on,
        )
        .join(CertificationRuleRecord, CertificationRuleRecord.id == ClaimRecord.rule_id)
        .where(ClaimRecord.candidate_id.in_(list(ids)))
        .order_by(ClaimRecord.candidate_id, CertificationRuleRecord.id)
    )
    found: dict[int, list[dict[str, Any]]] = {}
    for candidate_id, code, credential_id, status, expires_on, last_checked_on in session.execute(
        query
    ):
        found.setdefault(candidate_id, []).append(
            {
                "code": code,
                "credential_id": credential_id,
                "status": status,
                "expires_on": expires_on.isoformat() if expires_on else None,
                "last_checked_on": last_checked_on.isoformat() if last_checked_on else None,
            }
        )
    return found


def certifications_of(
    database: Database, candidate_ids: Sequence[int], *, on: date | None = None
) -> dict[int, list[dict[str, Any]]]:
    """Return the `certifications` list JSON output carries for each candidate that has one."""
    day = on or today()
    found: dict[int, list[dict[str, Any]]] = {}
    with database.read() as session:
        for start in range(0, len(candidate_ids), EXPORT_CHUNK):
            found.update(_certifications(session, candidate_ids[start : start + EXPORT_CHUNK], day))
    return found


def _other_roles(session: Session, ids: Sequence[int]) -> dict[int, list[str]]:
    """Return the slugs of each candidate's non-primary roles, in the guide's order."""
    query = select(CandidateRoleRecord.candidate_id, CandidateRoleRecord.role).where(
        CandidateRoleRecord.candidate_id.in_(list(ids)), CandidateRoleRecord.is_primary.is_(False)
    )
    roles: dict[int, list[str]] = {}
    for candidate_id, role in session.execute(query):
        roles.setdefault(candidate_id, []).append(role)
    for held in roles.values():
        # The order the domain uses, so an export matches what `show` prints.
        held.sort(key=lambda slug: _ROLE_ORDER.get(slug, len(_ROLE_ORDER)))
    return roles


def _row_to_dict(row: Any, other_roles: list[str]) -> dict[str, Any]:
    """Return a selected row as candidate_to_dict would return the candidate."""
    values = {
        "id": row.id,
        "first_name": row.first_name,
        "last_name": row.last_name,
        "email": row.email,
        "phone": row.phone,
        "city": row.city,
        "country": row.country,
        "primary_role": row.primary_role,
        "other_roles": other_roles,
        "years_experience": row.years_experience,
        "level": row.level,
        "salary_expectation": row.salary_expectation,
        "currency": row.currency,
        "available_from": row.available_from.isoformat() if row.available_from else None,
        "skills": list(row.skills or ()),
        "summary": row.summary,
        "linkedin_url": row.linkedin_url,
    }
    return {column: values[column] for column in EXPORT_COLUMNS}


def _csv_cell(column: str, value: Any) -> str:
    """Return a value as CSV text: lists joined with '; ', None as empty."""
    if value is None:
        return ""
    if column in LIST_COLUMNS:
        return f"{LIST_SEPARATOR} ".join(value)
    if isinstance(value, float):
        # 7.0 reads as 7 in a spreadsheet; repr keeps every digit of 7.5.
        return str(int(value)) if value.is_integer() else repr(value)
    return guard_formula(str(value))


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def guard_formula(text: str) -> str:
    """Return text a spreadsheet will show, never run: a leading '=+-@' gets an apostrophe.

    A name like '=HYPERLINK(...)' would otherwise be a live formula in the client's Excel;
    the apostrophe is Excel's own 'this is text' mark, and import takes it off again.
    """
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def _write_csv(handle: TextIO, records: Iterable[dict[str, Any]]) -> int:
    """Write a header and one line per record; return how many records were written."""
    writer = csv.writer(handle)
    writer.writerow(EXPORT_COLUMNS)
    count = 0
    for record in records:
        writer.writerow([_csv_cell(column, record[column]) for column in EXPORT_COLUMNS])
        count += 1
    return count


def _write_json(handle: TextIO, records: Iterable[dict[str, Any]]) -> int:
    """Write the records as a JSON list; return how many were written."""
    # Written one object at a time, laid out exactly as json.dump(list, indent=2) would.
    handle.write("[")
    count = 0
    for record in records:
        handle.write(",\n" if count else "\n")
        handle.write(textwrap.indent(json.dumps(record, ensure_ascii=False, indent=2), "  "))
        count += 1
    handle.write("\n]\n" if count else "]\n")
    return count


__all__ = [
    "CERTIFICATIONS",
    "EXPORT_COLUMNS",
    "candidate_to_dict",
    "certifications_of",
    "export_candidates",
]
