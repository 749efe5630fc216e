"""Opening database files: permissions, SQLite settings, faults, migrations and copies."""

from __future__ import annotations

import os
import sqlite3
import stat
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from workbench.domain.candidate import CandidateDraft
from workbench.domain.errors import WorkbenchError
from workbench.domain.search import SearchCriteria, Visibility
from workbench.services.candidates import add_candidate, get_candidate
from workbench.services.search import count_candidates, search_candidates
from workbench.store import bootstrap, migrations
from workbench.store.bootstrap import open_database
from workbench.store.engine import BUSY_TIMEOUT_MS, Database
from workbench.store.migrations import (
    copy_aside,
    current_revision,
    head_revision,
    include_in_autogenerate,
)
from workbench.store.models import Base

GROUP_OR_OTHER = stat.S_IRWXG | stat.S_IRWXO


def add_people(database: Database, count: int) -> None:
    """Store count simple candidates."""
    for i in range(count):
        add_candidate(database, CandidateDraft(f"Ann{i}", "Lee", f"ann{i}@example.com"))


def open_fails(path: Path) -> WorkbenchError:
    """Return the error opening path raises, checking it is a plain WorkbenchError."""
    with pytest.raises(WorkbenchError) as caught:
        open_database(path)
    error = caught.value
    assert type(error) is WorkbenchError
    assert error.__cause__ is None
    assert "Traceback" not in str(error)
    return error


def make_database(path: Path, people: int = 0) -> Path:
    """Create a migrated database file with some candidates, closed again."""
    database = open_database(path)
    try:
        add_people(database, people)
    finally:
        database.close()
    return path


# --- a new file ------------------------------------------------------------------------------


def test_new_database_file_is_private_to_its_owner(tmp_path: Path) -> None:
    path = tmp_path / "new" / "wb.sqlite3"
    database = open_database(path)
    try:
        add_people(database, 1)
        wal = path.with_name(path.name + "-wal")
        assert path.exists()
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
        assert wal.exists()
        assert wal.stat().st_mode & GROUP_OR_OTHER == 0
    finally:
        database.close()


def test_connections_use_wal_full_sync_foreign_keys_and_a_busy_timeout(
    database: Database,
) -> None:
    with database.engine.connect() as connection:

        def pragma(name: str) -> object:
            return connection.exec_driver_sql(f"PRAGMA {name}").scalar()

        assert pragma("journal_mode") == "wal"
        assert pragma("synchronous") == 2
        assert pragma("foreign_keys") == 1
        assert pragma("busy_timeout") == BUSY_TIMEOUT_MS > 0


def test_new_database_is_at_the_head_revision(database: Database) -> None:
    assert current_revision(database) == head_revision()


def test_an_empty_existing_file_is_treated_as_new(tmp_path: Path) -> None:
    path = tmp_path / "empty.sqlite3"
    path.touch()
    database = open_database(path)
    try:
        assert current_revision(database) == head_revision()
    finally:
        database.close()


# --- files that are not usable ----------------------------------------------------------------


def test_a_text_file_is_not_a_workbench_database(tmp_path: Path) -> None:
    path = tmp_path / "x.sqlite3"
    path.write_text("first_name,last_name\nAnn,Lee\n", encoding="utf-8")
    error = open_fails(path)
    assert "not a Workbench database" in str(error)
    assert path.read_text(encoding="utf-8") == "first_name,last_name\nAnn,Lee\n"


def test_a_folder_is_not_a_database_file(tmp_path: Path) -> None:
    folder = tmp_path / "folder.sqlite3"
    folder.mkdir()
    assert "is a folder" in str(open_fails(folder))


def test_a_database_from_a_newer_workbench_is_refused(tmp_path: Path) -> None:
    path = make_database(tmp_path / "future.sqlite3", people=1)
    with sqlite3.connect(path) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '9999_future'")
    connection.close()
    assert "newer version" in str(open_fails(path))
    with sqlite3.connect(path) as connection:
        assert connection.execute("SELECT count(*) FROM candidates").fetchone() == (1,)
    connection.close()
    assert list(tmp_path.glob("*.before-*")) == []


def test_a_read_only_file_is_refused(tmp_path: Path) -> None:
    if os.geteuid() == 0:
        pytest.skip("root ignores file permissions")
    path = make_database(tmp_path / "ro.sqlite3")
    path.chmod(0o400)
    try:
        assert "read-only" in str(open_fails(path))
    finally:
        path.chmod(0o600)


def test_a_file_the_user_may_not_write_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = make_database(tmp_path / "ro.sqlite3")
    real_access = os.access

    def no_write(target: object, mode: int) -> bool:
        return False if mode & os.W_OK else real_access(target, mode)  # type: ignore[arg-type]

    monkeypatch.setattr(bootstrap.os, "access", no_write)
    assert "read-only" in str(open_fails(path))


