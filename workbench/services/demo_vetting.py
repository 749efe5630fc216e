"""What sample candidates went through: stage moves, scorecards, interviews, references, waivers."""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time, timedelta
from itertools import pairwise

from workbench.domain.candidate import CandidateDraft
from workbench.domain.certifications import CertificationRule, claim_status
from workbench.domain.vetting import (
    GATE_PASSING_STATUSES,
    METHODOLOGIES,
    TOOLS,
    ClaimForGate,
    Criterion,
    Rating,
    ReferenceDraft,
    ReferenceOutcome,
    ScorecardDraft,
    Stage,
    StageRole,
    entry_stage,
    stage_with_role,
    vetting_gaps,
)
from workbench.services import demo_vetting_phrases as phrases
from workbench.services.demo_claims import CONSULTANTS, SampleClaim
from workbench.services.demo_phrases import pick
from workbench.services.demo_tables import Weighted

# How far along sample candidates got, by position on the main line (Sourced first): most
# stay early, few are placed. Exits (Rejected, Withdrawn) are drawn beside them.
_MAIN_WEIGHTS = (30, 16, 13, 10, 8, 6)
_EXIT_WEIGHTS = {StageRole.REJECTED: 12, StageRole.WITHDRAWN: 5}
OVERRIDE_SHARE = 0.08  # of the candidates who reached Vetted: let through by a consultant
_HISTORY_DAYS = 300  # the pipeline's moves spread over about the last ten months

_POSITIVE_MOSTLY = Weighted(
    [
        (ReferenceOutcome.POSITIVE, 80),
        (ReferenceOutcome.MIXED, 12),
        (ReferenceOutcome.NO_RESPONSE, 8),
    ]
)
_DOUBTFUL = Weighted(
    [(ReferenceOutcome.MIXED, 45), (ReferenceOutcome.NEGATIVE, 35), (ReferenceOutcome.POSITIVE, 20)]
)


@dataclass(frozen=True)
class SampleMove:
    """One move a sample candidate made, oldest first."""

    from_stage: Stage
    to_stage: Stage
    at: datetime
    by: str
    reason: str
    override_reason: str = ""
    missing: tuple[str, ...] = ()


@dataclass(frozen=True)
class SampleInterview:
    """An interview note as a consultant would have typed it."""

    held_on: date
    interviewer: str
    text: str
    recorded_at: datetime


@dataclass(frozen=True)
class SampleReference:
    """A reference a consultant took."""

    draft: ReferenceDraft
    checked_by: str
    recorded_at: datetime


@dataclass(frozen=True)
class SampleWaiver:
    """A consultant's written reason to let the gate pass a claim unverified."""

    code: str
    reason: str
    by: str
    at: datetime


@dataclass(frozen=True)
class SampleVetting:
    """Everything a sample candidate went through, with when and by whom."""

    created_at: datetime
    created_by: str
    stage: Stage
    moves: tuple[SampleMove, ...] = ()
    scorecard: ScorecardDraft | None = None
    scorecard_at: datetime | None = None
    scorecard_by: str = ""
    interviews: tuple[SampleInterview, ...] = ()
    references: tuple[SampleReference, ...] = ()
    waivers: tuple[SampleWaiver, ...] = field(default_factory=tuple)
    claims_entered: tuple[tuple[str, datetime], ...] = ()  # (code, when it was typed in)

    @property
    def stage_since(self) -> datetime:
        """Return when the candidate entered the stage they are in."""
        return self.moves[-1].at if self.moves else self.created_at


@dataclass(frozen=True)
class VettingPlan:
    """What vetting to draw: the pipeline, the catalogue, the seed and the day.

    Plain data, so the worker processes that generate candidates can draw it too.
    """

    stages: tuple[Stage, ...]
    rules: tuple[CertificationRule, ...]
    seed: int
    today: date

    def vetting_of(
        self, drafts: Sequence[CandidateDraft], claims: Sequence[Sequence[SampleClaim]]
    ) -> list[SampleVetting]:
        """Return each draft's sample vetting, in the order of drafts."""
        pipeline = _Pipeline(self.stages)
        rules = {rule.code: rule for rule in self.rules}
        return [
            _vetting(self, pipeline, rules, draft, held)
            for draft, held in zip(drafts, claims, strict=True)
        ]


