"""Certification rules (seed data a user may edit) and the dates and statuses they imply.

Pure functions only: how long a certification lasts, when a claim lapses, whether it is
valid through a date, and what status a consultant sees. Storage, checks with evidence and
screens build on these (issue 3).
"""

from __future__ import annotations

import calendar
import re
from dataclasses import asdict, dataclass, fields, replace
from datetime import date, timedelta
from enum import Enum
from typing import Any

from workbench.domain.candidate import clean_text
from workbench.domain.errors import ValidationError


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
    revision: int = 1  # bumped by every change; a check records the revision it was made under
    retired: bool = False  # no new claims; claims already recorded keep it


RULE_CODE = re.compile(r"[A-Z0-9][A-Z0-9+-]{0,39}")
MAX_VALIDITY_MONTHS = 600
MAX_REMINDER_DAYS = 730


def validate_rule(rule: CertificationRule) -> CertificationRule:
    """Return the rule with its text cleaned; raise ValidationError naming each bad field."""
    errors: dict[str, str] = {}
    code = clean_text(rule.code).upper().replace(" ", "-")
    if not RULE_CODE.fullmatch(code):
        errors["code"] = "use 1–40 capital letters, digits, '+' or '-' (e.g. PMP, AWS-SAA)"
    name = clean_text(rule.name)
    if not name:
        errors["name"] = "give the certification's name"
    elif len(name) > 200:
        errors["name"] = "keep the name under 200 characters"
    if not clean_text(rule.issuer):
        errors["issuer"] = "say who issues it"
    pattern = (rule.identifier_pattern or "").strip() or None
    if pattern is not None:
        try:
            re.compile(pattern)
        except re.error as exc:
            errors["identifier_pattern"] = f"not a valid pattern: {exc}"
    if rule.validity_months is not None and not 1 <= rule.validity_months <= MAX_VALIDITY_MONTHS:
        errors["validity_months"] = f"from 1 to {MAX_VALIDITY_MONTHS} months, or good for life"
    if not 0 <= rule.reminder_days <= MAX_REMINDER_DAYS:
        errors["reminder_days"] = f"from 0 to {MAX_REMINDER_DAYS} days"
    for field in ("min_experience_months_with_degree", "min_experience_months_without_degree"):
        value = getattr(rule, field)
        if value is not None and not 0 <= value <= 600:
            errors[field] = "from 0 to 600 months, or none"
    if errors:
        raise ValidationError(errors)
    return replace(
        rule,
        code=code,
        name=name,
        issuer=clean_text(rule.issuer),
        verify_how=clean_text(rule.verify_how),
        verify_url=clean_text(rule.verify_url),
        identifier_label=clean_text(rule.identifier_label) or "certificate number",
        identifier_pattern=pattern,
        renewal_routes=tuple(r for r in (clean_text(x) for x in rule.renewal_routes) if r),
        aliases=tuple(a for a in (clean_text(x) for x in rule.aliases) if a),
    )


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
    lapses = expiry_date(rule, earned_on, printed_expiry)
    return status_on(lapses, reminder_start(rule, lapses), rule.soft_expiry, latest_outcome, today)


def reminder_start(rule: CertificationRule, lapses: date | None) -> date | None:
    """Return the first day a claim lapsing on `lapses` counts as expiring."""
    return None if lapses is None else lapses - timedelta(days=rule.reminder_days)


def status_on(
    lapses: date | None,
    remind_from: date | None,
    soft_expiry: bool,
    latest_outcome: CheckOutcome | None,
    today: date,
) -> ClaimStatus:
    """Return a claim's status from its derived dates; the store's SQL filter mirrors this."""
    if latest_outcome in (CheckOutcome.NOT_FOUND, CheckOutcome.MISMATCH):
        return ClaimStatus.VERIFICATION_FAILED
    if lapses is not None and today >= lapses:
        return ClaimStatus.RENEWAL_DUE if soft_expiry else ClaimStatus.EXPIRED
    if latest_outcome is not CheckOutcome.VERIFIED:
        return ClaimStatus.UNVERIFIED
    if remind_from is not None and today >= remind_from:
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


def rule_to_dict(rule: CertificationRule) -> dict[str, object]:
    """Return the rule as plain JSON-ready values (kept with each revision)."""
    data = asdict(rule)
    data["renewal_routes"] = list(rule.renewal_routes)
    data["aliases"] = list(rule.aliases)
    return data


def rule_from_dict(data: dict[str, object]) -> CertificationRule:
    """Return the rule stored by rule_to_dict; unknown keys are ignored."""
    known = {f.name for f in fields(CertificationRule)}
    values: dict[str, Any] = {k: v for k, v in data.items() if k in known}
    values["renewal_routes"] = tuple(values.get("renewal_routes") or ())
    values["aliases"] = tuple(values.get("aliases") or ())
    return CertificationRule(**values)
