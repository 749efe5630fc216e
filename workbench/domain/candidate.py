"""The candidate record and the rules that make its fields valid and comparable."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime
from decimal import ROUND_DOWN, Decimal
from urllib.parse import urlsplit

import phonenumbers
from email_validator import EmailNotValidError, validate_email

from workbench.domain.countries import country_code, country_name
from workbench.domain.errors import ValidationError
from workbench.domain.roles import Level, Specialisation, level_for_years
from workbench.domain.vocabulary import CURRENCIES, canonical_skill

MAX_NAME = 100
MAX_SHORT_TEXT = 200
MAX_SUMMARY = 20_000
MAX_YEARS = 60.0


@dataclass(frozen=True)
class WorkHistoryEntry:
    """One job held: employer, title, dates (end None while current) and what was done."""

    employer: str
    title: str
    start: date | None = None
    end: date | None = None
    description: str = ""


@dataclass(frozen=True)
class EducationEntry:
    """One qualification: degree level, field of study, institution and year completed."""

    degree_level: str
    field_of_study: str = ""
    institution: str = ""
    year: int | None = None


@dataclass(frozen=True)
class CandidateDraft:
    """What a consultant enters for a candidate, before or after validation."""

    first_name: str
    last_name: str
    email: str
    phone: str = ""
    city: str = ""
    country: str = ""
    linkedin_url: str = ""
    primary_role: Specialisation | None = None
    other_roles: tuple[Specialisation, ...] = ()
    years_experience: float | None = None
    salary_expectation: int | None = None
    currency: str = "USD"
    available_from: date | None = None
    work_environments: tuple[str, ...] = ()
    industries: tuple[str, ...] = ()
    skills: tuple[str, ...] = ()
    work_history: tuple[WorkHistoryEntry, ...] = ()
    education: tuple[EducationEntry, ...] = ()
    security_clearance: str = ""
    summary: str = ""
    source: str = ""
    # The consultant's own words for clients (printed on the profile), not the candidate's.
    recommendation: str = ""

    @property
    def level(self) -> Level | None:
        """Return the level derived from years of experience, None when years are unknown."""
        return None if self.years_experience is None else level_for_years(self.years_experience)

    @property
    def full_name(self) -> str:
        """Return first and last name as one would address the person."""
        return f"{self.first_name} {self.last_name}".strip()


@dataclass(frozen=True)
class Candidate:
    """A stored candidate: the draft plus identity, version and timestamps."""

    id: int
    draft: CandidateDraft
    version: int
    created_at: datetime
    updated_at: datetime
    deleted_at: datetime | None = None

    @property
    def level(self) -> Level | None:
        """Return the level derived from the candidate's years of experience."""
        return self.draft.level


@dataclass(frozen=True)
class DuplicateHint:
    """An existing candidate who looks like the one being saved, and why."""

    candidate_id: int
    full_name: str
    email: str
    reason: str


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def clean_text(text: str | None, *, multiline: bool = False) -> str:
    """Return text in NFC with control characters removed and, unless multiline, one line."""
    if not text:
        return ""
    text = _CONTROL.sub("", unicodedata.normalize("NFC", str(text)))
    if multiline:
        return text.replace("\r\n", "\n").replace("\r", "\n").strip()
    return " ".join(text.split())


def normalise_email(raw: str) -> str:
    """Return the email in canonical form (domain lower-cased); raise ValueError if invalid."""
    text = clean_text(raw)
    if not text:
        raise ValueError("email is required")
    try:
        result = validate_email(text, check_deliverability=False)
    except EmailNotValidError as exc:
        raise ValueError(str(exc)) from None
    return str(result.normalized)


def email_key(email: str) -> str:
    """Return the form used to spot two records with the same address."""
    return email.casefold()


def normalise_phone(raw: str, country: str = "") -> str:
    """Return the phone in E.164 form, reading local numbers in the candidate's country."""
    text = clean_text(raw)
    if not text:
        return ""
    region = country_code(country)
    try:
        number = phonenumbers.parse(text, region)
    except phonenumbers.NumberParseException:
        if region is None and not text.startswith(("+", "00")):
            raise ValueError(
                "add the country code (e.g. +44 20 7946 0958) or set the country"
            ) from None
        raise ValueError("not a phone number") from None
    if not phonenumbers.is_valid_number(number):
        raise ValueError("not a valid phone number for its country")
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def format_phone(e164: str) -> str:
    """Return an E.164 phone number in international form for display."""
    if not e164:
        return ""
    try:
        number = phonenumbers.parse(e164, None)
    except phonenumbers.NumberParseException:
        return e164
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)


