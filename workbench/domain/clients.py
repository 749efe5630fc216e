"""Client companies, their contacts, and the job orders they place with the agency."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from enum import Enum

from workbench.domain.candidate import clean_skills, clean_text, normalise_email, normalise_phone
from workbench.domain.claims import parse_labelled_key
from workbench.domain.errors import ValidationError
from workbench.domain.roles import Level, Specialisation
from workbench.domain.vocabulary import CURRENCIES, INDUSTRIES, WORK_ENVIRONMENTS

MAX_NAME = 200
MAX_NOTES = 20_000
MAX_OPENINGS = 500
MAX_MONEY = 100_000_000


@dataclass(frozen=True)
class ClientDraft:
    """A client company as the form holds it."""

    name: str
    industry: str = ""  # one of the guide's industries, or empty
    work_environment: str = ""  # enterprise, startup, ... or empty
    notes: str = ""


@dataclass(frozen=True)
class ContactDraft:
    """Someone at a client the agency deals with."""

    name: str
    title: str = ""
    email: str = ""
    phone: str = ""


@dataclass(frozen=True)
class Contact:
    """A stored contact."""

    id: int
    client_id: int
    draft: ContactDraft


@dataclass(frozen=True)
class Client:
    """A stored client with its contacts and how many job orders are open."""

    id: int
    draft: ClientDraft
    contacts: tuple[Contact, ...]
    open_jobs: int
    version: int

    @property
    def name(self) -> str:
        """Return the company's name."""
        return self.draft.name


def _check_length(errors: dict[str, str], name: str, value: str, limit: int) -> None:
    if len(value) > limit:
        errors[name] = f"keep it under {limit:,} characters"


def validate_client(draft: ClientDraft) -> ClientDraft:
    """Return the client cleaned; raise ValidationError per bad field."""
    errors: dict[str, str] = {}
    name = clean_text(draft.name)
    notes = clean_text(draft.notes, multiline=True)
    industry = _pick(draft.industry, INDUSTRIES, "industry", errors)
    environment = _pick(draft.work_environment, WORK_ENVIRONMENTS, "work_environment", errors)
    if not name:
        errors["name"] = "give the company's name"
    _check_length(errors, "name", name, MAX_NAME)
    _check_length(errors, "notes", notes, MAX_NOTES)
    if errors:
        raise ValidationError(errors)
    return ClientDraft(name, industry, environment, notes)


def _pick(text: str, known: tuple[str, ...], name: str, errors: dict[str, str]) -> str:
    """Return the known value a text names (any case), empty for none; note an unknown one."""
    wanted = clean_text(text).casefold()
    if not wanted:
        return ""
    for value in known:
        if value.casefold() == wanted or value.casefold().startswith(wanted):
            return value
    errors[name] = f"choose one of: {', '.join(known)}"
    return ""


def validate_contact(draft: ContactDraft) -> ContactDraft:
    """Return the contact cleaned (email and phone normalised); raise ValidationError."""
    errors: dict[str, str] = {}
    name, title = clean_text(draft.name), clean_text(draft.title)
    email = clean_text(draft.email)
    phone = clean_text(draft.phone)
    if not name:
        errors["name"] = "give the contact's name"
    _check_length(errors, "name", name, MAX_NAME)
    _check_length(errors, "title", title, MAX_NAME)
    if email:
        try:
            email = normalise_email(email)
        except ValueError as exc:
            errors["email"] = str(exc)
    if phone:
        try:
            phone = normalise_phone(phone)
        except ValueError as exc:
            errors["phone"] = str(exc)
    if errors:
        raise ValidationError(errors)
    return ContactDraft(name, title, email, phone)


class JobStatus(Enum):
    """Where a job order stands."""

    OPEN = "open"
    ON_HOLD = "on-hold"
    FILLED = "filled"
    CANCELLED = "cancelled"

    @property
    def label(self) -> str:
        """Return the name a consultant reads."""
        return JOB_STATUS_LABELS[self]


JOB_STATUS_LABELS = {
    JobStatus.OPEN: "Open",
    JobStatus.ON_HOLD: "On hold",
    JobStatus.FILLED: "Filled",
    JobStatus.CANCELLED: "Cancelled",
}


class Employment(Enum):
    """Permanent hire (a salary budget) or contract (a day rate)."""

    PERMANENT = "permanent"
    CONTRACT = "contract"

    @property
    def label(self) -> str:
        """Return the name a consultant reads."""
        return "Permanent" if self is Employment.PERMANENT else "Contract"


