"""Claims, checks and evidence on a real SQLite file: history, statuses, tampering, rule edits."""

from __future__ import annotations

import random
import sqlite3
import stat
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import pytest

from workbench.domain.candidate import CandidateDraft, EducationEntry
from workbench.domain.certifications import CheckOutcome, ClaimStatus, claim_status
from workbench.domain.claims import CheckDraft, CheckMethod, ClaimDraft, EvidenceState
from workbench.domain.errors import (
    ConflictError,
    DuplicateError,
    NotFoundError,
    ValidationError,
    WorkbenchError,
)
from workbench.domain.search import SearchCriteria
from workbench.services import catalogue, claims, evidence_files
from workbench.services.candidates import add_candidate, delete_candidates, purge_deleted
from workbench.services.search import candidate_rows, search_candidates
from workbench.store import claim_queries
from workbench.store.engine import Database

TODAY = date(2026, 11, 26)


def _candidate(database: Database, n: int = 1, **changes: object) -> int:
    draft = CandidateDraft(f"Ann{n}", "Lee", f"ann{n}@example.com", years_experience=9.0)
    return add_candidate(database, replace(draft, **changes)).id  # type: ignore[arg-type]


def _check(outcome: CheckOutcome = CheckOutcome.VERIFIED, on: date = TODAY) -> CheckDraft:
    return CheckDraft(on, "Zoe Adams", CheckMethod.REGISTRY, outcome, "PMI registry", "")


def _pdf(tmp_path: Path, name: str = "registry.pdf", body: bytes = b"1") -> Path:
    path = tmp_path / name
    path.write_bytes(b"%PDF-1.4\n" + body)
    return path


def test_a_claim_gets_its_expiry_from_the_rule_and_starts_unverified(database: Database) -> None:
    cid = _candidate(database)
    claim = claims.add_claim(
        database, cid, "pmp", ClaimDraft("0012345", "998877", date(2024, 2, 29)), on=TODAY
    )
    assert claim.code == "PMP"
    assert claim.credential_id == "0012345"
    assert claim.expires_on == date(2027, 2, 28)
    assert claim.status is ClaimStatus.UNVERIFIED


def test_a_candidate_claims_a_certification_once(database: Database) -> None:
    cid = _candidate(database)
    claims.add_claim(database, cid, "CSM", ClaimDraft(), on=TODAY)
    with pytest.raises(DuplicateError, match="already claims CSM"):
        claims.add_claim(database, cid, "Certified ScrumMaster", ClaimDraft(), on=TODAY)


def test_an_unknown_certification_lists_the_known_codes(database: Database) -> None:
    with pytest.raises(WorkbenchError, match="known: PMP, CSM, PRINCE2-PRACTITIONER"):
        claims.add_claim(database, _candidate(database), "CISSP", ClaimDraft(), on=TODAY)


def test_a_claim_for_a_missing_candidate_is_not_found(database: Database) -> None:
    with pytest.raises(NotFoundError):
        claims.add_claim(database, 999, "PMP", ClaimDraft(), on=TODAY)


def test_a_verified_check_verifies_and_records_the_rule_it_was_made_under(
    database: Database,
) -> None:
    cid = _candidate(database)
    claim = claims.add_claim(database, cid, "AWS SAA", ClaimDraft(earned_on=date(2025, 3, 1)))
    check = claims.record_check(database, claim.id, _check(), on=TODAY)
    assert check.rule_revision == 1
    assert check.valid_until == date(2028, 3, 1)
    [stored] = claims.candidate_claims(database, cid, on=TODAY)
    assert stored.status is ClaimStatus.VERIFIED
    assert stored.last_checked_on == TODAY
    assert [c.id for c in stored.checks] == [check.id]


def test_the_latest_check_by_date_decides_even_when_recorded_earlier(database: Database) -> None:
    cid = _candidate(database)
    claim = claims.add_claim(database, cid, "PMP", ClaimDraft(earned_on=date(2025, 1, 1)))
    claims.record_check(database, claim.id, _check(on=TODAY), on=TODAY)
    # Entered afterwards, but about an older lookup: it must not undo today's verification.
    claims.record_check(
        database, claim.id, _check(CheckOutcome.NOT_FOUND, TODAY - timedelta(days=30)), on=TODAY
    )
    [stored] = claims.candidate_claims(database, cid, on=TODAY)
    assert stored.status is ClaimStatus.VERIFIED
    assert [c.outcome for c in stored.checks] == [CheckOutcome.VERIFIED, CheckOutcome.NOT_FOUND]


