"""Backups: checked generations, pruning, restore with the old file kept, storage warnings."""

from __future__ import annotations

import os
import sqlite3
import stat
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from workbench.domain.candidate import CandidateDraft
from workbench.domain.errors import WorkbenchError
from workbench.domain.search import Visibility
from workbench.services import backups
from workbench.services.candidates import add_candidate
from workbench.services.search import count_candidates
from workbench.store.bootstrap import open_database
from workbench.store.engine import Database
from workbench.store.evidence import EvidenceStore, evidence_folder

NOON = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)


def add_people(database: Database, count: int, start: int = 0) -> None:
    """Store a few simple candidates."""
    for i in range(start, start + count):
        add_candidate(database, CandidateDraft(f"Ann{i}", "Lee", f"ann{i}@example.com"))


def rows_in(path: Path) -> int:
    """Return how many candidates a database file holds, read without Workbench."""
    connection = sqlite3.connect(path)
    try:
        return int(connection.execute("SELECT count(*) FROM candidates").fetchone()[0])
    finally:
        connection.close()


def test_backup_holds_the_rows_and_passes_integrity_check(database, tmp_path):
    add_people(database, 5)
    folder = tmp_path / "backups"
    folder.mkdir()
    result = backups.back_up(database, folder, keep=3, now=NOON)
    assert result.path == folder / "workbench-20260301-120000.sqlite3"
    assert result.size == result.path.stat().st_size > 0
    assert stat.S_IMODE(result.path.stat().st_mode) == 0o600
    assert rows_in(result.path) == 5
    info = backups.check_backup(result.path)
    assert info.candidates == 5
    assert [p.name for p in folder.iterdir()] == [result.path.name]  # no temporary left


def test_evidence_files_are_copied_beside_the_backup(database, tmp_path):
    source = tmp_path / "cert.pdf"
    source.write_bytes(b"%PDF-1.4 proof")
    stored = EvidenceStore(evidence_folder(database.path)).put(source)
    folder = tmp_path / "backups"
    folder.mkdir()
    first = backups.back_up(database, folder, now=NOON)
    copied = evidence_folder(first.path) / stored.sha256[:2]
    assert first.evidence_files == 1
    assert [p.read_bytes() for p in copied.iterdir()] == [b"%PDF-1.4 proof"]
    second = backups.back_up(database, folder, now=NOON + timedelta(hours=1))
    assert second.evidence_files == 1


def test_generations_beyond_keep_are_removed_oldest_first(database, tmp_path):
    folder = tmp_path / "backups"
    folder.mkdir()
    unrelated = folder / "notes.sqlite3"
    unrelated.write_text("mine")
    made = [
        backups.back_up(database, folder, keep=3, now=NOON + timedelta(days=day)).path
        for day in range(5)
    ]
    assert backups.generations(folder) == made[2:]
    assert unrelated.exists()
    same_second = backups.back_up(database, folder, keep=3, now=NOON + timedelta(days=4))
    assert same_second.path.name == "workbench-20260305-120000-2.sqlite3"
    assert backups.generations(folder)[-1] == same_second.path


def test_failed_integrity_check_leaves_nothing_and_keeps_older(database, tmp_path, monkeypatch):
    folder = tmp_path / "backups"
    folder.mkdir()
    older = [
        backups.back_up(database, folder, keep=2, now=NOON + timedelta(days=d)).path
        for d in range(2)
    ]
    monkeypatch.setattr(backups, "integrity_problems", lambda path: ["page 3: btree broken"])
    with pytest.raises(WorkbenchError, match="integrity check"):
        backups.back_up(database, folder, keep=2, now=NOON + timedelta(days=9))
    assert sorted(folder.iterdir()) == older


def test_missing_folder_is_a_clear_error(database, tmp_path):
    with pytest.raises(WorkbenchError, match="does not exist"):
        backups.back_up(database, tmp_path / "nowhere")