def test_a_file_with_garbage_after_the_header_is_refused(tmp_path: Path) -> None:
    path = make_database(tmp_path / "broken.sqlite3", people=20)
    data = path.read_bytes()
    path.write_bytes(data[:100] + bytes((i * 37 + 11) % 256 for i in range(len(data) - 100)))
    assert str(open_fails(path)).startswith(f"cannot open {path}")


def test_a_file_with_damaged_pages_is_reported_as_damaged(tmp_path: Path) -> None:
    path = tmp_path / "damaged.sqlite3"
    database = open_database(path)
    # Enough rows that the damaged second half holds only their pages, not the schema's.
    for i in range(60):
        add_candidate(
            database, CandidateDraft("Ann", f"Lee{i}", f"a{i}@example.com", summary=f"w{i} " * 400)
        )
    database.close()
    data = bytearray(path.read_bytes())
    page = int.from_bytes(data[16:18], "big")
    for number in range(len(data) // page // 2, len(data) // page):
        data[number * page + 5 : number * page + 40] = b"\xee" * 35
    path.write_bytes(bytes(data))
    # Opening reads only the schema (a full check of a 400 MB file takes most of a second);
    # the damage shows when the damaged pages are read, as a clear error, not a crash.
    database = open_database(path)
    try:
        with pytest.raises(WorkbenchError, match="damaged; restore it from a backup"):
            search_candidates(database, SearchCriteria(text="w25"))
    finally:
        database.close()


def test_an_sqlite_file_from_another_application_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "notes.sqlite3"
    with sqlite3.connect(path) as connection:
        connection.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)")
    connection.close()
    before = path.read_bytes()
    with pytest.raises(WorkbenchError, match="not a Workbench database"):
        open_database(path).close()
    assert path.read_bytes() == before


# --- migrations --------------------------------------------------------------------------------


def test_reopening_keeps_the_data_and_needs_no_upgrade(tmp_path: Path) -> None:
    path = tmp_path / "wb.sqlite3"
    database = open_database(path)
    ann = add_candidate(database, CandidateDraft("Ann", "Lee", "ann@example.com", city="Leeds"))
    add_people(database, 2)
    database.close()

    database = open_database(path)
    try:
        assert count_candidates(database, Visibility.ALL) == 3
        assert get_candidate(database, ann.id) == ann
        assert migrations.upgrade(database) is None
        assert list(tmp_path.glob("*.before-*")) == []
    finally:
        database.close()


def test_models_and_migrations_describe_the_same_schema(database: Database) -> None:
    with database.engine.connect() as connection:
        context = MigrationContext.configure(
            connection,
            opts={"include_object": include_in_autogenerate, "compare_type": True},
        )
        assert compare_metadata(context, Base.metadata) == []


def test_models_vs_migrations_check_would_see_a_missing_column(database: Database) -> None:
    with database.engine.begin() as connection:
        connection.exec_driver_sql("ALTER TABLE candidates ADD COLUMN stray TEXT")
    with database.engine.connect() as connection:
        context = MigrationContext.configure(
            connection,
            opts={"include_object": include_in_autogenerate, "compare_type": True},
        )
        diff = compare_metadata(context, Base.metadata)
    assert [entry[0] for entry in diff] == ["remove_column"]


def test_autogenerate_leaves_out_the_full_text_tables() -> None:
    for name in ("candidate_fts", "candidate_fts_data", "candidate_fts_idx"):
        assert include_in_autogenerate(None, name, "table", True, None) is False
    assert include_in_autogenerate(None, "candidates", "table", True, None) is True
    assert include_in_autogenerate(None, "candidate_fts_x", "index", True, None) is True


def test_copy_aside_makes_a_valid_copy_beside_the_file(database: Database) -> None:
    add_people(database, 3)
    copy = copy_aside(database, "0001")
    assert copy is not None
    assert database.path is not None
    assert copy.parent == database.path.parent
    assert copy.name.startswith("wb.before-0001-")
    assert copy.suffix == ".sqlite3"
    with sqlite3.connect(copy) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert connection.execute("SELECT count(*) FROM candidates").fetchone() == (3,)
        assert connection.execute("SELECT version_num FROM alembic_version").fetchone() == (
            head_revision(),
        )
    connection.close()


def test_copy_aside_is_as_private_as_the_original(database: Database) -> None:
    add_people(database, 1)
    previous = os.umask(0o022)  # the usual umask, whatever the test runner's
    try:
        copy = copy_aside(database, "0001")
    finally:
        os.umask(previous)
    assert copy is not None
    assert copy.stat().st_mode & GROUP_OR_OTHER == 0


