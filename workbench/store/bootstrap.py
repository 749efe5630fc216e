"""Open a database file for use: create or migrate it, and turn every fault into a clear message."""

from __future__ import annotations

import logging
import os
import sqlite3
from pathlib import Path
from typing import Any

from sqlalchemy.exc import DatabaseError, OperationalError

from workbench.domain.errors import WorkbenchError
from workbench.store.engine import Database
from workbench.store.migrations import upgrade

_SQLITE_MAGIC = b"SQLite format 3\x00"


def _foreign_tables(path: Path) -> bool:
    """Return True when an SQLite file has tables but was never a Workbench database."""
    # Read-only and before any PRAGMA, so another application's file is not changed at all.
    try:
        connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            names = {row[0] for row in connection.execute("SELECT name FROM sqlite_master")}
        finally:
            connection.close()
    except sqlite3.DatabaseError:
        return False  # damaged or locked: the full open reports it properly
    return bool(names) and "alembic_version" not in names


def require_sqlite_file(path: Path, what: str) -> None:
    """Raise WorkbenchError unless the file starts like an SQLite database."""
    try:
        with path.open("rb") as handle:
            header = handle.read(16)
    except OSError as exc:
        raise WorkbenchError(f"cannot read {path}: {exc.strerror}") from None
    if header != _SQLITE_MAGIC:
        raise WorkbenchError(f"{path} is not {what} (not an SQLite file)")


def _check_file(path: Path) -> None:
    if path.is_dir():
        raise WorkbenchError(f"{path} is a folder, not a database file")
    if not path.exists() or path.stat().st_size == 0:
        return
    require_sqlite_file(path, "a Workbench database")
    if _foreign_tables(path):
        raise WorkbenchError(
            f"{path} is not a Workbench database (it holds another application's tables); "
            "it was left untouched"
        )
    if not os.access(path, os.W_OK) or not os.access(path.parent, os.W_OK):
        raise WorkbenchError(
            f"{path} is read-only; Workbench needs to write to it and to its folder"
        )


def _create_private_file(path: Path) -> None:
    """Create an empty file readable by its owner only; SQLite gives its -wal the same mode."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        os.close(os.open(path, os.O_CREAT | os.O_WRONLY, 0o600))
    except OSError as exc:
        raise WorkbenchError(f"cannot create {path}: {exc.strerror}") from None


def _check_every_page(connection: Any, path: Path) -> None:
    problems = [str(row) for row in connection.exec_driver_sql("PRAGMA quick_check").scalars()]
    if problems != ["ok"]:
        logging.getLogger("workbench").error("integrity check of %s: %s", path, problems)
        raise WorkbenchError(
            f"{path} is damaged ({len(problems)} problems, first: {problems[0]}); "
            "restore it from a backup"
        )


def open_database(path: Path) -> Database:
    """Open the file at path, creating or upgrading its schema; raise WorkbenchError on faults."""
    path = Path(path).expanduser()
    _check_file(path)
    if not path.exists():
        _create_private_file(path)
    database = Database.open_file(path)
    try:
        migrated = upgrade(database) is not None
        with database.engine.connect() as connection:
            # Reading the schema catches a damaged first page at once; a full page-by-page
            # check costs 0.7 s on a 400 MB file, so it runs only after a migration.
            connection.exec_driver_sql("SELECT count(*) FROM sqlite_master").scalar()
            if migrated:
                _check_every_page(connection, path)
            has_statistics = connection.exec_driver_sql(
                "SELECT count(*) FROM sqlite_master WHERE name = 'sqlite_stat1'"
            ).scalar()
        if not has_statistics:
            database.refresh_statistics()
    except WorkbenchError:
        database.close()
        raise
    except (DatabaseError, OperationalError, sqlite3.DatabaseError) as exc:
        database.close()
        detail = str(getattr(exc, "orig", exc))
        raise WorkbenchError(f"cannot open {path}: {detail}") from None
    return database
