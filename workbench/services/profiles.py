"""Client-ready PDF profiles from the store: build, render and write them, one or many at once."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import SQLAlchemyError

from workbench.domain.errors import WorkbenchError
from workbench.domain.history import Action, Change, Entity, field_changes
from workbench.pdf.profile_document import (
    Branding,
    CoverPage,
    ProfileDocument,
    ProfileOptions,
    build_profile,
)
from workbench.services import history
from workbench.services.branding import load_branding
from workbench.services.candidates import get_candidate, utc_now
from workbench.services.catalogue import certification_rules, consultant_name
from workbench.services.claims import candidate_claims
from workbench.services.files import write_atomically
from workbench.services.parallel import ordered_results
from workbench.services.progress import NO_PROGRESS, Cancelled, ProgressReporter
from workbench.store.engine import Database
from workbench.store.models import ProfileExportRecord

_UNSAFE_IN_FILE_NAME = re.compile(r'[\x00-\x1f\x7f<>:"/\\|?*]+')
MAX_NAME_IN_FILE = 80


@dataclass(frozen=True)
class WrittenProfile:
    """A PDF written to disk: where, its SHA-256 (the proof of what was sent), and whose it is."""

    path: Path
    sha256: str
    references: tuple[str, ...]
    candidate_ids: tuple[int, ...] = ()


@dataclass(frozen=True)
class ProfileExport:
    """One recorded export of a candidate's profile: the proof of what a client received."""

    id: int
    candidate_id: int
    exported_at: datetime
    exported_by: str
    options: dict[str, Any]  # blind, initials, show_salary, show_lapsed, page_size, generated_on
    sha256: str  # of the file the profile went into (the combined file for a combined export)
    reference: str
    file_name: str
    combined: bool


def profile_document(
    database: Database, candidate_id: int, options: ProfileOptions
) -> ProfileDocument:
    """Return the profile of a live candidate, certification statuses as of the generation day."""
    candidate = get_candidate(database, candidate_id)
    if candidate.deleted_at is not None:
        raise WorkbenchError(f"candidate #{candidate_id} is deleted; restore them first")
    claims = candidate_claims(database, candidate_id, on=options.generated_on)
    rules = {rule.code: rule for rule in certification_rules(database)} if claims else {}
    return build_profile(
        candidate, claims, options, rules, recommendation=candidate.draft.recommendation
    )


def profile_documents(
    database: Database, candidate_ids: Sequence[int], options: ProfileOptions
) -> list[ProfileDocument]:
    """Return the profiles of several candidates, each once, in the order given."""
    return [profile_document(database, cid, options) for cid in dict.fromkeys(candidate_ids)]


def profile_pdf(
    database: Database,
    candidate_id: int,
    options: ProfileOptions,
    branding: Branding | None = None,
) -> tuple[ProfileDocument, bytes]:
    """Return one candidate's profile and its PDF bytes; branding from Settings by default."""
    from workbench.pdf.render import render_profile

    document = profile_document(database, candidate_id, options)
    return document, render_profile(document, options, branding or load_branding(database))


def file_name(document: ProfileDocument) -> str:
    """Return the file name for a profile; a blind one carries no name, only the reference."""
    if document.blind:
        return f"{document.reference}.pdf"
    name = _UNSAFE_IN_FILE_NAME.sub(" ", document.display_name)
    name = " ".join(name.split())[:MAX_NAME_IN_FILE].strip(" .")
    return f"{document.reference} {name}.pdf" if name else f"{document.reference}.pdf"


def write_profile(
    database: Database,
    candidate_id: int,
    path: Path,
    options: ProfileOptions,
    branding: Branding | None = None,
) -> WrittenProfile:
    """Write one candidate's profile to path (atomically), record the export, return its hash."""
    document, data = profile_pdf(database, candidate_id, options, branding)
    written = write_rendered(path, data, [document])
    record_exports(database, [written], options)
    return written


# Below this many profiles, starting worker processes costs more than a second core saves.
PARALLEL_FROM = 8


def write_profile_folder(
    database: Database,
    candidate_ids: Sequence[int],
    folder: Path,
    options: ProfileOptions,
    branding: Branding | None = None,
    *,
    reporter: ProgressReporter = NO_PROGRESS,
) -> list[WrittenProfile]:
    """Write one PDF per candidate into folder (created if needed), record each; return them.

    Renders on both cores from PARALLEL_FROM profiles up. A Cancel removes the files this
    call wrote and records none; any other failure keeps and records those already written.
    """
    from workbench.pdf.render import render_profile

    documents = profile_documents(database, candidate_ids, options)
    steps = 2 * len(documents)
    reporter.report(len(documents), steps)
    _make_folder(folder)
    chosen = branding or load_branding(database)
    written: list[WrittenProfile] = []
    results = ordered_results(
        render_profile,
        [(document, options, chosen) for document in documents],
        parallel=len(documents) >= PARALLEL_FROM,
    )
    try:
        for done, (document, data) in enumerate(zip(documents, results, strict=True), 1):
            written.append(write_rendered(folder / file_name(document), data, [document]))
            reporter.report(len(documents) + done, steps)
    except Cancelled:
        for item in written:
            item.path.unlink(missing_ok=True)
        written = []
        raise
    finally:
        results.close()  # stops the worker processes at once
        # Files already written were sent out of the app's hands: record them even when a
        # later one failed, so the history never misses a file that exists.
        if written:
            record_exports(database, written, options)
    return written


