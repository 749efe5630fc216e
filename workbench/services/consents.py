"""Use cases on data protection: a candidate's lawful basis, and consents to be represented."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from workbench.domain.consent import (
    ClientConsent,
    Consent,
    DataProtection,
    LawfulBasis,
    check_renewal,
    consent_gaps,
    standing,
    validate_consent,
    validate_note,
)
from workbench.domain.errors import ConflictError, NotFoundError
from workbench.domain.history import Action, Change, Entity, field_changes
from workbench.services.candidates import utc_now
from workbench.services.claims import today
from workbench.services.history import actor, record
from workbench.store.client_models import ClientRecord
from workbench.store.engine import Database
from workbench.store.models import CandidateRecord
from workbench.store.privacy_models import ClientConsentRecord, DataProtectionRecord


def _protection(row: DataProtectionRecord | None) -> DataProtection:
    if row is None:
        return DataProtection()
    consent = None
    if row.consent_given_on is not None:
        consent = Consent(
            row.consent_given_on, row.consent_how, row.consent_expires_on, row.consent_withdrawn_on
        )
    return DataProtection(LawfulBasis(row.lawful_basis), consent, row.note, row.version)


def _client_consent(row: ClientConsentRecord, client_name: str) -> ClientConsent:
    return ClientConsent(
        row.id,
        row.candidate_id,
        row.client_id,
        client_name,
        Consent(row.given_on, row.how, row.expires_on, row.withdrawn_on),
        row.recorded_by,
        row.version,
    )


def _readable(protection: DataProtection) -> dict[str, object]:
    consent = protection.representation
    return {
        "lawful basis": protection.lawful_basis,
        "consent given on": consent.given_on if consent else None,
        "consent obtained": consent.how if consent else "",
        "consent lapses on": consent.expires_on if consent else None,
        "consent withdrawn on": consent.withdrawn_on if consent else None,
        "note": protection.note,
    }


def _live_candidate(session: Session, candidate_id: int) -> CandidateRecord:
    candidate = session.get(CandidateRecord, candidate_id)
    if candidate is None:
        raise NotFoundError(f"no candidate #{candidate_id}")
    if candidate.deleted_at is not None:
        raise ConflictError(f"candidate #{candidate_id} is deleted; restore them first")
    return candidate


def data_protection(database: Database, candidate_id: int) -> DataProtection:
    """Return what is recorded on a candidate's lawful basis and consent (defaults if none)."""
    with database.read() as session:
        return _protection(session.get(DataProtectionRecord, candidate_id))


def save_data_protection(
    database: Database,
    candidate_id: int,
    lawful_basis: LawfulBasis,
    representation: Consent | None,
    note: str = "",
    *,
    expected_version: int,
) -> DataProtection:
    """Record the lawful basis and consent to be represented; refuse a stale form.

    `expected_version` is the version the form showed (0 when nothing was recorded yet).
    """
    wanted = DataProtection(lawful_basis, representation, validate_note(note))
    with database.write() as session:
        _live_candidate(session, candidate_id)
        return _save_protection(session, candidate_id, wanted, expected_version)


def _save_protection(
    session: Session, candidate_id: int, wanted: DataProtection, expected_version: int
) -> DataProtection:
    row = session.get(DataProtectionRecord, candidate_id)
    if (row.version if row is not None else 0) != expected_version:
        raise ConflictError(
            "the data protection record was changed by someone else after you opened it; "
            "reload to see their changes"
        )
    before = _protection(row)
    representation = wanted.representation
    last_withdrawn = row.consent_withdrawn_on if row is not None else None
    check_renewal(last_withdrawn, representation, "consent to be represented")
    now = utc_now()
    if row is None:
        row = DataProtectionRecord(candidate_id=candidate_id)
        session.add(row)
    row.lawful_basis = wanted.lawful_basis.value
    row.consent_given_on = representation.given_on if representation else None
    row.consent_how = representation.how if representation else ""
    row.consent_expires_on = representation.expires_on if representation else None
    # Cleared consent keeps its last withdrawal: the renewal rule still holds against it.
    row.consent_withdrawn_on = representation.withdrawn_on if representation else last_withdrawn
    row.note, row.updated_at = wanted.note, now
    changes = field_changes(_readable(before), _readable(wanted))
    if changes:
        entity_action = Action.CREATED if before.version == 0 else Action.CHANGED
        record(
            session,
            [Change(candidate_id, Entity.CONSENT, candidate_id, entity_action, changes)],
            now,
        )
    session.flush()
    return _protection(row)


def client_consents(database: Database, candidate_id: int) -> list[ClientConsent]:
    """Return a candidate's consents to be sent to clients, by client name."""
    with database.read() as session:
        rows = session.execute(
            select(ClientConsentRecord, ClientRecord.name)
            .join(ClientRecord, ClientRecord.id == ClientConsentRecord.client_id)
            .where(ClientConsentRecord.candidate_id == candidate_id)
            .order_by(ClientRecord.name_key)
        ).all()
        return [_client_consent(row, name) for row, name in rows]


