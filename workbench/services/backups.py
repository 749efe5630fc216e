"""Back up, check and restore the database file (and its evidence), and warn about bad places."""

from __future__ import annotations

import errno
import os
import re
import shutil
import sqlite3
import sys
import tempfile
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from workbench.domain.errors import WorkbenchError
from workbench.services.catalogue import preference, set_preference
from workbench.store.bootstrap import require_sqlite_file
from workbench.store.engine import Database
from workbench.store.evidence import evidence_folder
from workbench.store.migrations import is_known_revision
from workbench.store.snapshots import integrity_problems, online_copy

BACKUP_FOLDER = "backup_folder"
BACKUP_KEEP = "backup_keep"
BACKUP_AUTOMATIC = "backup_automatic"
DEFAULT_KEEP = 7
_STAMP = "%Y%m%d-%H%M%S"
# An optional -N keeps two backups made in the same second apart.
_GENERATION = re.compile(r"^workbench-(\d{8}-\d{6})(?:-\d+)?\.sqlite3$")


@dataclass(frozen=True)
class BackupResult:
    """A backup written: where, how big, and which older generations were removed."""

    path: Path
    size: int
    evidence_files: int
    removed: tuple[Path, ...] = ()


@dataclass(frozen=True)
class BackupInfo:
    """What a backup file holds, once checked."""

    path: Path
    size: int
    revision: str
    candidates: int


@dataclass(frozen=True)
class BackupSettings:
    """Where automatic backups go, how many are kept, and whether they run at all."""

    folder: Path | None
    keep: int = DEFAULT_KEEP
    automatic: bool = False


def _disk_error(exc: BaseException, where: Path) -> WorkbenchError:
    """Turn an OS or SQLite failure while writing a backup into a message to act on."""
    text = str(exc).lower()
    if getattr(exc, "errno", None) == errno.ENOSPC or "disk is full" in text:
        return WorkbenchError(f"the disk holding {where} is full; no backup was written")
    if getattr(exc, "errno", None) in (errno.EACCES, errno.EPERM, errno.EROFS):
        return WorkbenchError(f"cannot write to {where}: permission denied")
    return WorkbenchError(f"cannot write the backup in {where}: {exc}")


def _check_folder(folder: Path) -> None:
    if not folder.is_dir():
        raise WorkbenchError(f"the backup folder {folder} does not exist")
    if not os.access(folder, os.W_OK | os.X_OK):
        raise WorkbenchError(f"the backup folder {folder} is not writable")


def _copy_evidence(source: Path, target: Path, previous: Path | None) -> int:
    """Copy the evidence tree; a file the previous generation already holds is hard-linked."""
    count = 0
    for file in sorted(source.rglob("*")):
        if not file.is_file():
            continue
        relative = file.relative_to(source)
        destination = target / relative
        destination.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        earlier = previous / relative if previous is not None else None
        # Names are SHA-256 hashes: the same name in an older backup is the same content.
        if earlier is not None and earlier.is_file():
            try:
                os.link(earlier, destination)
                count += 1
                continue
            except OSError:
                pass  # e.g. a filesystem without hard links: copy instead
        shutil.copyfile(file, destination)
        os.chmod(destination, 0o600)
        count += 1
    return count


def generations(folder: Path) -> list[Path]:
    """Return the backups in folder made by back_up, oldest first."""
    if not folder.is_dir():
        return []
    found = [p for p in folder.iterdir() if _stamp_of(p) and p.is_file()]
    # By time, then -2 after -1 after none (a name's length grows with its number).
    return sorted(found, key=lambda p: (_stamp_of(p), len(p.name), p.name))


def _stamp_of(path: Path) -> str:
    match = _GENERATION.match(path.name)
    return match.group(1) if match else ""


def _free_name(folder: Path, now: datetime) -> Path:
    stamp = now.astimezone(UTC).strftime(_STAMP)
    target = folder / f"workbench-{stamp}.sqlite3"
    number = 1
    while target.exists() or evidence_folder(target).exists():
        number += 1
        target = folder / f"workbench-{stamp}-{number}.sqlite3"
    return target


