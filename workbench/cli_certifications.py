"""The command line's certification commands: `cert add|check|list` and `expiring`."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Mapping, Sequence
from datetime import date
from pathlib import Path
from typing import Any

from workbench.cli_arguments import PROG, iso_date
from workbench.domain.certifications import CertificationRule, ClaimStatus
from workbench.domain.claims import (
    MAX_EVIDENCE_FILES,
    OUTCOME_LABELS,
    STATUS_LABELS,
    Check,
    CheckDraft,
    CheckMethod,
    Claim,
    ClaimBadge,
    ClaimDraft,
    ExpiringClaim,
    parse_method,
    parse_outcome,
    parse_status,
)
from workbench.domain.errors import DuplicateError, ValidationError, WorkbenchError
from workbench.store.engine import Database

MAX_WINDOW_DAYS = 3_650  # as services.claims allows
_LABEL = 20  # labels are right-aligned to this width, as `show` prints them

# The option each field of a ValidationError was typed in.
_ADD_OPTIONS = {
    "credential_id": "--credential-id",
    "secondary_id": "--secondary-id",
    "earned_on": "--earned-on",
    "printed_expiry": "--expires-on",
}
_CHECK_OPTIONS = {
    "checked_on": "--checked-on",
    "checked_by": "--by",
    "reference": "--reference",
    "note": "--note",
}


def _days(text: str) -> int:
    if not text.isascii() or not text.isdigit() or not 1 <= int(text) <= MAX_WINDOW_DAYS:
        raise argparse.ArgumentTypeError(
            f"must be a whole number of days from 1 to {MAX_WINDOW_DAYS:,}"
        )
    return int(text)


def _parsed_by(parse: Callable[[str], Any]) -> Callable[[str], Any]:
    """Return an argparse type that turns the parser's ValueError into a one-line error."""

    def convert(text: str) -> Any:
        try:
            return parse(text)
        except ValueError as exc:
            raise argparse.ArgumentTypeError(str(exc)) from None

    convert.__name__ = parse.__name__
    return convert


certification_status = _parsed_by(parse_status)


def add_parsers(commands: Any, parser_class: type[argparse.ArgumentParser]) -> None:
    """Add `cert` (add, check, list) and `expiring` to the command parser."""
    cert = commands.add_parser("cert", help="claim certifications and record checks")
    actions = cert.add_subparsers(
        dest="cert_command", metavar="ACTION", required=True, parser_class=parser_class
    )

    add = actions.add_parser("add", help="record that a candidate claims a certification")
    add.add_argument("candidate", help="id (42, #42, WB-0042) or email")
    add.add_argument("code", help="PMP, CSM, 'PRINCE2 Practitioner', 'AWS SAA', ...")
    add.add_argument("--credential-id", default="", metavar="ID", help="number on the certificate")
    add.add_argument("--secondary-id", default="", metavar="ID", help="e.g. PMI ID")
    add.add_argument("--earned-on", type=iso_date, metavar="DATE", help="YYYY-MM-DD")
    add.add_argument(
        "--expires-on", type=iso_date, metavar="DATE", help="the date printed on the certificate"
    )

    check = actions.add_parser("check", help="record a check of a claimed certification")
    check.add_argument("candidate", help="id (42, #42, WB-0042) or email")
    check.add_argument("code", help="a certification the candidate claims")
    check.add_argument(
        "--outcome",
        required=True,
        type=_parsed_by(parse_outcome),
        metavar="OUTCOME",
        help="verified, not-found, mismatch or pending",
    )
    check.add_argument(
        "--method",
        required=True,
        type=_parsed_by(parse_method),
        metavar="METHOD",
        help=", ".join(m.value for m in CheckMethod),
    )
    check.add_argument("--reference", default="", metavar="TEXT", help="e.g. the registry URL")
    check.add_argument(
        "--evidence",
        action="append",
        default=[],
        type=Path,
        metavar="FILE",
        help="a PDF, PNG or JPEG; repeat for more",
    )
    check.add_argument("--checked-on", type=iso_date, metavar="DATE", help="default: today")
    check.add_argument("--by", default=None, metavar="NAME", help="default: your name in Settings")
    check.add_argument("--note", default="", metavar="TEXT")

    listing = actions.add_parser("list", help="a candidate's certifications and their checks")
    listing.add_argument("candidate", help="id (42, #42, WB-0042) or email")
    listing.add_argument("--json", action="store_true")

    expiring = commands.add_parser("expiring", help="certifications that lapse soon")
    expiring.add_argument(
        "--within", type=_days, default=90, metavar="DAYS", help="default: 90 days"
    )
    expiring.add_argument("--json", action="store_true")


