"""Evidence files of checks: where they live, opening them safely, removing unreferenced ones."""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from workbench.domain.claims import EvidenceState
from workbench.domain.errors import NotFoundError, WorkbenchError
from workbench.store.engine import Database
from workbench.store.evidence import EvidenceStore, evidence_folder
from workbench.store.models import CheckRecord, ClaimRecord, EvidenceRecord


def evidence_store(database: Database) -> EvidenceStore:
    """Return the evidence files of a database (a folder beside its file)."""
    if database.path is None:
        raise WorkbenchError("this database has no folder for evidence files")
    return EvidenceStore(evidence_folder(database.path))


def discard_unreferenced_evidence(
    database: Database, files: Sequence[tuple[str, str]], store: EvidenceStore | None = None
) -> int:
    """Delete the given (sha256, media type) files that no check refers to; return how many."""
    if not files or database.path is None:
        return 0
    store = store or evidence_store(database)
    try:
        with database.read() as session:
            held = set(
                session.scalars(
                    select(EvidenceRecord.sha256).where(
                        EvidenceRecord.sha256.in_([sha for sha, _ in files])
                    )
                )
            )
    except WorkbenchError:
        return 0  # cannot tell: keeping a stray file is safer than losing evidence
    removed = 0
    for sha256, media_type in set(files):
        if sha256 not in held:
            store.discard(sha256, media_type)
            removed += 1
    return removed


def evidence_of_candidates(session: Session, candidate_ids: Sequence[int]) -> list[tuple[str, str]]:
    """Return the (sha256, media type) of every evidence file on these candidates' checks."""
    rows = session.execute(
        select(EvidenceRecord.sha256, EvidenceRecord.media_type)
        .join(CheckRecord, CheckRecord.id == EvidenceRecord.check_id)
        .join(ClaimRecord, ClaimRecord.id == CheckRecord.claim_id)
        .where(ClaimRecord.candidate_id.in_(list(candidate_ids)))
    )
    return [(sha256, media_type) for sha256, media_type in rows]


@dataclass(frozen=True)
class EvidenceAccess:
    """An evidence file's place on disk and whether it is still the one recorded."""

    path: Path
    filename: str
    media_type: str
    state: EvidenceState

    @property
    def problem(self) -> str | None:
        """Return what is wrong with the file, in words, or None when it is intact."""
        if self.state is EvidenceState.MISSING:
            return f"the evidence file {self.filename} is missing from {self.path.parent}"
        if self.state is EvidenceState.CHANGED:
            return (
                f"the evidence file {self.filename} was changed after it was recorded "
                "(its SHA-256 no longer matches); do not rely on it"
            )
        return None


def viewing_copy(access: EvidenceAccess) -> Path:
    """Return a read-only copy of an evidence file, under its own name, to hand to a viewer.

    The stored file is never opened in place: a viewer that saves (or an editor) would
    change the evidence, which would then read as tampered with for good.
    """
    folder = Path(tempfile.mkdtemp(prefix="workbench-evidence-"))  # private: 0700
    suffix = Path(access.path).suffix
    name = access.filename if access.filename.lower().endswith(suffix) else access.filename + suffix
    target = folder / Path(name).name
    try:
        shutil.copyfile(access.path, target)
        target.chmod(0o400)
    except OSError as exc:
        raise WorkbenchError(f"cannot open {access.filename}: {exc.strerror}") from None
    return target


def open_evidence(database: Database, evidence_id: int) -> EvidenceAccess:
    """Return an evidence file after hashing it again; a changed or missing file is reported."""
    with database.read() as session:
        item = session.get(EvidenceRecord, evidence_id)
        if item is None:
            raise NotFoundError(f"no evidence file #{evidence_id}")
        sha256, media_type, filename = item.sha256, item.media_type, item.filename
    store = evidence_store(database)
    return EvidenceAccess(
        store.path_for(sha256, media_type), filename, media_type, store.state(sha256, media_type)
    )
