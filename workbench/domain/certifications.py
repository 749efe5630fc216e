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
    # PMI suspends an unrenewed credential for a year, when it can still be renewed; after
    # that it is expired. None: no such period (soft expiry has no end anyway).
    grace_months: int | None = None
    # Certificates earned before a date may have lasted longer (PRINCE2 before 2017: 5 years).
    earlier_before: date | None = None
    earlier_validity_months: int | None = None
    revision: int = 1  # bumped by every change; a check records the revision it was made under
    retired: bool = False  # no new claims; claims already recorded keep it


# A group containing a repeat, itself repeated: the shape of catastrophic backtracking.
_NESTED_REPEAT = re.compile(r"\((?:[^()\\]|\\.)*[+*}](?:[^()\\]|\\.)*\)[+*{]")
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
        # A repeat over 4294967295 overflows and deep nesting recurses: neither is a re.error.
        except (re.error, OverflowError, RecursionError) as exc:
            errors["identifier_pattern"] = f"not a valid pattern: {exc}"
        else:
            if _NESTED_REPEAT.search(pattern):
                # e.g. ([0-9]+)+ : matching a 30-character id would take minutes, on every
                # keystroke in the claim dialog.
                errors["identifier_pattern"] = (
                    "a repeated group that itself repeats can take minutes to check; "
                    "write it without the outer repeat, e.g. [0-9]+"
                )
    if rule.validity_months is not None and not 1 <= rule.validity_months <= MAX_VALIDITY_MONTHS:
        errors["validity_months"] = f"from 1 to {MAX_VALIDITY_MONTHS} months, or good for life"
    if not 0 <= rule.reminder_days <= MAX_REMINDER_DAYS:
        errors["reminder_days"] = f"from 0 to {MAX_REMINDER_DAYS} days"
    if rule.grace_months is not None and not 1 <= rule.grace_months <= 120:
        errors["grace_months"] = "from 1 to 120 months, or none"
    if (rule.earlier_before is None) != (rule.earlier_validity_months is None):
        errors["earlier_validity_months"] = "give both the date and the months, or neither"
    elif rule.earlier_validity_months is not None and not (
        1 <= rule.earlier_validity_months <= MAX_VALIDITY_MONTHS
    ):
        errors["earlier_validity_months"] = f"from 1 to {MAX_VALIDITY_MONTHS} months"
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
    months = validity_months_for(rule, earned_on)
    if months is None or earned_on is None:
        return None
    return add_months(earned_on, months)


def validity_months_for(rule: CertificationRule, earned_on: date | None) -> int | None:
    """Return how many months a certificate earned on that day lasts (None: for life)."""
    if (
        earned_on is not None
        and rule.earlier_before is not None
        and rule.earlier_validity_months is not None
        and earned_on < rule.earlier_before
    ):
        return rule.earlier_validity_months
    return rule.validity_months


def renewable_until(rule: CertificationRule, lapses: date | None) -> date | None:
    """Return the day a lapsed claim stops being renewable (the end of PMI's suspension)."""
    if lapses is None or rule.grace_months is None or rule.soft_expiry:
        return None
    return add_months(lapses, rule.grace_months)


@dataclass(frozen=True)
class DerivedDates:
    """The dates a claim's status is judged by, worked out from its rule once."""

    expires_on: date | None
    remind_on: date | None
    renewable_until: date | None


def derived_dates(
    rule: CertificationRule, earned_on: date | None, printed_expiry: date | None
) -> DerivedDates:
    """Return when a claim lapses, when reminders start, and how long it stays renewable."""
    lapses = expiry_date(rule, earned_on, printed_expiry)
    return DerivedDates(lapses, reminder_start(rule, lapses), renewable_until(rule, lapses))


def claim_status(
    rule: CertificationRule,
    earned_on: date | None,
    printed_expiry: date | None,
    latest_outcome: CheckOutcome | None,
    today: date,
) -> ClaimStatus:
    """Return the status of a claim on `today` from the rule, its dates and its latest check."""
    dates = derived_dates(rule, earned_on, printed_expiry)
    return status_on(
        dates.expires_on,
        dates.remind_on,
        rule.soft_expiry,
        latest_outcome,
        today,
        renewable_until=dates.renewable_until,
    )


def reminder_start(rule: CertificationRule, lapses: date | None) -> date | None:
    """Return the first day a claim lapsing on `lapses` counts as expiring."""
    return None if lapses is None else lapses - timedelta(days=rule.reminder_days)


def status_on(
    lapses: date | None,
    remind_from: date | None,
    soft_expiry: bool,
    latest_outcome: CheckOutcome | None,
    today: date,
    *,
    renewable_until: date | None = None,
) -> ClaimStatus:
    """Return a claim's status from its derived dates; the store's SQL filter mirrors this."""
    if latest_outcome in (CheckOutcome.NOT_FOUND, CheckOutcome.MISMATCH):
        return ClaimStatus.VERIFICATION_FAILED
    if lapses is not None and today >= lapses:
        renewable = soft_expiry or (renewable_until is not None and today < renewable_until)
        return ClaimStatus.RENEWAL_DUE if renewable else ClaimStatus.EXPIRED
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
        grace_months=12,
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
        earlier_before=date(2017, 1, 1),
        earlier_validity_months=60,
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
        grace_months=12,
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
    data["earlier_before"] = rule.earlier_before.isoformat() if rule.earlier_before else None
    return data


def rule_from_dict(data: dict[str, object]) -> CertificationRule:
    """Return the rule stored by rule_to_dict; unknown keys are ignored."""
    known = {f.name for f in fields(CertificationRule)}
    values: dict[str, Any] = {k: v for k, v in data.items() if k in known}
    values["renewal_routes"] = tuple(values.get("renewal_routes") or ())
    values["aliases"] = tuple(values.get("aliases") or ())
    if isinstance(values.get("earlier_before"), str):
        values["earlier_before"] = date.fromisoformat(values["earlier_before"])
    return CertificationRule(**values)
