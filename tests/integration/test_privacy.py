"""Subject-access exports and erasure on a real SQLite file, down to the file's raw bytes."""

from __future__ import annotations

import hashlib
import json
import sqlite3
import stat
import zipfile
from datetime import date
from pathlib import Path

import pytest

from workbench.domain.candidate import CandidateDraft, EducationEntry, WorkHistoryEntry
from workbench.domain.certifications import CheckOutcome
from workbench.domain.claims import CheckDraft, CheckMethod, ClaimDraft
from workbench.domain.errors import NotFoundError, WorkbenchError
from workbench.domain.history import Action
from workbench.domain.search import SearchCriteria
from workbench.domain.vetting import ReferenceDraft, ReferenceOutcome
from workbench.pdf.profile_document import ProfileOptions
from workbench.services import claims, evidence_files, history, pipeline, privacy, profiles, vetting
from workbench.services.candidates import add_candidate, get_candidate
from workbench.services.search import search_candidates
from workbench.store.engine import Database

TODAY = date(2026, 11, 26)
# Words found nowhere else in a fresh database, so any byte of them left is a leak.
NAME = ("Quillon", "Zarkowitz")
EMAIL = "quillon.zarkowitz@erasable.example"


def _person(database: Database, tmp_path: Path, first: str, last: str, email: str) -> int:
    draft = CandidateDraft(
        first,
        last,
        email,
        city="Gdansk",
        years_experience=9.0,
        summary=f"{first} ran delivery for {last} Holdings",
        work_history=(WorkHistoryEntry(f"{last} Holdings", "Programme Manager"),),
        education=(EducationEntry("MSc", "Computing", f"{first} Institute"),),
    )
    cid = add_candidate(database, draft).id
    claim = claims.add_claim(database, cid, "PMP", ClaimDraft("0012345"), on=TODAY)
    scan = tmp_path / f"{first}-registry.pdf"
    scan.write_bytes(b"%PDF-1.4\n" + first.encode())
    check = CheckDraft(TODAY, "Zoe Adams", CheckMethod.REGISTRY, CheckOutcome.VERIFIED, "PMI", "")
    claims.record_check(database, claim.id, check, [scan], on=TODAY)
    reference = ReferenceDraft(
        "Bob Stone", "Line manager", "Northwind", f"ref-{email}", TODAY, ReferenceOutcome.POSITIVE
    )
    vetting.add_reference(database, cid, reference, on=TODAY)
    pipeline.move_stage(database, cid, "Screening", reason=f"{first} looks strong", on=TODAY)
    profiles.write_profile(database, cid, tmp_path / f"{first}.pdf", ProfileOptions(TODAY))
    return cid


@pytest.fixture
def pair(database: Database, tmp_path: Path) -> tuple[int, int]:
    """Add the person to erase and another who must stay intact; return their ids."""
    doomed = _person(database, tmp_path, *NAME, EMAIL)
    kept = _person(database, tmp_path, "Marisol", "Keeperton", "marisol@kept.example")
    return doomed, kept


def _all_bytes(database: Database) -> bytes:
    assert database.path is not None
    files = [database.path, database.path.with_name(database.path.name + "-wal")]
    return b"".join(path.read_bytes() for path in files if path.exists())


def _leaks(data: bytes, words: list[str]) -> list[str]:
    lowered = data.lower()
    found = []
    for word in words:
        for encoding in ("utf-8", "utf-16-le", "utf-16-be"):
            if word.lower().encode(encoding) in lowered:
                found.append(f"{word} ({encoding})")
    return found


def test_erasure_leaves_no_byte_of_the_name_or_email_in_the_files(
    database: Database, pair: tuple[int, int]
) -> None:
    doomed, kept = pair
    words = [*NAME, EMAIL, "erasable.example"]
    assert _leaks(_all_bytes(database), words)  # the check can see them before
    result = privacy.erase_candidate(database, doomed)
    assert result.candidate_ids == (doomed,) and result.wal_emptied
    assert _leaks(_all_bytes(database), words) == []
    with pytest.raises(NotFoundError):
        get_candidate(database, doomed)
    assert get_candidate(database, kept).draft.last_name == "Keeperton"
    assert search_candidates(database, SearchCriteria("keeperton")).ids == (kept,)
    assert search_candidates(database, SearchCriteria("zarkowitz")).ids == ()
    assert database.path is not None
    with sqlite3.connect(database.path) as raw:
        assert raw.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        fts_rows = raw.execute("SELECT count(*) FROM candidate_fts").fetchone()[0]
        assert fts_rows == 1
        raw.execute("INSERT INTO candidate_fts(candidate_fts) VALUES ('integrity-check')")


def test_erasure_keeps_an_anonymous_stub_and_the_other_candidate_history(
    database: Database, pair: tuple[int, int]
) -> None:
    doomed, kept = pair
    privacy.erase_candidate(database, doomed)
    [stub] = history.candidate_history(database, doomed)
    assert stub.action is Action.PURGED
    assert stub.detail == "personal data erased"
    assert stub.at is not None
    assert len(history.candidate_history(database, kept)) > 3
    assert len(claims.candidate_claims(database, kept)[0].checks) == 1