def _emit_json(value: Any) -> None:
    print(json.dumps(value, ensure_ascii=False, indent=2, default=str))


def _field(label: str, value: object) -> None:
    print(f"{label:>{_LABEL}}: {value}")


def _renamed(error: ValidationError, options: Mapping[str, str]) -> WorkbenchError:
    """Return the error with each field named as the option it was typed in."""
    return ValidationError({options.get(k, k): v for k, v in error.errors.items()})


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


def badges_text(badges: Sequence[ClaimBadge]) -> str:
    """Return a row's certifications in one line: 'PMP Verified, CSM Expired'."""
    return ", ".join(f"{b.code} {STATUS_LABELS[b.status]}" for b in badges)


def status_text(claim: Mapping[str, Any]) -> str:
    """Return a claim of the JSON `certifications` list as words: 'Verified, expires D'."""
    status = ClaimStatus(claim["status"])
    parts = [STATUS_LABELS[status]]
    if claim["expires_on"]:
        lapsed = status in (ClaimStatus.EXPIRED, ClaimStatus.RENEWAL_DUE)
        parts.append(f"{'lapsed' if lapsed else 'expires'} {claim['expires_on']}")
    parts.append(
        f"checked {claim['last_checked_on']}" if claim["last_checked_on"] else "never checked"
    )
    return ", ".join(parts)


def resolve_code(database: Database, text: str) -> CertificationRule:
    """Return the catalogue rule named by a code or common spelling; the error lists the known."""
    from workbench.services.catalogue import resolve_certification

    return resolve_certification(database, text)


def _span(months: int) -> str:
    if months % 12 == 0:
        years = months // 12
        return f"{years} year{'s' if years != 1 else ''}"
    return f"{months} months"


def _lapse_text(claim: Claim, rule: CertificationRule) -> tuple[str, str]:
    """Return the label and the words for when a claim lapses, and where that date comes from."""
    label = "renew by" if rule.soft_expiry else "expires on"
    if claim.expires_on is None:
        if rule.validity_months is None:
            return "expires on", "never (good for life)"
        return label, "unknown: give --earned-on or --expires-on"
    if claim.printed_expiry is not None:
        source = "as printed on the certificate"
    elif rule.validity_months is not None:
        months = rule.validity_months
        earlier = rule.earlier_before
        if (
            earlier
            and rule.earlier_validity_months
            and claim.earned_on
            and claim.earned_on < earlier
        ):
            months = rule.earlier_validity_months
        source = f"{_span(months)} from the date earned"
    else:
        source = "counted from the date earned"
    return label, f"{claim.expires_on} ({source})"


def status_phrase(claim: Claim) -> str:
    """Return the status with what decides it, e.g. 'Verified on D via M; lapses on D'."""
    label = STATUS_LABELS[claim.status]
    check = claim.latest_check
    how = f"{check.checked_on} via {check.method.label}" if check else ""
    until = f"lapses on {claim.expires_on}" if claim.expires_on else "no expiry date"
    if check is None:
        last = "never checked"
    else:
        last = f"last check: {OUTCOME_LABELS[check.outcome].lower()} on {how}"
    if claim.status is ClaimStatus.VERIFIED:
        return f"Verified on {how}; {until}"
    if claim.status is ClaimStatus.EXPIRING:
        return f"Expiring: {until} (verified on {how})"
    if claim.status is ClaimStatus.VERIFICATION_FAILED and check is not None:
        return f"{label}: {OUTCOME_LABELS[check.outcome].lower()} on {how}"
    if claim.status is ClaimStatus.EXPIRED:
        return f"Expired on {claim.expires_on} ({last})"
    if claim.status is ClaimStatus.RENEWAL_DUE:
        return f"Renewal due since {claim.expires_on} ({last})"
    return f"{label} ({last})"


def _print_claim_fields(claim: Claim, rule: CertificationRule) -> None:
    _field("certification", f"{rule.code} – {rule.name} ({rule.issuer})")
    if claim.credential_id:
        _field(rule.identifier_label, claim.credential_id)
    if claim.secondary_id:
        _field("secondary id", claim.secondary_id)
    _field("earned on", claim.earned_on or "not given")
    _field(*_lapse_text(claim, rule))
    _field("status", status_phrase(claim))


