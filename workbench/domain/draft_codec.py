"""A candidate draft as plain JSON values and back, for keeping unsaved edits across a crash."""

from __future__ import annotations

from datetime import date
from typing import Any

from workbench.domain.candidate import CandidateDraft, EducationEntry, WorkHistoryEntry
from workbench.domain.roles import Specialisation


def _day(value: date | None) -> str | None:
    return value.isoformat() if value else None


def _parse_day(value: Any) -> date | None:
    return date.fromisoformat(value) if value else None


def draft_to_json(draft: CandidateDraft) -> dict[str, Any]:
    """Return every field of a draft as JSON-safe values."""
    return {
        "first_name": draft.first_name,
        "last_name": draft.last_name,
        "email": draft.email,
        "phone": draft.phone,
        "city": draft.city,
        "country": draft.country,
        "linkedin_url": draft.linkedin_url,
        "primary_role": draft.primary_role.value if draft.primary_role else None,
        "other_roles": [role.value for role in draft.other_roles],
        "years_experience": draft.years_experience,
        "salary_expectation": draft.salary_expectation,
        "currency": draft.currency,
        "available_from": _day(draft.available_from),
        "work_environments": list(draft.work_environments),
        "industries": list(draft.industries),
        "skills": list(draft.skills),
        "work_history": [
            [h.employer, h.title, _day(h.start), _day(h.end), h.description]
            for h in draft.work_history
        ],
        "education": [
            [e.degree_level, e.field_of_study, e.institution, e.year] for e in draft.education
        ],
        "security_clearance": draft.security_clearance,
        "summary": draft.summary,
        "recommendation": draft.recommendation,
        "source": draft.source,
    }


def draft_from_json(data: dict[str, Any]) -> CandidateDraft:
    """Return the draft written by draft_to_json; raise ValueError if it is not one."""
    try:
        return CandidateDraft(
            first_name=str(data["first_name"]),
            last_name=str(data["last_name"]),
            email=str(data["email"]),
            phone=str(data.get("phone", "")),
            city=str(data.get("city", "")),
            country=str(data.get("country", "")),
            linkedin_url=str(data.get("linkedin_url", "")),
            primary_role=Specialisation(data["primary_role"]) if data.get("primary_role") else None,
            other_roles=tuple(Specialisation(r) for r in data.get("other_roles", [])),
            years_experience=data.get("years_experience"),
            salary_expectation=data.get("salary_expectation"),
            currency=str(data.get("currency", "USD")),
            available_from=_parse_day(data.get("available_from")),
            work_environments=tuple(data.get("work_environments", [])),
            industries=tuple(data.get("industries", [])),
            skills=tuple(data.get("skills", [])),
            work_history=tuple(
                WorkHistoryEntry(e, t, _parse_day(s), _parse_day(n), d)
                for e, t, s, n, d in data.get("work_history", [])
            ),
            education=tuple(
                EducationEntry(level, field, institution, year)
                for level, field, institution, year in data.get("education", [])
            ),
            security_clearance=str(data.get("security_clearance", "")),
            summary=str(data.get("summary", "")),
            recommendation=str(data.get("recommendation", "")),
            source=str(data.get("source", "")),
        )
    except (KeyError, TypeError, ValueError) as exc:
        raise ValueError(f"not a saved draft: {exc}") from None