def test_erasure_removes_evidence_files_no_one_else_holds(
    database: Database, pair: tuple[int, int], tmp_path: Path
) -> None:
    doomed, kept = pair
    store = evidence_files.evidence_store(database)
    [own] = claims.candidate_claims(database, doomed)[0].checks[0].evidence
    [other] = claims.candidate_claims(database, kept)[0].checks[0].evidence
    # The same scan on a second claim of the kept candidate: shared, so it must stay.
    shared = tmp_path / "shared.pdf"
    shared.write_bytes(b"%PDF-1.4\nshared")
    check = CheckDraft(TODAY, "Zoe Adams", CheckMethod.REGISTRY, CheckOutcome.VERIFIED, "x", "")
    for cid in (doomed, kept):
        claim = claims.add_claim(database, cid, "CSM", ClaimDraft(), on=TODAY)
        claims.record_check(database, claim.id, check, [shared], on=TODAY)
    shared_sha = hashlib.sha256(shared.read_bytes()).hexdigest()
    result = privacy.erase_candidate(database, doomed)
    assert result.evidence_files_removed == 1
    assert not store.path_for(own.sha256, own.media_type).exists()
    assert store.path_for(other.sha256, other.media_type).exists()
    assert store.path_for(shared_sha, "application/pdf").exists()


def test_erasing_an_unknown_candidate_is_not_found(database: Database) -> None:
    with pytest.raises(NotFoundError):
        privacy.erase_candidate(database, 404)


def test_the_subject_access_zip_holds_every_section_and_the_evidence(
    database: Database, pair: tuple[int, int], tmp_path: Path
) -> None:
    doomed, _ = pair
    target = privacy.subject_access_export(database, doomed, tmp_path / "sar.zip")
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    with zipfile.ZipFile(target) as archive:
        report = json.loads(archive.read(privacy.SAR_JSON))
        names = archive.namelist()
        [item] = report["evidence_files"]
        evidence = archive.read(item["file_in_zip"])
    assert {
        "candidate",
        "claims",
        "evidence_files",
        "vetting",
        "history",
        "submittals",
        "profile_exports",
    } <= set(report)
    candidate = report["candidate"]
    assert candidate["draft"]["email"] == EMAIL
    assert candidate["draft"]["work_history"][0]["employer"] == "Zarkowitz Holdings"
    assert candidate["draft"]["education"][0]["institution"] == "Quillon Institute"
    assert report["claims"][0]["code"] == "PMP"
    assert report["claims"][0]["checks"][0]["checked_on"] == "2026-11-26"
    assert report["vetting"]["references"][0]["draft"]["referee"] == "Bob Stone"
    assert [move["to_stage"] for move in report["vetting"]["moves"]] == ["Screening"]
    assert len(report["profile_exports"]) == 1
    assert report["history"] and report["submittals"] == []
    assert item["file_in_zip"].startswith("evidence/") and item["file_in_zip"] in names
    assert hashlib.sha256(evidence).hexdigest() == item["sha256"]
    assert evidence == b"%PDF-1.4\nQuillon"


def test_a_subject_access_export_of_an_unknown_candidate_writes_nothing(
    database: Database, tmp_path: Path
) -> None:
    with pytest.raises(NotFoundError):
        privacy.subject_access_export(database, 404, tmp_path / "sar.zip")
    assert list(tmp_path.glob("sar*")) == []


def _lock_the_second_batch(monkeypatch: pytest.MonkeyPatch) -> None:
    """Erase one candidate a batch, and make the second batch fail as a locked file would."""
    from workbench.services import candidates as candidate_service

    monkeypatch.setattr(privacy, "_BATCH", 1)
    real = candidate_service._purge_rows
    calls: list[int] = []

    def failing(*args: object, **kwargs: object) -> list[int]:
        calls.append(1)
        if len(calls) == 2:
            raise WorkbenchError("the database is locked")
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(candidate_service, "_purge_rows", failing)


def _evidence_files(database: Database) -> set[str]:
    folder = evidence_files.evidence_store(database).folder
    return {p.name for p in folder.rglob("*") if p.is_file()}


def test_an_erasure_failing_part_way_still_scrubs_what_it_erased(
    database: Database, pair: tuple[int, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A locked or full disk on the second batch must not leave the first one's traces."""
    doomed, kept = pair
    _lock_the_second_batch(monkeypatch)
    before = _evidence_files(database)
    with pytest.raises(WorkbenchError, match="locked"):
        privacy.erase_candidates(database, [doomed, kept])
    assert _leaks(_all_bytes(database), [*NAME, EMAIL, "erasable.example"]) == []
    assert len(_evidence_files(database)) == len(before) - 1  # the erased person's scan went
    survivor = get_candidate(database, kept)
    assert survivor.deleted_at is None  # the batch that failed left its candidate as it was


def test_erasure_reports_only_who_it_erased(database: Database, pair: tuple[int, int]) -> None:
    doomed, _ = pair
    result = privacy.erase_candidates(database, [doomed, 999_999])
    assert result.candidate_ids == (doomed,) and result.skipped == (999_999,)
    with pytest.raises(WorkbenchError, match="nothing was erased"):
        privacy.erase_candidates(database, [888_888])


def test_a_failing_compaction_still_removes_the_scans_and_the_first_error_goes_on(
    database: Database, pair: tuple[int, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    from workbench.store import maintenance

    def full_disk(database: Database) -> bool:
        raise WorkbenchError("the disk is full")

    doomed, kept = pair
    _lock_the_second_batch(monkeypatch)
    monkeypatch.setattr(maintenance, "compact", full_disk)
    before = _evidence_files(database)
    with pytest.raises(WorkbenchError, match="locked"):
        privacy.erase_candidates(database, [doomed, kept])
    assert len(_evidence_files(database)) == len(before) - 1  # the erased person's scan went first
