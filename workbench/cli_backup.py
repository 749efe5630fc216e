"""The command line's `backup` and `restore-backup` commands."""

from __future__ import annotations

import argparse
import os
import re
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from workbench.domain.errors import WorkbenchError
from workbench.services import backups
from workbench.store.engine import Database


def add_parsers(commands: Any, parser_class: type[argparse.ArgumentParser]) -> None:
    """Add `backup` and `restore-backup` to the command parser."""
    del parser_class  # no sub-commands; kept for the same call as the others
    backup = commands.add_parser(
        "backup",
        help="write a checked copy of the database (and its evidence files)",
        description="Given a folder, writes a dated generation (workbench-YYYYMMDD-HHMMSS."
        "sqlite3) inside it and keeps the newest ones (--keep, else the number in Settings); "
        "given a file name, writes exactly that file.",
    )
    # Kept as typed: Path() drops a trailing "/", which is how a folder is asked for.
    backup.add_argument("target", metavar="FILE_OR_FOLDER")
    backup.add_argument("--keep", type=int, metavar="N", help="generations to keep in a folder")
    # `restore FILE` does the same; this name says it without guessing from the argument.
    restore = commands.add_parser(
        "restore-backup",
        help="replace the database with a backup (the current file is kept aside)",
    )
    restore.add_argument("backup", type=Path, metavar="FILE")
    restore.add_argument("--yes", action="store_true", help="confirm")


def warn_about_storage(database_path: Path) -> None:
    """Print the network-share or sync-folder warning, if it applies, on stderr."""
    warning = backups.storage_warning(database_path)
    if warning:
        print(f"warning: {warning}", file=sys.stderr)


def _size(size: int) -> str:
    return f"{size / 1048576:.1f} MB" if size >= 1048576 else f"{size / 1024:.0f} KB"


def _cmd_backup(database: Database, args: argparse.Namespace) -> int:
    if database.path is not None:
        warn_about_storage(database.path)
    target = Path(args.target).expanduser()
    if args.keep is not None and args.keep < 1:
        raise WorkbenchError("--keep must be at least 1")
    if args.target.endswith(("/", os.sep)) and not target.is_dir():
        raise WorkbenchError(f"no folder {target}; create it first")
    if target.is_dir():
        keep = args.keep or backups.backup_settings(database).keep
        result = backups.back_up(database, target, keep)
    else:
        result = backups.write_backup(database, target)
    evidence = f", {result.evidence_files} evidence files" if result.evidence_files else ""
    print(f"{result.path}  {_size(result.size)}{evidence}  integrity ok")
    for removed in result.removed:
        print(f"removed old backup {removed}")
    return 0


def named_backup(references: Sequence[str]) -> Path | None:
    """Return the file `restore` was given, when its one argument is a file, not a candidate.

    Candidates are named by id, #id, WB-0042 or email: none holds a slash or ends in a
    database suffix. A bare name is a file only when it exists and cannot name a candidate.
    """
    if len(references) != 1:
        return None
    text = references[0].strip()
    path = Path(text).expanduser()
    if "/" in text or "\\" in text or path.suffix.lower() in _BACKUP_SUFFIXES:
        return path
    return None if _CANDIDATE_REFERENCE.fullmatch(text) or not path.is_file() else path


def restore_backup(database_path: Path, args: argparse.Namespace) -> int:
    """Restore without opening the current database: it may be the damaged one."""
    warn_about_storage(database_path)
    info = backups.check_backup(args.backup)
    if not args.yes:
        raise WorkbenchError(
            f"restoring replaces {database_path} with {info.path} "
            f"({info.candidates} candidates); add --yes to confirm"
        )
    aside = backups.restore(info.path, database_path)
    print(f"restored {info.path} ({info.candidates} candidates, integrity ok) to {database_path}")
    if aside is not None:
        print(f"the previous database was kept as {aside}")
    return 0


_BACKUP_SUFFIXES = {".sqlite3", ".sqlite", ".db", ".bak"}
_CANDIDATE_REFERENCE = re.compile(r"#?[0-9]+|WB-[0-9]+|.+@.+", re.IGNORECASE)
HANDLERS = {"backup": _cmd_backup}
# Commands that must run before (or instead of) opening the database.
FILE_HANDLERS = {"restore-backup": restore_backup}
