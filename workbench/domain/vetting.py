"""Vetting: pipeline stages, the scorecard, interviews, references, and the vetted gate."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import Enum
from itertools import pairwise

from workbench.domain.candidate import clean_skills, clean_text
from workbench.domain.certifications import ClaimStatus
from workbench.domain.claims import STATUS_LABELS, parse_labelled_key
from workbench.domain.errors import ValidationError
from workbench.domain.vocabulary import SKILL_CATEGORIES

MAX_STAGE_NAME = 60
MAX_REASON = 2_000
MAX_COMMENT = 2_000
MAX_NOTE = 20_000
MAX_SHORT = 200


class StageRole(Enum):
    """What the app itself relies on a stage for; the name stays the agency's to choose."""

    SOURCED = "sourced"  # where new candidates enter
    VETTED = "vetted"  # the gate: moving here (or past it) needs the vetting to be complete
    PRESENTED = "presented"
    PLACED = "placed"
    REJECTED = "rejected"
    WITHDRAWN = "withdrawn"


# The stages the app relies on along the main line, in the order they must keep.
MAIN_LINE_ROLES = (StageRole.SOURCED, StageRole.VETTED, StageRole.PRESENTED, StageRole.PLACED)

# The exits: a candidate leaves the pipeline here, from any stage.
CLOSING_ROLES = frozenset({StageRole.REJECTED, StageRole.WITHDRAWN})


@dataclass(frozen=True)
class Stage:
    """One column of the pipeline as the agency named and ordered it."""

    id: int
    name: str
    position: int
    role: StageRole | None = None
    closed: bool = False  # an exit (Rejected, Withdrawn): off the main line, gate-free


@dataclass(frozen=True)
class StageDraft:
    """A stage as edited in Settings; id None for a new one."""

    name: str
    closed: bool = False
    id: int | None = None
    role: StageRole | None = None


# (name, role, closed) in order: the pipeline the issue describes.
DEFAULT_STAGES: tuple[tuple[str, StageRole | None, bool], ...] = (
    ("Sourced", StageRole.SOURCED, False),
    ("Screening", None, False),
    ("Interview", None, False),
    ("Vetted", StageRole.VETTED, False),
    ("Presented", StageRole.PRESENTED, False),
    ("Placed", StageRole.PLACED, False),
    ("Rejected", StageRole.REJECTED, True),
    ("Withdrawn", StageRole.WITHDRAWN, True),
)


def validate_stages(drafts: Sequence[StageDraft], kept_roles: Sequence[StageRole]) -> None:
    """Raise ValidationError unless the edited list keeps every role and has unique names."""
    errors: dict[str, str] = {}
    seen: dict[str, int] = {}
    for index, draft in enumerate(drafts):
        name = clean_text(draft.name)
        if not name:
            errors[f"stage {index + 1}"] = "give the stage a name"
        elif len(name) > MAX_STAGE_NAME:
            errors[f"stage {index + 1}"] = f"keep the name under {MAX_STAGE_NAME} characters"
        elif name.casefold() in seen:
            errors[f"stage {index + 1}"] = (
                f"{name!r} is already the name of stage {seen[name.casefold()] + 1}"
            )
        else:
            seen[name.casefold()] = index
    roles = {draft.role for draft in drafts if draft.role is not None}
    for role in kept_roles:
        if role not in roles:
            errors[role.value] = (
                f"the {role.value} stage cannot be removed: the app relies on it; rename it instead"
            )
    # The line the gate stands on keeps its order: Sourced before Vetted, Presented and
    # Placed after it. Otherwise new candidates would start past the gate, or a move to
    # Placed would skip it.
    by_role = {draft.role: (index, draft) for index, draft in enumerate(drafts) if draft.role}
    line = [role for role in MAIN_LINE_ROLES if role in by_role]
    for earlier, later in pairwise(line):
        if by_role[later][0] < by_role[earlier][0]:
            errors[later.value] = (
                f"{clean_text(by_role[later][1].name)} must come after "
                f"{clean_text(by_role[earlier][1].name)}"
            )
    if not any(not draft.closed for draft in drafts):
        errors["stages"] = "keep at least one stage on the main line"
    if errors:
        raise ValidationError(errors)


