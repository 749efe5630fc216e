"""The SQLite FTS5 index over candidates: its schema, its upkeep and its query syntax."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

from sqlalchemy import text
from sqlalchemy.orm import Session

FTS_TABLE = "candidate_fts"
FTS_COLUMNS = ("name", "email", "summary", "skills", "history")
# bm25 weights in FTS_COLUMNS order: a hit in the name counts ten times one in the summary.
BM25_WEIGHTS = (10.0, 5.0, 1.0, 3.0, 2.0)

CREATE_FTS_SQL = (
    f"CREATE VIRTUAL TABLE IF NOT EXISTS {FTS_TABLE} USING fts5("
    + ", ".join(FTS_COLUMNS)
    + ", tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3')"
)
DROP_FTS_SQL = f"DROP TABLE IF EXISTS {FTS_TABLE}"
RANK_SQL = f"bm25({FTS_TABLE}, {', '.join(str(w) for w in BM25_WEIGHTS)})"

_INSERT_SQL = (
    f"INSERT INTO {FTS_TABLE}(rowid, {', '.join(FTS_COLUMNS)}) "
    f"VALUES (?, {', '.join('?' * len(FTS_COLUMNS))})"
)


def match_expression(terms: Sequence[str], fold: Callable[[str], str] | None = None) -> str:
    """Return an FTS5 query matching every term as a prefix; terms are quoted, never parsed.

    With fold, a term with special letters also matches its plain spelling ("Łukasz" or
    "Lukasz"), since the index holds names in both spellings.
    """
    parts = []
    for term in terms:
        spellings = dict.fromkeys([term, fold(term)] if fold else [term])
        quoted = ['"' + s.replace('"', '""') + '"*' for s in spellings]
        parts.append(quoted[0] if len(quoted) == 1 else "(" + " OR ".join(quoted) + ")")
    return " AND ".join(parts)


def count_matches(session: Session, expression: str) -> int:
    """Return how many index rows (deleted candidates included) match an FTS5 expression."""
    query = text(f"SELECT count(*) FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH :q")
    return int(session.execute(query, {"q": expression}).scalar() or 0)


def remove_from_index(session: Session, candidate_ids: Iterable[int]) -> None:
    """Drop the index rows of the given candidates."""
    ids = list(candidate_ids)
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        marks = ", ".join(str(int(i)) for i in chunk)
        session.execute(text(f"DELETE FROM {FTS_TABLE} WHERE rowid IN ({marks})"))


def add_to_index(session: Session, documents: Sequence[tuple[int, dict[str, str]]]) -> None:
    """Index candidates given as (id, {column: text}) pairs; call remove first on updates."""
    if not documents:
        return
    cursor = session.connection().connection.cursor()
    try:
        cursor.executemany(
            _INSERT_SQL,
            [(rowid, *(doc.get(c, "") for c in FTS_COLUMNS)) for rowid, doc in documents],
        )
    finally:
        cursor.close()


def replace_in_index(session: Session, documents: Sequence[tuple[int, dict[str, str]]]) -> None:
    """Re-index the given candidates."""
    remove_from_index(session, [rowid for rowid, _ in documents])
    add_to_index(session, documents)


def clear_index(session: Session) -> None:
    """Empty the index before a rebuild."""
    session.execute(text(f"DELETE FROM {FTS_TABLE}"))


def optimize_index(session: Session) -> None:
    """Merge the index's segments after a bulk load so queries touch fewer pages."""
    session.execute(text(f"INSERT INTO {FTS_TABLE}({FTS_TABLE}) VALUES ('optimize')"))