def test_copy_aside_of_a_database_without_a_file_makes_no_copy(tmp_path: Path) -> None:
    database = Database("sqlite://")
    try:
        assert copy_aside(database, "0001") is None
    finally:
        database.close()


def test_a_database_made_by_the_first_schema_is_upgraded_with_its_data(tmp_path):
    from alembic import command

    from workbench.domain.candidate import CandidateDraft
    from workbench.services.candidates import find_candidate
    from workbench.store.engine import Database
    from workbench.store.migrations import _alembic_config

    path = tmp_path / "old.sqlite3"
    old = Database.open_file(path)
    with old.engine.begin() as connection:
        command.upgrade(_alembic_config(old, connection), "0001")
    stored = _add_with_old_columns(
        old, CandidateDraft("Łukasz", "Żółć", "lz@example.com", city="Łódź")
    )
    old.close()

    upgraded = open_database(path)
    try:
        assert current_revision(upgraded) == head_revision() != "0001"
        again = find_candidate(upgraded, "lz@example.com")
        assert again.draft == stored.draft
        assert again.version == stored.version
    finally:
        upgraded.close()
    copies = list(tmp_path.glob("old.before-0001-*.sqlite3"))
    assert len(copies) == 1
    with sqlite3.connect(copies[0]) as connection:
        assert connection.execute("SELECT version_num FROM alembic_version").fetchone() == ("0001",)
        assert connection.execute("SELECT count(*) FROM candidates").fetchone() == (1,)


def test_planner_statistics_exist_from_the_start_and_follow_bulk_loads(tmp_path: Path) -> None:
    from workbench.services.demo import add_demo_candidates

    path = tmp_path / "stats.sqlite3"
    database = open_database(path)
    try:
        add_demo_candidates(database, 1_000, seed=2)
    finally:
        database.close()
    with sqlite3.connect(path) as connection:
        rows = dict(
            connection.execute(
                "SELECT idx, stat FROM sqlite_stat1 WHERE tbl = 'candidates' AND idx IS NOT NULL"
            ).fetchall()
        )
    # "1000 ..." : the sample saw the thousand candidates just added.
    assert rows["ix_candidates_live_name_key"].split()[0] == "1000"


def test_a_database_before_certifications_gains_the_seeded_catalogue(tmp_path: Path) -> None:
    from dataclasses import replace

    from alembic import command

    from workbench.domain.candidate import CandidateDraft
    from workbench.domain.certifications import SEED_RULES
    from workbench.domain.claims import ClaimDraft
    from workbench.services.catalogue import certification_rules
    from workbench.services.claims import add_claim
    from workbench.store.engine import Database
    from workbench.store.migrations import _alembic_config

    path = tmp_path / "old.sqlite3"
    old = Database.open_file(path)
    with old.engine.begin() as connection:
        command.upgrade(_alembic_config(old, connection), "0002")
    stored = _add_with_old_columns(old, CandidateDraft("Ann", "Lee", "ann@example.com"))
    old.close()

    upgraded = open_database(path)
    try:
        rules = certification_rules(upgraded)
        assert [replace(r, revision=1) for r in rules] == list(SEED_RULES)
        # 0004 recorded PMI's suspension year and PRINCE2's old five-year rule as revision 2.
        assert {r.code for r in rules if r.revision == 2} == {
            "PMP",
            "PMI-ACP",
            "PRINCE2-PRACTITIONER",
        }
        assert add_claim(upgraded, stored.id, "PMP", ClaimDraft("0042")).credential_id == "0042"
    finally:
        upgraded.close()


def _add_with_old_columns(old, draft):
    """Store a candidate as an older Workbench would: only the columns its schema has.

    Today's add_candidate writes today's columns, which an old table does not have.
    Returns what the candidate reads as today: the cleaned draft, version 1.
    """
    import json
    from types import SimpleNamespace

    from workbench.domain.candidate import validate_candidate
    from workbench.store.candidate_repository import _scalar_columns

    clean = validate_candidate(draft)
    values = {**_scalar_columns(clean), "created_at": "2026-01-01 00:00:00"}
    values.update(updated_at=values["created_at"], version=1)
    with sqlite3.connect(old.path) as connection:
        known = {row[1] for row in connection.execute("PRAGMA table_info(candidates)")}
        row = {
            key: json.dumps(value) if isinstance(value, list) else value
            for key, value in values.items()
            if key in known
        }
        cursor = connection.execute(
            f"INSERT INTO candidates ({', '.join(row)}) VALUES ({', '.join('?' * len(row))})",
            list(row.values()),
        )
    return SimpleNamespace(id=cursor.lastrowid, draft=clean, version=1)
