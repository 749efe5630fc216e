"""What a consultant can ask of the candidate list, and the row each answer shows."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from enum import Enum

from workbench.domain.certifications import ClaimStatus
from workbench.domain.claims import ClaimBadge
from workbench.domain.roles import Level, Specialisation


class SortKey(Enum):
    """Columns the candidate list can be sorted by; RELEVANCE needs a text query."""

    RELEVANCE = "relevance"
    NAME = "name"
    EMAIL = "email"
    PHONE = "phone"
    ROLE = "role"
    LEVEL = "level"
    YEARS = "years"
    CITY = "city"
    COUNTRY = "country"
    AVAILABLE = "available"
    SALARY = "salary"
    UPDATED = "updated"


class Visibility(Enum):
    """Which candidates a list shows: the live ones, the deleted (restorable) ones, or both."""

    ACTIVE = "active"
    DELETED = "deleted"
    ALL = "all"


@dataclass(frozen=True)
class SearchCriteria:
    """A full-text query plus filters and a sort; empty fields do not filter."""

    text: str = ""
    roles: tuple[Specialisation, ...] = ()
    levels: tuple[Level, ...] = ()
    available_by: date | None = None
    country: str = ""
    visibility: Visibility = Visibility.ACTIVE
    certification: str = ""  # a catalogue code; empty: any certification
    certification_status: ClaimStatus | None = None  # with no code: any claim in this status
    status_on: date | None = None  # the day statuses are judged on; None: today
    stage_ids: tuple[int, ...] = ()  # pipeline stages; empty: any stage
    sort: SortKey | None = None
    descending: bool = False

    @property
    def effective_sort(self) -> SortKey:
        """Return the sort to apply: relevance for a text query unless a column was chosen."""
        if self.sort is not None and (self.sort is not SortKey.RELEVANCE or self.terms):
            return self.sort
        return SortKey.RELEVANCE if self.terms else SortKey.NAME

    @property
    def terms(self) -> tuple[str, ...]:
        """Return the words of the text query, each matched as a prefix."""
        return search_terms(self.text)


# Letters and digits: FTS5 drops "_", and a phrase of nothing matches nothing.
_WORD = re.compile(r"[^\W_]+", re.UNICODE)


def search_terms(text: str) -> tuple[str, ...]:
    """Return the words in a typed query; punctuation and query syntax are ignored."""
    return tuple(_WORD.findall(text or ""))[:16]


@dataclass(frozen=True)
class CandidateRow:
    """One line of the candidate list."""

    id: int
    first_name: str
    last_name: str
    email: str
    phone: str
    primary_role: Specialisation | None
    level: Level | None
    years_experience: float | None
    city: str
    country: str
    available_from: date | None
    salary_expectation: int | None
    currency: str
    updated_at: datetime
    deleted: bool
    certifications: tuple[ClaimBadge, ...] = ()
    stage_id: int | None = None
    stage: str = ""  # the stage's name today
    stage_since: datetime | None = None

    @property
    def full_name(self) -> str:
        """Return first and last name."""
        return f"{self.first_name} {self.last_name}"
