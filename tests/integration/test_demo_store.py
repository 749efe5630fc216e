"""Adding sample candidates to a real SQLite file: counts, fresh emails, search, cancel."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from sqlalchemy import func, select

from workbench.domain.search import SearchCriteria
from workbench.services import demo
from workbench.services.candidates import add_candidate, get_candidate
from workbench.services.demo import add_demo_candidates, generate_drafts
from workbench.services.progress import Cancelled, ProgressReporter
from workbench.services.search import count_candidates, search_candidates
from workbench.store.bootstrap import open_database
from workbench.store.engine import Database
from workbench.store.models import CandidateRecord


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Database]:
    """Open a fresh, migrated database file."""
    database = open_database(tmp_path / "wb.sqlite3")
    yield database
    database.close()


def _distinct_emails(database: Database) -> int:
    """Return how many different email keys are stored."""
    with database.read() as session:
        query = select(func.count(func.distinct(CandidateRecord.email_key)))
        return int(session.scalar(query) or 0)


def test_adds_the_requested_number(store: Database) -> None:
    """Check that 500 asked for are 500 stored, with progress reported up to the total."""
    seen: list[tuple[int, int]] = []
    added = add_demo_candidates(store, 500, reporter=ProgressReporter(progress=_collect(seen)))
    assert added == 500
    assert count_candidates(store) == 500
    assert seen[0] == (0, 500)
    assert seen[-1] == (500, 500)


def test_a_second_run_adds_new_people_without_clashes(store: Database) -> None:
    """Check that running the demo twice gives 1,000 candidates with 1,000 addresses."""
    add_demo_candidates(store, 500)
    assert add_demo_candidates(store, 500) == 500
    assert count_candidates(store) == 1000
    assert _distinct_emails(store) == 1000
    assert get_candidate(store, 1).draft != get_candidate(store, 501).draft


def test_a_hand_typed_address_that_clashes_is_made_up_for(store: Database) -> None:
    """Check that a stored address equal to a generated one is skipped and replaced."""
    sample = generate_drafts(2)
    add_candidate(store, sample[0])
    # With one candidate stored, the next run numbers from 1: its first address is this one.
    clash = generate_drafts(1, start_index=1)[0].email
    add_candidate(store, replace(sample[1], email=clash))
    assert add_demo_candidates(store, 10) == 10
    assert count_candidates(store) == 12
    assert _distinct_emails(store) == 12


def test_summary_words_are_searchable(store: Database) -> None:
    """Check that the full-text index is filled: a word from a summary finds its candidate."""
    add_demo_candidates(store, 500)
    first = get_candidate(store, 1).draft
    word = max(re.findall(r"[A-Za-z]+", first.summary), key=len)
    result = search_candidates(store, SearchCriteria(text=word))
    assert 1 in result.ids
    common = search_candidates(store, SearchCriteria(text="project"))
    assert len(common.ids) > 250


def test_cancel_rolls_everything_back(store: Database) -> None:
    """Check that cancelling after the first batch leaves the store as it was."""
    reports: list[tuple[int, int]] = []
    reporter = ProgressReporter(progress=_collect(reports), is_cancelled=lambda: len(reports) > 1)
    with pytest.raises(Cancelled):
        add_demo_candidates(store, 5000, reporter=reporter)
    assert count_candidates(store) == 0


@pytest.mark.slow
def test_worker_processes_store_the_same_candidates(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Check that generating in other processes stores exactly what one process would."""
    monkeypatch.setattr(demo, "PARALLEL_FROM", 0)
    monkeypatch.setattr(demo, "BATCH_SIZE", 100)
    parallel = open_database(tmp_path / "parallel.sqlite3")
    serial = open_database(tmp_path / "serial.sqlite3")
    try:
        assert add_demo_candidates(parallel, 300, seed=5) == 300
        monkeypatch.setattr(demo, "PARALLEL_FROM", 10**9)
        assert add_demo_candidates(serial, 300, seed=5) == 300
        for cid in (1, 150, 300):
            assert get_candidate(parallel, cid).draft == get_candidate(serial, cid).draft
    finally:
        parallel.close()
        serial.close()


def _collect(into: list[tuple[int, int]]) -> Callable[[int, int], None]:
    """Return a progress callback that appends each (done, total) to a list."""
    return lambda done, total: into.append((done, total))