@pytest.mark.parametrize("outcome", [CheckOutcome.NOT_FOUND, CheckOutcome.MISMATCH])
def test_not_found_or_mismatch_fails_verification(
    database: Database, outcome: CheckOutcome
) -> None:
    cid = _candidate(database)
    claim = claims.add_claim(database, cid, "PMP", ClaimDraft(earned_on=date(2025, 1, 1)))
    claims.record_check(database, claim.id, _check(outcome), on=TODAY)
    assert claims.get_claim(database, cid, "PMP").status is ClaimStatus.VERIFICATION_FAILED


def test_a_check_that_breaks_a_rule_is_refused_and_records_nothing(database: Database) -> None:
    cid = _candidate(database)
    claim = claims.add_claim(database, cid, "PMP", ClaimDraft())
    with pytest.raises(ValidationError):
        claims.record_check(database, claim.id, _check(on=TODAY + timedelta(days=1)), on=TODAY)
    assert claims.get_claim(database, cid, "PMP").checks == ()


def test_evidence_is_kept_privately_under_its_hash_and_checked_when_opened(
    database: Database, tmp_path: Path
) -> None:
    cid = _candidate(database)
    claim = claims.add_claim(database, cid, "PMP", ClaimDraft(earned_on=date(2025, 1, 1)))
    source = _pdf(tmp_path)
    check = claims.record_check(database, claim.id, _check(), [source], on=TODAY)
    [evidence] = check.evidence
    assert evidence.filename == "registry.pdf"
    assert evidence.media_type == "application/pdf"
    access = evidence_files.open_evidence(database, evidence.id)
    assert access.state is EvidenceState.INTACT and access.problem is None
    assert access.path.read_bytes() == source.read_bytes()
    assert stat.S_IMODE(access.path.stat().st_mode) == 0o400
    assert access.path.parent != source.parent
    source.unlink()  # the store keeps its own copy
    assert evidence_files.open_evidence(database, evidence.id).state is EvidenceState.INTACT


def test_a_changed_evidence_file_is_reported_never_shown_as_fine(
    database: Database, tmp_path: Path
) -> None:
    cid = _candidate(database)
    claim = claims.add_claim(database, cid, "PMP", ClaimDraft())
    check = claims.record_check(database, claim.id, _check(), [_pdf(tmp_path)], on=TODAY)
    access = evidence_files.open_evidence(database, check.evidence[0].id)
    access.path.chmod(0o600)
    access.path.write_bytes(b"%PDF-1.4\nforged")
    tampered = evidence_files.open_evidence(database, check.evidence[0].id)
    assert tampered.state is EvidenceState.CHANGED
    assert tampered.problem is not None and "changed" in tampered.problem
    access.path.unlink()
    missing = evidence_files.open_evidence(database, check.evidence[0].id)
    assert missing.state is EvidenceState.MISSING
    assert missing.problem is not None and "missing" in missing.problem


def test_evidence_that_is_not_a_pdf_png_or_jpeg_is_refused_and_nothing_is_kept(
    database: Database, tmp_path: Path
) -> None:
    cid = _candidate(database)
    claim = claims.add_claim(database, cid, "PMP", ClaimDraft())
    fake = tmp_path / "cert.pdf"
    fake.write_text("MZ this is really a program")
    with pytest.raises(WorkbenchError, match="not a PDF, PNG or JPEG"):
        claims.record_check(database, claim.id, _check(), [_pdf(tmp_path), fake], on=TODAY)
    assert claims.get_claim(database, cid, "PMP").checks == ()
    folder = evidence_files.evidence_store(database).folder
    assert not [p for p in folder.rglob("*") if p.is_file()]


def test_a_save_that_fails_after_copying_removes_the_copied_files(
    database: Database, tmp_path: Path
) -> None:
    with pytest.raises(NotFoundError):
        claims.record_check(database, 12345, _check(), [_pdf(tmp_path)], on=TODAY)
    folder = evidence_files.evidence_store(database).folder
    assert not [p for p in folder.rglob("*") if p.is_file()]


