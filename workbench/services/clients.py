"""Use cases on client companies and their contacts."""

from __future__ import annotations

import re
from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from workbench.domain.clients import (
    Client,
    ClientDraft,
    ContactDraft,
    validate_client,
    validate_contact,
)
from workbench.domain.errors import (
    ConflictError,
    DuplicateError,
    NotFoundError,
    ValidationError,
    WorkbenchError,
)
from workbench.services.candidates import utc_now
from workbench.store import client_queries
from workbench.store.client_models import ClientRecord, ContactRecord, JobOrderRecord
from workbench.store.engine import Database


def _key(name: str) -> str:
    return " ".join(name.casefold().split())


def _validated_contacts(
    contacts: Sequence[tuple[int | None, ContactDraft]],
) -> list[tuple[int | None, ContactDraft]]:
    """Return the contacts cleaned; errors name the contact's row ('contacts.2.email')."""
    errors: dict[str, str] = {}
    clean: list[tuple[int | None, ContactDraft]] = []
    for index, (contact_id, draft) in enumerate(contacts):
        try:
            clean.append((contact_id, validate_contact(draft)))
        except ValidationError as exc:
            for name, message in exc.errors.items():
                errors[f"contacts.{index}.{name}"] = message
    if errors:
        raise ValidationError(errors)
    return clean


def save_client(
    database: Database,
    client_id: int | None,
    draft: ClientDraft,
    contacts: Sequence[tuple[int | None, ContactDraft]] = (),
    expected_version: int | None = None,
) -> Client:
    """Add a client (client_id None) or save one as edited, with its contacts in order.

    Contacts missing from the list are removed; job orders naming one keep no contact.
    """
    clean = validate_client(draft)
    people = _validated_contacts(contacts)
    now = utc_now()
    try:
        with database.write() as session:
            if client_id is None:
                record = ClientRecord(created_at=now)
                session.add(record)
            else:
                record = _client(session, client_id)
                if expected_version is not None and record.version != expected_version:
                    raise ConflictError(
                        f"{record.name} was changed by someone else after you opened it; "
                        "reload to see their changes"
                    )
            record.name, record.name_key = clean.name, _key(clean.name)
            record.industry, record.work_environment = clean.industry, clean.work_environment
            record.notes, record.updated_at = clean.notes, now
            session.flush()
            _save_contacts(session, record.id, people)
            session.flush()
            return client_queries.to_clients(session, [record])[0]
    except IntegrityError:
        raise DuplicateError(f"a client named {clean.name} already exists") from None
    except StaleDataError:
        raise ConflictError("the client was changed by someone else while saving") from None


def _save_contacts(
    session: Session, client_id: int, people: Sequence[tuple[int | None, ContactDraft]]
) -> None:
    existing = {
        record.id: record
        for record in session.scalars(
            select(ContactRecord).where(ContactRecord.client_id == client_id)
        )
    }
    kept = {contact_id for contact_id, _ in people if contact_id is not None}
    for stored_id, stored in existing.items():
        if stored_id not in kept:
            session.delete(stored)
    for position, (contact_id, draft) in enumerate(people):
        if contact_id is None:
            record = ContactRecord(client_id=client_id)
            session.add(record)
        elif contact_id in existing:
            record = existing[contact_id]
        else:
            raise ConflictError("a contact was removed by someone else meanwhile; reload")
        record.position, record.name, record.title = position, draft.name, draft.title
        record.email, record.phone = draft.email, draft.phone


def _client(session: Session, client_id: int) -> ClientRecord:
    record = session.get(ClientRecord, client_id)
    if record is None:
        raise NotFoundError(f"no client #{client_id}")
    return record


def clients(database: Database) -> list[Client]:
    """Return every client by name, with contacts and open job counts."""
    with database.read() as session:
        records = list(session.scalars(select(ClientRecord).order_by(ClientRecord.name_key)))
        return client_queries.to_clients(session, records)


def get_client(database: Database, client_id: int) -> Client:
    """Return one client; raise NotFoundError."""
    with database.read() as session:
        return client_queries.to_clients(session, [_client(session, client_id)])[0]


def find_client(database: Database, reference: str) -> Client:
    """Return the client named (any case) or numbered ('3', '#3'); raise NotFoundError."""
    text = reference.strip()
    with database.read() as session:
        record = session.scalar(select(ClientRecord).where(ClientRecord.name_key == _key(text)))
        digits = text.removeprefix("#")
        if record is None and re.fullmatch(r"[0-9]{1,18}", digits):
            record = session.get(ClientRecord, int(digits))
        if record is None:
            raise NotFoundError(f"no client {text!r}")
        return client_queries.to_clients(session, [record])[0]


def remove_client(database: Database, client_id: int) -> None:
    """Remove a client entered by mistake; one with job orders stays (its history needs it)."""
    with database.write() as session:
        record = _client(session, client_id)
        jobs = session.scalar(
            select(JobOrderRecord.id).where(JobOrderRecord.client_id == client_id).limit(1)
        )
        if jobs is not None:
            raise WorkbenchError(
                f"{record.name} has job orders on record; cancel them instead of removing "
                "the client"
            )
        session.delete(record)
