"""Claimed certifications and the checks recorded on them: input rules and the rows shown."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from enum import Enum
from typing import Any

from workbench.domain.candidate import clean_text
from workbench.domain.certifications import CheckOutcome, ClaimStatus
from workbench.domain.errors import ValidationError

MAX_ID_LENGTH = 100
MAX_REFERENCE_LENGTH = 500
MAX_NOTE_LENGTH = 4_000
MAX_EVIDENCE_FILES = 10


class CheckMethod(Enum):
    """How a consultant checked a claim with its issuer."""

    REGISTRY = "registry-lookup"
    CREDLY = "credly-badge"
    CODE_PORTAL = "code-portal"
    PEOPLECERT = "peoplecert-register"
    CERTIFICATE = "certificate-seen"

    @property
    def label(self) -> str:
        """Return the name a consultant reads."""
        return _METHOD_LABELS[self]


_METHOD_LABELS = {
    CheckMethod.REGISTRY: "Registry lookup",
    CheckMethod.CREDLY: "Credly badge",
    CheckMethod.CODE_PORTAL: "Verification code portal",
    CheckMethod.PEOPLECERT: "PeopleCert register",
    CheckMethod.CERTIFICATE: "Certificate seen",
}

OUTCOME_LABELS = {
    CheckOutcome.VERIFIED: "Verified",
    CheckOutcome.NOT_FOUND: "Not found",
    CheckOutcome.MISMATCH: "Details mismatch",
    CheckOutcome.PENDING: "Pending",
}

STATUS_LABELS = {
    ClaimStatus.UNVERIFIED: "Unverified",
    ClaimStatus.VERIFIED: "Verified",
    ClaimStatus.EXPIRING: "Expiring",
    ClaimStatus.RENEWAL_DUE: "Renewal due",
    ClaimStatus.EXPIRED: "Expired",
    ClaimStatus.VERIFICATION_FAILED: "Verification failed",
}


def _key(text: str) -> str:
    return "".join(ch for ch in text.casefold() if ch.isalnum())


def parse_method(text: str) -> CheckMethod:
    """Return the method named by its value or label ('registry', 'Credly badge'); ValueError."""
    wanted = _key(text)
    for method in CheckMethod:
        names = {_key(method.value), _key(method.label), _key(method.value.split("-")[0])}
        if wanted in names:
            return method
    known = ", ".join(m.value for m in CheckMethod)
    raise ValueError(f"unknown check method {text.strip()!r} (known: {known})")


def parse_labelled_key(text: str, labels: dict[Any, str], what: str) -> Any:
    """Return the member named by its value or label (any case or punctuation); ValueError."""
    wanted = _key(text)
    for member, label in labels.items():
        if wanted in {_key(member.value), _key(label)}:
            return member
    known = ", ".join(member.value for member in labels)
    raise ValueError(f"unknown {what} {text.strip()!r} (known: {known})")


def parse_outcome(text: str) -> CheckOutcome:
    """Return the outcome named by its value or label ('not found', 'mismatch'); ValueError."""
    outcome: CheckOutcome = parse_labelled_key(text, OUTCOME_LABELS, "outcome")
    return outcome


def parse_status(text: str) -> ClaimStatus:
    """Return the claim status named by its value or label ('renewal due'); raise ValueError."""
    status: ClaimStatus = parse_labelled_key(text, STATUS_LABELS, "certification status")
    return status


@dataclass(frozen=True)
class ClaimDraft:
    """A certification a candidate says they hold, as typed."""

    credential_id: str = ""
    secondary_id: str = ""
    earned_on: date | None = None
    printed_expiry: date | None = None


def validate_claim(draft: ClaimDraft, *, today: date) -> ClaimDraft:
    """Return the claim cleaned (ids kept as text); raise ValidationError naming each bad field."""
    errors: dict[str, str] = {}
    credential = clean_text(draft.credential_id)
    secondary = clean_text(draft.secondary_id)
    for field, value in (("credential_id", credential), ("secondary_id", secondary)):
        if len(value) > MAX_ID_LENGTH:
            errors[field] = f"keep it under {MAX_ID_LENGTH} characters"
    if draft.earned_on is not None and draft.earned_on > today:
        errors["earned_on"] = "cannot be in the future"
    if draft.earned_on is not None and draft.earned_on.year < 1950:
        errors["earned_on"] = "is before 1950; check the year"
    if (
        draft.printed_expiry is not None
        and draft.earned_on is not None
        and draft.printed_expiry <= draft.earned_on
    ):
        errors["printed_expiry"] = "must be after the date it was earned"
    if errors:
        raise ValidationError(errors)
    return ClaimDraft(credential, secondary, draft.earned_on, draft.printed_expiry)


@dataclass(frozen=True)
class CheckDraft:
    """What a consultant found when checking a claim, before it is recorded."""

    checked_on: date
    checked_by: str
    method: CheckMethod
    outcome: CheckOutcome
    reference: str = ""
    note: str = ""


def validate_check(draft: CheckDraft, *, today: date) -> CheckDraft:
    """Return the check cleaned; raise ValidationError naming each bad field."""
    errors: dict[str, str] = {}
    by = clean_text(draft.checked_by)
    reference = clean_text(draft.reference)
    note = clean_text(draft.note, multiline=True)
    if not by:
        errors["checked_by"] = "say who checked it (set your name in Settings)"
    elif len(by) > 200:
        errors["checked_by"] = "keep the name under 200 characters"
    if draft.checked_on > today:
        errors["checked_on"] = "cannot be in the future"
    elif draft.checked_on.year < 1990:
        errors["checked_on"] = "is before 1990; check the year"
    if len(reference) > MAX_REFERENCE_LENGTH:
        errors["reference"] = f"keep it under {MAX_REFERENCE_LENGTH} characters"
    if len(note) > MAX_NOTE_LENGTH:
        errors["note"] = f"keep it under {MAX_NOTE_LENGTH:,} characters"
    if errors:
        raise ValidationError(errors)
    return CheckDraft(draft.checked_on, by, draft.method, draft.outcome, reference, note)


class EvidenceState(Enum):
    """Whether an evidence file is still the one recorded."""

    INTACT = "intact"
    CHANGED = "changed"
    MISSING = "missing"


@dataclass(frozen=True)
class Evidence:
    """A file attached to a check, kept in the store and known by its SHA-256."""

    id: int
    filename: str
    media_type: str
    size: int
    sha256: str


@dataclass(frozen=True)
class Check:
    """One recorded check; never changed after it is written."""

    id: int
    checked_on: date
    recorded_at: datetime
    checked_by: str
    method: CheckMethod
    outcome: CheckOutcome
    reference: str
    note: str
    rule_revision: int
    valid_until: date | None  # the lapse date the rule gave when the check was recorded
    evidence: tuple[Evidence, ...] = ()


@dataclass(frozen=True)
class Waiver:
    """Why the agency vets a candidate without verifying one of their claims."""

    reason: str
    waived_by: str
    waived_at: datetime


@dataclass(frozen=True)
class Claim:
    """A claimed certification with its derived status, warnings and check history."""

    id: int
    candidate_id: int
    code: str
    name: str
    credential_id: str
    secondary_id: str
    earned_on: date | None
    printed_expiry: date | None
    expires_on: date | None  # None: good for life, or no earned date to count from
    status: ClaimStatus
    last_checked_on: date | None
    version: int
    warnings: tuple[str, ...] = ()
    checks: tuple[Check, ...] = ()  # newest first
    waiver: Waiver | None = None  # the vetted gate lets this claim through unverified

    @property
    def latest_check(self) -> Check | None:
        """Return the check that decides the status, if any."""
        return self.checks[0] if self.checks else None


@dataclass(frozen=True)
class ClaimBadge:
    """A certification code and status, as the candidate list shows it."""

    code: str
    status: ClaimStatus


@dataclass(frozen=True)
class ExpiringClaim:
    """One row of the Expiring view: a claim that lapses soon, with its holder."""

    claim_id: int
    candidate_id: int
    candidate_name: str
    email: str
    code: str
    credential_id: str
    expires_on: date
    soft_expiry: bool
    status: ClaimStatus
    last_checked_on: date | None

    def days_left(self, today: date) -> int:
        """Return the days from today until it lapses (negative once lapsed)."""
        return (self.expires_on - today).days