def entry_stage(stages: Sequence[Stage]) -> Stage:
    """Return the stage new candidates start in."""
    for stage in stages:
        if stage.role is StageRole.SOURCED:
            return stage
    return min((s for s in stages if not s.closed), key=lambda s: s.position)


def stage_with_role(stages: Sequence[Stage], role: StageRole) -> Stage | None:
    """Return the stage that plays a role, if the pipeline has it."""
    return next((stage for stage in stages if stage.role is role), None)


def find_stage(stages: Sequence[Stage], text: str) -> Stage:
    """Return the stage named (any case, spacing or punctuation), else by role or id; ValueError.

    A name wins over a role: an agency that renamed Placed to Hired and added its own
    "Placed" means its own stage.
    """
    wanted = _key(text)
    found = next((s for s in stages if wanted and _key(s.name) == wanted), None)
    found = found or next(
        (s for s in stages if s.role is not None and wanted == _key(s.role.value)), None
    )
    digits = text.strip().lstrip("#")
    if found is None and digits.isascii() and digits.isdigit():
        found = next((s for s in stages if str(s.id) == digits.lstrip("0")), None)
    if found is not None:
        return found
    known = ", ".join(stage.name for stage in sorted(stages, key=lambda s: s.position))
    raise ValueError(f"unknown stage {text.strip()!r} (stages: {known})")


def _key(text: str) -> str:
    return "".join(ch for ch in text.casefold() if ch.isalnum())


def is_past_gate(stages: Sequence[Stage], stage: Stage | None) -> bool:
    """Say whether a stage sits at or after Vetted on the main line."""
    gate = stage_with_role(stages, StageRole.VETTED)
    if gate is None or stage is None or stage.closed:
        return False
    return stage.position >= gate.position


def needs_gate(stages: Sequence[Stage], current: Stage | None, target: Stage) -> bool:
    """Say whether a move must pass the vetted gate.

    Moving to Vetted, or past it on the main line (Presented, Placed), from anywhere before
    it or from an exit: jumping from Screening to Placed must not skip the vetting.
    """
    return is_past_gate(stages, target) and not is_past_gate(stages, current)


class Criterion(Enum):
    """What the agency rates in vetting: the guide's soft skills and what it vets for."""

    LEADERSHIP = "leadership"
    TECHNICAL_ACUMEN = "technical-acumen"
    DELIVERY = "delivery"
    COMMUNICATION = "communication"
    PROBLEM_SOLVING = "problem-solving"
    TIME_MANAGEMENT = "time-management"
    NEGOTIATION = "negotiation"

    @property
    def label(self) -> str:
        """Return the name a consultant reads."""
        return CRITERION_LABELS[self]


CRITERION_LABELS = {
    Criterion.LEADERSHIP: "Leadership",
    Criterion.TECHNICAL_ACUMEN: "Technical acumen",
    Criterion.DELIVERY: "Project-delivery expertise",
    Criterion.COMMUNICATION: "Communication",
    Criterion.PROBLEM_SOLVING: "Problem-solving",
    Criterion.TIME_MANAGEMENT: "Time management",
    Criterion.NEGOTIATION: "Negotiation",
}

SCORE_LABELS = {1: "Poor", 2: "Weak", 3: "Adequate", 4: "Strong", 5: "Exceptional"}
METHODOLOGIES = SKILL_CATEGORIES["Methodologies"]
TOOLS = SKILL_CATEGORIES["PM tools"]


@dataclass(frozen=True)
class Rating:
    """One criterion's score (1–5, None while not rated) and the interviewer's comment."""

    score: int | None = None
    comment: str = ""


@dataclass(frozen=True)
class ScorecardDraft:
    """The scorecard as a form holds it."""

    ratings: Mapping[Criterion, Rating] = field(default_factory=dict)
    methodologies: tuple[str, ...] = ()  # confirmed in interview
    tools: tuple[str, ...] = ()  # confirmed in interview

    def rating(self, criterion: Criterion) -> Rating:
        """Return a criterion's rating, empty when never given."""
        return self.ratings.get(criterion, Rating())

    @property
    def average(self) -> float | None:
        """Return the mean of the given scores, None when none is given."""
        scores = [r.score for r in self.ratings.values() if r.score is not None]
        return round(sum(scores) / len(scores), 2) if scores else None