def test_the_same_file_attached_twice_is_stored_once_and_kept_for_both(
    database: Database, tmp_path: Path
) -> None:
    cid = _candidate(database)
    claim = claims.add_claim(database, cid, "PMP", ClaimDraft())
    first = claims.record_check(database, claim.id, _check(), [_pdf(tmp_path)], on=TODAY)
    with pytest.raises(NotFoundError):
        claims.record_check(database, 999, _check(), [_pdf(tmp_path)], on=TODAY)
    # The failed save must not take away the file the first check still relies on.
    assert (
        evidence_files.open_evidence(database, first.evidence[0].id).state is EvidenceState.INTACT
    )


def test_recorded_checks_cannot_be_changed_even_with_sql(database: Database) -> None:
    cid = _candidate(database)
    claim = claims.add_claim(database, cid, "PMP", ClaimDraft())
    claims.record_check(database, claim.id, _check(), on=TODAY)
    assert database.path is not None
    with (
        sqlite3.connect(database.path) as connection,
        pytest.raises(sqlite3.IntegrityError, match="append-only"),
    ):
        connection.execute("UPDATE certification_checks SET outcome = 'not-found'")


def test_a_claim_with_checks_stays_but_a_mistaken_one_can_go(database: Database) -> None:
    cid = _candidate(database)
    checked = claims.add_claim(database, cid, "PMP", ClaimDraft())
    mistaken = claims.add_claim(database, cid, "CSM", ClaimDraft())
    claims.record_check(database, checked.id, _check(), on=TODAY)
    with pytest.raises(WorkbenchError, match="stays in the history"):
        claims.remove_claim(database, checked.id)
    claims.remove_claim(database, mistaken.id)
    assert [c.code for c in claims.candidate_claims(database, cid)] == ["PMP"]


def test_editing_a_claim_opened_before_someone_else_saved_is_refused(database: Database) -> None:
    cid = _candidate(database)
    claim = claims.add_claim(database, cid, "PMP", ClaimDraft("1"))
    claims.update_claim(database, claim.id, claim.version, ClaimDraft("2"))
    with pytest.raises(ConflictError):
        claims.update_claim(database, claim.id, claim.version, ClaimDraft("3"))
    assert claims.get_claim(database, cid, "PMP").credential_id == "2"


def test_a_rule_edited_after_checks_exist_changes_status_not_history(database: Database) -> None:
    cid = _candidate(database)
    claim = claims.add_claim(database, cid, "CSM", ClaimDraft(earned_on=date(2024, 6, 1)))
    check = claims.record_check(database, claim.id, _check(on=date(2025, 1, 10)), on=TODAY)
    assert check.valid_until == date(2026, 6, 1)
    assert claims.get_claim(database, cid, "CSM").status is ClaimStatus.EXPIRED

    csm = catalogue.resolve_certification(database, "CSM")
    changed = catalogue.change_certification(
        database, "CSM", replace(csm, validity_months=36), "Admin"
    )
    assert changed.revision == 2

    after = claims.get_claim(database, cid, "CSM")
    assert after.expires_on == date(2027, 6, 1)
    assert after.status is ClaimStatus.VERIFIED
    [kept] = after.checks
    assert (kept.rule_revision, kept.valid_until) == (1, date(2026, 6, 1))
    with database.read() as session:
        old = claim_queries.rule_at_revision(session, 2, 1)
    assert old is not None and old.validity_months == 24
    # The next check is made under the new rule.
    newer = claims.record_check(database, claim.id, _check(), on=TODAY)
    assert (newer.rule_revision, newer.valid_until) == (2, date(2027, 6, 1))


def test_saving_an_unchanged_rule_makes_no_new_revision(database: Database) -> None:
    pmp = catalogue.resolve_certification(database, "PMP")
    assert catalogue.change_certification(database, "PMP", pmp, "Admin").revision == pmp.revision


def test_the_catalogue_takes_a_new_certification_and_refuses_a_second_one(
    database: Database,
) -> None:
    pmp = catalogue.resolve_certification(database, "PMP")
    added = catalogue.add_certification(
        database, replace(pmp, code="cissp", name="CISSP", aliases=()), "Admin"
    )
    assert added.code == "CISSP" and added.revision == 1
    assert catalogue.resolve_certification(database, "cissp").name == "CISSP"
    with pytest.raises(DuplicateError):
        catalogue.add_certification(database, replace(pmp, code="CISSP", aliases=()), "Admin")


