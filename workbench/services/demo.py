"""Sample IT Project Managers for demos and benchmarks: generate them, or add them to a store."""

from __future__ import annotations

from collections.abc import Generator
from contextlib import closing
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from workbench.domain.candidate import CandidateDraft, email_key, validate_candidate
from workbench.services.candidates import utc_now
from workbench.services.demo_generator import SOURCE, generate_drafts
from workbench.services.parallel import ordered_results
from workbench.services.progress import NO_PROGRESS, ProgressReporter
from workbench.store.candidate_repository import existing_emails, insert_many
from workbench.store.engine import STATISTICS_AFTER_ROWS, Database
from workbench.store.models import CandidateRecord

BATCH_SIZE = 2000
# Below this many, starting worker processes (about a second each) costs more than it saves.
# Generating and validating cost as much as storing, so for big loads other cores do them.
PARALLEL_FROM = 20_000

__all__ = ["BATCH_SIZE", "SOURCE", "add_demo_candidates", "generate_drafts"]


def _validated_batch(size: int, seed: int, start_index: int) -> list[CandidateDraft]:
    """Return `size` generated candidates from start_index, each through validate_candidate."""
    return [validate_candidate(d) for d in generate_drafts(size, seed, start_index=start_index)]


def _batches(
    count: int, seed: int, start_index: int
) -> Generator[list[CandidateDraft], None, None]:
    """Yield validated batches covering count candidates from start_index, in order."""
    specs = [
        (min(BATCH_SIZE, count - done), seed, start_index + done)
        for done in range(0, count, BATCH_SIZE)
    ]
    return ordered_results(_validated_batch, specs, parallel=count >= PARALLEL_FROM)


def add_demo_candidates(
    database: Database, count: int, seed: int = 42, *, reporter: ProgressReporter = NO_PROGRESS
) -> int:
    """Store `count` sample candidates in one transaction and return how many were added."""
    if count <= 0:
        return 0
    now = utc_now()
    added = 0
    with database.write() as session:
        # Generated addresses carry their index, and each earlier run's indexes stay below the
        # ids it got: numbering from the highest id avoids them. _insert_new skips the rest.
        start_index = int(session.scalar(select(func.max(CandidateRecord.id))) or 0)
        next_index = start_index + count
        reporter.report(0, count)
        with closing(_batches(count, seed, start_index)) as batches:
            for drafts in batches:
                added += _insert_new(session, drafts, now)
                # Raises Cancelled; leaving the write block then rolls everything back.
                reporter.report(added, count)
        # Only hand-typed addresses that happen to look generated can clash: make up for them.
        while added < count:
            size = min(BATCH_SIZE, count - added)
            added += _insert_new(session, _validated_batch(size, seed, next_index), now)
            next_index += size
            reporter.report(added, count)
    if added >= STATISTICS_AFTER_ROWS:
        database.refresh_statistics()
    return added


def _insert_new(session: Session, drafts: list[CandidateDraft], now: datetime) -> int:
    """Insert the drafts whose email is not stored yet; return how many were inserted."""
    taken = existing_emails(session, [email_key(d.email) for d in drafts])
    fresh = [d for d in drafts if email_key(d.email) not in taken]
    insert_many(session, fresh, now)
    return len(fresh)
