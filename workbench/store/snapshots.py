"""Consistent copies of a live SQLite file through the online backup API, and their checks."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path


def online_copy(source: Path, target: Path, *, single_file: bool = False) -> None:
    """Copy the database at source into a new file at target (owner-only), page by page.

    single_file switches the copy out of WAL mode, so it is one self-contained file that a
    read-only check or a later restore can open without creating -wal/-shm beside it.
    """
    # The copy holds the same personal data: owner-only like the original.
    os.close(os.open(target, os.O_CREAT | os.O_WRONLY | os.O_EXCL, 0o600))
    source_connection = sqlite3.connect(source)
    try:
        copy = sqlite3.connect(target)
        try:
            source_connection.backup(copy)  # safe while WAL holds recent commits
            if single_file:
                copy.execute("PRAGMA journal_mode = DELETE")
        finally:
            copy.close()
    finally:
        source_connection.close()


def integrity_problems(path: Path) -> list[str]:
    """Return what `PRAGMA integrity_check` finds wrong with the file: empty when it is sound."""
    connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        rows = [str(row[0]) for row in connection.execute("PRAGMA integrity_check")]
    finally:
        connection.close()
    return [] if rows == ["ok"] else rows
