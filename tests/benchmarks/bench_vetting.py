"""Vetting figures on the 100k database: stage filters, counts, one vetting tab and history."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from sqlalchemy import func, select

from workbench.domain.search import SearchCriteria
from workbench.services import pipeline, vetting
from workbench.services.history import candidate_history
from workbench.services.search import search_candidates
from workbench.store.engine import Database
from workbench.store.models import HistoryRecord, StageMoveRecord

Measure = Callable[[Callable[[], object]], float]


def has_vetting(database: Database) -> bool:
    """Say whether the cached database was built with sample vetting (schema 0009 on)."""
    with database.read() as session:
        return bool(session.scalar(select(func.count()).select_from(StageMoveRecord)))


def busiest_candidate(database: Database) -> tuple[int, int]:
    """Return the candidate with the most history entries, and how many they have."""
    with database.read() as session:
        row = session.execute(
            select(HistoryRecord.candidate_id, func.count().label("n"))
            .group_by(HistoryRecord.candidate_id)
            .order_by(func.count().desc())
            .limit(1)
        ).one()
        return int(row[0]), int(row[1])


def bench_vetting(
    database: Database, median_ms: Measure, target_ms: float
) -> list[tuple[str, float, float | None]]:
    """Print and return (label, median ms, target ms) for the vetting reads."""
    results: list[tuple[str, float, float | None]] = []
    counts = pipeline.stage_counts(database)
    for stage in pipeline.stages(database):
        criteria = SearchCriteria(stage_ids=(stage.id,))
        ms = median_ms(partial(search_candidates, database, criteria, count_all=False))
        label = f"filter stage {stage.name}"
        print(f"{label} ({counts.get(stage.id, 0):,} hits, by name): median {ms:.1f} ms")
        results.append((label, ms, target_ms))
    ms = median_ms(lambda: pipeline.stage_counts(database))
    print(f"stage counts (board headers): median {ms:.1f} ms")
    results.append(("stage counts", ms, None))
    candidate_id, entries = busiest_candidate(database)
    ms = median_ms(lambda: vetting.vetting(database, candidate_id))
    print(f"one candidate's vetting tab (#{candidate_id}): median {ms:.1f} ms")
    results.append(("vetting tab load", ms, None))
    ms = median_ms(lambda: candidate_history(database, candidate_id))
    print(f"one candidate's history ({entries} entries): median {ms:.1f} ms")
    results.append(("history tab load", ms, None))
    ms = median_ms(lambda: candidate_history(database, candidate_id, text="positive"))
    print(f"that history filtered by a word: median {ms:.1f} ms")
    results.append(("history filtered", ms, None))
    return results