def parse_job_status(text: str) -> JobStatus:
    """Return the status named by value or label ('on hold'); raise ValueError."""
    status: JobStatus = parse_labelled_key(text, JOB_STATUS_LABELS, "job status")
    return status


@dataclass(frozen=True)
class JobOrderDraft:
    """A job order as the editor holds it."""

    client_id: int
    title: str
    contact_id: int | None = None
    specialisation: Specialisation | None = None
    level: Level | None = None
    required_certifications: tuple[str, ...] = ()  # catalogue codes
    nice_certifications: tuple[str, ...] = ()
    methodologies: tuple[str, ...] = ()
    tools: tuple[str, ...] = ()
    industry: str = ""
    location: str = ""  # city, country
    remote: bool = False
    employment: Employment = Employment.PERMANENT
    budget: int | None = None  # a year's salary (permanent) or a day rate (contract)
    currency: str = "USD"
    start_date: date | None = None
    end_date: date | None = None  # a contract's last day
    openings: int = 1
    status: JobStatus = JobStatus.OPEN
    notes: str = ""


@dataclass(frozen=True)
class JobOrder:
    """A stored job order, with its client's name and how many openings are filled."""

    id: int
    draft: JobOrderDraft
    client_name: str
    contact_name: str
    filled: int
    created_at: datetime
    version: int
    shortlist: tuple[int, ...] = field(default=())  # candidate ids, in the order added

    @property
    def title(self) -> str:
        """Return the job's title."""
        return self.draft.title

    @property
    def reference(self) -> str:
        """Return the id a consultant quotes ('JO-0007')."""
        return f"JO-{self.id:04d}"

    @property
    def certification_day(self) -> date | None:
        """Return the last day the required certifications must hold: the contract's end."""
        return self.draft.end_date or self.draft.start_date


def _codes(
    codes: tuple[str, ...], known: tuple[str, ...], name: str, errors: dict[str, str]
) -> tuple[str, ...]:
    """Return catalogue codes, deduplicated in order; note an unknown one."""
    result: list[str] = []
    for code in codes:
        wanted = clean_text(code).upper()
        if not wanted:
            continue
        if wanted not in known:
            errors[name] = f"unknown certification {code!r} (known: {', '.join(known)})"
            continue
        if wanted not in result:
            result.append(wanted)
    return tuple(result)


def validate_job(draft: JobOrderDraft, known_codes: tuple[str, ...]) -> JobOrderDraft:
    """Return the job order cleaned; raise ValidationError per bad field."""
    errors: dict[str, str] = {}
    title = clean_text(draft.title)
    location = clean_text(draft.location)
    notes = clean_text(draft.notes, multiline=True)
    if not title:
        errors["title"] = "give the job a title"
    _check_length(errors, "title", title, MAX_NAME)
    _check_length(errors, "location", location, MAX_NAME)
    _check_length(errors, "notes", notes, MAX_NOTES)
    if not draft.remote and not location:
        errors["location"] = "give a location, or tick remote"
    required = _codes(draft.required_certifications, known_codes, "required_certifications", errors)
    nice = tuple(
        code
        for code in _codes(draft.nice_certifications, known_codes, "nice_certifications", errors)
        if code not in required
    )
    industry = _pick(draft.industry, INDUSTRIES, "industry", errors)
    if draft.budget is not None and not 0 < draft.budget <= MAX_MONEY:
        errors["budget"] = "give a positive amount"
    if draft.currency not in CURRENCIES:
        errors["currency"] = f"choose one of: {', '.join(CURRENCIES)}"
    if not 1 <= draft.openings <= MAX_OPENINGS:
        errors["openings"] = f"from 1 to {MAX_OPENINGS}"
    if draft.start_date and draft.end_date and draft.end_date < draft.start_date:
        errors["end_date"] = "the contract cannot end before it starts"
    if draft.employment is Employment.CONTRACT and draft.end_date is None:
        errors["end_date"] = "give the contract's end: certifications must hold until then"
    if errors:
        raise ValidationError(errors)
    return JobOrderDraft(
        client_id=draft.client_id,
        title=title,
        contact_id=draft.contact_id,
        specialisation=draft.specialisation,
        level=draft.level,
        required_certifications=required,
        nice_certifications=nice,
        methodologies=clean_skills(draft.methodologies, MAX_NAME),
        tools=clean_skills(draft.tools, MAX_NAME),
        industry=industry,
        location=location,
        remote=draft.remote,
        employment=draft.employment,
        budget=draft.budget,
        currency=draft.currency,
        start_date=draft.start_date,
        end_date=draft.end_date,
        openings=draft.openings,
        status=draft.status,
        notes=notes,
    )
