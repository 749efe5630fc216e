"""Evidence files kept beside the database, named by their SHA-256 and checked when opened."""

from __future__ import annotations

import errno
import hashlib
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from workbench.domain.claims import EvidenceState
from workbench.domain.errors import WorkbenchError

MAX_EVIDENCE_BYTES = 25 * 1024 * 1024
_CHUNK = 1024 * 1024

# Judged by the first bytes, not the name: a renamed .exe is refused even if called "cert.pdf".
_SIGNATURES = (
    (b"%PDF-", "application/pdf", ".pdf"),
    (b"\x89PNG\r\n\x1a\n", "image/png", ".png"),
    (b"\xff\xd8\xff", "image/jpeg", ".jpg"),
)


@dataclass(frozen=True)
class StoredFile:
    """A file copied into the evidence folder."""

    filename: str
    media_type: str
    size: int
    sha256: str


def evidence_folder(database_path: Path) -> Path:
    """Return the folder that holds a database's evidence files."""
    return database_path.with_name(database_path.stem + "-evidence")


def media_type_of(head: bytes) -> tuple[str, str] | None:
    """Return (media type, suffix) for a PDF, PNG or JPEG file's first bytes, else None."""
    for signature, media_type, suffix in _SIGNATURES:
        if head.startswith(signature):
            return media_type, suffix
    return None


def suffix_for(media_type: str) -> str:
    """Return the suffix files of a media type are stored with."""
    return next((s for _, m, s in _SIGNATURES if m == media_type), ".bin")


class EvidenceStore:
    """Content-addressed files: <folder>/<first two hex digits>/<sha256><suffix>."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def path_for(self, sha256: str, media_type: str) -> Path:
        """Return where the file with this hash is kept."""
        return self.folder / sha256[:2] / f"{sha256}{suffix_for(media_type)}"

    def put(self, source: Path) -> StoredFile:
        """Copy a PDF, PNG or JPEG into the store (fsynced) and return what was stored."""
        source = Path(source)
        try:
            size = source.stat().st_size
            if not source.is_file():
                raise WorkbenchError(f"{source.name} is not a file")
            if size > MAX_EVIDENCE_BYTES:
                raise WorkbenchError(
                    f"{source.name} is {size / 1048576:.1f} MB; evidence files may be at most "
                    f"{MAX_EVIDENCE_BYTES // 1048576} MB"
                )
            if size == 0:
                raise WorkbenchError(f"{source.name} is empty")
            with source.open("rb") as handle:
                kind = media_type_of(handle.read(16))
                if kind is None:
                    raise WorkbenchError(
                        f"{source.name} is not a PDF, PNG or JPEG file; save the evidence "
                        "as one of those"
                    )
                handle.seek(0)
                return self._copy_in(handle, source.name, kind[0])
        except FileNotFoundError:
            raise WorkbenchError(f"{source} does not exist") from None
        except OSError as exc:
            raise WorkbenchError(f"cannot read {source}: {exc.strerror}") from None

    def _copy_in(self, handle: object, filename: str, media_type: str) -> StoredFile:
        digest = hashlib.sha256()
        self._make_private_folder(self.folder)
        # Written under a temporary name and renamed once complete and on disk: a crash
        # leaves either no file or the whole file, never a torn one under the real name.
        descriptor, temporary = tempfile.mkstemp(dir=self.folder, prefix=".incoming-")
        size = 0
        try:
            with os.fdopen(descriptor, "wb") as out:
                while chunk := handle.read(_CHUNK):  # type: ignore[attr-defined]
                    digest.update(chunk)
                    out.write(chunk)
                    size += len(chunk)
                    if size > MAX_EVIDENCE_BYTES:  # it grew while being copied
                        raise OSError(errno.EFBIG, "the file grew past the size limit")
                out.flush()
                os.fsync(out.fileno())
            sha256 = digest.hexdigest()
            target = self.path_for(sha256, media_type)
            self._make_private_folder(target.parent)
            os.chmod(temporary, 0o400)  # evidence is never written again, only read
            os.replace(temporary, target)
            _fsync_folder(target.parent)
        except OSError as exc:
            Path(temporary).unlink(missing_ok=True)
            raise WorkbenchError(
                f"cannot store the evidence file {filename}: {exc.strerror}"
            ) from None
        return StoredFile(_safe_name(filename), media_type, size, sha256)

    @staticmethod
    def _make_private_folder(folder: Path) -> None:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)

    def state(self, sha256: str, media_type: str) -> EvidenceState:
        """Return whether the stored file is still the one recorded, by hashing it again."""
        path = self.path_for(sha256, media_type)
        digest = hashlib.sha256()
        try:
            with path.open("rb") as handle:
                while chunk := handle.read(_CHUNK):
                    digest.update(chunk)
        except FileNotFoundError:
            return EvidenceState.MISSING
        except OSError:
            return EvidenceState.MISSING
        return EvidenceState.INTACT if digest.hexdigest() == sha256 else EvidenceState.CHANGED

    def discard(self, sha256: str, media_type: str) -> None:
        """Remove a stored file no record refers to (after a failed save)."""
        self.path_for(sha256, media_type).unlink(missing_ok=True)


def _fsync_folder(folder: Path) -> None:
    try:
        descriptor = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(descriptor)
    except OSError:
        pass
    finally:
        os.close(descriptor)


def _safe_name(filename: str) -> str:
    """Return a file name fit to show and to save as: no folders, no control characters."""
    name = "".join(ch for ch in Path(filename).name if ch.isprintable()).strip()
    return (name or "evidence")[:255]
