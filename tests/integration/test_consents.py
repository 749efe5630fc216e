"""Consents and the retention review on a real database file: stored, versioned, in history."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timedelta

import pytest
from sqlalchemy import text, update

from workbench.domain.candidate import CandidateDraft
from workbench.domain.clients import ClientDraft
from workbench.domain.consent import Consent, LawfulBasis
from workbench.domain.errors import ConflictError, NotFoundError, ValidationError, WorkbenchError
from workbench.domain.history import Action, Entity
from workbench.services import consents, privacy, retention
from workbench.services.candidates import add_candidate, delete_candidates
from workbench.services.clients import save_client
from workbench.services.history import candidate_history
from workbench.store.engine import Database
from workbench.store.models import CandidateRecord, HistoryRecord
from workbench.store.privacy_models import ClientConsentRecord, DataProtectionRecord

AGREED = Consent(date(2026, 1, 5), "in writing (email)", date(2027, 1, 5))


def _person(database: Database, n: int = 1) -> int:
    return add_candidate(database, CandidateDraft(f"Ann{n}", "Lee", f"ann{n}@example.com")).id


def _client(database: Database, name: str = "Northwind Bank") -> int:
    return save_client(database, None, ClientDraft(name)).id


def test_nothing_recorded_reads_as_legitimate_interests_without_consent(
    database: Database,
) -> None:
    held = consents.data_protection(database, _person(database))
    assert held.lawful_basis is LawfulBasis.LEGITIMATE_INTERESTS
    assert held.representation is None and held.version == 0


def test_saving_records_the_basis_and_consent_with_history_and_refuses_stale_forms(
    database: Database,
) -> None:
    cid = _person(database)
    saved = consents.save_data_protection(
        database, cid, LawfulBasis.CONSENT, AGREED, "asked on the phone", expected_version=0
    )
    assert saved.version == 1 and saved.representation == AGREED
    assert consents.data_protection(database, cid) == saved
    with pytest.raises(ConflictError, match="changed by someone else"):
        consents.save_data_protection(database, cid, LawfulBasis.CONTRACT, None, expected_version=0)
    assert consents.data_protection(database, cid).lawful_basis is LawfulBasis.CONSENT
    entries = candidate_history(database, cid, [Entity.CONSENT])
    assert {e.action for e in entries} == {Action.CREATED}
    assert {e.field: e.new for e in entries}["lawful basis"] == "Consent"
    # A save that changes nothing writes no history.
    consents.save_data_protection(
        database, cid, LawfulBasis.CONSENT, AGREED, "asked on the phone", expected_version=1
    )
    assert len(candidate_history(database, cid, [Entity.CONSENT])) == len(entries)


def test_consent_to_a_client_is_one_row_per_pair_kept_up_to_date(database: Database) -> None:
    cid, client_id = _person(database), _client(database)
    first = consents.record_client_consent(database, cid, client_id, AGREED)
    assert first.client_name == "Northwind Bank" and first.version == 1
    with pytest.raises(ConflictError):
        consents.record_client_consent(database, cid, client_id, AGREED, expected_version=0)
    withdrawn = consents.withdraw_client_consent(
        database, first.id, date(2026, 3, 1), expected_version=1
    )
    assert withdrawn.id == first.id and withdrawn.consent.withdrawn_on == date(2026, 3, 1)
    assert [c.id for c in consents.client_consents(database, cid)] == [first.id]
    entries = candidate_history(database, cid, [Entity.CONSENT])
    assert {e.detail for e in entries} == {"to be sent to Northwind Bank"}
    assert entries[0].field == "withdrawn on" and entries[0].new == "2026-03-01"
    with pytest.raises(NotFoundError):
        consents.record_client_consent(database, cid, 999, AGREED)


def test_consent_cannot_be_recorded_on_a_deleted_candidate(database: Database) -> None:
    cid = _person(database)
    delete_candidates(database, [cid])
    with pytest.raises(ConflictError, match="deleted"):
        consents.save_data_protection(
            database, cid, LawfulBasis.CONSENT, AGREED, expected_version=0
        )


def test_refusals_name_each_candidate_missing_a_consent_in_two_queries(
    database: Database,
) -> None:
    client_id = _client(database)
    ready, half, none = (_person(database, n) for n in (1, 2, 3))
    for cid in (ready, half):
        consents.save_data_protection(
            database, cid, LawfulBasis.LEGITIMATE_INTERESTS, AGREED, expected_version=0
        )
    consents.record_client_consent(database, ready, client_id, AGREED)
    found = consents.consent_refusals(
        database, client_id, "Northwind Bank", [ready, half, none], date(2026, 6, 1)
    )
    assert set(found) == {half, none}
    assert found[half] == ["no consent to be sent to Northwind Bank on record"]
    assert len(found[none]) == 2
    lapsed = consents.consent_refusals(
        database, client_id, "Northwind Bank", [ready], date(2027, 2, 1)
    )
    assert lapsed[ready] == [
        "consent to be represented lapsed on 2027-01-05",
        "consent to be sent to Northwind Bank lapsed on 2027-01-05",
    ]


def test_erasure_takes_the_consents_with_it(database: Database) -> None:
    cid, client_id = _person(database), _client(database)
    consents.save_data_protection(database, cid, LawfulBasis.CONSENT, AGREED, expected_version=0)
    consents.record_client_consent(database, cid, client_id, AGREED)
    privacy.erase_candidate(database, cid)
    with database.read() as session:
        assert session.get(DataProtectionRecord, cid) is None
        assert session.query(ClientConsentRecord).count() == 0


def test_the_subject_access_export_holds_the_consents(database: Database) -> None:
    cid, client_id = _person(database), _client(database)
    consents.save_data_protection(database, cid, LawfulBasis.CONSENT, AGREED, expected_version=0)
    consents.record_client_consent(database, cid, client_id, AGREED)
    report = privacy.subject_access_report(database, cid)
    assert report["data_protection"]["lawful_basis"] == "consent"
    assert report["client_consents"][0]["client_name"] == "Northwind Bank"


def _backdate(database: Database, ids: list[int], when: datetime) -> None:
    """Make candidates look untouched since `when`: their row and every history entry."""
    with database.write() as session:
        session.execute(
            update(CandidateRecord).where(CandidateRecord.id.in_(ids)).values(updated_at=when)
        )
        # The trail refuses updates by trigger; this test's own file may lift it to fake
        # entries written long ago.
        session.execute(text("DROP TRIGGER IF EXISTS history_append_only"))
        session.execute(
            update(HistoryRecord).where(HistoryRecord.candidate_id.in_(ids)).values(at=when)
        )


def test_the_retention_period_is_a_recorded_setting(database: Database) -> None:
    assert retention.retention_months(database) == 24
    assert retention.set_retention_months(database, 36) == 36
    assert retention.retention_months(database) == 36
    with pytest.raises(ValidationError, match="at least a year"):
        retention.set_retention_months(database, 6)
    settings = candidate_history(database, None, [Entity.SETTINGS])
    assert settings[0].field == "retention_months" and settings[0].new == "36"


def test_the_review_lists_who_had_no_activity_in_the_period_and_keep_resets_it(
    database: Database,
) -> None:
    old, recent, deleted = (_person(database, n) for n in (1, 2, 3))
    delete_candidates(database, [deleted])
    _backdate(database, [old, deleted], datetime(2023, 5, 1, 9, 0))
    day = date(2026, 11, 26)
    found = retention.past_retention(database, day)
    assert [row.candidate_id for row in found] == [old, deleted]
    assert found[0].last_activity == datetime(2023, 5, 1, 9, 0)
    assert found[0].keep_until == date(2025, 5, 1)
    assert found[1].deleted and not found[0].deleted
    assert found[0].stage == "Sourced"
    assert recent not in {row.candidate_id for row in found}
    assert retention.keep(database, [old], "placed twice; the client may rehire") == 1
    assert [row.candidate_id for row in retention.past_retention(database, day)] == [deleted]
    # Once the period runs out again, the row comes back saying why it was kept.
    later = retention.past_retention(database, date(2029, 1, 1))
    kept = next(row for row in later if row.candidate_id == old)
    assert kept.last_kept.endswith(": placed twice; the client may rehire")
    with pytest.raises(ValidationError):
        retention.keep(database, [old], "  ")
    with pytest.raises(WorkbenchError, match="no candidate #999"):
        retention.keep(database, [old, 999], "x")
    erased = privacy.erase_candidates(database, [row.candidate_id for row in found])
    assert erased.candidate_ids == (old, deleted)
    left = retention.past_retention(database, date(2029, 1, 1))
    assert [row.candidate_id for row in left] == [recent]


def test_going_down_to_0010_leaves_a_history_0010_can_read_and_still_guarded(
    database: Database,
) -> None:
    import sqlite3

    from workbench.store.migrations import downgrade, upgrade

    cid, client_id = _person(database), _client(database)
    consents.record_client_consent(database, cid, client_id, AGREED)
    retention.keep(database, [cid], "may return")
    downgrade(database, "0010")
    assert database.path is not None
    with sqlite3.connect(database.path) as connection:
        kinds = set(connection.execute("SELECT DISTINCT entity, action FROM history"))
        triggers = {
            row[0]
            for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")
        }
        with pytest.raises(sqlite3.DatabaseError):
            connection.execute("UPDATE history SET detail = 'x'")
    assert all(entity != "consent" and action != "kept" for entity, action in kinds)
    assert ("candidate", "changed") in kinds
    assert "history_append_only" in triggers
    upgrade(database)
    assert [e.detail for e in candidate_history(database, cid)][:1] == ["may return"]


def test_a_withdrawn_consent_is_not_brought_back_by_an_edit_with_the_old_dates(
    database: Database,
) -> None:
    cid, client_id = _person(database), _client(database)
    held = consents.record_client_consent(database, cid, client_id, AGREED)
    gone = consents.withdraw_client_consent(
        database, held.id, date(2026, 3, 1), expected_version=held.version
    )
    with pytest.raises(ValidationError, match="withdrawn on 2026-03-01"):
        consents.record_client_consent(
            database, cid, client_id, AGREED, expected_version=gone.version
        )
    again = Consent(date(2026, 3, 2), "asked again, in writing")
    renewed = consents.record_client_consent(
        database, cid, client_id, again, expected_version=gone.version
    )
    assert renewed.consent == again
    consents.save_data_protection(database, cid, LawfulBasis.CONSENT, AGREED, expected_version=0)
    stopped = replace(AGREED, withdrawn_on=date(2026, 2, 1))
    consents.save_data_protection(database, cid, LawfulBasis.CONSENT, stopped, expected_version=1)
    with pytest.raises(ValidationError, match="consent to be represented was withdrawn"):
        consents.save_data_protection(
            database, cid, LawfulBasis.CONSENT, AGREED, expected_version=2
        )


def test_a_withdrawal_is_dated_between_the_consent_and_today(database: Database) -> None:
    cid, client_id = _person(database), _client(database)
    held = consents.record_client_consent(database, cid, client_id, AGREED)
    with pytest.raises(ValidationError) as early:
        consents.withdraw_client_consent(
            database, held.id, date(2025, 6, 1), expected_version=held.version
        )
    assert set(early.value.errors) == {"withdrawn on"}  # not "given in the future"
    with pytest.raises(ValidationError, match="not ahead"):
        consents.withdraw_client_consent(
            database, held.id, date.today() + timedelta(days=3), expected_version=held.version
        )


def test_both_consents_are_recorded_together_or_not_at_all(database: Database) -> None:
    cid, client_id = _person(database), _client(database)
    shown = consents.data_protection(database, cid)
    consents.record_client_consent(database, cid, client_id, AGREED)  # someone else, meanwhile
    with pytest.raises(ConflictError):
        consents.record_client_consent(
            database, cid, client_id, AGREED, expected_version=0, represented=shown
        )
    assert consents.data_protection(database, cid).representation is None  # not half-saved
    consents.record_client_consent(
        database, cid, client_id, AGREED, expected_version=1, represented=shown
    )
    assert consents.data_protection(database, cid).representation == AGREED


def test_deleting_is_not_activity_and_an_active_candidate_is_not_erased_by_the_review(
    database: Database,
) -> None:
    idle, busy = _person(database, 1), _person(database, 2)
    _backdate(database, [idle, busy], datetime(2023, 5, 1, 9, 0))
    delete_candidates(database, [idle])
    day = date(2026, 11, 26)
    assert [row.candidate_id for row in retention.past_retention(database, day)] == [idle, busy]
    since = retention.cutoff(database, day)
    consents.save_data_protection(database, busy, LawfulBasis.CONSENT, AGREED, expected_version=0)
    result = privacy.erase_candidates(database, [idle, busy], inactive_before=since)
    assert result.candidate_ids == (idle,) and result.skipped == (busy,)
    assert consents.data_protection(database, busy).version == 1


def test_setting_the_period_replaces_a_damaged_value(database: Database) -> None:
    from workbench.services.catalogue import preference, set_preference

    set_preference(database, retention.RETENTION_MONTHS, "240")
    assert retention.retention_months(database) == 24  # out of range reads as the default
    retention.set_retention_months(database, 24)
    assert preference(database, retention.RETENTION_MONTHS) == "24"


def test_clearing_a_withdrawn_consent_does_not_open_a_way_round_the_rule(
    database: Database,
) -> None:
    cid = _person(database)
    consents.save_data_protection(database, cid, LawfulBasis.CONSENT, AGREED, expected_version=0)
    stopped = replace(AGREED, withdrawn_on=date(2026, 2, 1))
    consents.save_data_protection(database, cid, LawfulBasis.CONSENT, stopped, expected_version=1)
    consents.save_data_protection(database, cid, LawfulBasis.CONSENT, None, expected_version=2)
    with pytest.raises(ValidationError, match="withdrawn on 2026-02-01"):
        consents.save_data_protection(
            database, cid, LawfulBasis.CONSENT, AGREED, expected_version=3
        )
    # Editing how it was obtained, or the basis, on a withdrawn consent stays possible.
    consents.save_data_protection(
        database, cid, LawfulBasis.CONTRACT, replace(stopped, how="signed form"), expected_version=3
    )
    renewed = Consent(date(2026, 2, 1), "confirmed by phone: the withdrawal was a mistake")
    saved = consents.save_data_protection(
        database, cid, LawfulBasis.CONTRACT, renewed, expected_version=4
    )
    assert saved.representation == renewed