class _Pipeline:
    """The stages as the generator walks them: the main line, the gate and the exits."""

    def __init__(self, stages: Sequence[Stage]) -> None:
        """Work out the main line, the gate and the weighted final stages once."""
        self.entry = entry_stage(stages)
        self.main = sorted((s for s in stages if not s.closed), key=lambda s: s.position)
        gate = stage_with_role(stages, StageRole.VETTED)
        self.gate = self.main.index(gate) if gate in self.main else len(self.main)
        finals: list[tuple[Stage, float]] = [
            (stage, _MAIN_WEIGHTS[min(index, len(_MAIN_WEIGHTS) - 1)])
            for index, stage in enumerate(self.main)
        ]
        finals += [
            (stage, _EXIT_WEIGHTS.get(stage.role, 3) if stage.role else 3)
            for stage in stages
            if stage.closed
        ]
        self.finals = Weighted(finals)


def _at(rng: random.Random, day: date) -> datetime:
    """Return a moment in office hours on a day."""
    return datetime.combine(day, time(rng.randrange(8, 18), rng.randrange(60)))


def _path(rng: random.Random, pipeline: _Pipeline, final: Stage) -> list[Stage]:
    """Return the stages walked from the entry to final, both included."""
    start = pipeline.main.index(pipeline.entry) if pipeline.entry in pipeline.main else 0
    if not final.closed:
        return pipeline.main[start : pipeline.main.index(final) + 1]
    # An exit is reached from somewhere on the main line, mostly before the client sees them.
    last = min(len(pipeline.main) - 2, pipeline.gate + 1)
    left_at = start + int(rng.random() ** 1.3 * (max(last, start) - start + 1))
    return [*pipeline.main[start : left_at + 1], final]


def _scorecard(
    rng: random.Random, draft: CandidateDraft, *, good: bool, complete: bool
) -> ScorecardDraft:
    """Return a scorecard: every criterion and confirmed skills when complete, some otherwise."""
    scores = phrases.GOOD_SCORES if good else phrases.WEAK_SCORES
    rated = list(Criterion) if complete else rng.sample(list(Criterion), rng.randrange(2, 6))
    ratings = {}
    for criterion in rated:
        score = scores.pick(rng)
        weak, strong = phrases.COMMENTS[criterion]
        comment = pick(rng, strong if score >= 4 else weak) if rng.random() < 0.8 else ""
        ratings[criterion] = Rating(score, comment.replace("him/her", "them"))
    skills = set(draft.skills)
    methods = [m for m in METHODOLOGIES if m in skills] or [pick(rng, METHODOLOGIES)]
    tools = [t for t in TOOLS if t in skills] or [pick(rng, TOOLS)]
    if not complete and rng.random() < 0.5:
        tools = []
    return ScorecardDraft(ratings, tuple(methods[:3]), tuple(tools[:3]))


def _reference(
    rng: random.Random, draft: CandidateDraft, outcome: ReferenceOutcome, at: datetime, by: str
) -> SampleReference:
    first, last = pick(rng, phrases.FIRST), pick(rng, phrases.LAST)
    employers = [job.employer for job in draft.work_history if job.employer]
    company = pick(rng, employers) if employers else ""
    slug = "".join(ch for ch in company.casefold() if ch.isalnum()) or "example"
    relationship = pick(rng, ("Line manager", "Project sponsor", "Client", "Peer"))
    reference = ReferenceDraft(
        referee=f"{first} {last}",
        relationship=relationship,
        company=company,
        contact=f"{first.casefold()}.{last.casefold()}@{slug}.example",
        checked_on=at.date(),
        outcome=outcome,
        notes=pick(rng, phrases.REFERENCE_NOTES[outcome]),
    )
    return SampleReference(reference, by, at)