def test_a_retired_certification_takes_no_new_claims(database: Database) -> None:
    acp = catalogue.resolve_certification(database, "PMI-ACP")
    catalogue.change_certification(database, "PMI-ACP", replace(acp, retired=True), "Admin")
    with pytest.raises(WorkbenchError, match="retired"):
        claims.add_claim(database, _candidate(database), "PMI-ACP", ClaimDraft())
    codes = [r.code for r in catalogue.certification_rules(database, include_retired=False)]
    assert "PMI-ACP" not in codes


def test_warnings_name_another_holder_of_the_id_and_a_short_career(database: Database) -> None:
    first = _candidate(database, 1, years_experience=2.0)
    second = _candidate(database, 2)
    claims.add_claim(database, first, "PMP", ClaimDraft("0012-345"))
    claims.add_claim(database, second, "PMP", ClaimDraft("0012345"))
    [claim] = claims.candidate_claims(database, first)
    text = " | ".join(claim.warnings)
    assert "also on file for Ann2 Lee" in text
    assert "60 months" in text  # no degree on file
    assert "'0012-345' does not look like" in text


def test_a_degree_lowers_the_pmp_experience_needed(database: Database) -> None:
    cid = _candidate(
        database,
        years_experience=4.0,
        education=(EducationEntry("Bachelor's", "Computer Science", "UCL", 2015),),
    )
    claims.add_claim(database, cid, "PMP", ClaimDraft("1234567"))
    assert claims.get_claim(database, cid, "PMP").warnings == ()


def test_purging_a_candidate_removes_their_claims_and_checks(database: Database) -> None:
    cid = _candidate(database)
    claim = claims.add_claim(database, cid, "PMP", ClaimDraft())
    claims.record_check(database, claim.id, _check(), on=TODAY)
    delete_candidates(database, [cid])
    assert purge_deleted(database) == 1
    assert database.path is not None
    with sqlite3.connect(database.path) as connection:
        for table in ("certification_claims", "certification_checks"):
            assert connection.execute(f"SELECT count(*) FROM {table}").fetchone() == (0,)


def test_the_expiring_window_counts_both_ends_and_leaves_out_deleted_candidates(
    database: Database,
) -> None:
    ann, bob, cat = (_candidate(database, n) for n in (1, 2, 3))
    # CSM lasts 24 months: earned on these days, they lapse today, in 90 days and in 91.
    for cid, lapse in ((ann, TODAY), (bob, TODAY + timedelta(90)), (cat, TODAY + timedelta(91))):
        claims.add_claim(
            database, cid, "CSM", ClaimDraft(earned_on=lapse.replace(year=lapse.year - 2))
        )
    rows = claims.expiring_claims(database, 90, on=TODAY)
    assert [r.candidate_id for r in rows] == [ann, bob]
    assert rows[1].days_left(TODAY) == 90
    delete_candidates(database, [ann])
    assert [r.candidate_id for r in claims.expiring_claims(database, 90, on=TODAY)] == [bob]
    with pytest.raises(WorkbenchError):
        claims.expiring_claims(database, 0)


def test_the_list_filters_by_certification_and_status_and_shows_badges(
    database: Database,
) -> None:
    verified, unverified, other = (_candidate(database, n) for n in (1, 2, 3))
    for cid in (verified, unverified):
        claims.add_claim(database, cid, "PMP", ClaimDraft(earned_on=date(2025, 6, 1)))
    claims.add_claim(database, other, "CSM", ClaimDraft(earned_on=date(2025, 6, 1)))
    pmp = claims.get_claim(database, verified, "PMP")
    claims.record_check(database, pmp.id, _check(), on=TODAY)

    def ids(**filters: object) -> list[int]:
        criteria = SearchCriteria(status_on=TODAY, **filters)  # type: ignore[arg-type]
        return sorted(search_candidates(database, criteria).ids)

    assert ids(certification="PMP") == [verified, unverified]
    assert ids(certification="PMP", certification_status=ClaimStatus.VERIFIED) == [verified]
    assert ids(certification_status=ClaimStatus.UNVERIFIED) == [unverified, other]
    [row] = candidate_rows(database, [verified])
    assert [(b.code, b.status) for b in row.certifications] == [("PMP", ClaimStatus.VERIFIED)]