@dataclass(frozen=True)
class Scorecard:
    """A candidate's stored scorecard."""

    candidate_id: int
    draft: ScorecardDraft
    updated_at: datetime | None
    updated_by: str
    version: int


def validate_scorecard(draft: ScorecardDraft) -> ScorecardDraft:
    """Return the scorecard cleaned; raise ValidationError naming each bad rating."""
    errors: dict[str, str] = {}
    ratings: dict[Criterion, Rating] = {}
    for criterion in Criterion:
        rating = draft.rating(criterion)
        comment = clean_text(rating.comment, multiline=True)
        if rating.score is not None and not 1 <= rating.score <= 5:
            errors[criterion.value] = f"{criterion.label}: rate from 1 to 5"
        elif len(comment) > MAX_COMMENT:
            errors[criterion.value] = (
                f"{criterion.label}: keep the comment under {MAX_COMMENT:,} characters"
            )
        elif comment and rating.score is None:
            errors[criterion.value] = f"{criterion.label}: give a score with the comment"
        ratings[criterion] = Rating(rating.score, comment)
    if errors:
        raise ValidationError(errors)
    return ScorecardDraft(
        ratings, clean_skills(draft.methodologies, MAX_SHORT), clean_skills(draft.tools, MAX_SHORT)
    )


def scorecard_gaps(scorecard: ScorecardDraft | None) -> list[str]:
    """Return what keeps a scorecard from being complete, one line each."""
    if scorecard is None:
        scorecard = ScorecardDraft()
    gaps = [
        f"Scorecard: no score for {criterion.label.lower()}"
        for criterion in Criterion
        if scorecard.rating(criterion).score is None
    ]
    if not scorecard.methodologies:
        gaps.append("Scorecard: no methodology confirmed in interview")
    if not scorecard.tools:
        gaps.append("Scorecard: no tool confirmed in interview")
    return gaps


@dataclass(frozen=True)
class InterviewNoteDraft:
    """A dated note from an interview, by the consultant who held it."""

    held_on: date | None
    interviewer: str
    text: str


@dataclass(frozen=True)
class InterviewNote:
    """A stored interview note."""

    id: int
    candidate_id: int
    held_on: date
    interviewer: str
    text: str
    recorded_at: datetime
    version: int


def validate_interview_note(draft: InterviewNoteDraft, *, today: date) -> InterviewNoteDraft:
    """Return the note cleaned; raise ValidationError per bad field."""
    errors: dict[str, str] = {}
    text = clean_text(draft.text, multiline=True)
    interviewer = clean_text(draft.interviewer)
    if draft.held_on is None:
        errors["held_on"] = "give the day of the interview"
    elif draft.held_on > today:
        errors["held_on"] = "the interview cannot be in the future"
    if not interviewer:
        errors["interviewer"] = "say who held the interview"
    elif len(interviewer) > MAX_SHORT:
        errors["interviewer"] = f"keep it under {MAX_SHORT} characters"
    if not text:
        errors["text"] = "write what was learned"
    elif len(text) > MAX_NOTE:
        errors["text"] = f"keep the note under {MAX_NOTE:,} characters"
    if errors:
        raise ValidationError(errors)
    return InterviewNoteDraft(draft.held_on, interviewer, text)


class ReferenceOutcome(Enum):
    """What a referee said, overall."""

    POSITIVE = "positive"
    MIXED = "mixed"
    NEGATIVE = "negative"
    NO_RESPONSE = "no-response"

    @property
    def label(self) -> str:
        """Return the name a consultant reads."""
        return REFERENCE_OUTCOME_LABELS[self]


REFERENCE_OUTCOME_LABELS = {
    ReferenceOutcome.POSITIVE: "Positive",
    ReferenceOutcome.MIXED: "Mixed",
    ReferenceOutcome.NEGATIVE: "Negative",
    ReferenceOutcome.NO_RESPONSE: "No response",
}

RELATIONSHIPS = ("Line manager", "Project sponsor", "Client", "Peer", "Direct report", "Other")


def parse_reference_outcome(text: str) -> ReferenceOutcome:
    """Return the outcome named by its value or label; raise ValueError."""
    outcome: ReferenceOutcome = parse_labelled_key(text, REFERENCE_OUTCOME_LABELS, "outcome")
    return outcome