def normalise_linkedin(raw: str) -> str:
    """Return a LinkedIn profile URL as https on linkedin.com; raise ValueError otherwise."""
    text = clean_text(raw)
    if not text:
        return ""
    if not re.match(r"^[a-z][a-z0-9+.-]*://", text, re.IGNORECASE):
        text = "https://" + text
    parts = urlsplit(text)
    host = (parts.hostname or "").lower()
    if parts.scheme.lower() not in ("http", "https") or not (
        host == "linkedin.com" or host.endswith(".linkedin.com")
    ):
        raise ValueError("must be a linkedin.com address, e.g. https://www.linkedin.com/in/name")
    path = parts.path.rstrip("/")
    if not path:
        raise ValueError("must point at a profile, e.g. https://www.linkedin.com/in/name")
    return f"https://www.linkedin.com{path}"


def comparable_fields(draft: CandidateDraft) -> CandidateDraft:
    """Return the draft with whatever can be normalised normalised, for duplicate checks."""
    try:
        email = normalise_email(draft.email)
    except ValueError:
        email = ""
    country = country_name(clean_text(draft.country))
    try:
        phone = normalise_phone(draft.phone, country)
    except ValueError:
        phone = ""
    return replace(
        draft,
        first_name=clean_text(draft.first_name),
        last_name=clean_text(draft.last_name),
        email=email,
        phone=phone,
        city=clean_text(draft.city),
        country=country,
    )


def _tenths_down(years: float) -> float:
    """Return years to one decimal, rounded down (through the decimal text, not binary)."""
    return float(Decimal(str(float(years))).quantize(Decimal("0.1"), rounding=ROUND_DOWN))


def _dedupe(items: tuple[str, ...] | list[str]) -> tuple[str, ...]:
    seen: dict[str, str] = {}
    for item in items:
        if item and item.casefold() not in seen:
            seen[item.casefold()] = item
    return tuple(seen.values())


def clean_skills(items: Sequence[str], limit: int) -> tuple[str, ...]:
    """Return skills in the guide's spelling, cleaned, cut to `limit`, once each in any case.

    Cut before the case check, so a cut name ending in a space is not kept beside the same
    name without it (found by the property tests).
    """
    return _dedupe([canonical_skill(clean_text(item))[:limit].rstrip() for item in items])


def _check_name(errors: dict[str, str], field_name: str, value: str, label: str) -> None:
    if not value:
        errors[field_name] = f"{label} is required"
    elif len(value) > MAX_NAME:
        errors[field_name] = f"{label} is longer than {MAX_NAME} characters"


def validate_candidate(draft: CandidateDraft, *, today: date | None = None) -> CandidateDraft:
    """Return the draft cleaned and normalised; raise ValidationError naming each bad field."""
    errors: dict[str, str] = {}
    first = clean_text(draft.first_name)
    last = clean_text(draft.last_name)
    _check_name(errors, "first_name", first, "first name")
    _check_name(errors, "last_name", last, "last name")

    email = ""
    try:
        email = normalise_email(draft.email)
    except ValueError as exc:
        errors["email"] = str(exc)

    # Cleaned first: country_name keeps an unknown name as typed, control characters and all.
    country = country_name(clean_text(draft.country))
    phone = ""
    try:
        phone = normalise_phone(draft.phone, country)
    except ValueError as exc:
        errors["phone"] = str(exc)

    linkedin = ""
    try:
        linkedin = normalise_linkedin(draft.linkedin_url)
    except ValueError as exc:
        errors["linkedin_url"] = str(exc)

    city = clean_text(draft.city)
    clearance = clean_text(draft.security_clearance)
    source = clean_text(draft.source)
    for field_name, value, limit in (
        ("email", email, 320),
        ("linkedin_url", linkedin, 500),
        ("city", city, MAX_SHORT_TEXT),
        ("country", country, MAX_SHORT_TEXT),
        ("security_clearance", clearance, MAX_SHORT_TEXT),
        ("source", source, MAX_SHORT_TEXT),
    ):
        if len(value) > limit:
            errors[field_name] = f"is longer than {limit} characters"

    years = draft.years_experience
    if years is not None and not (0 <= years <= MAX_YEARS):
        errors["years_experience"] = f"must be between 0 and {MAX_YEARS:g} years"

    salary = draft.salary_expectation
    if salary is not None and salary < 0:
        errors["salary_expectation"] = "cannot be negative"
    elif salary is not None and salary > 100_000_000:
        errors["salary_expectation"] = "is implausibly large"

    currency = clean_text(draft.currency).upper() or "USD"
    if not re.fullmatch(r"[A-Z]{3}", currency):
        errors["currency"] = f"must be a three-letter code such as {', '.join(CURRENCIES[:3])}"

    summary = clean_text(draft.summary, multiline=True)
    if len(summary) > MAX_SUMMARY:
        errors["summary"] = f"is longer than {MAX_SUMMARY:,} characters"

    recommendation = clean_text(draft.recommendation, multiline=True)
    if len(recommendation) > MAX_SUMMARY:
        errors["recommendation"] = f"is longer than {MAX_SUMMARY:,} characters"

    history = tuple(_clean_history(draft.work_history, errors))
    education = tuple(_clean_education(draft.education, errors, today or date.today()))

    if errors:
        raise ValidationError(errors)
    other_roles = tuple(dict.fromkeys(r for r in draft.other_roles if r is not draft.primary_role))
    return replace(
        draft,
        first_name=first,
        last_name=last,
        email=email,
        phone=phone,
        city=city,
        country=country,
        linkedin_url=linkedin,
        other_roles=other_roles,
        # Down, not to nearest: 2.96 years is still under 3, so still junior.
        years_experience=None if years is None else _tenths_down(years),
        currency=currency,
        work_environments=_dedupe([clean_text(x) for x in draft.work_environments]),
        industries=_dedupe([clean_text(x) for x in draft.industries]),
        skills=_dedupe([canonical_skill(clean_text(x)) for x in draft.skills]),
        work_history=history,
        education=education,
        security_clearance=clearance,
        summary=summary,
        source=source,
        recommendation=recommendation,
    )


