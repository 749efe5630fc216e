"""Use cases on claimed certifications: claim, record a check with evidence, read, forecast."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, timedelta
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from workbench.domain.certifications import (
    CertificationRule,
    CheckOutcome,
    expiry_date,
    identifier_warning,
    prerequisite_warning,
)
from workbench.domain.claims import (
    OUTCOME_LABELS,
    Check,
    CheckDraft,
    Claim,
    ClaimDraft,
    ExpiringClaim,
    validate_check,
    validate_claim,
)
from workbench.domain.errors import ConflictError, DuplicateError, NotFoundError, WorkbenchError
from workbench.domain.history import Action, Change, Entity, FieldChange, field_changes
from workbench.services import history
from workbench.services.candidates import utc_now
from workbench.services.catalogue import resolve_certification
from workbench.services.evidence_files import discard_unreferenced_evidence, evidence_store
from workbench.store import claim_queries
from workbench.store.engine import Database
from workbench.store.evidence import EvidenceStore, StoredFile
from workbench.store.models import (
    CandidateRecord,
    CertificationRuleRecord,
    CheckRecord,
    ClaimRecord,
    EvidenceRecord,
)

DEFAULT_WINDOW_DAYS = 90
MAX_WINDOW_DAYS = 3_650
_DEGREES = {"Bachelor's", "Master's", "MBA", "Doctorate"}


def today() -> date:
    """Return the consultant's calendar day, which statuses are judged on."""
    return date.today()


def _candidate(session: Session, candidate_id: int) -> CandidateRecord:
    record = session.get(CandidateRecord, candidate_id)
    if record is None:
        raise NotFoundError(f"no candidate #{candidate_id}")
    return record


def _claim(session: Session, claim_id: int) -> tuple[ClaimRecord, CertificationRule]:
    record = session.get(ClaimRecord, claim_id)
    if record is None:
        raise NotFoundError(f"no certification claim #{claim_id}")
    rule_record = session.get(CertificationRuleRecord, record.rule_id)
    assert rule_record is not None  # a foreign key keeps it
    return record, claim_queries.to_rule(rule_record)


def add_claim(
    database: Database, candidate_id: int, code: str, draft: ClaimDraft, *, on: date | None = None
) -> Claim:
    """Record that a candidate claims a certification; raise on bad input or a repeat claim."""
    day = on or today()
    clean = validate_claim(draft, today=day)
    rule = resolve_certification(database, code)
    if rule.retired:
        raise WorkbenchError(f"{rule.code} is retired from the catalogue; it takes no new claims")
    now = utc_now()
    try:
        with database.write() as session:
            candidate = _candidate(session, candidate_id)
            rule_id = session.scalar(
                select(CertificationRuleRecord.id).where(CertificationRuleRecord.code == rule.code)
            )
            record = ClaimRecord(
                candidate_id=candidate.id,
                rule_id=rule_id,
                created_at=now,
                updated_at=now,
            )
            _apply(record, clean, rule)
            session.add(record)
            session.flush()
            _record_claim_change(session, record, rule, Action.CREATED, {}, now)
            return claim_queries.to_claim(record, rule, day)
    except IntegrityError:
        raise DuplicateError(
            f"this candidate already claims {rule.code}; edit that claim instead"
        ) from None


def _claim_fields(record: ClaimRecord) -> dict[str, object]:
    return {
        "Credential id": record.credential_id,
        "Secondary id": record.secondary_id,
        "Earned on": record.earned_on,
        "Printed expiry": record.printed_expiry,
    }


def _check_fields(check: Check) -> dict[str, object]:
    return {
        "Outcome": OUTCOME_LABELS[check.outcome],
        "Method": check.method.label,
        "Checked on": check.checked_on,
        "Checked by": check.checked_by,
        "Reference": check.reference,
        "Note": check.note,
        "Evidence": [item.filename for item in check.evidence],
    }


def _record_claim_change(
    session: Session,
    record: ClaimRecord,
    rule: CertificationRule,
    action: Action,
    before: dict[str, object],
    at: datetime,
) -> None:
    after = {} if action is Action.REMOVED else _claim_fields(record)
    changes = field_changes(before, after)
    if changes or action is not Action.CHANGED:
        history.record(
            session,
            [Change(record.candidate_id, Entity.CLAIM, record.id, action, changes, rule.code)],
            at,
        )


