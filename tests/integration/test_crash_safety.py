"""A process killed in the middle of an import leaves a whole database and none of the file."""

from __future__ import annotations

import csv
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from workbench.services.demo import generate_drafts
from workbench.store.bootstrap import open_database

ROOT = Path(__file__).resolve().parents[2]
COLUMNS = ("first_name", "last_name", "email", "phone", "city", "country", "summary")


def _write_sheet(path: Path, count: int) -> None:
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(COLUMNS)
        for d in generate_drafts(count, seed=11):
            writer.writerow(
                [d.first_name, d.last_name, d.email, d.phone, d.city, d.country, d.summary]
            )


@pytest.mark.slow
@pytest.mark.parametrize("kill_after_s", [0.8, 1.6, 2.4])
def test_sigkill_during_import_keeps_all_or_nothing(tmp_path: Path, kill_after_s: float) -> None:
    database_path = tmp_path / "wb.sqlite3"
    open_database(database_path).close()
    sheet = tmp_path / "big.csv"
    _write_sheet(sheet, 6_000)
    process = subprocess.Popen(
        [sys.executable, "main.py", "--db", str(database_path), "import", str(sheet)],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    time.sleep(kill_after_s)
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=30)
    with sqlite3.connect(database_path) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        stored = connection.execute("SELECT count(*) FROM candidates").fetchone()[0]
        indexed = connection.execute("SELECT count(*) FROM candidate_fts").fetchone()[0]
    assert stored in (0, 6_000)
    assert indexed == stored


def _children_of(pid: int) -> set[int]:
    found = set()
    for stat_file in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat_file.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            found.add(int(stat_file.parent.name))
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


@pytest.mark.slow
@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads /proc")
def test_import_workers_do_not_outlive_a_killed_workbench(tmp_path: Path) -> None:
    database_path = tmp_path / "wb.sqlite3"
    open_database(database_path).close()
    sheet = tmp_path / "big.csv"
    _write_sheet(sheet, 6_000)
    process = subprocess.Popen(
        [sys.executable, "main.py", "--db", str(database_path), "import", str(sheet)],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    workers: set[int] = set()
    deadline = time.monotonic() + 20
    while not workers and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
        workers = _children_of(process.pid)
    if not workers:
        process.kill()
        process.wait(timeout=30)
        pytest.skip("the import finished before its workers could be seen")
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=30)
    deadline = time.monotonic() + 10
    while any(_alive(pid) for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not [pid for pid in workers if _alive(pid)]
