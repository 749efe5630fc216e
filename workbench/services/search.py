"""Use cases behind the candidate list: ordered ids for a search, rows for a page, counts."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from workbench.domain.search import CandidateRow, SearchCriteria, SortKey, Visibility
from workbench.store import candidate_queries
from workbench.store.engine import Database, Interruption

# bm25 costs about 4.5 µs a matching candidate: ranking 10,000 takes ~45 ms, ranking every
# one of 100,000 half a second. A query that broad is sorted by name instead.
RANK_AT_MOST = 10_000


@dataclass(frozen=True)
class SearchResult:
    """The ordered ids of every match, and how many candidates the store holds."""

    criteria: SearchCriteria
    ids: tuple[int, ...]
    total_active: int | None
    too_broad_to_rank: bool = False

    @property
    def sort(self) -> SortKey:
        """Return the order the ids are in."""
        return SortKey.NAME if self.too_broad_to_rank else self.criteria.effective_sort


def search_candidates(
    database: Database,
    criteria: SearchCriteria,
    *,
    count_all: bool = True,
    interruption: Interruption | None = None,
) -> SearchResult:
    """Return the ids matching criteria in display order, and (if asked) how many are live.

    Another thread may stop the search through `interruption`; it then raises Interrupted.
    """
    with database.read(interruption) as session:
        asked = criteria
        too_broad = (
            criteria.effective_sort is SortKey.RELEVANCE
            and candidate_queries.text_match_count(session, criteria) > RANK_AT_MOST
        )
        if too_broad:
            criteria = replace(criteria, sort=SortKey.NAME, descending=False)
        ids = candidate_queries.candidate_ids(session, criteria)
        total: int | None = None
        if replace(criteria, sort=None, descending=False) == SearchCriteria():
            total = len(ids)  # the list is every live candidate: no need to count again
        elif count_all:
            # Counting 100,000 index entries costs ~15 ms: the window asks only after changes.
            total = candidate_queries.count_candidates(session, SearchCriteria())
    return SearchResult(asked, tuple(ids), total, too_broad)


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
