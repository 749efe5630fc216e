"""Use case: rank every live candidate for a job order, with the reasons."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from workbench.domain.clients import JobOrder
from workbench.domain.matching import Match, hard_failures, rank_bounded
from workbench.domain.vetting import StageRole, is_past_gate
from workbench.services import consents
from workbench.services.claims import today
from workbench.services.jobs import get_job
from workbench.store import client_queries, vetting_queries
from workbench.store.engine import Database, Interruption

DEFAULT_LIMIT = 50
MAX_LIMIT = 1_000

# Not put forward: they left the pipeline, or already have a job through the agency.
_UNAVAILABLE = frozenset({StageRole.REJECTED, StageRole.WITHDRAWN, StageRole.PLACED})


@dataclass(frozen=True)
class MatchResult:
    """The best matches for a job, and how many candidates met its hard requirements."""

    job: JobOrder
    matches: tuple[Match, ...]
    eligible: int  # live, available, and holding every required certification through last_day
    last_day: date  # the day required certifications must still be valid on


def certification_day(job: JobOrder, day: date) -> date:
    """Return the day required certifications must hold on: the contract end, else the start."""
    return max(job.certification_day or day, day)


def match_job(
    database: Database,
    job_id: int,
    *,
    limit: int = DEFAULT_LIMIT,
    on: date | None = None,
    interruption: Interruption | None = None,
) -> MatchResult:
    """Rank every live, available candidate meeting the job's hard requirements, best first."""
    day = on or today()
    job = get_job(database, job_id)
    last_day = certification_day(job, day)
    with database.read(interruption) as session:
        stages = vetting_queries.all_stages(session)
        names = {stage.id: stage.name for stage in stages}
        vetted = {stage.id for stage in stages if is_past_gate(stages, stage)}
        excluded = {stage.id for stage in stages if stage.role in _UNAVAILABLE}
        eligible = client_queries.count_eligible(session, job.draft, last_day, excluded)
        candidates = client_queries.ranked_facts(
            session, job.draft, last_day, day, names, vetted, excluded
        )
        matches = rank_bounded(job.draft, candidates, day, max(1, min(limit, MAX_LIMIT)))
    # Consent does not change the rank (it is asked for once someone is chosen), but the
    # consultant sees before submitting who still has to be asked: two queries for the list.
    refused = consents.consent_refusals(
        database, job.draft.client_id, job.client_name, [m.candidate_id for m in matches], day
    )
    shown = [
        replace(m, missing=(*m.missing, *refused[m.candidate_id]))
        if m.candidate_id in refused
        else m
        for m in matches
    ]
    return MatchResult(job, tuple(shown), eligible, last_day)


@dataclass(frozen=True)
class Eligibility:
    """Whether a candidate may be put forward for a job, and why not."""

    candidate_id: int
    name: str
    stage: str
    vetted: bool
    failures: tuple[str, ...]  # required certifications not valid through last_day
    unavailable: bool = False  # rejected, withdrawn, or already placed


def eligibility(
    database: Database, job: JobOrder, candidate_ids: list[int], *, on: date | None = None
) -> dict[int, Eligibility]:
    """Return, for each live candidate asked about, their vetting and certification checks."""
    day = on or today()
    last_day = certification_day(job, day)
    # Ask for the required certifications as optional ones: every candidate comes back,
    # with a flag saying whether each is valid.
    relaxed = replace(
        job.draft,
        required_certifications=(),
        nice_certifications=(*job.draft.required_certifications, *job.draft.nice_certifications),
    )
    with database.read() as session:
        stages = vetting_queries.all_stages(session)
        names = {stage.id: stage.name for stage in stages}
        vetted = {stage.id for stage in stages if is_past_gate(stages, stage)}
        facts = client_queries.candidate_facts(
            session, relaxed, last_day, names, vetted, set(), only=candidate_ids
        )
    gone = {stage.name for stage in stages if stage.role in _UNAVAILABLE}
    return {
        f.id: Eligibility(
            f.id,
            f.name,
            f.stage,
            f.vetted,
            tuple(hard_failures(job.draft, f, last_day)),
            unavailable=f.stage in gone,
        )
        for f in facts
    }