def _moments(rng: random.Random, first: datetime, last: datetime, count: int) -> list[datetime]:
    """Return count moments from first to last, in order, a few minutes apart.

    In office hours when the span allows it: a consultant does not score at 3 a.m.
    """
    days = (last.date() - first.date()).days
    gap = timedelta(minutes=10)
    office = sorted(
        _at(rng, first.date() + timedelta(days=rng.randrange(days + 1))) for _ in range(count)
    )
    fits = bool(office) and first + gap <= office[0] and office[-1] + gap <= last
    if fits and all(later - earlier >= gap for earlier, later in pairwise(office)):
        return office
    minutes = max(0, int((last - first).total_seconds() // 60) - 10 * count)
    picked = sorted(rng.randrange(minutes + 1) for _ in range(count))
    return [first + timedelta(minutes=m + 10 * (i + 1)) for i, m in enumerate(picked)]


def _vetting(
    plan: VettingPlan,
    pipeline: _Pipeline,
    rules: dict[str, CertificationRule],
    draft: CandidateDraft,
    claims: Sequence[SampleClaim],
) -> SampleVetting:
    """Return one candidate's vetting; same candidate, seed and day, same vetting."""
    rng = random.Random(f"workbench-demo-vetting:{plan.seed}:{draft.email}")
    owner = CONSULTANTS.pick(rng)
    final = pipeline.finals.pick(rng)
    path = _path(rng, pipeline, final)
    yesterday = plan.today - timedelta(days=1)
    steps = len(path) - 1
    # The pipeline started some months ago; the moves follow in order up to about now.
    span = rng.randrange(max(14, 12 * steps), _HISTORY_DAYS)
    start = _at(rng, plan.today - timedelta(days=span))
    days = sorted(rng.sample(range(1, span), steps)) if steps else []
    times = [_at(rng, min(start.date() + timedelta(days=d), yesterday)) for d in days]
    times = [max(t, start + timedelta(minutes=i + 1)) for i, t in enumerate(times)]
    for i in range(1, len(times)):  # the same day twice: keep them in order
        times[i] = max(times[i], times[i - 1] + timedelta(minutes=7))
    checks = [check.recorded_at for claim in claims for check in claim.checks]
    # The candidate was on file before anyone checked their certificates.
    created = min([start, *(t - timedelta(days=rng.randrange(1, 30)) for t in checks)])
    walked = [pipeline.main.index(s) if s in pipeline.main else -1 for s in path]
    reached = max(walked)
    vetted = reached >= pipeline.gate
    interviewed = (
        pipeline.gate >= 1
        and reached >= pipeline.gate - 1
        and pipeline.main[pipeline.gate - 1] in path[1:]
    )
    rejected = final.role is StageRole.REJECTED
    entered = tuple((claim.code, _entered(rng, claim, created, yesterday)) for claim in claims)
    sample = SampleVetting(created, owner, path[-1], claims_entered=entered)
    if not interviewed:
        return _with_moves(rng, sample, path, times, plan, rules, claims, False)
    # Interviews and references fall between reaching the interview stage and the next move.
    at_interview = path.index(pipeline.main[pipeline.gate - 1])
    began = times[at_interview - 1]
    if at_interview < steps:
        until = times[at_interview] - timedelta(hours=1)
    else:
        until = _at(rng, yesterday)
    until = max(until, began)
    employer = draft.work_history[0].employer if draft.work_history else "their last role"
    complete = vetted or rng.random() < 0.4
    good = not (rejected and rng.random() < 0.7)
    card = _scorecard(rng, draft, good=good, complete=complete)
    refs_wanted = rng.choice((1, 2, 2, 3)) if vetted or rng.random() < 0.5 else 0
    outcomes = [(_POSITIVE_MOSTLY if good else _DOUBTFUL).pick(rng) for _ in range(refs_wanted)]
    overridden = vetted and rng.random() < OVERRIDE_SHARE
    if vetted and not overridden and ReferenceOutcome.POSITIVE not in outcomes:
        outcomes[0] = ReferenceOutcome.POSITIVE
    if overridden and rng.random() < 0.5:
        outcomes = [ReferenceOutcome.NO_RESPONSE]  # the referee never called back
    # In order: the interviews, the scorecard written after the last one, then references.
    held = 1 if rng.random() < 0.6 else 2
    moments = _moments(rng, began, until, held + 1 + len(outcomes))
    interviewers = [CONSULTANTS.pick(rng) for _ in range(held)]
    interviews = tuple(
        SampleInterview(
            moment.date(),
            interviewer,
            pick(rng, phrases.NOTES).format(
                employer=employer,
                skill=pick(rng, draft.skills) if draft.skills else "Scrum",
                team=rng.randrange(6, 45),
                years=f"{draft.years_experience or 1:g} years",
            ),
            moment,
        )
        for moment, interviewer in zip(moments, interviewers, strict=False)
    )
    references = tuple(
        _reference(rng, draft, outcome, moment, CONSULTANTS.pick(rng))
        for outcome, moment in zip(outcomes, moments[held + 1 :], strict=True)
    )
    sample = replace(
        sample,
        scorecard=card,
        scorecard_at=moments[held],
        scorecard_by=interviewers[-1],
        interviews=interviews,
        references=references,
    )
    return _with_moves(rng, sample, path, times, plan, rules, claims, overridden)


def _entered(rng: random.Random, claim: SampleClaim, created: datetime, last: date) -> datetime:
    """Return when a claim was typed in: with the candidate, or once earned, before any check."""
    at = created + timedelta(minutes=rng.randrange(2, 15))
    if claim.earned_on is not None and claim.earned_on >= created.date():
        earned = min(claim.earned_on + timedelta(days=rng.randrange(2, 21)), last)
        at = max(at, _at(rng, earned))
    if claim.checks:
        at = min(at, claim.checks[0].recorded_at - timedelta(hours=1))
    return max(at, created + timedelta(minutes=1))


def _claims_for_gate(
    rules: dict[str, CertificationRule], claims: Sequence[SampleClaim], day: date
) -> list[ClaimForGate]:
    """Return the claims' statuses on a day, as the gate sees them."""
    return [
        ClaimForGate(
            claim.code,
            claim_status(
                rules[claim.code],
                claim.earned_on,
                claim.printed_expiry,
                claim.checks[-1].outcome if claim.checks else None,
                day,
            ),
        )
        for claim in claims
        if claim.code in rules
    ]


def _with_moves(
    rng: random.Random,
    sample: SampleVetting,
    path: Sequence[Stage],
    times: Sequence[datetime],
    plan: VettingPlan,
    rules: dict[str, CertificationRule],
    claims: Sequence[SampleClaim],
    overridden: bool,
) -> SampleVetting:
    """Return the sample with its moves, and the waivers that let the gate pass."""
    client = pick(rng, phrases.CLIENTS)
    gated = _claims_for_gate(rules, claims, plan.today)
    vetted_index = next((i for i, stage in enumerate(path) if stage.role is StageRole.VETTED), None)
    waivers: list[SampleWaiver] = []
    missing: tuple[str, ...] = ()
    if vetted_index is not None:
        gate_at = times[vetted_index - 1]
        failing = [c for c in gated if c.status not in GATE_PASSING_STATUSES]
        # An override leaves one claim unwaived, when there is one to leave.
        keep = failing[:1] if overridden else []
        for claim in failing[len(keep) :]:
            waivers.append(
                SampleWaiver(
                    claim.code,
                    pick(rng, phrases.WAIVERS),
                    CONSULTANTS.pick(rng),
                    gate_at - timedelta(minutes=rng.randrange(5, 120)),
                )
            )
        waived = {w.code for w in waivers}
        if overridden:
            outcomes = [r.draft.outcome for r in sample.references if r.draft.outcome]
            missing = tuple(
                vetting_gaps(
                    sample.scorecard,
                    outcomes,
                    [
                        ClaimForGate(c.code, c.status, "w" if c.code in waived else "")
                        for c in gated
                    ],
                )
            )
            if not missing:  # nothing was actually missing: an ordinary move
                overridden = False
    moves = []
    for step, (before, after) in enumerate(pairwise(path)):
        at = times[step]
        position = step + 1
        if after.role is StageRole.REJECTED:
            reasons = phrases.REJECTED_LATE if vetted_index is not None else phrases.REJECTED_EARLY
            reason = pick(rng, reasons)
        elif after.role is StageRole.WITHDRAWN or after.closed:
            reason = pick(rng, phrases.WITHDRAWN)
        else:
            options = phrases.FORWARD_REASONS.get(position, ("",))
            reason = pick(rng, options).format(client=client) if rng.random() < 0.75 else ""
            if after.role in (StageRole.PRESENTED, StageRole.PLACED):
                reason = pick(rng, options).format(client=client)
        override = ""
        if overridden and step + 1 == vetted_index:
            override, reason = pick(rng, phrases.OVERRIDES), ""
        moves.append(
            SampleMove(
                before,
                after,
                at,
                sample.created_by if rng.random() < 0.7 else CONSULTANTS.pick(rng),
                reason,
                override,
                missing if override else (),
            )
        )
    return replace(sample, moves=tuple(moves), waivers=tuple(sorted(waivers, key=lambda w: w.at)))