def test_the_sql_status_filter_agrees_with_the_rules_for_every_claim(database: Database) -> None:
    """Random claims across every rule, date and outcome: SQL and Python give one status."""
    rng = random.Random(7)
    rules = catalogue.certification_rules(database)
    outcomes = [None, *CheckOutcome]
    expected: dict[tuple[int, str], ClaimStatus] = {}
    for n in range(60):
        cid = _candidate(database, n)
        for rule in rng.sample(rules, 3):
            earned = TODAY - timedelta(days=rng.randint(0, 365 * 4)) if rng.random() < 0.9 else None
            printed = (
                TODAY + timedelta(days=rng.randint(-200, 400)) if rng.random() < 0.15 else None
            )
            if printed is not None and earned is not None and printed <= earned:
                printed = None
            claim = claims.add_claim(database, cid, rule.code, ClaimDraft("", "", earned, printed))
            outcome = rng.choice(outcomes)
            if outcome is not None:
                claims.record_check(database, claim.id, _check(outcome), on=TODAY)
            expected[(cid, rule.code)] = claim_status(rule, earned, printed, outcome, TODAY)
    seen = {status: 0 for status in ClaimStatus}
    with database.read() as session:
        for rule in rules:
            for status in ClaimStatus:
                holders = set(session.scalars(claim_queries.holders_of(rule.code, status, TODAY)))
                wanted = {
                    c for (c, code), s in expected.items() if code == rule.code and s is status
                }
                assert holders == wanted, (rule.code, status)
                seen[status] += len(wanted)
        badges = claim_queries.badges(session, sorted({c for c, _ in expected}), TODAY)
        lapsing = claim_queries.expiring(
            session, TODAY - timedelta(days=3650), TODAY + timedelta(days=3650), TODAY
        )
    assert all(seen.values()), seen  # every status was exercised
    for cid, held in badges.items():
        for badge in held:
            assert badge.status is expected[(cid, badge.code)]
    assert lapsing  # the Expiring view works its status out in Python: the same answer
    for row in lapsing:
        assert row.status is expected[(row.candidate_id, row.code)]


def test_a_lapsed_pmp_is_renewal_due_for_its_suspension_year_then_expired(
    database: Database,
) -> None:
    cid = _candidate(database)
    claim = claims.add_claim(database, cid, "PMP", ClaimDraft(earned_on=date(2023, 3, 1)))
    claims.record_check(database, claim.id, _check(on=date(2024, 1, 5)), on=TODAY)
    # Lapsed 2026-03-01: suspended (renewable) until 2027-03-01, then expired.
    assert claims.get_claim(database, cid, "PMP").status is ClaimStatus.RENEWAL_DUE
    later = date(2027, 3, 1)
    [stored] = claims.candidate_claims(database, cid, on=later)
    assert stored.status is ClaimStatus.EXPIRED
    with database.read() as session:
        due = set(session.scalars(claim_queries.holders_of("PMP", ClaimStatus.RENEWAL_DUE, TODAY)))
        gone = set(session.scalars(claim_queries.holders_of("PMP", ClaimStatus.EXPIRED, later)))
    assert due == gone == {cid}


def test_a_prince2_certificate_from_before_2017_lasted_five_years(database: Database) -> None:
    cid = _candidate(database)
    claims.add_claim(database, cid, "PRINCE2", ClaimDraft(earned_on=date(2016, 6, 30)))
    assert claims.get_claim(database, cid, "PRINCE2").expires_on == date(2021, 6, 30)
    other = _candidate(database, 2)
    claims.add_claim(database, other, "PRINCE2", ClaimDraft(earned_on=date(2017, 1, 1)))
    assert claims.get_claim(database, other, "PRINCE2").expires_on == date(2020, 1, 1)


def test_a_schema_change_that_rebuilds_the_claims_table_keeps_every_check(
    database: Database, tmp_path: Path
) -> None:
    """Going back to 0004 rebuilds certification_claims; with foreign keys on, that cascaded."""
    from workbench.store.bootstrap import open_database
    from workbench.store.migrations import downgrade

    cid = _candidate(database)
    claim = claims.add_claim(database, cid, "PMP", ClaimDraft(earned_on=date(2025, 1, 1)))
    claims.record_check(database, claim.id, _check(), [_pdf(tmp_path)], on=TODAY)
    downgrade(database, "0004")
    assert database.path is not None
    with sqlite3.connect(database.path) as connection:
        for table in ("certification_claims", "certification_checks", "evidence_files"):
            assert connection.execute(f"SELECT count(*) FROM {table}").fetchone() == (1,)
    database.close()
    again = open_database(database.path)  # upgrades to head, refilling the derived columns
    try:
        [stored] = claims.candidate_claims(again, cid, on=TODAY)
        assert stored.status is ClaimStatus.VERIFIED
        assert len(stored.checks) == 1
    finally:
        again.close()