def test_full_disk_is_a_clear_error_and_leaves_nothing(database, tmp_path, monkeypatch):
    folder = tmp_path / "backups"
    folder.mkdir()

    def full(source: Path, target: Path, *, single_file: bool = False) -> None:
        target.write_bytes(b"half")
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(backups, "online_copy", full)
    with pytest.raises(WorkbenchError, match="full"):
        backups.back_up(database, folder)
    assert list(folder.iterdir()) == []


def test_restore_swaps_in_the_backup_and_keeps_the_old_file(tmp_path):
    live = tmp_path / "live" / "workbench.sqlite3"
    database = open_database(live)
    add_people(database, 2)
    folder = tmp_path / "backups"
    folder.mkdir()
    backup = backups.back_up(database, folder).path
    add_people(database, 3, start=10)
    database.close()

    aside = backups.restore(backup, live, now=NOON)
    assert aside == live.with_name("workbench.before-restore-20260301T120000.sqlite3")
    assert rows_in(aside) == 5
    reopened = open_database(live)
    try:
        assert count_candidates(reopened, Visibility.ALL) == 2
    finally:
        reopened.close()


def test_restore_refuses_a_foreign_file(tmp_path):
    live = tmp_path / "workbench.sqlite3"
    open_database(live).close()
    foreign = tmp_path / "other.sqlite3"
    connection = sqlite3.connect(foreign)
    connection.execute("CREATE TABLE things (x)")
    connection.commit()
    connection.close()
    text = tmp_path / "notes.txt"
    text.write_text("hello")
    for bad in (foreign, text):
        with pytest.raises(WorkbenchError, match="not a Workbench backup"):
            backups.restore(bad, live)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.txt", "other.sqlite3", live.name]


def test_restore_refuses_a_corrupt_file(database, tmp_path):
    add_people(database, 30)
    folder = tmp_path / "backups"
    folder.mkdir()
    backup = backups.back_up(database, folder).path
    data = bytearray(backup.read_bytes())
    page = 4096
    data[page * 2 : page * 3] = os.urandom(page)  # trash a page past the schema
    backup.write_bytes(bytes(data))
    with pytest.raises(WorkbenchError, match="damaged"):
        backups.restore(backup, database.path)
    assert database.path.exists()
    assert not list(database.path.parent.glob("*before-restore*"))


def test_settings_and_daily_due(database, tmp_path):
    assert backups.backup_settings(database) == backups.BackupSettings(None, 7, False)
    assert not backups.backup_due(database, NOON)
    folder = tmp_path / "backups"
    folder.mkdir()
    backups.save_backup_settings(database, backups.BackupSettings(folder, 3, True))
    assert backups.backup_settings(database) == backups.BackupSettings(folder, 3, True)
    assert backups.backup_due(database, NOON)
    backups.back_up(database, folder, now=NOON)
    assert not backups.backup_due(database, NOON + timedelta(hours=23))
    assert backups.backup_due(database, NOON + timedelta(days=1))


MOUNTS = """\
/dev/nvme0n1p2 / ext4 rw,relatime 0 0
server:/export/home /mnt/team\\040share nfs4 rw,relatime,vers=4.2 0 0
tmpfs /tmp tmpfs rw 0 0
"""


def test_storage_warning_recognises_network_mounts_and_sync_folders():
    on_nfs = backups.storage_warning(Path("/mnt/team share/wb/workbench.sqlite3"), MOUNTS)
    assert on_nfs is not None and "nfs4" in on_nfs and "locking" in on_nfs
    assert backups.storage_warning(Path("/home/ann/workbench.sqlite3"), MOUNTS) is None
    in_dropbox = backups.storage_warning(Path("/home/ann/Dropbox/wb/workbench.sqlite3"), MOUNTS)
    assert in_dropbox is not None and "Dropbox" in in_dropbox
    onedrive = Path("/Users/ann/OneDrive - Contoso/workbench.sqlite3")
    assert backups.storage_warning(onedrive, MOUNTS) is not None