def write_backup(database: Database, target: Path, previous: Path | None = None) -> BackupResult:
    """Copy the live database (and evidence) to target, checked; nothing is left on failure."""
    if database.path is None:
        raise WorkbenchError("only a database file can be backed up")
    folder = target.parent
    _check_folder(folder)
    if target.exists():
        raise WorkbenchError(f"{target} already exists; choose another name or a folder")
    handle, temporary_name = tempfile.mkstemp(
        prefix=".workbench-backup-", suffix=".tmp", dir=folder
    )
    os.close(handle)
    temporary = Path(temporary_name)
    temporary.unlink()  # online_copy creates it itself, owner-only
    temporary_evidence = folder / (temporary.name + "-evidence")
    live_evidence = evidence_folder(database.path)
    try:
        try:
            online_copy(database.path, temporary, single_file=True)
            problems = integrity_problems(temporary)
            if problems:
                raise WorkbenchError(
                    f"the backup failed its integrity check ({problems[0]}); "
                    "nothing was kept and older backups are untouched"
                )
            count = 0
            if live_evidence.is_dir():
                temporary_evidence.mkdir(mode=0o700)
                old = evidence_folder(previous) if previous is not None else None
                count = _copy_evidence(live_evidence, temporary_evidence, old)
            # The evidence goes into place first: the database file is what marks a backup done.
            if count or temporary_evidence.is_dir():
                os.replace(temporary_evidence, evidence_folder(target))
            os.replace(temporary, target)
        except (OSError, sqlite3.Error) as exc:
            raise _disk_error(exc, folder) from None
    except BaseException:
        temporary.unlink(missing_ok=True)
        shutil.rmtree(temporary_evidence, ignore_errors=True)
        if not target.exists():
            shutil.rmtree(evidence_folder(target), ignore_errors=True)
        raise
    return BackupResult(target, target.stat().st_size, count)


def back_up(
    database: Database, folder: Path, keep: int = DEFAULT_KEEP, now: datetime | None = None
) -> BackupResult:
    """Write a dated, checked generation into folder, then keep only the newest `keep`."""
    folder = Path(folder).expanduser()
    _check_folder(folder)
    older = generations(folder)
    target = _free_name(folder, now or datetime.now(UTC))
    result = write_backup(database, target, older[-1] if older else None)
    removed = prune(folder, keep)
    return BackupResult(result.path, result.size, result.evidence_files, removed)


def prune(folder: Path, keep: int) -> tuple[Path, ...]:
    """Delete the oldest generations (and their evidence) beyond keep; return what went."""
    existing = generations(folder)
    doomed = existing[: max(0, len(existing) - max(1, keep))]
    for path in doomed:
        path.unlink(missing_ok=True)
        shutil.rmtree(evidence_folder(path), ignore_errors=True)
    return tuple(doomed)


def check_backup(path: Path) -> BackupInfo:
    """Return what a backup holds; refuse a file that is not a sound Workbench database."""
    path = Path(path).expanduser()
    if not path.is_file():
        raise WorkbenchError(f"{path} is not a file")
    require_sqlite_file(path, "a Workbench backup")
    try:
        connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            names = {row[0] for row in connection.execute("SELECT name FROM sqlite_master")}
            if "alembic_version" not in names or "candidates" not in names:
                raise WorkbenchError(f"{path} is not a Workbench backup (no Workbench tables)")
            revision = connection.execute("SELECT version_num FROM alembic_version").fetchone()
            candidates = connection.execute("SELECT count(*) FROM candidates").fetchone()[0]
        finally:
            connection.close()
        problems = integrity_problems(path)
    except sqlite3.DatabaseError as exc:
        raise WorkbenchError(f"{path} is damaged ({exc}); choose another backup") from None
    if problems:
        raise WorkbenchError(f"{path} is damaged (first problem: {problems[0]}); choose another")
    if revision is None or not is_known_revision(str(revision[0])):
        raise WorkbenchError(
            f"{path} was written by a newer version of Workbench; install that version to use it"
        )
    return BackupInfo(path, path.stat().st_size, str(revision[0]), int(candidates))


def _move_aside(path: Path, aside: Path, moved: list[tuple[Path, Path]]) -> None:
    if path.exists():
        os.replace(path, aside)
        moved.append((path, aside))


def restore(backup: Path, database_path: Path, now: datetime | None = None) -> Path | None:
    """Put a checked backup in place of the (closed) database; return where the old one went."""
    check_backup(backup)
    database_path = Path(database_path).expanduser()
    folder = database_path.parent
    stamp = (now or datetime.now(UTC)).astimezone(UTC).strftime("%Y%m%dT%H%M%S")
    aside = database_path.with_name(f"{database_path.stem}.before-restore-{stamp}.sqlite3")
    temporary = folder / f".{database_path.name}.restoring"
    temporary_evidence = folder / f".{database_path.name}.restoring-evidence"
    moved: list[tuple[Path, Path]] = []
    try:
        try:
            temporary.unlink(missing_ok=True)
            shutil.rmtree(temporary_evidence, ignore_errors=True)
            online_copy(backup, temporary, single_file=True)
            if evidence_folder(backup).is_dir():
                temporary_evidence.mkdir(mode=0o700)
                _copy_evidence(evidence_folder(backup), temporary_evidence, None)
            # The -wal and -shm go with their file: SQLite finds them by the new name.
            _move_aside(database_path, aside, moved)
            for suffix in ("-wal", "-shm"):
                _move_aside(Path(f"{database_path}{suffix}"), Path(f"{aside}{suffix}"), moved)
            _move_aside(evidence_folder(database_path), evidence_folder(aside), moved)
            if temporary_evidence.is_dir():
                os.replace(temporary_evidence, evidence_folder(database_path))
            os.replace(temporary, database_path)
        except (OSError, sqlite3.Error) as exc:
            raise _disk_error(exc, folder) from None
    except BaseException:
        temporary.unlink(missing_ok=True)
        shutil.rmtree(temporary_evidence, ignore_errors=True)
        for original, kept in reversed(moved):  # put the current database back as it was
            if original.is_dir():
                shutil.rmtree(original, ignore_errors=True)
            os.replace(kept, original)
        raise
    return aside if moved else None