def _consent_fields(consent: Consent | None) -> dict[str, object]:
    return {
        "given on": consent.given_on if consent else None,
        "obtained": consent.how if consent else "",
        "lapses on": consent.expires_on if consent else None,
        "withdrawn on": consent.withdrawn_on if consent else None,
    }


def record_client_consent(
    database: Database,
    candidate_id: int,
    client_id: int,
    consent: Consent,
    *,
    expected_version: int = 0,
    represented: DataProtection | None = None,
) -> ClientConsent:
    """Record (or bring up to date) a candidate's consent to be sent to one client.

    `expected_version` is the version shown (0: none was on record); a consent changed by
    someone else meanwhile is refused rather than overwritten. With `represented` (the
    record as shown), the same consent is also recorded as consent to be represented, in
    the same transaction: both are saved, or neither.
    """
    with database.write() as session:
        _live_candidate(session, candidate_id)
        if represented is not None:
            _save_protection(
                session,
                candidate_id,
                replace(represented, representation=consent),
                represented.version,
            )
        client = session.get(ClientRecord, client_id)
        if client is None:
            raise NotFoundError(f"no client #{client_id}")
        row = session.scalar(
            select(ClientConsentRecord).where(
                ClientConsentRecord.candidate_id == candidate_id,
                ClientConsentRecord.client_id == client_id,
            )
        )
        if (row.version if row is not None else 0) != expected_version:
            raise ConflictError(
                f"the consent for {client.name} was changed by someone else after you opened "
                "it; reload to see it"
            )
        before = _client_consent(row, client.name).consent if row is not None else None
        check_renewal(
            before.withdrawn_on if before else None, consent, f"consent to be sent to {client.name}"
        )
        now, by = utc_now(), actor(session)
        if row is None:
            row = ClientConsentRecord(candidate_id=candidate_id, client_id=client_id)
            session.add(row)
        row.given_on, row.how = consent.given_on, consent.how
        row.expires_on, row.withdrawn_on = consent.expires_on, consent.withdrawn_on
        row.recorded_by, row.recorded_at = by, now
        session.flush()
        changes = field_changes(_consent_fields(before), _consent_fields(consent))
        if changes:
            action = Action.CREATED if before is None else Action.CHANGED
            record(
                session,
                [
                    Change(
                        candidate_id,
                        Entity.CONSENT,
                        row.id,
                        action,
                        changes,
                        f"to be sent to {client.name}",
                    )
                ],
                now,
                by,
            )
        return _client_consent(row, client.name)


def withdraw_client_consent(
    database: Database, consent_id: int, on: date, *, expected_version: int
) -> ClientConsent:
    """Record that a candidate withdrew their consent to be sent to a client from `on`.

    `on` may be earlier than today (a withdrawal by letter, recorded later), never before
    the consent was given nor in the future.
    """
    with database.read() as session:
        row = session.get(ClientConsentRecord, consent_id)
        if row is None:
            raise NotFoundError(f"no consent #{consent_id}")
        current = Consent(row.given_on, row.how, row.expires_on, row.withdrawn_on)
        candidate_id, client_id = row.candidate_id, row.client_id
    withdrawn = validate_consent(
        current.given_on, current.how, current.expires_on, today=today(), withdrawn_on=on
    )
    return record_client_consent(
        database, candidate_id, client_id, withdrawn, expected_version=expected_version
    )


def unrepresentable(database: Database, candidate_ids: Sequence[int], on: date) -> dict[int, str]:
    """Return, by candidate id, why consent to be represented does not hold on `on`.

    For the places that name no client (a preview, `workbench profile`): a warning there,
    where Submit to client refuses.
    """
    ids = list(dict.fromkeys(candidate_ids))
    held: dict[int, Consent | None] = {}
    with database.read() as session:
        for start in range(0, len(ids), 900):  # SQLite's bound-parameter limit, with room
            for row in session.scalars(
                select(DataProtectionRecord).where(
                    DataProtectionRecord.candidate_id.in_(ids[start : start + 900])
                )
            ):
                held[row.candidate_id] = _protection(row).representation
    problems = {cid: standing(held.get(cid), on) for cid in ids}
    return {cid: problem for cid, problem in problems.items() if problem}


def consent_refusals(
    database: Database, client_id: int, client_name: str, candidate_ids: Sequence[int], on: date
) -> dict[int, list[str]]:
    """Return, by candidate id, why each may not be sent to the client for want of consent.

    Two queries for any number of candidates, so a long shortlist costs no more than one.
    """
    ids = list(dict.fromkeys(candidate_ids))
    with database.read() as session:
        protections = {
            row.candidate_id: _protection(row)
            for row in session.scalars(
                select(DataProtectionRecord).where(DataProtectionRecord.candidate_id.in_(ids))
            )
        }
        consents = {
            row.candidate_id: _client_consent(row, client_name)
            for row in session.scalars(
                select(ClientConsentRecord).where(
                    ClientConsentRecord.client_id == client_id,
                    ClientConsentRecord.candidate_id.in_(ids),
                )
            )
        }
    refusals = {}
    for cid in ids:
        gaps = consent_gaps(
            protections.get(cid, DataProtection()), consents.get(cid), client_name, on
        )
        if gaps:
            refusals[cid] = gaps
    return refusals
