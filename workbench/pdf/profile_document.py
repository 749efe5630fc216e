"""What a client-ready profile shows, built from domain objects: the renderer's only input.

Everything the consultant chose (blind mode, salary, lapsed certifications) is applied here, so
the document holds exactly what will be printed and nothing more. No I/O, no reportlab.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import astuple, dataclass, replace
from datetime import date
from typing import Literal

from workbench.domain.candidate import Candidate, format_phone
from workbench.domain.certifications import CertificationRule, ClaimStatus
from workbench.domain.claims import CheckMethod, Claim
from workbench.domain.roles import SALARY_BANDS_USD
from workbench.domain.vocabulary import SKILL_CATEGORIES, SOFT_SKILLS, skill_category
from workbench.pdf.blind import Redactor, blind_employer

PageSize = Literal["A4", "Letter"]
BadgeKind = Literal["verified", "claimed", "lapsed"]

_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
SOFT_SKILLS_GROUP = "Soft skills"
OTHER_GROUP = "Other"
DEFAULT_ACCENT = "#1F4E79"  # a muted navy blue that prints well in greyscale
# How a check was made, in words a client reads after "Verified 12 Mar 2026".
_METHOD_PHRASES = {
    CheckMethod.REGISTRY: "via {issuer} registry",
    CheckMethod.CREDLY: "via Credly badge",
    CheckMethod.CODE_PORTAL: "via {issuer} verification code portal",
    CheckMethod.PEOPLECERT: "via PeopleCert register",
    CheckMethod.CERTIFICATE: "from the original certificate",
}


@dataclass(frozen=True)
class Branding:
    """The agency's look: name, accent colour, contact line, footer disclaimer, optional logo."""

    agency_name: str = "Your Agency"
    accent_colour: str = DEFAULT_ACCENT
    contact_line: str = "Ask your consultant to arrange an interview"
    disclaimer: str = (
        "Confidential: for recruitment purposes only. \u201cVerified\u201d means the agency "
        "checked the certification with its issuer on the date shown; other details are as "
        "stated by the candidate."
    )
    logo_path: str | None = None  # a PNG or JPEG; skipped when missing or unreadable


@dataclass(frozen=True)
class ProfileOptions:
    """What the consultant chose for this profile, and the day it is generated."""

    generated_on: date
    blind: bool = False
    initials: bool = False  # blind profiles show initials instead of "Candidate WB-0042"
    show_salary: bool = False
    show_lapsed: bool = False
    page_size: PageSize = "A4"


@dataclass(frozen=True)
class CoverPage:
    """The first page of a shortlist sent for a job: the brief and who is put forward."""

    reference: str  # the job order's, e.g. JO-0007
    title: str  # the job's title
    client: str
    contact: str
    facts: tuple[str, ...]  # "Contract, 2027-01-04 to 2027-12-31", "London or remote", ...
    candidates: tuple[tuple[str, str, str], ...]  # (reference, name or code, one line)
    prepared_by: str


@dataclass(frozen=True)
class Job:
    """One work-history entry as printed: title, employer (or its description), period."""

    title: str
    employer: str
    period: str
    description: str


@dataclass(frozen=True)
class CertificationLine:
    """One certification as printed, with the exact wording of what the agency checked."""

    code: str
    name: str
    credential_id: str
    badge: BadgeKind
    wording: str


@dataclass(frozen=True)
class ProfileDocument:
    """Everything printed on one candidate's profile, already filtered by the options."""

    candidate_id: int
    reference: str
    display_name: str
    role: str
    facts: tuple[str, ...]  # level and years, location, availability
    contact: tuple[str, ...]  # email, phone, LinkedIn; empty when blind
    country: str
    details: tuple[tuple[str, str], ...]  # label, value: other roles, industries, salary...
    summary: str
    recommendation: str
    skill_groups: tuple[tuple[str, tuple[str, ...]], ...]
    jobs: tuple[Job, ...]
    education: tuple[str, ...]
    certifications: tuple[CertificationLine, ...]
    generated_on: date
    blind: bool


def format_day(day: date) -> str:
    """Return a date as '12 Mar 2026', the same in every locale."""
    return f"{day.day} {_MONTHS[day.month - 1]} {day.year}"


def _month(day: date) -> str:
    """Return a month as 'Mar 2026', the same in every locale."""
    return f"{_MONTHS[day.month - 1]} {day.year}"


def candidate_code(candidate_id: int) -> str:
    """Return the candidate's public code, 'WB-0042'."""
    return f"WB-{candidate_id:04d}"