def _withdraw_waiver(
    session: Session, record: ClaimRecord, rule: CertificationRule, why: str
) -> None:
    """Drop a waiver given for other facts: the gate must look at this claim again."""
    if not record.waiver_reason:
        return
    history.record(
        session,
        [
            Change(
                record.candidate_id,
                Entity.CLAIM,
                record.id,
                Action.CHANGED,
                (FieldChange("Waiver", record.waiver_reason, ""),),
                f"{rule.code}: waiver withdrawn because {why}",
            )
        ],
        utc_now(),
    )
    record.waiver_reason, record.waived_by, record.waived_at = "", "", None


def _apply(record: ClaimRecord, draft: ClaimDraft, rule: CertificationRule) -> None:
    record.credential_id = draft.credential_id
    record.credential_key = claim_queries.credential_key(draft.credential_id)
    record.secondary_id = draft.secondary_id
    record.earned_on = draft.earned_on
    record.printed_expiry = draft.printed_expiry
    claim_queries.derive(record, rule)


def update_claim(
    database: Database, claim_id: int, expected_version: int, draft: ClaimDraft
) -> Claim:
    """Change a claim's ids and dates (its checks stay as recorded); refuse a stale edit."""
    day = today()
    clean = validate_claim(draft, today=day)
    try:
        with database.write() as session:
            record, rule = _claim(session, claim_id)
            if record.version != expected_version:
                raise ConflictError(
                    f"the {rule.code} claim was changed by someone else after you opened it; "
                    "reload to see their changes"
                )
            before = _claim_fields(record)
            _apply(record, clean, rule)
            session.flush()
            _record_claim_change(session, record, rule, Action.CHANGED, before, utc_now())
            if before != _claim_fields(record):
                _withdraw_waiver(session, record, rule, "the claim's details changed")
            # Edited details are no longer the ones a check confirmed: the status follows.
            claim_queries.refresh_outcome(session, record, rule)
            record.updated_at = utc_now()
            session.flush()
            return claim_queries.to_claim(record, rule, day)
    except StaleDataError:
        raise ConflictError("the claim was changed by someone else while saving; reload") from None


def remove_claim(database: Database, claim_id: int) -> None:
    """Remove a claim entered by mistake; a claim with checks on record is kept for good."""
    with database.write() as session:
        record, rule = _claim(session, claim_id)
        checks = session.scalar(
            select(func.count(CheckRecord.id)).where(CheckRecord.claim_id == claim_id)
        )
        if checks:
            raise WorkbenchError(
                f"the {rule.code} claim has {checks} check(s) on record and stays in the "
                "history; record a new check instead"
            )
        _record_claim_change(
            session, record, rule, Action.REMOVED, _claim_fields(record), utc_now()
        )
        session.delete(record)


def record_check(
    database: Database,
    claim_id: int,
    draft: CheckDraft,
    evidence: Sequence[Path] = (),
    *,
    on: date | None = None,
    expected_version: int | None = None,
) -> Check:
    """Append a check to a claim with its evidence files; the claim's status follows it.

    With expected_version (the claim as the consultant saw it), a claim edited meanwhile is
    refused: the check would confirm details the consultant never looked up.

    Files are copied into the store before the transaction and removed again if it fails,
    so a crash leaves at most an unreferenced file, never a check without its evidence.
    """
    day = on or today()
    clean = validate_check(draft, today=day)
    store = evidence_store(database) if evidence else None
    stored: list[StoredFile] = []
    try:
        if store is not None:
            for path in evidence:
                stored.append(store.put(Path(path)))  # one by one: a refusal undoes the rest
        with database.write() as session:
            record, rule = _claim(session, claim_id)
            if expected_version is not None and record.version != expected_version:
                raise ConflictError(
                    f"the {rule.code} claim was changed after you opened it (its id or "
                    "dates may differ from what you checked); close this and check it again"
                )
            check = CheckRecord(
                claim_id=record.id,
                checked_on=clean.checked_on,
                recorded_at=utc_now(),
                checked_by=clean.checked_by,
                method=clean.method.value,
                outcome=clean.outcome.value,
                reference=clean.reference,
                note=clean.note,
                rule_revision=rule.revision,
                valid_until=expiry_date(rule, record.earned_on, record.printed_expiry),
                checked_credential_id=record.credential_id,
                checked_earned_on=record.earned_on,
                checked_printed_expiry=record.printed_expiry,
                details_recorded=True,
            )
            session.add(check)
            session.flush()
            for item in stored:
                session.add(
                    EvidenceRecord(
                        check_id=check.id,
                        filename=item.filename,
                        media_type=item.media_type,
                        size=item.size,
                        sha256=item.sha256,
                    )
                )
            claim_queries.refresh_outcome(session, record, rule)
            if clean.outcome in (CheckOutcome.NOT_FOUND, CheckOutcome.MISMATCH):
                _withdraw_waiver(session, record, rule, f"a check found it {clean.outcome.value}")
            record.updated_at = utc_now()
            session.flush()
            checks = claim_queries.checks_of(session, [record.id])[record.id]
            recorded = next(c for c in checks if c.id == check.id)
            history.record(
                session,
                [
                    Change(
                        record.candidate_id,
                        Entity.CHECK,
                        check.id,
                        Action.CREATED,
                        field_changes({}, _check_fields(recorded)),
                        rule.code,
                    )
                ],
                check.recorded_at,
            )
            return recorded
    except BaseException:
        if store is not None:
            _discard_unreferenced(database, store, stored)
        raise


