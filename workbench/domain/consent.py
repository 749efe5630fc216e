"""Data protection rules: lawful basis, consent to be represented and to be sent to a client."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import Enum

from workbench.domain.candidate import clean_text
from workbench.domain.errors import ValidationError

MAX_HOW = 200
MAX_NOTE = 2_000
# UK agencies must keep records for at least a year (SI 2003/3319 reg. 29); ten years is
# far past any policy seen, and a typo like 240 for 24 should not pass silently.
MIN_RETENTION_MONTHS = 12
MAX_RETENTION_MONTHS = 120
DEFAULT_RETENTION_MONTHS = 24
# How consent is usually obtained; the field takes any words, these are offered first.
CONSENT_METHODS = (
    "in writing (email)",
    "signed form",
    "phone call, noted",
    "in person, noted",
    "candidate portal",
)


class LawfulBasis(Enum):
    """Why the agency may hold a candidate's data (UK/EU GDPR article 6)."""

    LEGITIMATE_INTERESTS = "legitimate_interests"
    CONSENT = "consent"
    CONTRACT = "contract"
    LEGAL_OBLIGATION = "legal_obligation"

    @property
    def label(self) -> str:
        """Return the basis as a consultant reads it."""
        return self.value.replace("_", " ").capitalize()

    @classmethod
    def parse(cls, text: str) -> LawfulBasis:
        """Return the basis named by its value or label, in any case; ValidationError if none."""
        key = clean_text(text).lower().replace(" ", "_").replace("-", "_")
        for basis in cls:
            if key == basis.value:
                return basis
        choices = ", ".join(basis.label.lower() for basis in cls)
        raise ValidationError({"lawful basis": f"choose one of: {choices}"})


@dataclass(frozen=True)
class Consent:
    """A consent given on a day, by some means, until a day (or until withdrawn)."""

    given_on: date
    how: str
    expires_on: date | None = None
    withdrawn_on: date | None = None

    def problem_on(self, day: date) -> str:
        """Return why this consent does not hold on `day`, or '' when it does."""
        if self.withdrawn_on is not None and self.withdrawn_on <= day:
            return f"withdrawn on {self.withdrawn_on.isoformat()}"
        if self.given_on > day:
            return f"given only from {self.given_on.isoformat()}"
        if self.expires_on is not None and self.expires_on < day:
            return f"lapsed on {self.expires_on.isoformat()}"
        return ""


@dataclass(frozen=True)
class DataProtection:
    """What the agency records on its right to hold a candidate's data and represent them."""

    lawful_basis: LawfulBasis = LawfulBasis.LEGITIMATE_INTERESTS
    representation: Consent | None = None  # consent to be represented to clients
    note: str = ""
    version: int = 0  # 0: nothing recorded yet, the defaults apply


@dataclass(frozen=True)
class ClientConsent:
    """A candidate's consent to have their profile sent to one client."""

    id: int
    candidate_id: int
    client_id: int
    client_name: str
    consent: Consent
    recorded_by: str
    version: int


def validate_consent(
    given_on: date | None,
    how: str,
    expires_on: date | None,
    *,
    today: date,
    withdrawn_on: date | None = None,
) -> Consent:
    """Return a consent cleaned; ValidationError names each wrong field."""
    problems: dict[str, str] = {}
    method = clean_text(how)
    if given_on is None:
        problems["given on"] = "say on which day the consent was given"
    elif given_on > today:
        problems["given on"] = "a consent cannot be given in the future"
    if not method:
        problems["how"] = "say how the consent was obtained (e.g. in writing, by email)"
    elif len(method) > MAX_HOW:
        problems["how"] = f"keep it under {MAX_HOW} characters"
    if given_on is not None and expires_on is not None and expires_on < given_on:
        problems["lapses on"] = "the consent cannot lapse before it was given"
    if withdrawn_on is not None and given_on is not None and withdrawn_on < given_on:
        problems["withdrawn on"] = "a consent cannot be withdrawn before it was given"
    elif withdrawn_on is not None and withdrawn_on > today:
        problems["withdrawn on"] = "record a withdrawal on the day it happens, not ahead"
    if problems:
        raise ValidationError(problems)
    assert given_on is not None
    return Consent(given_on, method, expires_on, withdrawn_on)


def check_renewal(withdrawn_on: date | None, after: Consent | None, what: str) -> None:
    """Refuse to undo a withdrawal by editing: a new consent must be given on or after it.

    Otherwise a form still showing the old dates would bring back a consent the candidate
    took away, and the record would say they had agreed all along. `withdrawn_on` is the
    last withdrawal on record, kept even when the consent itself was cleared since, so two
    saves cannot do what one may not. A withdrawal recorded by mistake is put right the
    same way: the candidate confirms, and that day is the new consent's.
    """
    if withdrawn_on is None or after is None or after.withdrawn_on is not None:
        return
    if after.given_on < withdrawn_on:
        raise ValidationError(
            {
                "given on": f"the {what} was withdrawn on {withdrawn_on.isoformat()}; "
                "record the new consent with the day it was given again"
            }
        )


def validate_note(text: str) -> str:
    """Return a data-protection note cleaned; ValidationError when too long."""
    note = clean_text(text, multiline=True)
    if len(note) > MAX_NOTE:
        raise ValidationError({"note": f"keep the note under {MAX_NOTE:,} characters"})
    return note


def validate_retention_months(value: int) -> int:
    """Return the retention period in months; ValidationError outside the sane range."""
    if not MIN_RETENTION_MONTHS <= value <= MAX_RETENTION_MONTHS:
        raise ValidationError(
            {
                "retention": f"choose between {MIN_RETENTION_MONTHS} and "
                f"{MAX_RETENTION_MONTHS} months (UK agencies keep records at least a year)"
            }
        )
    return value


def standing(consent: Consent | None, day: date) -> str:
    """Return why a consent does not hold on `day` ('none on record' if absent), '' if it does."""
    return "none on record" if consent is None else consent.problem_on(day)


def consent_gaps(
    protection: DataProtection, client: ClientConsent | None, client_name: str, day: date
) -> list[str]:
    """Return why a profile may not go to `client_name` on `day` for want of consent.

    Both are needed: consent to be represented at all, and consent to go to this client.
    No written override lifts these: sending a profile without consent is the one thing the
    agency may not decide on the candidate's behalf.
    """
    gaps = []
    represented = protection.representation
    if represented is None:
        gaps.append("no consent to be represented on record")
    elif problem := represented.problem_on(day):
        gaps.append(f"consent to be represented {problem}")
    if client is None:
        gaps.append(f"no consent to be sent to {client_name} on record")
    elif problem := client.consent.problem_on(day):
        gaps.append(f"consent to be sent to {client_name} {problem}")
    return gaps
