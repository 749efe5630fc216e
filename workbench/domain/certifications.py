"""Certification rules (seed data a user may edit) and the dates and statuses they imply.

Pure functions only: how long a certification lasts, when a claim lapses, whether it is
valid through a date, and what status a consultant sees. Storage, checks with evidence and
screens build on these (issue 3).
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta
from enum import Enum


class CheckOutcome(Enum):
    """What a consultant found when checking a claim with the issuer."""

    VERIFIED = "verified"
    NOT_FOUND = "not-found"
    MISMATCH = "mismatch"
    PENDING = "pending"


class ClaimStatus(Enum):
    """What a consultant sees for a claimed certification on a given day."""

    UNVERIFIED = "unverified"
    VERIFIED = "verified"
    EXPIRING = "expiring"
    RENEWAL_DUE = "renewal-due"
    EXPIRED = "expired"
    VERIFICATION_FAILED = "verification-failed"


@dataclass(frozen=True)
class CertificationRule:
    """How one certification is verified and how long it lasts; data, not code."""

    code: str
    name: str
    issuer: str
    verify_how: str
    verify_url: str
    identifier_label: str
    identifier_pattern: str | None  # loose: a mismatch warns, never blocks
    validity_months: int | None  # None: good for life
    soft_expiry: bool  # PeopleCert "renew-by": a lapsed holder stays on the register
    renewal_routes: tuple[str, ...]
    reminder_days: int = 90
    min_experience_months_with_degree: int | None = None
    min_experience_months_without_degree: int | None = None
    aliases: tuple[str, ...] = ()


def add_months(day: date, months: int) -> date:
    """Return the same day `months` later, or the month's last day when it has fewer days."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def expiry_date(
    rule: CertificationRule, earned_on: date | None, printed_expiry: date | None = None
) -> date | None:
    """Return when a claim lapses: the certificate's own date if given, else by the rule.

    None means it never lapses (good for life) or cannot be known (no earned date).
    """
    if printed_expiry is not None:
        return printed_expiry
    if rule.validity_months is None or earned_on is None:
        return None
    return add_months(earned_on, rule.validity_months)


def claim_status(
    rule: CertificationRule,
    earned_on: date | None,
    printed_expiry: date | None,
    latest_outcome: CheckOutcome | None,
    today: date,
) -> ClaimStatus:
    """Return the status of a claim on `today` from the rule, its dates and its latest check."""
    if latest_outcome in (CheckOutcome.NOT_FOUND, CheckOutcome.MISMATCH):
        return ClaimStatus.VERIFICATION_FAILED
    lapses = expiry_date(rule, earned_on, printed_expiry)
    if lapses is not None and today >= lapses:
        return ClaimStatus.RENEWAL_DUE if rule.soft_expiry else ClaimStatus.EXPIRED
    if latest_outcome is not CheckOutcome.VERIFIED:
        return ClaimStatus.UNVERIFIED
    if lapses is not None and today >= lapses - timedelta(days=rule.reminder_days):
        return ClaimStatus.EXPIRING
    return ClaimStatus.VERIFIED


def valid_through(
    rule: CertificationRule,
    earned_on: date | None,
    printed_expiry: date | None,
    latest_outcome: CheckOutcome | None,
    last_day: date,
) -> bool:
    """Return True when the claim is verified and still current on `last_day` (inclusive)."""
    if latest_outcome is not CheckOutcome.VERIFIED:
        return False
    lapses = expiry_date(rule, earned_on, printed_expiry)
    return lapses is None or last_day < lapses


def identifier_warning(rule: CertificationRule, credential_id: str) -> str | None:
    """Return a warning when an identifier does not look like the issuer's; never refuse it."""
    text = credential_id.strip()
    if not text or rule.identifier_pattern is None:
        return None
    if re.fullmatch(rule.identifier_pattern, text):
        return None
    return f"{text!r} does not look like a {rule.name} {rule.identifier_label}; check it"


def prerequisite_warning(
    rule: CertificationRule, years_experience: float | None, has_degree: bool
) -> str | None:
    """Return a warning when the claimed experience is too short for the certification."""
    needed = (
        rule.min_experience_months_with_degree
        if has_degree
        else rule.min_experience_months_without_degree
    )
    if needed is None or years_experience is None or years_experience * 12 >= needed:
        return None
    basis = "with a four-year degree" if has_degree else "without a four-year degree"
    return (
        f"{rule.code} needs {needed} months of project management experience {basis}; "
        f"the profile claims {years_experience:g} years"
    )


def _key(text: str) -> str:
    return re.sub(r"[^a-z0-9+]+", "", text.casefold())