def _discard_unreferenced(
    database: Database, store: EvidenceStore, stored: Sequence[StoredFile]
) -> None:
    """Remove files a failed save copied in, unless an earlier check already holds the same."""
    discard_unreferenced_evidence(database, [(item.sha256, item.media_type) for item in stored])


def _warnings(
    session: Session,
    candidate: CandidateRecord,
    records: Sequence[ClaimRecord],
    rules: dict[int, CertificationRule],
) -> dict[int, list[str]]:
    has_degree = any(school.degree_level in _DEGREES for school in candidate.education)
    holders = claim_queries.other_holders(session, records)
    found: dict[int, list[str]] = {}
    for record in records:
        rule = rules[record.rule_id]
        notes = [
            note
            for note in (
                identifier_warning(rule, record.credential_id),
                prerequisite_warning(rule, candidate.years_experience, has_degree),
            )
            if note
        ]
        for holder_id, name in holders.get(record.id, []):
            notes.append(
                f"the {rule.identifier_label} {record.credential_id} is also on file for "
                f"{name} (#{holder_id})"
            )
        if rule.retired:
            notes.append(f"{rule.code} is retired from the catalogue")
        if record.last_checked_on is not None and record.latest_outcome is None:
            notes.append(
                f"the claim's id or dates changed after the check of {record.last_checked_on}; "
                "check it again"
            )
        found[record.id] = notes
    return found


def candidate_claims(
    database: Database, candidate_id: int, *, on: date | None = None
) -> list[Claim]:
    """Return a candidate's claims with status, warnings and check history (newest first)."""
    day = on or today()
    with database.read() as session:
        candidate = _candidate(session, candidate_id)
        records = claim_queries.claim_records(session, candidate_id)
        if not records:
            return []
        rules = {r.id: claim_queries.to_rule(r) for r in claim_queries.rule_records(session)}
        checks = claim_queries.checks_of(session, [r.id for r in records])
        warnings = _warnings(session, candidate, records, rules)
        return [
            claim_queries.to_claim(r, rules[r.rule_id], day, checks.get(r.id, []), warnings[r.id])
            for r in records
        ]


def get_claim(database: Database, candidate_id: int, code: str) -> Claim:
    """Return a candidate's claim of one certification; NotFoundError if not claimed."""
    rule = resolve_certification(database, code)
    for claim in candidate_claims(database, candidate_id):
        if claim.code == rule.code:
            return claim
    raise NotFoundError(f"candidate #{candidate_id} does not claim {rule.code}")


def expiring_claims(
    database: Database, within_days: int = DEFAULT_WINDOW_DAYS, *, on: date | None = None
) -> list[ExpiringClaim]:
    """Return every live candidate's claim lapsing in the next `within_days` days, soonest first."""
    if not 1 <= within_days <= MAX_WINDOW_DAYS:
        raise WorkbenchError(f"the window must be from 1 to {MAX_WINDOW_DAYS:,} days")
    day = on or today()
    with database.read() as session:
        return claim_queries.expiring(session, day, day + timedelta(days=within_days), day)