def _clean_history(
    entries: tuple[WorkHistoryEntry, ...], errors: dict[str, str]
) -> list[WorkHistoryEntry]:
    cleaned = []
    for index, entry in enumerate(entries, start=1):
        employer, title = clean_text(entry.employer), clean_text(entry.title)
        if not employer and not title:
            errors[f"work_history[{index}]"] = "needs an employer or a title"
        if entry.start and entry.end and entry.end < entry.start:
            errors[f"work_history[{index}]"] = "ends before it starts"
        cleaned.append(
            replace(
                entry,
                employer=employer,
                title=title,
                description=clean_text(entry.description, multiline=True),
            )
        )
    return cleaned


def _clean_education(
    entries: tuple[EducationEntry, ...], errors: dict[str, str], today: date
) -> list[EducationEntry]:
    cleaned = []
    for index, entry in enumerate(entries, start=1):
        if not clean_text(entry.degree_level):
            errors[f"education[{index}]"] = "needs a degree level"
        if entry.year is not None and not (1950 <= entry.year <= today.year + 6):
            errors[f"education[{index}]"] = f"year must be between 1950 and {today.year + 6}"
        cleaned.append(
            EducationEntry(
                degree_level=clean_text(entry.degree_level),
                field_of_study=clean_text(entry.field_of_study),
                institution=clean_text(entry.institution),
                year=entry.year,
            )
        )
    return cleaned


# Letters that Unicode does not decompose into a base letter plus an accent.
_FOLD_LETTERS = str.maketrans(
    {"ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ß": "ss", "æ": "ae",
     "Æ": "AE", "œ": "oe", "Œ": "OE", "ı": "i", "þ": "th", "ð": "d"}
)  # fmt: skip


def ascii_fold(text: str) -> str:
    """Return text with accents and special Latin letters made plain ('Łukasz' → 'Lukasz')."""
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFKD", text.translate(_FOLD_LETTERS))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def search_text(draft: CandidateDraft) -> dict[str, str]:
    """Return the words full-text search sees, by index column."""
    name = draft.full_name
    folded = ascii_fold(name)
    history = "\n".join(
        " ".join(filter(None, (h.employer, h.title, h.description))) for h in draft.work_history
    )
    roles = [r.label for r in (draft.primary_role, *draft.other_roles) if r is not None]
    return {
        # Index the folded spelling too, so "Lukasik" finds "Łukasik".
        "name": name if folded == name else f"{name} {folded}",
        "email": draft.email,
        "summary": draft.summary,
        "skills": " ".join([*draft.skills, *roles, *draft.industries]),
        "history": "\n".join(filter(None, [history, draft.city, draft.country])),
    }


__all__ = [
    "Candidate",
    "CandidateDraft",
    "DuplicateHint",
    "EducationEntry",
    "WorkHistoryEntry",
    "clean_text",
    "comparable_fields",
    "email_key",
    "format_phone",
    "normalise_email",
    "normalise_linkedin",
    "normalise_phone",
    "search_text",
    "validate_candidate",
]
