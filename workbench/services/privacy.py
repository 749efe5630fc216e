"""A person's data protection rights: a subject-access export of all we hold, and erasure."""

from __future__ import annotations

import dataclasses
import json
import logging
import os
import zipfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from enum import Enum
from pathlib import Path
from typing import IO, Any

from sqlalchemy import true

from workbench.domain.errors import WorkbenchError
from workbench.services import (
    candidates,
    claims,
    consents,
    evidence_files,
    history,
    profiles,
    submittals,
)
from workbench.services import vetting as vetting_service
from workbench.services.files import write_atomically
from workbench.services.progress import NO_PROGRESS, ProgressReporter
from workbench.store import maintenance, retention_queries
from workbench.store.engine import Database

log = logging.getLogger("workbench")
SAR_JSON = "subject-access.json"
EVIDENCE_FOLDER = "evidence"
FORMAT_VERSION = 1
# Candidates erased per transaction: Cancel is honoured between batches.
_BATCH = 200


@dataclass(frozen=True)
class ErasureResult:
    """What an erasure removed: the candidates, how many evidence files, and when."""

    candidate_ids: tuple[int, ...]
    evidence_files_removed: int
    erased_at: datetime
    wal_emptied: bool
    skipped: tuple[int, ...] = ()  # reached but gone already, or active again
    not_reached: tuple[int, ...] = ()  # left when Cancel stopped the batches


def plain(value: Any) -> Any:
    """Return value as JSON-ready data: dataclasses as objects, dates as ISO text."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {
            field.name: plain(getattr(value, field.name)) for field in dataclasses.fields(value)
        }
    if isinstance(value, Enum):
        return plain(value.value)
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Mapping):
        return {str(key): plain(item) for key, item in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        return [plain(item) for item in value]
    if isinstance(value, Path):
        return str(value)
    if value is None or isinstance(value, str | int | float | bool):
        return value
    return str(value)


def _evidence_name(sha256: str, filename: str) -> str:
    # Named by hash first: two checks may attach different files called "certificate.pdf".
    return f"{EVIDENCE_FOLDER}/{sha256[:12]}-{Path(filename).name or 'file'}"


def subject_access_report(database: Database, candidate_id: int) -> dict[str, Any]:
    """Return everything held on one candidate as JSON-ready data (evidence listed, not read)."""
    candidate = candidates.get_candidate(database, candidate_id)
    held_claims = claims.candidate_claims(database, candidate_id)
    evidence = [
        {
            **plain(item),
            "claim": claim.code,
            "check_id": check.id,
            "file_in_zip": _evidence_name(item.sha256, item.filename),
        }
        for claim in held_claims
        for check in claim.checks
        for item in check.evidence
    ]
    return {
        "format": "workbench subject-access export",
        "format_version": FORMAT_VERSION,
        "exported_at": candidates.utc_now().isoformat(),
        "candidate": plain(candidate),
        "claims": plain(held_claims),
        "evidence_files": evidence,
        "data_protection": plain(consents.data_protection(database, candidate_id)),
        "client_consents": plain(consents.client_consents(database, candidate_id)),
        "vetting": plain(vetting_service.vetting(database, candidate_id)),
        "history": plain(history.candidate_history(database, candidate_id)),
        "submittals": plain(submittals.submittals(database, candidate_id=candidate_id)),
        "profile_exports": plain(profiles.profile_exports(database, candidate_id)),
    }


def subject_access_export(database: Database, candidate_id: int, zip_path: Path) -> Path:
    """Write one zip with subject-access.json and the evidence files; readable by the user only."""
    zip_path = Path(zip_path)
    report = subject_access_report(database, candidate_id)
    sources: dict[str, Path] = {}
    for item in report["evidence_files"]:
        path = evidence_files.evidence_store(database).path_for(item["sha256"], item["media_type"])
        item["file_included"] = path.is_file()
        if path.is_file():
            sources[item["file_in_zip"]] = path
    document = json.dumps(report, ensure_ascii=False, indent=2, sort_keys=False)

    def write(handle: IO[bytes]) -> None:
        # The temporary file is mkstemp's (0600), so the zip is private before it has a byte.
        with zipfile.ZipFile(handle, "w", compression=zipfile.ZIP_DEFLATED) as archive:
            archive.writestr(SAR_JSON, document)
            for name, source in sources.items():
                archive.write(source, name)

    try:
        write_atomically(zip_path, write)
        os.chmod(zip_path, 0o600)
    except OSError as exc:
        raise WorkbenchError(f"cannot write {zip_path}: {exc.strerror or exc}") from None
    return zip_path


def erase_candidate(
    database: Database, candidate_id: int, progress: ProgressReporter = NO_PROGRESS
) -> ErasureResult:
    """Remove one candidate's personal data for good (see erase_candidates)."""
    candidates.get_candidate(database, candidate_id)  # NotFoundError for a wrong id
    return erase_candidates(database, [candidate_id], progress)


