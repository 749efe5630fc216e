"""Import candidates from a CSV or XLSX file in one transaction, reporting each rejected row."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from workbench.domain.candidate import CandidateDraft, email_key
from workbench.domain.errors import WorkbenchError
from workbench.domain.history import Action, Change, Entity
from workbench.services import history
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
from workbench.services.parallel import ordered_results
from workbench.services.progress import NO_PROGRESS, ProgressReporter
from workbench.services.spreadsheet import SheetRow, read_table
from workbench.store.candidate_repository import existing_emails, insert_many
from workbench.store.engine import STATISTICS_AFTER_ROWS, Database

CHECK_CHUNK = 1_000
# Validating a row (email and phone rules) costs about 0.3 ms; from this many rows on, the
# time saved by checking on every core outweighs the ~0.3 s it takes to start the workers.
PARALLEL_FROM_ROWS = 2_000


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
    source = f"import: {path.name}"
    session_scope = database.read() if dry_run else database.write()
    imported = 0
    rejected: list[RejectedRow] = []
    first_row: dict[str, int] = {}
    total = len(table.rows)
    reporter.report(0, total)
    try:
        # Workers check chunks of rows while this process stores the chunks already checked,
        # so an import costs about the larger of the two, not their sum. The write lock is held
        # meanwhile: the whole file is one transaction either way.
        with session_scope as session:
            by = history.actor(session)
            done = 0
            for chunk_size, outcomes in checked_chunks(table.rows, columns, source):
                drafts, repeats = reject_repeats(outcomes, first_row)
                fresh, taken = _drop_stored(session, drafts)
                rejected += repeats + taken
                if not dry_run and fresh:
                    now = utc_now()
                    ids = insert_many(session, [draft for _, draft in fresh], now)
                    # One entry per candidate, naming the file and row: the file holds the
                    # values, and 20 field entries each would slow an import of 100,000.
                    history.record(
                        session,
                        (
                            Change(
                                cid,
                                Entity.CANDIDATE,
                                cid,
                                Action.CREATED,
                                detail=f"imported from {path.name}, row {row}",
                            )
                            for cid, (row, _) in zip(ids, fresh, strict=True)
                        ),
                        now,
                        by,
                    )
                imported += len(fresh)
                done += chunk_size
                reporter.report(done, total)
    except IntegrityError as exc:
        raise WorkbenchError(
            f"nothing was imported: the database refused a row ({exc.orig})"
        ) from None
    if imported >= STATISTICS_AFTER_ROWS and not dry_run:
        database.refresh_statistics()
    return ImportReport(
        imported=imported,
        rejected=tuple(sorted(rejected, key=lambda r: r.row)),
        warnings=tuple(warnings),
        dry_run=dry_run,
    )


def checked_chunks(
    rows: Sequence[SheetRow], columns: ColumnMap, source: str
) -> Iterator[tuple[int, list[RowOutcome]]]:
    """Yield (rows in chunk, outcomes) in file order, using every core for large files."""
    chunks = [rows[start : start + CHECK_CHUNK] for start in range(0, len(rows), CHECK_CHUNK)]
    inputs = [(chunk, dict(columns), source) for chunk in chunks]
    results = ordered_results(row_outcomes, inputs, parallel=len(rows) >= PARALLEL_FROM_ROWS)
    with closing(results):
        for chunk, outcomes in zip(chunks, results, strict=True):
            yield len(chunk), outcomes


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


__all__ = [
    "ImportReport",
    "RejectedRow",
    "checked_chunks",
    "import_file",
    "parse_rows",
    "read_table",
]