def write_combined_profiles(
    database: Database,
    candidate_ids: Sequence[int],
    path: Path,
    options: ProfileOptions,
    branding: Branding | None = None,
    *,
    reporter: ProgressReporter = NO_PROGRESS,
    cover: Callable[[Sequence[ProfileDocument]], CoverPage] | None = None,
) -> WrittenProfile:
    """Write several profiles as one PDF, each on new pages; record each candidate's export.

    `cover` makes the first page (a shortlist for a job) from the documents, so it names
    candidates exactly as their profiles do (blind or not). A Cancel before the file is
    written leaves no file at all.
    """
    from workbench.pdf.render import render_profiles

    documents = profile_documents(database, candidate_ids, options)
    data = render_profiles(
        documents,
        options,
        branding or load_branding(database),
        cover(documents) if cover is not None else None,
    )
    reporter.report(1, 2)  # the last chance to cancel before the file exists
    written = write_rendered(path, data, documents)
    record_exports(database, [written], options)
    reporter.report(2, 2)
    return written


def export_options(options: ProfileOptions) -> dict[str, Any]:
    """Return the options an export is recorded with, as JSON-ready values."""
    return {
        "blind": options.blind,
        "initials": options.initials,
        "show_salary": options.show_salary,
        "show_lapsed": options.show_lapsed,
        "page_size": options.page_size,
        "generated_on": options.generated_on.isoformat(),
    }


def _export_fields(record: ProfileExportRecord) -> dict[str, object]:
    options = record.options
    return {
        "File": record.file_name,
        "SHA-256": record.sha256,
        "Blind": bool(options.get("blind")),
        "Salary shown": bool(options.get("show_salary")),
        "Combined file": record.combined,
    }


def record_exports(
    database: Database, written: Sequence[WrittenProfile], options: ProfileOptions
) -> None:
    """Record one export row per candidate of each file written, all in one transaction.

    Called only after the files are on disk (the order matters: a row must never claim a file
    that was not written). A file holding several candidates is recorded as combined, each of
    them with that file's SHA-256. When recording fails the files stay and the error says so.
    """
    rows = [
        (candidate_id, reference, item)
        for item in written
        for candidate_id, reference in zip(item.candidate_ids, item.references, strict=True)
    ]
    if not rows:
        return
    chosen = export_options(options)
    try:
        by = consultant_name(database)
        now = utc_now()
        with database.write() as session:
            records = [
                ProfileExportRecord(
                    candidate_id=candidate_id,
                    exported_at=now,
                    exported_by=by,
                    options=chosen,
                    sha256=item.sha256,
                    reference=reference,
                    file_name=item.path.name,
                    combined=len(item.candidate_ids) > 1,
                )
                for candidate_id, reference, item in rows
            ]
            session.add_all(records)
            session.flush()
            history.record(
                session,
                (
                    Change(
                        record.candidate_id,
                        Entity.EXPORT,
                        record.id,
                        Action.CREATED,
                        field_changes({}, _export_fields(record)),
                        record.reference,
                    )
                    for record in records
                ),
                now,
                by,
            )
    except (SQLAlchemyError, WorkbenchError) as exc:
        files = ", ".join(str(item.path) for item in written)
        raise WorkbenchError(
            f"written {files}, but the export could not be recorded in the candidates' "
            f"history: {exc}"
        ) from exc


def profile_exports(database: Database, candidate_id: int) -> list[ProfileExport]:
    """Return the recorded exports of one candidate's profile, newest first."""
    with database.read() as session:
        records = session.scalars(
            select(ProfileExportRecord)
            .where(ProfileExportRecord.candidate_id == candidate_id)
            .order_by(ProfileExportRecord.exported_at.desc(), ProfileExportRecord.id.desc())
        ).all()
        return [
            ProfileExport(
                id=r.id,
                candidate_id=r.candidate_id,
                exported_at=r.exported_at,
                exported_by=r.exported_by,
                options=dict(r.options),
                sha256=r.sha256,
                reference=r.reference,
                file_name=r.file_name,
                combined=r.combined,
            )
            for r in records
        ]


def _make_folder(folder: Path) -> None:
    """Create the output folder; one clear error when it cannot be."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except FileExistsError:
        raise WorkbenchError(f"{folder} is a file, not a folder") from None
    except OSError as exc:
        raise WorkbenchError(f"cannot create the folder {folder}: {exc.strerror or exc}") from None


def write_rendered(path: Path, data: bytes, documents: Sequence[ProfileDocument]) -> WrittenProfile:
    """Write bytes beside path and rename them over it, so a reader never sees half a PDF."""
    if path.is_dir():
        raise WorkbenchError(f"{path} is a folder; give a file name ending in .pdf")
    if not path.parent.is_dir():
        raise WorkbenchError(f"the folder {path.parent} does not exist")
    write_atomically(path, lambda handle: handle.write(data))
    return WrittenProfile(
        path,
        hashlib.sha256(data).hexdigest(),
        tuple(d.reference for d in documents),
        tuple(d.candidate_id for d in documents),
    )


__all__ = [
    "ProfileExport",
    "WrittenProfile",
    "export_options",
    "file_name",
    "profile_document",
    "profile_documents",
    "profile_exports",
    "profile_pdf",
    "record_exports",
    "write_combined_profiles",
    "write_profile",
    "write_profile_folder",
]