def _years(years: float) -> str:
    """Return years of experience as "11.5 years' experience"."""
    shown = f"{years:g}"
    return f"{shown} year{'' if shown == '1' else 's'}' experience"


def _initials(first: str, last: str) -> str:
    """Return initials as 'A. K.'."""
    return " ".join(f"{part[0].upper()}." for part in (first, last) if part)


def group_skills(skills: Iterable[str]) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """Return skills grouped as in the guide, then soft skills, then 'Other'; empty groups out."""
    groups: dict[str, list[str]] = {name: [] for name in SKILL_CATEGORIES}
    groups[SOFT_SKILLS_GROUP], groups[OTHER_GROUP] = [], []
    soft = {s.casefold() for s in SOFT_SKILLS}
    for skill in skills:
        category = skill_category(skill)
        if category is None:
            category = SOFT_SKILLS_GROUP if skill.casefold() in soft else OTHER_GROUP
        groups[category].append(skill)
    return tuple((name, tuple(items)) for name, items in groups.items() if items)


def _period(start: date | None, end: date | None) -> str:
    """Return a job's period as 'Mar 2019 – Present'; empty when no dates are known."""
    if start is None and end is None:
        return ""
    begin = _month(start) if start else "?"
    return f"{begin} – {_month(end) if end else 'Present'}"


def _jobs(candidate: Candidate, blind: bool, redact: Redactor | None) -> tuple[Job, ...]:
    """Return the work history newest first; blind: employers described, text scrubbed."""
    employer = blind_employer(candidate.draft.industries)
    # Newest first, current jobs on top; sorted() is stable, so ties keep the typed order.
    ordered = sorted(
        candidate.draft.work_history,
        key=lambda entry: (entry.end or date.max, entry.start or date.min),
        reverse=True,
    )
    jobs = []
    for entry in ordered:
        title, description = entry.title, entry.description
        if redact is not None:
            title, description = redact(title), redact(description)
        jobs.append(
            Job(
                title=title,
                employer=employer if blind else entry.employer,
                period=_period(entry.start, entry.end),
                description=description,
            )
        )
    return tuple(jobs)


def _education(candidate: Candidate) -> tuple[str, ...]:
    """Return each qualification as one line: 'Master's, Computer Science — University, 2013'."""
    lines = []
    for school in candidate.draft.education:
        what = ", ".join(filter(None, (school.degree_level, school.field_of_study)))
        where = " — ".join(filter(None, (what, school.institution)))
        lines.append(f"{where}, {school.year}" if school.year else where)
    return tuple(lines)


def certification_line(
    claim: Claim, rule: CertificationRule | None, *, blind: bool
) -> CertificationLine:
    """Return how one claim is printed: what was checked, when, how, and when it lapses."""
    status = claim.status
    lapse_word = "renew by" if rule is not None and rule.soft_expiry else "lapses"
    if claim.expires_on is not None:
        lapse = f"{lapse_word} {format_day(claim.expires_on)}"
    elif rule is not None and rule.validity_months is None:
        lapse = "does not lapse"
    else:
        lapse = ""
    check = claim.latest_check
    issuer = rule.issuer if rule is not None else "the issuer's"
    how = _METHOD_PHRASES[check.method].format(issuer=issuer) if check is not None else ""
    checked = f" {format_day(check.checked_on)} {how}" if check is not None else ""
    badge: BadgeKind
    if status in (ClaimStatus.VERIFIED, ClaimStatus.EXPIRING):
        badge, wording = "verified", f"Verified{checked}"
        wording += f" — {lapse}" if lapse else ""
    elif status is ClaimStatus.UNVERIFIED:
        badge, wording = "claimed", "Claimed, not yet verified by the agency"
    elif status is ClaimStatus.VERIFICATION_FAILED:
        badge = "lapsed"
        wording = f"Not confirmed by the agency's check{checked}".rstrip()
    else:
        badge = "lapsed"
        when = format_day(claim.expires_on) if claim.expires_on else "date unknown"
        renewal = " (renewal due)" if status is ClaimStatus.RENEWAL_DUE else ""
        wording = f"Lapsed {when}{renewal}"
    return CertificationLine(
        code=claim.code,
        name=claim.name,
        # A credential number finds the holder's name in the issuer's registry.
        credential_id="" if blind else claim.credential_id,
        badge=badge,
        wording=wording,
    )


_SHOWN_ALWAYS = (ClaimStatus.VERIFIED, ClaimStatus.EXPIRING, ClaimStatus.UNVERIFIED)
_BADGE_ORDER = {"verified": 0, "claimed": 1, "lapsed": 2}


