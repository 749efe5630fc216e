"""Killing Workbench at random moments of a check, a profile export or a backup loses nothing."""

from __future__ import annotations

import contextlib
import hashlib
import os
import random
import re
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from workbench.domain.candidate import CandidateDraft
from workbench.services.candidates import utc_now
from workbench.services.demo import add_demo_candidates
from workbench.store.bootstrap import open_database
from workbench.store.candidate_repository import insert_many
from workbench.store.evidence import evidence_folder, suffix_for

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]
DEMO_CANDIDATES = 3_000
PROFILES = 40
CHECKS = 400
# What the service layer would name a stored evidence file: its SHA-256 and a known suffix.
FINAL_EVIDENCE_NAME = re.compile(r"^[0-9a-f]{64}\.(pdf|png|jpg)$")

# Adds a claim to each candidate and records a check with its own evidence file, printing
# each check's id only once record_check has returned (i.e. after the commit).
CHECK_LOOP = """
import sys
from datetime import date
from pathlib import Path
from typing import Any

from workbench.domain.claims import CheckDraft, CheckMethod, ClaimDraft
from workbench.domain.certifications import CheckOutcome
from workbench.services.claims import add_claim, record_check
from workbench.store.bootstrap import open_database

database = open_database(Path(sys.argv[1]))
evidence = Path(sys.argv[2])
for number in range(1, int(sys.argv[3]) + 1):
    claim = add_claim(database, number, "PMP", ClaimDraft(f"{number:07d}"))
    check = record_check(
        database,
        claim.id,
        CheckDraft(date(2026, 1, 5), "Zoe Adams", CheckMethod.REGISTRY, CheckOutcome.VERIFIED),
        [evidence / f"proof-{number}.pdf"],
    )
    print(check.id, flush=True)
"""


def sha256_of(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def integrity(path: Path) -> str:
    with sqlite3.connect(path) as connection:
        result = connection.execute("PRAGMA integrity_check").fetchall()
    connection.close()
    return "ok" if result == [("ok",)] else repr(result)


def query(path: Path, sql: str) -> list[tuple[Any, ...]]:
    with sqlite3.connect(path) as connection:
        rows = connection.execute(sql).fetchall()
    connection.close()
    return rows


def start(*args: str) -> subprocess.Popen[bytes]:
    """Start Python in its own process group, so render workers can be tidied up after."""
    return subprocess.Popen(
        [sys.executable, *args],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )


def kill(process: subprocess.Popen[bytes]) -> str:
    """SIGKILL the process (a crash), tidy up what it started, and return what it printed."""
    process.send_signal(signal.SIGKILL)
    printed, _ = process.communicate(timeout=30)
    # Render workers exit by themselves soon after (another test proves it); killing
    # them here only keeps them from outliving this test.
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(process.pid, signal.SIGKILL)
    return printed.decode()


def wait_until(begun: Callable[[], bool], process: subprocess.Popen[bytes]) -> None:
    """Wait until the work has begun (so a kill lands inside it) or the process has ended."""
    deadline = time.monotonic() + 60
    while not begun() and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.01)


def copy_database(source: Path, target: Path) -> Path:
    """Copy a closed database file and its evidence folder."""
    shutil.copyfile(source, target)
    shutil.copytree(evidence_folder(source), evidence_folder(target))
    return target


