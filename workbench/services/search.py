"""Use cases behind the candidate list: ordered ids for a search, rows for a page, counts."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from workbench.domain.search import CandidateRow, SearchCriteria, Visibility
from workbench.store import candidate_queries
from workbench.store.engine import Database


@dataclass(frozen=True)
class SearchResult:
    """The ordered ids of every match, and how many candidates the store holds."""

    criteria: SearchCriteria
    ids: tuple[int, ...]
    total_active: int


def search_candidates(database: Database, criteria: SearchCriteria) -> SearchResult:
    """Return the ids matching criteria in display order, plus the number of live candidates."""
    with database.read() as session:
        ids = candidate_queries.candidate_ids(session, criteria)
        total = candidate_queries.count_candidates(session, SearchCriteria())
    return SearchResult(criteria=criteria, ids=tuple(ids), total_active=total)


def candidate_rows(database: Database, ids: Sequence[int]) -> list[CandidateRow]:
    """Return the list rows for ids, in the same order."""
    with database.read() as session:
        return candidate_queries.candidate_rows(session, ids)


def search_rows(database: Database, criteria: SearchCriteria, limit: int) -> list[CandidateRow]:
    """Return the first `limit` rows matching criteria, for the command line."""
    with database.read() as session:
        ids = candidate_queries.candidate_ids(session, criteria, limit)
        return candidate_queries.candidate_rows(session, ids)


def count_candidates(database: Database, visibility: Visibility = Visibility.ACTIVE) -> int:
    """Return how many candidates are live (or deleted, or both)."""
    with database.read() as session:
        return candidate_queries.count_candidates(session, SearchCriteria(visibility=visibility))


def known_countries(database: Database) -> list[str]:
    """Return the countries of live candidates, for the filter menu."""
    with database.read() as session:
        return candidate_queries.countries(session)