def backup_settings(database: Database) -> BackupSettings:
    """Return the backup settings shared by the window and the command line."""
    folder = preference(database, BACKUP_FOLDER).strip()
    keep = preference(database, BACKUP_KEEP, str(DEFAULT_KEEP))
    automatic = preference(database, BACKUP_AUTOMATIC, "off") == "on"
    return BackupSettings(
        Path(folder) if folder else None,
        int(keep) if keep.isdigit() and int(keep) > 0 else DEFAULT_KEEP,
        automatic,
    )


def save_backup_settings(database: Database, settings: BackupSettings) -> None:
    """Store the backup settings; only the values that changed are recorded in history."""
    values = {
        BACKUP_FOLDER: str(settings.folder) if settings.folder else "",
        BACKUP_KEEP: str(max(1, settings.keep)),
        BACKUP_AUTOMATIC: "on" if settings.automatic else "off",
    }
    for key, value in values.items():
        if preference(database, key) != value:
            set_preference(database, key, value)


def backup_due(database: Database, now: datetime) -> bool:
    """Return True when automatic backups are on and the newest is a day old or missing."""
    settings = backup_settings(database)
    if not settings.automatic or settings.folder is None or not settings.folder.is_dir():
        return False
    existing = generations(settings.folder)
    if not existing:
        return True
    newest = datetime.strptime(_stamp_of(existing[-1]), _STAMP).replace(tzinfo=UTC)
    return now.astimezone(UTC) - newest >= timedelta(days=1)


_NETWORK_FILESYSTEMS = {
    "nfs", "nfs4", "cifs", "smb3", "smbfs", "smb", "sshfs", "fuse.sshfs", "9p", "davfs",
    "fuse.davfs", "davfs2", "afs", "ncpfs", "glusterfs", "fuse.glusterfs", "ceph",
    "fuse.rclone", "fuse.s3fs", "lustre", "gfs2", "ocfs2",
}  # fmt: skip
_SYNC_FOLDERS = {
    "dropbox", "google drive", "googledrive", "icloud drive", "icloud", "nextcloud",
    "owncloud", "box", "box sync", "pcloud drive", "mobile documents", "syncthing",
}  # fmt: skip
_SAFETY = (
    "SQLite's file locking and its write-ahead log are not safe there: two computers, or a "
    "sync running mid-save, can damage the database. Keep it on a local disk and put backups "
    "in the shared or synced folder instead."
)


def _mount_point(field: str) -> str:
    """Undo /proc/mounts' octal escapes (a space is written \\040)."""
    return re.sub(r"\\([0-7]{3})", lambda m: chr(int(m.group(1), 8)), field)


def _filesystem_of(path: Path, mounts: str) -> tuple[str, str] | None:
    best: tuple[str, str] | None = None
    text = str(path)
    for line in mounts.splitlines():
        fields = line.split()
        if len(fields) < 3:
            continue
        point = _mount_point(fields[1])
        inside = text == point or text.startswith(point.rstrip("/") + "/")
        if inside and (best is None or len(point) > len(best[0])):
            best = (point, fields[2].lower())
    return best


def storage_warning(path: Path, mounts: str | None = None) -> str | None:
    """Return a warning when the database sits on a network filesystem or in a sync folder."""
    path = Path(path).expanduser().absolute()
    for part in path.parent.parts:
        name = part.casefold()
        if name in _SYNC_FOLDERS or name.startswith(("onedrive", "dropbox (")):
            return f"{path} is in a sync folder ({part}). {_SAFETY}"
        if name == "cloudstorage":  # macOS puts every File Provider sync service here
            return f"{path} is in a sync folder ({part}). {_SAFETY}"
    if mounts is None:
        if not sys.platform.startswith("linux"):
            return None
        try:
            mounts = Path("/proc/mounts").read_text(encoding="utf-8", errors="replace")
        except OSError:
            return None
    try:
        resolved = path.resolve()
    except OSError:
        resolved = path
    found = _filesystem_of(resolved, mounts)
    if found is None:
        return None
    point, kind = found
    if kind in _NETWORK_FILESYSTEMS or kind.startswith(("nfs", "smb", "cifs", "fuse.sshfs")):
        return f"{path} is on a network filesystem ({kind} at {point}). {_SAFETY}"
    return None