def _warn(claim: Claim) -> None:
    for warning in claim.warnings:
        print(f"warning: {warning}", file=sys.stderr)


def _size(size: int) -> str:
    return f"{size / 1024:,.0f} KB" if size >= 1024 else f"{size} bytes"


def _evidence_lines(check: Check) -> list[str]:
    return [
        f"{e.filename} (#{e.id}, {e.media_type.split('/')[-1].upper()}, {_size(e.size)}, "
        f"SHA-256 {e.sha256[:12]}…)"
        for e in check.evidence
    ]


def _cmd_cert(database: Database, args: argparse.Namespace) -> int:
    handler = {"add": _cmd_add, "check": _cmd_check, "list": _cmd_list}[args.cert_command]
    return handler(database, args)


def _cmd_add(database: Database, args: argparse.Namespace) -> int:
    from workbench.services.candidates import find_candidate
    from workbench.services.claims import add_claim, get_claim

    candidate = find_candidate(database, args.candidate)
    rule = resolve_code(database, args.code)
    draft = ClaimDraft(args.credential_id, args.secondary_id, args.earned_on, args.expires_on)
    try:
        add_claim(database, candidate.id, rule.code, draft)
    except ValidationError as exc:
        raise _renamed(exc, _ADD_OPTIONS) from None
    except DuplicateError:
        raise DuplicateError(
            f"{candidate.draft.full_name} (#{candidate.id}) already claims {rule.code}; "
            f"see it with: {PROG} cert list {candidate.id}"
        ) from None
    claim = get_claim(database, candidate.id, rule.code)  # with its warnings
    print(f"added {rule.code} to {candidate.draft.full_name} (#{candidate.id})")
    _print_claim_fields(claim, rule)
    _field("verify with", rule.verify_how or rule.verify_url)
    if rule.verify_url:
        _field("at", rule.verify_url)
    _warn(claim)
    methods = "|".join(m.value for m in CheckMethod)
    command = f"{PROG} cert check {candidate.id} {rule.code}"
    print(f"once checked: {command} --outcome OUTCOME --method {methods}")
    return 0


def _cmd_check(database: Database, args: argparse.Namespace) -> int:
    from workbench.services.candidates import find_candidate
    from workbench.services.catalogue import consultant_name
    from workbench.services.claims import candidate_claims, record_check, today

    candidate = find_candidate(database, args.candidate)
    rule = resolve_code(database, args.code)
    claim = next((c for c in candidate_claims(database, candidate.id) if c.code == rule.code), None)
    name = f"{candidate.draft.full_name} (#{candidate.id})"
    if claim is None:
        raise WorkbenchError(
            f"{name} does not claim {rule.code} yet; add the claim first: "
            f"{PROG} cert add {candidate.id} {rule.code} --credential-id ID --earned-on DATE"
        )
    if len(args.evidence) > MAX_EVIDENCE_FILES:
        raise WorkbenchError(f"attach at most {MAX_EVIDENCE_FILES} evidence files to one check")
    by = consultant_name(database) if args.by is None else args.by
    draft = CheckDraft(
        checked_on=args.checked_on or today(),
        checked_by=by,
        method=args.method,
        outcome=args.outcome,
        reference=args.reference,
        note=args.note,
    )
    try:
        check = record_check(database, claim.id, draft, args.evidence)
    except ValidationError as exc:
        raise _renamed(exc, _CHECK_OPTIONS) from None
    claim = next(c for c in candidate_claims(database, candidate.id) if c.id == claim.id)
    print(f"recorded a check of {rule.code} for {name}")
    _field("checked", f"{check.checked_on} by {check.checked_by} ({check.method.label})")
    _field("outcome", OUTCOME_LABELS[check.outcome])
    if check.reference:
        _field("reference", check.reference)
    if check.note:
        _field("note", check.note)
    for line in _evidence_lines(check):
        _field("evidence", line)
    _field("status", status_phrase(claim))
    _warn(claim)
    return 0


