"""The audit trail's vocabulary: what changed, field by field, and how a change reads."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from enum import Enum

from workbench.domain.candidate import CandidateDraft

MAX_VALUE = 4_000  # longer values (summaries, notes) are kept cut, with an ellipsis


class Entity(Enum):
    """What a history entry is about."""

    CANDIDATE = "candidate"
    CLAIM = "claim"
    CHECK = "check"
    STAGE = "stage"
    SCORECARD = "scorecard"
    INTERVIEW = "interview"
    REFERENCE = "reference"
    EXPORT = "export"
    SUBMITTAL = "submittal"
    SETTINGS = "settings"
    CONSENT = "consent"

    @property
    def label(self) -> str:
        """Return the name the History tab filters by."""
        return ENTITY_LABELS[self]


ENTITY_LABELS = {
    Entity.CANDIDATE: "Candidate",
    Entity.CLAIM: "Certification",
    Entity.CHECK: "Check",
    Entity.STAGE: "Stage",
    Entity.SCORECARD: "Scorecard",
    Entity.INTERVIEW: "Interview",
    Entity.REFERENCE: "Reference",
    Entity.EXPORT: "Profile sent",
    Entity.SUBMITTAL: "Submittal",
    Entity.SETTINGS: "Settings",
    Entity.CONSENT: "Data protection",
}


class Action(Enum):
    """What happened to the entity."""

    CREATED = "created"
    CHANGED = "changed"
    REMOVED = "removed"
    DELETED = "deleted"  # to the deleted list, restorable
    RESTORED = "restored"
    PURGED = "purged"  # personal data gone; only this stub is left
    MOVED = "moved"
    OVERRIDDEN = "overridden"  # a gate refused the move and a consultant overrode it
    WAIVED = "waived"
    KEPT = "kept"  # reviewed past the retention period and kept, with a reason


@dataclass(frozen=True)
class FieldChange:
    """One field's old and new value, as text a consultant reads."""

    field: str
    old: str
    new: str


@dataclass(frozen=True)
class Change:
    """One thing that happened, to be written to the trail with who and when."""

    candidate_id: int | None
    entity: Entity
    entity_id: int | None
    action: Action
    fields: tuple[FieldChange, ...] = ()
    detail: str = ""  # what it was about: "PMP", "reference from Ann Lee", a reason


@dataclass(frozen=True)
class HistoryEntry:
    """One row of the trail."""

    id: int
    at: datetime
    by: str
    candidate_id: int | None
    entity: Entity
    entity_id: int | None
    action: Action
    field: str
    old: str
    new: str
    detail: str

    def describe(self) -> str:
        """Return the entry as one sentence-like line."""
        head = f"{self.entity.label} {self.action.value}"
        if self.detail:
            head += f": {self.detail}"
        if self.field:
            head += f" · {self.field}: {self.old or '(empty)'} → {self.new or '(empty)'}"
        return head


def as_text(value: object) -> str:
    """Return a value as the trail keeps it: readable, and never absurdly long."""
    if value is None:
        text = ""
    elif isinstance(value, bool):
        text = "yes" if value else "no"
    elif isinstance(value, (date, datetime)):
        text = value.isoformat()
    elif isinstance(value, Enum):
        text = str(getattr(value, "label", value.value))
    elif isinstance(value, (list, tuple)):
        text = ", ".join(as_text(item) for item in value)
    elif isinstance(value, float):
        text = f"{value:g}"
    else:
        text = str(value)
    return text if len(text) <= MAX_VALUE else text[: MAX_VALUE - 1] + "…"


def field_changes(
    before: Mapping[str, object], after: Mapping[str, object]
) -> tuple[FieldChange, ...]:
    """Return the fields whose readable value differs, in the order of `after`."""
    changes = []
    for name in dict.fromkeys([*after, *before]):
        old, new = as_text(before.get(name)), as_text(after.get(name))
        if old != new:
            changes.append(FieldChange(name, old, new))
    return tuple(changes)


def candidate_fields(draft: CandidateDraft) -> dict[str, object]:
    """Return a candidate's fields by the names the editor shows, for field-by-field history."""
    level = draft.level
    return {
        "First name": draft.first_name,
        "Last name": draft.last_name,
        "Email": draft.email,
        "Phone": draft.phone,
        "City": draft.city,
        "Country": draft.country,
        "LinkedIn": draft.linkedin_url,
        "Primary role": draft.primary_role.label if draft.primary_role else "",
        "Other roles": [role.label for role in draft.other_roles],
        "Years of experience": draft.years_experience,
        "Level": level.label if level else "",
        "Salary expectation": (
            f"{draft.salary_expectation:,} {draft.currency}"
            if draft.salary_expectation is not None
            else ""
        ),
        "Available from": draft.available_from,
        "Work environments": list(draft.work_environments),
        "Industries": list(draft.industries),
        "Skills": list(draft.skills),
        "Security clearance": draft.security_clearance,
        "Summary": draft.summary,
        "Recommendation": draft.recommendation,
        "Source": draft.source,
        "Work history": [
            " ".join(
                part
                for part in (
                    entry.title,
                    f"at {entry.employer}" if entry.employer else "",
                    _span(entry.start, entry.end),
                )
                if part
            )
            for entry in draft.work_history
        ],
        "Education": [
            " ".join(
                str(part)
                for part in (
                    entry.degree_level,
                    entry.field_of_study,
                    entry.institution,
                    entry.year,
                )
                if part
            )
            for entry in draft.education
        ],
    }


def _span(start: date | None, end: date | None) -> str:
    if start is None and end is None:
        return ""
    return f"({start.isoformat() if start else '?'} – {end.isoformat() if end else 'now'})"
