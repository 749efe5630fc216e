"""Use cases on the certification catalogue and on the settings the window and CLI share."""

from __future__ import annotations

from dataclasses import fields, replace

from sqlalchemy import bindparam, select, update
from sqlalchemy.orm import Session

from workbench.domain.certifications import (
    CertificationRule,
    find_rule,
    rule_to_dict,
    validate_rule,
)
from workbench.domain.errors import (
    ConflictError,
    DuplicateError,
    NotFoundError,
    WorkbenchError,
)
from workbench.domain.history import Action, Change, Entity, field_changes
from workbench.services.candidates import utc_now
from workbench.services.history import CONSULTANT_NAME as CONSULTANT_NAME
from workbench.services.history import actor, store_preferences
from workbench.services.history import record as record_history
from workbench.store.candidate_repository import table_of
from workbench.store.claim_queries import derived_columns, rule_records, to_rule
from workbench.store.engine import Database
from workbench.store.models import (
    CertificationRuleRecord,
    CertificationRuleRevisionRecord,
    ClaimRecord,
    PreferenceRecord,
)

# The rule fields a claim's derived dates and status depend on.
_DATE_FIELDS = (
    "validity_months",
    "soft_expiry",
    "reminder_days",
    "grace_months",
    "earlier_before",
    "earlier_validity_months",
)


def certification_rules(
    database: Database, *, include_retired: bool = True
) -> list[CertificationRule]:
    """Return the catalogue in its order (retired certifications too, unless asked not to)."""
    with database.read() as session:
        rules = [to_rule(r) for r in rule_records(session)]
    return [r for r in rules if include_retired or not r.retired]


def resolve_certification(database: Database, text: str) -> CertificationRule:
    """Return the certification named by a code or common spelling; the error lists the known."""
    try:
        return find_rule(text, tuple(certification_rules(database)))
    except ValueError as exc:
        raise WorkbenchError(str(exc)) from None


def _record_for(session: Session, code: str) -> CertificationRuleRecord | None:
    return session.scalars(
        select(CertificationRuleRecord).where(CertificationRuleRecord.code == code)
    ).first()


def _write_fields(record: CertificationRuleRecord, rule: CertificationRule) -> None:
    for field in fields(CertificationRule):
        if field.name not in ("code", "revision"):
            value = getattr(rule, field.name)
            setattr(record, field.name, list(value) if isinstance(value, tuple) else value)


def add_certification(database: Database, rule: CertificationRule, by: str) -> CertificationRule:
    """Add a certification to the catalogue; raise ValidationError or DuplicateError."""
    clean = replace(validate_rule(rule), revision=1)
    now = utc_now()
    with database.write() as session:
        if _record_for(session, clean.code) is not None:
            raise DuplicateError(f"the catalogue already has {clean.code}")
        record = CertificationRuleRecord(code=clean.code, revision=1, updated_at=now, updated_by=by)
        _write_fields(record, clean)
        session.add(record)
        session.flush()
        session.add(
            CertificationRuleRevisionRecord(
                rule_id=record.id,
                revision=1,
                rule=rule_to_dict(clean),
                changed_at=now,
                changed_by=by,
            )
        )
        record_history(
            session,
            [
                Change(
                    None,
                    Entity.SETTINGS,
                    record.id,
                    Action.CREATED,
                    (),
                    f"certification {clean.code}",
                )
            ],
            now,
            by,
        )
        return to_rule(record)


def change_certification(
    database: Database, code: str, rule: CertificationRule, by: str
) -> CertificationRule:
    """Save a changed rule as a new revision and re-derive its claims' dates.

    Checks keep the revision and the lapse date they were recorded with: a change never
    rewrites history, only what the claims' status is from now on.
    """
    clean = validate_rule(rule)
    if clean.code != code:
        raise WorkbenchError("a certification's code cannot change; add a new one instead")
    with database.write() as session:
        record = _record_for(session, code)
        if record is None:
            raise NotFoundError(f"no certification {code} in the catalogue")
        current = to_rule(record)
        if clean.revision != current.revision:
            raise ConflictError(
                f"{code} was changed by someone else (now revision {current.revision}) after "
                "you opened it; reopen Settings to see their change"
            )
        if clean == current:
            return current
        revision = current.revision + 1
        clean = replace(clean, revision=revision)
        _write_fields(record, clean)
        record.revision = revision
        record.updated_at = utc_now()
        record.updated_by = by
        session.add(
            CertificationRuleRevisionRecord(
                rule_id=record.id,
                revision=revision,
                rule=rule_to_dict(clean),
                changed_at=record.updated_at,
                changed_by=by,
            )
        )
        record_history(
            session,
            [
                Change(
                    None,
                    Entity.SETTINGS,
                    record.id,
                    Action.CHANGED,
                    field_changes(_without_revision(current), _without_revision(clean)),
                    f"certification {code}, revision {revision}",
                )
            ],
            record.updated_at,
            by,
        )
        if any(getattr(clean, name) != getattr(current, name) for name in _DATE_FIELDS):
            # Rewriting 50,000 PMP claims takes seconds: only when their dates change.
            _rederive_claims(session, record.id, clean)
        return to_rule(record)


def _without_revision(rule: CertificationRule) -> dict[str, object]:
    data = rule_to_dict(rule)
    data.pop("revision", None)
    return data


def _rederive_claims(session: Session, rule_id: int, rule: CertificationRule) -> None:
    """Rewrite the derived columns of every claim of one rule (one executemany)."""
    rows = session.execute(
        select(
            ClaimRecord.id,
            ClaimRecord.earned_on,
            ClaimRecord.printed_expiry,
            ClaimRecord.latest_outcome,
        ).where(ClaimRecord.rule_id == rule_id)
    ).all()
    if not rows:
        return
    changes = [
        {
            "b_id": claim_id,
            **{f"b_{k}": v for k, v in derived_columns(rule, earned_on, printed, outcome).items()},
        }
        for claim_id, earned_on, printed, outcome in rows
    ]
    claims = table_of(ClaimRecord)
    names = list(derived_columns(rule, None, None, None))
    session.connection().execute(
        update(claims)
        .where(claims.c.id == bindparam("b_id"))
        .values(
            # No version bump: nothing a consultant typed changed, and an open claim dialog
            # should not be told someone else edited the claim.
            {name: bindparam(f"b_{name}") for name in names}
        ),
        changes,
    )


def preference(database: Database, key: str, default: str = "") -> str:
    """Return one shared setting, or the default when it was never set."""
    with database.read() as session:
        record = session.get(PreferenceRecord, key)
        return default if record is None else record.value


def set_preference(database: Database, key: str, value: str) -> None:
    """Store one shared setting; the Settings history records the change."""
    with database.write() as session:
        store_preferences(session, {key: value}, utc_now())


def consultant_name(database: Database) -> str:
    """Return the name checks are recorded under: the one set in Settings, else the login name."""
    with database.read() as session:
        return actor(session)