def _certifications(
    claims: Sequence[Claim], rules: Mapping[str, CertificationRule], options: ProfileOptions
) -> tuple[CertificationLine, ...]:
    """Return the certifications the options allow, verified first, then claimed, then lapsed."""
    lines = [
        certification_line(claim, rules.get(claim.code), blind=options.blind)
        for claim in claims
        if options.show_lapsed or claim.status in _SHOWN_ALWAYS
    ]
    return tuple(sorted(lines, key=lambda line: _BADGE_ORDER[line.badge]))


def _details(candidate: Candidate, options: ProfileOptions) -> tuple[tuple[str, str], ...]:
    """Return the key facts rows; salary and the guide's band only when asked."""
    draft = candidate.draft
    rows = [
        ("Also works as", ", ".join(role.label for role in draft.other_roles)),
        ("Industries", ", ".join(draft.industries)),
        ("Environments", ", ".join(draft.work_environments)),
        ("Security clearance", draft.security_clearance),
    ]
    if options.show_salary:
        if draft.salary_expectation is not None:
            amount = f"{draft.currency} {draft.salary_expectation:,} a year"
            rows.append(("Salary expectation", amount))
        band = SALARY_BANDS_USD.get(draft.level) if draft.level is not None else None
        if band is not None and draft.level is not None:
            top = f"{band.upper:,}{'+' if band.open_ended else ''}"
            rows.append(
                ("Guide band", f"{draft.level.label}: USD {band.lower:,}–{top} base a year")
            )
    return tuple((label, value) for label, value in rows if value)


def _facts(candidate: Candidate, options: ProfileOptions) -> tuple[str, ...]:
    """Return the headline facts: level and years, place (blind: country only), availability."""
    draft = candidate.draft
    experience = ""
    if draft.years_experience is not None and draft.level is not None:
        experience = f"{draft.level.label} · {_years(draft.years_experience)}"
    place = draft.country if options.blind else ", ".join(filter(None, (draft.city, draft.country)))
    available = draft.available_from
    if available is None:
        availability = ""
    elif available <= options.generated_on:
        availability = "Available now"
    else:
        availability = f"Available from {format_day(available)}"
    return tuple(filter(None, (experience, place, availability)))


def build_profile(
    candidate: Candidate,
    claims: Sequence[Claim],
    options: ProfileOptions,
    rules: Mapping[str, CertificationRule] | None = None,
    *,
    recommendation: str = "",
) -> ProfileDocument:
    """Return the document for one candidate, with blind mode and the options applied."""
    draft = candidate.draft
    code = candidate_code(candidate.id)
    redact = Redactor(candidate, blind_employer(draft.industries)) if options.blind else None
    if options.blind:
        name = _initials(draft.first_name, draft.last_name) if options.initials else ""
        display = name or f"Candidate {code}"
        contact: tuple[str, ...] = ()
    else:
        display = draft.full_name
        contact = tuple(filter(None, (draft.email, format_phone(draft.phone), draft.linkedin_url)))
    document = ProfileDocument(
        candidate_id=candidate.id,
        reference="",
        display_name=display,
        role=draft.primary_role.label if draft.primary_role else "IT Project Manager",
        facts=_facts(candidate, options),
        contact=contact,
        country=draft.country,
        details=_details(candidate, options),
        summary=redact(draft.summary) if redact else draft.summary,
        recommendation=redact(recommendation) if redact else recommendation,
        skill_groups=group_skills(draft.skills),
        jobs=_jobs(candidate, options.blind, redact),
        education=_education(candidate),
        certifications=_certifications(claims, rules or {}, options),
        generated_on=options.generated_on,
        blind=options.blind,
    )
    return replace(document, reference=f"{code}-{content_hash(document)[:8]}")


def content_hash(document: ProfileDocument) -> str:
    """Return the SHA-256 of what the document prints (its reference aside), as hex.

    Hashing the printed content only, never the record, keeps a blind profile's reference from
    confirming a guessed name.
    """
    printed = replace(document, reference="")
    return hashlib.sha256(repr(astuple(printed)).encode("utf-8")).hexdigest()


__all__ = [
    "DEFAULT_ACCENT",
    "Branding",
    "CertificationLine",
    "Job",
    "ProfileDocument",
    "ProfileOptions",
    "build_profile",
    "candidate_code",
    "certification_line",
    "content_hash",
    "format_day",
    "group_skills",
]