@dataclass(frozen=True)
class ReferenceDraft:
    """A reference check as the form holds it."""

    referee: str
    relationship: str = ""
    company: str = ""
    contact: str = ""
    checked_on: date | None = None
    outcome: ReferenceOutcome | None = None
    notes: str = ""


@dataclass(frozen=True)
class ReferenceCheck:
    """A stored reference check."""

    id: int
    candidate_id: int
    draft: ReferenceDraft
    checked_by: str
    recorded_at: datetime
    version: int


def validate_reference(draft: ReferenceDraft, *, today: date) -> ReferenceDraft:
    """Return the reference cleaned; raise ValidationError per bad field."""
    errors: dict[str, str] = {}
    cleaned = {
        name: clean_text(getattr(draft, name))
        for name in ("referee", "relationship", "company", "contact")
    }
    notes = clean_text(draft.notes, multiline=True)
    if not cleaned["referee"]:
        errors["referee"] = "give the referee's name"
    for name, value in cleaned.items():
        if len(value) > MAX_SHORT:
            errors[name] = f"keep it under {MAX_SHORT} characters"
    if draft.checked_on is None:
        errors["checked_on"] = "give the day the reference was taken"
    elif draft.checked_on > today:
        errors["checked_on"] = "the reference cannot be taken in the future"
    if draft.outcome is None:
        errors["outcome"] = "choose what the referee said"
    if len(notes) > MAX_NOTE:
        errors["notes"] = f"keep the notes under {MAX_NOTE:,} characters"
    if errors:
        raise ValidationError(errors)
    return ReferenceDraft(
        checked_on=draft.checked_on, outcome=draft.outcome, notes=notes, **cleaned
    )


@dataclass(frozen=True)
class ClaimForGate:
    """What the gate needs to know of one claimed certification."""

    code: str
    status: ClaimStatus
    waiver_reason: str = ""


# A claim counts as verified while its last check confirmed it and it has not lapsed.
GATE_PASSING_STATUSES = frozenset(
    {ClaimStatus.VERIFIED, ClaimStatus.EXPIRING, ClaimStatus.RENEWAL_DUE}
)


def vetting_gaps(
    scorecard: ScorecardDraft | None,
    references: Sequence[ReferenceOutcome],
    claims: Sequence[ClaimForGate],
) -> list[str]:
    """Return exactly what stands between a candidate and Vetted, one line per item."""
    gaps = scorecard_gaps(scorecard)
    if ReferenceOutcome.POSITIVE not in references:
        taken = len(references)
        gaps.append(
            "References: no positive reference yet"
            + (f" ({taken} taken, none positive)" if taken else "")
        )
    for claim in sorted(claims, key=lambda c: c.code):
        if claim.status in GATE_PASSING_STATUSES or claim.waiver_reason:
            continue
        gaps.append(
            f"Certification {claim.code}: {STATUS_LABELS[claim.status].lower()}; "
            "verify it or waive it with a reason"
        )
    return gaps


def validate_reason(text: str, what: str) -> str:
    """Return a written reason cleaned; raise ValidationError when empty or too long."""
    reason = clean_text(text, multiline=True)
    if not reason:
        raise ValidationError({what: f"write the {what}"})
    if len(reason) > MAX_REASON:
        raise ValidationError({what: f"keep the {what} under {MAX_REASON:,} characters"})
    return reason


@dataclass(frozen=True)
class StageMove:
    """One move through the pipeline, as the candidate's timeline shows it."""

    id: int
    candidate_id: int
    from_stage: str  # names as they were at the time of the move
    to_stage: str
    moved_at: datetime
    moved_by: str
    reason: str
    override_reason: str = ""
    missing: tuple[str, ...] = ()  # what the gate found missing when overridden


@dataclass(frozen=True)
class Vetting:
    """Everything the Vetting tab shows for one candidate."""

    candidate_id: int
    stage: Stage
    stage_since: datetime | None
    scorecard: Scorecard | None
    interviews: tuple[InterviewNote, ...]
    references: tuple[ReferenceCheck, ...]
    moves: tuple[StageMove, ...]  # newest first
    gaps: tuple[str, ...]  # what Vetted still needs; empty when the gate would pass
    gate_stage: str = "Vetted"  # the agency's name for the gate stage
    past_gate: bool = False  # in Vetted or later: the gaps are what changed since
