"""Import candidates from a CSV or XLSX file in one transaction, reporting each rejected row."""

from __future__ import annotations

import multiprocessing
import os
import sys
from collections.abc import Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from workbench.domain.candidate import CandidateDraft, email_key
from workbench.domain.errors import WorkbenchError
from workbench.services.candidates import utc_now
from workbench.services.import_rows import (
    ColumnMap,
    RejectedRow,
    RowOutcome,
    map_columns,
    parse_rows,
    reject_repeats,
    row_outcomes,
)
from workbench.services.progress import NO_PROGRESS, ProgressReporter
from workbench.services.spreadsheet import SheetRow, read_table
from workbench.store.candidate_repository import existing_emails, insert_many
from workbench.store.engine import Database

INSERT_BATCH = 1_000
CHECK_CHUNK = 1_000
# Validating a row (email and phone rules) costs about 0.3 ms; from this many rows on, the
# time saved by checking on every core outweighs the ~0.3 s it takes to start the workers.
PARALLEL_FROM_ROWS = 2_000
MAX_WORKERS = 8


@dataclass(frozen=True)
class ImportReport:
    """What an import did: how many candidates it stored, which rows it left out, and warnings."""

    imported: int
    rejected: tuple[RejectedRow, ...]
    warnings: tuple[str, ...]
    dry_run: bool

    @property
    def summary(self) -> str:
        """Return one line such as 'imported 120, rejected 3'."""
        verb = "would import" if self.dry_run else "imported"
        return f"{verb} {self.imported}, rejected {len(self.rejected)}"


def import_file(
    database: Database,
    path: Path,
    *,
    dry_run: bool = False,
    reporter: ProgressReporter = NO_PROGRESS,
) -> ImportReport:
    """Store a .csv or .xlsx file's valid rows in one transaction; report the rows left out."""
    path = Path(path)
    table = read_table(path)
    columns, warnings = map_columns(table.header)
    # Rows are checked before the write transaction starts, so the slow part of an import
    # does not lock out consultants saving candidates meanwhile. Progress therefore runs
    # twice: over the file's rows while checking, then over the candidates while storing.
    outcomes = check_rows(table.rows, columns, f"import: {path.name}", reporter)
    drafts, rejected = reject_repeats(outcomes)
    try:
        if dry_run:
            with database.read() as session:
                drafts, taken = _drop_stored(session, drafts)
        else:
            with database.write() as session:
                drafts, taken = _drop_stored(session, drafts)
                _store(session, [draft for _, draft in drafts], reporter)
    except IntegrityError as exc:
        raise WorkbenchError(
            f"nothing was imported: the database refused a row ({exc.orig})"
        ) from None
    return ImportReport(
        imported=len(drafts),
        rejected=tuple(sorted([*rejected, *taken], key=lambda r: r.row)),
        warnings=tuple(warnings),
        dry_run=dry_run,
    )


def check_rows(
    rows: Sequence[SheetRow],
    columns: ColumnMap,
    source: str,
    reporter: ProgressReporter = NO_PROGRESS,
) -> list[RowOutcome]:
    """Return each non-blank row's outcome in file order, using every core for large files."""
    total = len(rows)
    chunks = [rows[start : start + CHECK_CHUNK] for start in range(0, total, CHECK_CHUNK)]
    reporter.report(0, total)
    workers = min(_usable_cores(), MAX_WORKERS, len(chunks))
    # A frozen app (PyInstaller) would start its window again in every spawned worker.
    if total >= PARALLEL_FROM_ROWS and workers > 1 and not getattr(sys, "frozen", False):
        try:
            return _check_in_workers(chunks, columns, source, reporter, workers)
        except (BrokenProcessPool, OSError):
            # A worker could not start (no fork/spawn allowed, resources exhausted): carry on
            # in this process, slower but with the same result.
            reporter.report(0, total)
    outcomes: list[RowOutcome] = []
    done = 0
    for chunk in chunks:
        outcomes.extend(row_outcomes(chunk, columns, source))
        done += len(chunk)
        reporter.report(done, total)
    return outcomes


def _usable_cores() -> int:
    """Return how many cores this process may run on."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def _check_in_workers(
    chunks: Sequence[Sequence[SheetRow]],
    columns: ColumnMap,
    source: str,
    reporter: ProgressReporter,
    workers: int,
) -> list[RowOutcome]:
    """Check chunks of rows in worker processes and return their outcomes in file order."""
    # Spawn, not fork: the window runs Qt threads, and forking a threaded process can deadlock.
    context = multiprocessing.get_context("spawn")
    executor = ProcessPoolExecutor(max_workers=workers, mp_context=context)
    try:
        futures = [executor.submit(row_outcomes, chunk, dict(columns), source) for chunk in chunks]
        outcomes: list[RowOutcome] = []
        done, total = 0, sum(len(chunk) for chunk in chunks)
        for chunk, future in zip(chunks, futures, strict=True):
            outcomes.extend(future.result())
            done += len(chunk)
            reporter.report(done, total)
        return outcomes
    finally:
        executor.shutdown(wait=True, cancel_futures=True)


def _drop_stored(
    session: Session, drafts: Sequence[tuple[int, CandidateDraft]]
) -> tuple[list[tuple[int, CandidateDraft]], list[RejectedRow]]:
    """Split drafts into new ones and those whose email is already stored."""
    keys = [email_key(draft.email) for _, draft in drafts]
    holders = existing_emails(session, keys)
    kept: list[tuple[int, CandidateDraft]] = []
    rejected: list[RejectedRow] = []
    for (row, draft), key in zip(drafts, keys, strict=True):
        holder = holders.get(key)
        if holder is None:
            kept.append((row, draft))
        else:
            holder_id, holder_name = holder
            reason = f"email {draft.email} already belongs to {holder_name} (#{holder_id})"
            rejected.append(RejectedRow(row, reason))
    return kept, rejected


def _store(session: Session, drafts: Sequence[CandidateDraft], reporter: ProgressReporter) -> None:
    """Insert drafts in batches, reporting progress between them."""
    now = utc_now()
    total = len(drafts)
    reporter.report(0, total)
    for start, batch in _batches(drafts, INSERT_BATCH):
        insert_many(session, batch, now)
        reporter.report(start + len(batch), total)


def _batches(
    items: Sequence[CandidateDraft], size: int
) -> Iterator[tuple[int, Sequence[CandidateDraft]]]:
    """Yield (offset, slice) pairs of at most size items."""
    for start in range(0, len(items), size):
        yield start, items[start : start + size]


__all__ = [
    "ImportReport",
    "RejectedRow",
    "check_rows",
    "import_file",
    "parse_rows",
    "read_table",
]
