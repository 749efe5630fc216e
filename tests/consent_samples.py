"""Record the consents a submission needs, for tests about something else than consent."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from workbench.domain.consent import Consent, LawfulBasis
from workbench.services import consents
from workbench.store.engine import Database

GIVEN_ON = date(2025, 1, 2)


def consent_to(database: Database, client_id: int, candidate_ids: Iterable[int]) -> None:
    """Record each candidate's consent to be represented and to be sent to the client."""
    agreed = Consent(GIVEN_ON, "in writing (email)")
    for cid in candidate_ids:
        held = consents.data_protection(database, cid)
        if held.representation is None:
            consents.save_data_protection(
                database,
                cid,
                LawfulBasis.LEGITIMATE_INTERESTS,
                agreed,
                expected_version=held.version,
            )
        known = {c.client_id: c.version for c in consents.client_consents(database, cid)}
        if client_id not in known:
            consents.record_client_consent(database, cid, client_id, agreed)
