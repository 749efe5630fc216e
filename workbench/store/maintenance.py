"""File-level upkeep that leaves no trace of deleted rows: secure delete, compaction."""

from __future__ import annotations

from sqlalchemy import text
from sqlalchemy.orm import Session

from workbench.domain.errors import WorkbenchError
from workbench.store.engine import Database, explain_fault


def secure_delete(session: Session, on: bool) -> None:
    """Make this session's connection overwrite deleted content with zeros (or stop)."""
    session.execute(text(f"PRAGMA secure_delete = {'ON' if on else 'OFF'}"))


def has_sample_statistics(session: Session) -> bool:
    """Return True when ANALYZE keeps sample rows (sqlite_stat4), which copy indexed values."""
    found = session.execute(text("SELECT 1 FROM sqlite_master WHERE name = 'sqlite_stat4'")).first()
    return found is not None


def compact(database: Database) -> bool:
    """Checkpoint the WAL, rebuild the file with VACUUM and leave an empty WAL behind.

    VACUUM copies only live rows into fresh pages, so nothing of a deleted row survives in
    the free pages; the checkpoints with TRUNCATE empty the -wal file, which otherwise keeps
    old page images until it is reused. Return False when a reader kept the WAL from
    being emptied (its pages then hold only what VACUUM wrote, but the file is not empty).
    """
    if not database.is_sqlite:
        return True
    # VACUUM refuses to run inside a transaction; SQLAlchemy would BEGIN on our behalf, and
    # the driver's connection is in autocommit (isolation_level None, see engine.py).
    raw = database.engine.raw_connection()
    try:
        cursor = raw.cursor()
        try:
            for statement in (
                "PRAGMA wal_checkpoint(TRUNCATE)",
                "VACUUM",
                "PRAGMA wal_checkpoint(TRUNCATE)",
            ):
                cursor.execute(statement)
                outcome = cursor.fetchall()
        finally:
            cursor.close()
    except Exception as exc:  # sqlite3 errors: explain the file's faults, pass bugs on
        message = explain_fault(str(exc), database.path)
        if message is None:
            raise
        raise WorkbenchError(message) from None
    finally:
        raw.close()
    # The last checkpoint's first column is 1 when another connection was busy reading.
    return not outcome or outcome[0][0] == 0