@pytest.fixture(scope="module")
def demo_database(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A database of demo candidates (with checks and evidence), built once for the module."""
    path = tmp_path_factory.mktemp("demo") / "demo.sqlite3"
    database = open_database(path)
    try:
        add_demo_candidates(database, DEMO_CANDIDATES, seed=7)
    finally:
        database.close()
    yield path


def table_counts(path: Path) -> dict[str, int]:
    tables = [
        "candidates",
        "certification_claims",
        "certification_checks",
        "evidence_files",
        "history",
    ]
    return {table: int(query(path, f"SELECT count(*) FROM {table}")[0][0]) for table in tables}


# --- a check with evidence ---------------------------------------------------------------------


@pytest.mark.parametrize("seed", [1, 2, 3, 4, 5])
def test_a_kill_while_recording_checks_keeps_every_committed_check_and_its_evidence(
    tmp_path: Path, seed: int
) -> None:
    database_path = tmp_path / "wb.sqlite3"
    database = open_database(database_path)
    with database.write() as session:
        drafts = [CandidateDraft("Ann", f"Lee{n}", f"ann{n}@example.com") for n in range(CHECKS)]
        insert_many(session, drafts, utc_now())
    database.close()
    sources = tmp_path / "sources"
    sources.mkdir()
    for number in range(1, CHECKS + 1):
        # Each file different, so each check's evidence is a file of its own.
        (sources / f"proof-{number}.pdf").write_bytes(b"%PDF-1.4\n" + os.urandom(20_000))

    process = start("-c", CHECK_LOOP, str(database_path), str(sources), str(CHECKS))
    assert process.stdout is not None
    first = process.stdout.readline()  # the loop is running: kill it somewhere inside
    time.sleep(random.Random(seed).uniform(0.0, 1.5))
    printed = [int(line) for line in (first.decode() + kill(process)).split()]
    assert printed, "the loop should have committed at least one check before the kill"

    assert integrity(database_path) == "ok"
    recorded = dict(query(database_path, "SELECT check_id, sha256 FROM evidence_files"))
    checks = {row[0] for row in query(database_path, "SELECT id FROM certification_checks")}
    # Every check reported as saved is there, with its evidence row.
    assert set(printed) <= checks
    assert set(printed) <= set(recorded)
    # No check lost its evidence, and no evidence row lacks its check.
    assert set(recorded) == checks
    folder = evidence_folder(database_path)
    for sha256 in recorded.values():
        stored = folder / sha256[:2] / f"{sha256}.pdf"
        assert stored.is_file(), f"evidence {sha256} is recorded but missing"
        assert sha256_of(stored) == sha256
    # The n-th check holds the n-th source file: the right evidence, not just some file.
    for number, check_id in enumerate(printed, 1):
        assert recorded[check_id] == sha256_of(sources / f"proof-{number}.pdf")
    # A torn copy may only sit under a temporary name, never under a stored file's name.
    for file in folder.rglob("*"):
        if file.is_file() and FINAL_EVIDENCE_NAME.match(file.name):
            assert sha256_of(file) == file.stem
        elif file.is_file():
            assert file.name.startswith(".incoming-"), file.name


# --- a batch of PDF profiles -------------------------------------------------------------------


@pytest.mark.parametrize("seed", [1, 2, 3, 4])
def test_a_kill_while_writing_profiles_leaves_only_whole_recorded_pdfs(
    tmp_path: Path, demo_database: Path, seed: int
) -> None:
    database_path = copy_database(demo_database, tmp_path / "wb.sqlite3")
    out = tmp_path / "profiles"
    ids = [str(n) for n in range(1, PROFILES + 1)]
    process = start("main.py", "--db", str(database_path), "profile", *ids, "-o", str(out))
    # Once the first PDF is written, writing the rest and recording them takes a second or two.
    wait_until(lambda: any(out.glob("*.pdf")), process)
    time.sleep(random.Random(seed).uniform(0.0, 1.5))
    kill(process)

    assert integrity(database_path) == "ok"
    rows = query(database_path, "SELECT file_name, sha256 FROM profile_exports")
    # The exports are recorded in one transaction, after the files are on disk.
    assert len(rows) in (0, PROFILES)
    for name, sha256 in rows:
        assert (out / str(name)).is_file(), f"{name} is recorded but missing"
        assert sha256_of(out / str(name)) == sha256
    for pdf in out.glob("*.pdf") if out.is_dir() else []:
        assert len(PdfReader(pdf, strict=True).pages) >= 1, f"{pdf.name} is not a whole PDF"
    if out.is_dir():
        leftovers = [p.name for p in out.iterdir() if p.suffix != ".pdf"]
        assert all(name.endswith(".part") for name in leftovers)


# --- a backup -------------------------------------------------------------------------------


@pytest.mark.parametrize("seed", [1, 2, 3, 4])
def test_a_kill_during_a_backup_leaves_the_source_whole_and_no_partial_backup(
    tmp_path: Path, demo_database: Path, seed: int
) -> None:
    database_path = copy_database(demo_database, tmp_path / "wb.sqlite3")
    before = table_counts(database_path)
    folder = tmp_path / "backups"
    folder.mkdir()
    process = start("main.py", "--db", str(database_path), "backup", f"{folder}/")
    # The temporary file appears when copying begins; copying and checking 21 MB takes ~2 s.
    wait_until(lambda: any(folder.glob(".workbench-backup-*")), process)
    time.sleep(random.Random(seed).uniform(0.0, 2.0))
    kill(process)

    assert integrity(database_path) == "ok"
    assert table_counts(database_path) == before
    for backup in folder.glob("workbench-*.sqlite3"):
        # A file under a backup's name is a finished backup: whole, with all its evidence.
        assert integrity(backup) == "ok"
        assert table_counts(backup) == before
        for sha256, media_type in query(backup, "SELECT sha256, media_type FROM evidence_files"):
            kept = (
                evidence_folder(backup) / str(sha256)[:2] / f"{sha256}{suffix_for(str(media_type))}"
            )
            assert sha256_of(kept) == sha256
    for leftover in folder.iterdir():
        if not leftover.name.startswith("workbench-"):
            assert leftover.name.startswith(".workbench-backup-"), leftover.name