def claim_to_dict(claim: Claim) -> dict[str, Any]:
    """Return a claim with its checks as `cert list --json` prints it."""
    return {
        "code": claim.code,
        "name": claim.name,
        "credential_id": claim.credential_id,
        "secondary_id": claim.secondary_id,
        "earned_on": _iso(claim.earned_on),
        "printed_expiry": _iso(claim.printed_expiry),
        "expires_on": _iso(claim.expires_on),
        "status": claim.status.value,
        "last_checked_on": _iso(claim.last_checked_on),
        "warnings": list(claim.warnings),
        "checks": [
            {
                "checked_on": c.checked_on.isoformat(),
                "checked_by": c.checked_by,
                "method": c.method.value,
                "outcome": c.outcome.value,
                "reference": c.reference,
                "note": c.note,
                "valid_until": _iso(c.valid_until),
                "rule_revision": c.rule_revision,
                "recorded_at": c.recorded_at.isoformat(),
                "evidence": [
                    {
                        "id": e.id,
                        "filename": e.filename,
                        "media_type": e.media_type,
                        "size": e.size,
                        "sha256": e.sha256,
                    }
                    for e in c.evidence
                ],
            }
            for c in claim.checks
        ],
    }


def _cmd_list(database: Database, args: argparse.Namespace) -> int:
    from workbench.services.candidates import find_candidate
    from workbench.services.catalogue import certification_rules
    from workbench.services.claims import candidate_claims

    candidate = find_candidate(database, args.candidate)
    claims = candidate_claims(database, candidate.id)
    if args.json:
        _emit_json([claim_to_dict(c) for c in claims])
        return 0
    name = f"{candidate.draft.full_name} (#{candidate.id})"
    if not claims:
        print(f"{name} claims no certifications")
        return 0
    rules = {rule.code: rule for rule in certification_rules(database)}
    count = f"{len(claims)} certification{'s' if len(claims) != 1 else ''}"
    print(f"{name}: {count}")
    for claim in claims:
        print()
        _print_claim_fields(claim, rules[claim.code])
        for warning in claim.warnings:
            _field("warning", warning)
        for number, check in enumerate(claim.checks):
            outcome = OUTCOME_LABELS[check.outcome]
            line = f"{check.checked_on}  {outcome:<16} {check.method.label:<24} {check.checked_by}"
            print(
                f"{'checks' if number == 0 else '':>{_LABEL}}{':' if number == 0 else ' '} {line}"
            )
            evidence = [f"evidence: {line}" for line in _evidence_lines(check)]
            for text in (check.reference, check.note, *evidence):
                if text:
                    print(f"{'':>{_LABEL}}  {'':<10}  {text}")
    return 0


def expiring_to_dict(item: ExpiringClaim, today: date) -> dict[str, Any]:
    """Return one row of `expiring --json`."""
    return {
        "candidate_id": item.candidate_id,
        "candidate_name": item.candidate_name,
        "email": item.email,
        "code": item.code,
        "credential_id": item.credential_id,
        "expires_on": item.expires_on.isoformat(),
        "days_left": item.days_left(today),
        "soft_expiry": item.soft_expiry,
        "status": item.status.value,
        "last_checked_on": _iso(item.last_checked_on),
    }


def _cmd_expiring(database: Database, args: argparse.Namespace) -> int:
    from datetime import timedelta

    from workbench.services.claims import expiring_claims, today

    day = today()
    items = expiring_claims(database, args.within, on=day)
    if args.json:
        _emit_json([expiring_to_dict(item, day) for item in items])
        return 0
    until = day + timedelta(days=args.within)
    if not items:
        print(f"no certifications lapse in the next {args.within} days (to {until})")
        return 0
    plural = "s" if len(items) != 1 else ""
    print(f"{len(items)} certification{plural} lapse in the next {args.within} days (to {until})")
    print()
    print(
        f"{'lapses on':<10}  {'in':>8}  {'certification':<20}  {'kind':<8}  {'status':<19}  "
        f"{'last checked':<12}  candidate"
    )
    for item in items:
        left = item.days_left(day)
        days = "today" if left == 0 else f"{left} day{'s' if left != 1 else ''}"
        kind = "renew by" if item.soft_expiry else "expires"
        checked = item.last_checked_on.isoformat() if item.last_checked_on else "never"
        who = f"{item.candidate_name} (#{item.candidate_id}) {item.email}"
        print(
            f"{item.expires_on.isoformat():<10}  {days:>8}  {item.code:<20}  {kind:<8}  "
            f"{STATUS_LABELS[item.status]:<19}  {checked:<12}  {who}"
        )
    return 0


HANDLERS: dict[str, Callable[[Database, argparse.Namespace], int]] = {
    "cert": _cmd_cert,
    "expiring": _cmd_expiring,
}
