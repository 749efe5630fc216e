"""A save on a full disk says so plainly and leaves everything saved before it whole."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event

from workbench.domain.candidate import CandidateDraft
from workbench.domain.certifications import CheckOutcome
from workbench.domain.claims import CheckDraft, CheckMethod, ClaimDraft
from workbench.domain.errors import WorkbenchError
from workbench.services.candidates import add_candidate, get_candidate, update_candidate
from workbench.services.claims import add_claim, get_claim, record_check
from workbench.store.bootstrap import open_database
from workbench.store.engine import Database
from workbench.store.evidence import evidence_folder

FULL = "the disk is full; nothing was saved"
# Several pages of text (the longest summary allowed): a save of it needs the file to grow.
LONG_SUMMARY = ("Led a cloud migration for a retail bank. " * 500)[:19_000].strip()
LONG_NOTE = LONG_SUMMARY[:3_900].strip()


def fill_the_disk(database: Database) -> Callable[[], None]:
    """Let no connection grow the file past its current size, as a full disk would.

    Returns the function that makes room again.
    """
    with database.engine.connect() as connection:
        pages = connection.exec_driver_sql("PRAGMA page_count").scalar()

    @event.listens_for(database.engine, "connect")
    def _no_room(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.execute(f"PRAGMA max_page_count = {pages}")

    database.engine.dispose()  # pooled connections were made before the limit

    def make_room() -> None:
        event.remove(database.engine, "connect", _no_room)
        database.engine.dispose()

    return make_room


def rows(path: Path, sql: str) -> list[tuple[Any, ...]]:
    with sqlite3.connect(path) as connection:
        found = connection.execute(sql).fetchall()
    connection.close()
    return found


@pytest.fixture
def saved(tmp_path: Path) -> Iterator[tuple[Database, list[int]]]:
    """A database holding 20 candidates, the first with a PMP claim, before the disk fills."""
    database = open_database(tmp_path / "wb.sqlite3")
    ids = [
        add_candidate(database, CandidateDraft("Ann", f"Lee{n}", f"ann{n}@example.com")).id
        for n in range(20)
    ]
    add_claim(database, ids[0], "PMP", ClaimDraft("1234567"))
    yield database, ids
    database.close()


def test_a_new_candidate_on_a_full_disk_is_refused_and_the_rest_stay(
    saved: tuple[Database, list[int]],
) -> None:
    database, ids = saved
    assert database.path is not None
    fill_the_disk(database)
    with pytest.raises(WorkbenchError) as caught:
        add_candidate(
            database, CandidateDraft("Bob", "Ray", "bob@example.com", summary=LONG_SUMMARY)
        )
    assert str(caught.value) == FULL
    database.close()

    assert rows(database.path, "PRAGMA integrity_check") == [("ok",)]
    assert rows(database.path, "SELECT id FROM candidates ORDER BY id") == [(i,) for i in ids]
    # The search index holds the same rows: the failed save left no half-indexed candidate.
    assert rows(database.path, "SELECT count(*) FROM candidate_fts") == [(len(ids),)]


def test_an_edit_on_a_full_disk_is_refused_and_the_stored_version_stays(
    saved: tuple[Database, list[int]],
) -> None:
    database, ids = saved
    before = get_candidate(database, ids[3])
    make_room = fill_the_disk(database)
    edited = replace(before.draft, summary=LONG_SUMMARY)
    with pytest.raises(WorkbenchError, match=f"^{FULL}$"):
        update_candidate(database, before.id, before.version, edited)
    assert get_candidate(database, ids[3]) == before
    # Once there is room again the same form saves: the failed save left its version alone.
    make_room()
    after = update_candidate(database, before.id, before.version, edited)
    assert after.draft.summary == LONG_SUMMARY


def test_a_check_on_a_full_disk_keeps_no_check_and_no_stray_evidence_file(
    saved: tuple[Database, list[int]], tmp_path: Path
) -> None:
    database, ids = saved
    assert database.path is not None
    claim = get_claim(database, ids[0], "PMP")
    proof = tmp_path / "proof.pdf"
    proof.write_bytes(b"%PDF-1.4\n" + b"registry page " * 1_000)
    fill_the_disk(database)
    draft = CheckDraft(
        date(2026, 1, 5),
        "Zoe Adams",
        CheckMethod.REGISTRY,
        CheckOutcome.VERIFIED,
        note=LONG_NOTE,
    )
    with pytest.raises(WorkbenchError, match=f"^{FULL}$"):
        record_check(database, claim.id, draft, [proof])
    assert get_claim(database, ids[0], "PMP") == claim
    # The file was copied in before the transaction; the failed save took it out again.
    stored = [p for p in evidence_folder(database.path).rglob("*") if p.is_file()]
    assert stored == []
