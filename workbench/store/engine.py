"""The SQLite engine with settings that do not lose data, and sessions for use cases."""

from __future__ import annotations

import os
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.exc import DatabaseError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from workbench.domain.errors import Interrupted, WorkbenchError

BUSY_TIMEOUT_MS = 10_000
MMAP_BYTES = 512 * 1024 * 1024
CACHE_KIB = 32 * 1024
DATABASE_ENV = "WORKBENCH_DB"
# A bulk change this large can change which index SQLite should pick for a list.
STATISTICS_AFTER_ROWS = 1_000


def default_database_path() -> Path:
    """Return the database chosen by WORKBENCH_DB, else the file in the user's data folder."""
    chosen = os.environ.get(DATABASE_ENV)
    if chosen:
        return Path(chosen).expanduser()
    from platformdirs import user_data_path

    return user_data_path("Workbench", appauthor=False) / "workbench.sqlite3"


def _configure_sqlite(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # pysqlite's own transaction handling would defer BEGIN and skip it for DDL;
        # we emit BEGIN ourselves so every unit of work is one real transaction.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA journal_mode = WAL")
        cursor.execute("PRAGMA synchronous = FULL")
        cursor.execute("PRAGMA foreign_keys = ON")
        # Lists and searches read index pages all over a file of hundreds of MB: map it and
        # keep a larger page cache than SQLite's 2 MB default.
        cursor.execute(f"PRAGMA mmap_size = {MMAP_BYTES}")
        cursor.execute(f"PRAGMA cache_size = -{CACHE_KIB}")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Any) -> None:
        # A writer takes the lock up front: a deferred BEGIN that later upgrades to a write
        # fails at once with SQLITE_BUSY when another writer got in first, ignoring busy_timeout.
        mode = connection.get_execution_options().get("sqlite_begin", "DEFERRED")
        connection.exec_driver_sql(f"BEGIN {mode}")


_FAULTS = (
    (
        ("malformed", "not a database", "disk image", "corrupt", "vtable constructor failed"),
        "{path} is damaged; restore it from a backup",
    ),
    (("disk is full", "database or disk is full"), "the disk is full; nothing was saved"),
    (("readonly", "read-only"), "{path} is read-only; nothing was saved"),
    (
        ("database is locked", "busy"),
        "the database is busy (another Workbench is saving); try again in a moment",
    ),
    (("disk i/o error",), "the disk could not be read or written ({path}); nothing was saved"),
)


def explain_fault(error: str, path: Path | None) -> str | None:
    """Return what a consultant should read for an SQLite fault, or None if it is a bug."""
    lowered = error.lower()
    for needles, message in _FAULTS:
        if any(needle in lowered for needle in needles):
            return message.format(path=path or "the database")
    return None


class Interruption:
    """Let another thread stop the queries of one read, e.g. a search made stale by typing."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._connection: Any = None
        self.stopped = False

    def attach(self, dbapi_connection: Any) -> None:
        """Watch the connection a read runs on."""
        with self._lock:
            self._connection = dbapi_connection

    def detach(self) -> None:
        """Stop watching; the connection goes back to the pool for others."""
        with self._lock:
            self._connection = None

    def stop(self) -> None:
        """Interrupt the running query; the read then raises Interrupted."""
        with self._lock:
            self.stopped = True
            if self._connection is not None:
                self._connection.interrupt()


class Database:
    """An open database: the engine plus read and write sessions for use cases."""

    def __init__(self, url: str, path: Path | None = None) -> None:
        self.path = path
        self.engine = create_engine(url)
        if self.engine.dialect.name == "sqlite":
            _configure_sqlite(self.engine)
        self._read_sessions = sessionmaker(self.engine, expire_on_commit=False)
        self._write_sessions = sessionmaker(
            self.engine.execution_options(sqlite_begin="IMMEDIATE"), expire_on_commit=False
        )

    @classmethod
    def open_file(cls, path: Path) -> Database:
        """Open (creating if needed) the SQLite file at path, without migrating it."""
        path = Path(path)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise WorkbenchError(
                f"cannot create the folder {path.parent}: {exc.strerror}"
            ) from None
        return cls(f"sqlite:///{path}", path)

    @property
    def is_sqlite(self) -> bool:
        """Return True when the store is an SQLite file (FTS5 available)."""
        return self.engine.dialect.name == "sqlite"

    @contextmanager
    def read(self, interruption: Interruption | None = None) -> Iterator[Session]:
        """Yield a session for reading; another thread may stop it through `interruption`."""
        with (
            self._faults_explained(interruption),
            self._read_sessions() as session,
            session.begin(),
        ):
            if interruption is None or not self.is_sqlite:
                yield session
                return
            if interruption.stopped:
                raise Interrupted("stopped before it began: a newer request replaced it")
            interruption.attach(session.connection().connection.driver_connection)
            try:
                yield session
            finally:
                interruption.detach()

    @contextmanager
    def write(self) -> Iterator[Session]:
        """Yield a session whose changes commit together at the end, or not at all."""
        with self._faults_explained(), self._write_sessions() as session, session.begin():
            yield session

    @contextmanager
    def _faults_explained(self, interruption: Interruption | None = None) -> Iterator[None]:
        """Turn a fault of the file itself into a WorkbenchError saying what to do."""
        try:
            yield
        except (OperationalError, DatabaseError, sqlite3.DatabaseError) as exc:
            if interruption is not None and interruption.stopped:
                raise Interrupted("stopped: a newer request replaced it") from None
            # Some hot paths read through the driver's cursor: its errors arrive unwrapped.
            message = explain_fault(str(getattr(exc, "orig", exc)), self.path)
            if message is None:
                raise
            raise WorkbenchError(message) from None

    def refresh_statistics(self) -> None:
        """Let SQLite's planner learn the data's shape again, after a bulk change.

        Without statistics SQLite picked a plan twice as slow for a filter sorted by city on
        100,000 candidates; sampling (analysis_limit) keeps this at ~80 ms there.
        """
        if not self.is_sqlite:
            return
        with self._faults_explained(), self.engine.begin() as connection:
            connection.exec_driver_sql("PRAGMA analysis_limit = 1000")
            connection.exec_driver_sql("ANALYZE")

    def close(self) -> None:
        """Release every pooled connection."""
        self.engine.dispose()