def erase_candidates(
    database: Database,
    candidate_ids: Sequence[int],
    progress: ProgressReporter = NO_PROGRESS,
    *,
    inactive_before: datetime | None = None,
) -> ErasureResult:
    """Remove candidates' personal data for good, leaving an anonymous stub in history each.

    The rows go with secure_delete on, the search index is merged so no segment keeps the
    erased words, then the file is vacuumed once and its WAL emptied: the names and emails
    are then in neither the database file nor its -wal. Evidence files no other check holds
    go too. Rows go in batches, each one transaction; Cancel stops between batches, and
    what was erased by then stays erased. Whatever stops the loop (Cancel, a locked or full
    disk), the batches already erased have their evidence files removed and are compacted
    away before the error reaches the caller.

    With `inactive_before` (the retention review), a candidate with activity since then is
    left alone, judged inside each batch's transaction: a consent recorded after the review
    was read keeps them.
    """
    ids = list(dict.fromkeys(candidate_ids))
    if not ids:
        raise WorkbenchError("choose at least one candidate to erase")
    which = (
        retention_queries.inactive_condition(inactive_before)
        if inactive_before is not None
        else true()
    )
    batches = [ids[start : start + _BATCH] for start in range(0, len(ids), _BATCH)]
    steps = len(batches) + 2  # then discard evidence files, then compact the file
    evidence: list[tuple[str, str]] = []
    erased: list[int] = []
    reached: list[int] = []
    progress.report(0, steps)
    failure: BaseException | None = None
    try:
        for done, batch in enumerate(batches, start=1):
            erased += candidates._purge_rows(
                database,
                batch,
                evidence,
                evidence_files.evidence_of_candidates,
                which,
                erasure=True,
            )
            reached += batch
            if _stopped(progress, done, steps):
                break
    except BaseException as exc:  # re-raised below, once what was erased is scrubbed
        failure = exc
    wal_emptied, removed = _scrub(database, evidence, failure) if erased else (True, 0)
    _stopped(progress, steps, steps)
    if failure is not None:
        raise failure
    if not erased:
        raise WorkbenchError(
            "nothing was erased: those candidates are gone already, or active again"
            if inactive_before is not None
            else "nothing was erased: those candidates are gone already"
        )
    done_ids = set(erased)
    return ErasureResult(
        tuple(erased),
        removed,
        candidates.utc_now(),
        wal_emptied,
        skipped=tuple(cid for cid in reached if cid not in done_ids),
        not_reached=tuple(ids[len(reached) :]),
    )


def _scrub(
    database: Database, evidence: list[tuple[str, str]], failure: BaseException | None
) -> tuple[bool, int]:
    """Remove the erased people's evidence files, then compact; return (WAL emptied, files).

    Files first: the rows naming them are gone already, so a compaction failing (a full
    disk) must not leave the scans behind with nothing left to find them by. When an error
    is already on its way, a failing compaction is logged and that first error goes on.
    """
    removed = evidence_files.discard_unreferenced_evidence(database, evidence)
    try:
        return _compact(database), removed
    except WorkbenchError:
        if failure is None:
            raise
        log.warning("compacting after a failed erasure failed too", exc_info=True)
        return False, removed


def _compact(database: Database) -> bool:
    """Sample the statistics again if they copy values, then vacuum; True if the WAL emptied."""
    with database.read() as session:
        resample = maintenance.has_sample_statistics(session)
    if resample:
        # sqlite_stat4 keeps copies of indexed values (emails among them): sample again.
        database.refresh_statistics()
    return maintenance.compact(database)


def _stopped(progress: ProgressReporter, done: int, total: int) -> bool:
    # Not report(): a Cancel after a deletion must not claim that nothing was saved.
    if progress.progress is not None:
        progress.progress(done, total)
    return progress.is_cancelled is not None and progress.is_cancelled()