def test_editing_a_verified_claims_id_or_dates_makes_it_unverified_again(
    database: Database,
) -> None:
    cid = _candidate(database)
    claim = claims.add_claim(database, cid, "PMP", ClaimDraft("1234567", "", date(2025, 1, 1)))
    claims.record_check(database, claim.id, _check(), on=TODAY)
    verified = claims.get_claim(database, cid, "PMP")
    assert verified.status is ClaimStatus.VERIFIED
    changed = claims.update_claim(
        database,
        claim.id,
        verified.version,
        ClaimDraft("99999999", "", date(2025, 1, 1), date(2040, 1, 1)),
    )
    assert changed.status is ClaimStatus.UNVERIFIED
    [stored] = claims.candidate_claims(database, cid)
    assert any("changed after the check" in w for w in stored.warnings)
    with database.read() as session:
        assert claim.candidate_id in set(
            session.scalars(claim_queries.holders_of("PMP", ClaimStatus.UNVERIFIED, TODAY))
        )
    # Putting the checked details back brings the check back into force.
    restored = claims.update_claim(
        database, claim.id, changed.version, ClaimDraft("1234567", "", date(2025, 1, 1))
    )
    assert restored.status is ClaimStatus.VERIFIED


def test_a_check_on_a_claim_edited_meanwhile_is_refused(database: Database) -> None:
    cid = _candidate(database)
    opened = claims.add_claim(database, cid, "PMP", ClaimDraft("1234567"))
    claims.update_claim(database, opened.id, opened.version, ClaimDraft("7654321"))
    with pytest.raises(ConflictError, match="check it again"):
        claims.record_check(
            database, opened.id, _check(), on=TODAY, expected_version=opened.version
        )
    assert claims.get_claim(database, cid, "PMP").checks == ()


def test_a_rule_edited_from_a_stale_form_is_refused(database: Database) -> None:
    opened = catalogue.resolve_certification(database, "CSM")
    catalogue.change_certification(database, "CSM", replace(opened, reminder_days=60), "Ann")
    with pytest.raises(ConflictError, match="someone else"):
        catalogue.change_certification(database, "CSM", replace(opened, issuer="X"), "Bob")
    assert catalogue.resolve_certification(database, "CSM").reminder_days == 60


def test_renaming_a_rule_leaves_its_claims_alone(database: Database) -> None:
    cid = _candidate(database)
    claim = claims.add_claim(database, cid, "CSM", ClaimDraft(earned_on=date(2025, 1, 1)))
    csm = catalogue.resolve_certification(database, "CSM")
    catalogue.change_certification(
        database, "CSM", replace(csm, name="Certified Scrum Master"), "A"
    )
    # No re-derivation, so no new claim version to conflict with an open claim dialog.
    assert claims.get_claim(database, cid, "CSM").version == claim.version


def test_purging_a_candidate_deletes_their_evidence_but_not_a_file_another_check_holds(
    database: Database, tmp_path: Path
) -> None:
    ann, bob = _candidate(database, 1), _candidate(database, 2)
    shared, own = _pdf(tmp_path, "shared.pdf", b"same"), _pdf(tmp_path, "own.pdf", b"ann only")
    for cid, files in ((ann, [shared, own]), (bob, [shared])):
        claim = claims.add_claim(database, cid, "PMP", ClaimDraft())
        claims.record_check(database, claim.id, _check(), files, on=TODAY)
    store = evidence_files.evidence_store(database)
    stored = {p.read_bytes(): p for p in store.folder.rglob("*.pdf")}
    assert len(stored) == 2
    delete_candidates(database, [ann])
    purge_deleted(database)
    assert not stored[own.read_bytes()].exists()  # personal data gone for good
    assert stored[shared.read_bytes()].exists()  # Bob's check still relies on it