def find_rule(text: str, rules: tuple[CertificationRule, ...]) -> CertificationRule:
    """Return the rule named by its code, its name or a common spelling; raise ValueError."""
    wanted = _key(text)
    for rule in rules:
        if wanted in {_key(rule.code), _key(rule.name), *(_key(a) for a in rule.aliases)}:
            return rule
    known = ", ".join(rule.code for rule in rules)
    raise ValueError(f"unknown certification {text.strip()!r} (known: {known})")


_PMI_ROUTES = ("continuing-education units (PDUs) and fee",)
_PEOPLECERT_ROUTES = ("re-sit the exam", "another exam in the suite", "20 CPD points a year")

# From ../shared/domain/README.md; seed data that Settings may change (issue 3).
SEED_RULES: tuple[CertificationRule, ...] = (
    CertificationRule(
        code="PMP",
        name="Project Management Professional",
        issuer="PMI",
        verify_how="PMI Online Certification Registry (search by surname); PMI badge on Credly",
        verify_url="https://www.pmi.org/certifications/certification-resources/registry",
        identifier_label="certification number",
        identifier_pattern=r"[0-9]{4,10}",
        validity_months=36,
        soft_expiry=False,
        renewal_routes=("60 PDUs (35 education, 25 giving back) and fee",),
        min_experience_months_with_degree=36,
        min_experience_months_without_degree=60,
        aliases=("Project Management Professional",),
    ),
    CertificationRule(
        code="CSM",
        name="Certified ScrumMaster",
        issuer="Scrum Alliance",
        verify_how="Scrum Alliance certificant directory",
        verify_url="https://www.scrumalliance.org/community/member-directory",
        identifier_label="certificant ID",
        identifier_pattern=None,
        validity_months=24,
        soft_expiry=False,
        renewal_routes=("20 SEUs and US$100", "another Scrum Alliance certification"),
        aliases=("Certified Scrum Master", "ScrumMaster"),
    ),
    CertificationRule(
        code="PRINCE2-PRACTITIONER",
        name="PRINCE2 Practitioner",
        issuer="PeopleCert",
        verify_how="PeopleCert Successful Candidates Register",
        verify_url="https://www.peoplecert.org/for-corporations/certificate-verification-service",
        identifier_label="certificate number",
        identifier_pattern=None,
        validity_months=36,
        soft_expiry=True,
        renewal_routes=_PEOPLECERT_ROUTES,
        aliases=("PRINCE2", "PRINCE 2 Practitioner"),
    ),
    CertificationRule(
        code="COMPTIA-PROJECT-PLUS",
        name="CompTIA Project+",
        issuer="CompTIA",
        verify_how="CompTIA verification portal with the holder's verification code; Credly",
        verify_url="https://www.certmetrics.com/comptia/public/verification.aspx",
        identifier_label="verification code",
        identifier_pattern=r"[A-Za-z0-9]{10,20}",
        validity_months=None,
        soft_expiry=False,
        renewal_routes=(),
        aliases=("Project+", "Project Plus", "CompTIA Project Plus"),
    ),
    CertificationRule(
        code="PMI-ACP",
        name="PMI Agile Certified Practitioner",
        issuer="PMI",
        verify_how="PMI Online Certification Registry; Credly",
        verify_url="https://www.pmi.org/certifications/certification-resources/registry",
        identifier_label="certification number",
        identifier_pattern=r"[0-9]{4,10}",
        validity_months=36,
        soft_expiry=False,
        renewal_routes=("30 PDUs and fee",),
        aliases=("ACP", "Agile Certified Practitioner"),
    ),
    CertificationRule(
        code="ITIL4-FOUNDATION",
        name="ITIL 4 Foundation",
        issuer="PeopleCert",
        verify_how="PeopleCert Successful Candidates Register",
        verify_url="https://www.peoplecert.org/for-corporations/certificate-verification-service",
        identifier_label="certificate number",
        identifier_pattern=None,
        validity_months=36,
        soft_expiry=True,
        renewal_routes=_PEOPLECERT_ROUTES,
        aliases=("ITIL Foundation", "ITIL 4", "ITIL"),
    ),
    CertificationRule(
        code="AWS-SAA",
        name="AWS Certified Solutions Architect – Associate",
        issuer="Amazon Web Services",
        verify_how="aws.amazon.com/verification with the validation number, or Credly",
        verify_url="https://aws.amazon.com/verification",
        identifier_label="validation number",
        identifier_pattern=r"[A-Z0-9]{16}",
        validity_months=36,
        soft_expiry=False,
        renewal_routes=("pass the current exam", "pass a higher-level exam (Professional)"),
        aliases=("AWS SAA", "AWS Solutions Architect Associate", "SAA-C03"),
    ),
)
