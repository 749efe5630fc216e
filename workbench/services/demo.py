"""Sample IT Project Managers for demos and benchmarks: generate them, or add them to a store.

Each comes with a past: certification claims and checks, a walk through the pipeline with
its scorecard, interviews and references, and the history trail of all of it. The agency
comes with clients, their job orders and shortlists, and the submittals that took those
candidates to Presented and Placed.
"""

from __future__ import annotations

from collections.abc import Generator
from contextlib import closing
from datetime import date, datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from workbench.domain.candidate import CandidateDraft, email_key, validate_candidate
from workbench.services.candidates import utc_now
from workbench.services.claims import today
from workbench.services.demo_agency import SampleAgency
from workbench.services.demo_agency_writer import first_ids, stored_clients, write_agency
from workbench.services.demo_claim_writer import SampleClaimWriter
from workbench.services.demo_claims import BENCHMARK_MIX, DEMO_MIX, ClaimMix, ClaimPlan, SampleClaim
from workbench.services.demo_generator import SOURCE, generate_drafts
from workbench.services.demo_vetting import SampleVetting, VettingPlan
from workbench.services.demo_vetting_writer import SampleVettingWriter
from workbench.services.parallel import ordered_results
from workbench.services.progress import NO_PROGRESS, ProgressReporter
from workbench.store import vetting_queries
from workbench.store.candidate_repository import existing_emails, insert_many
from workbench.store.engine import STATISTICS_AFTER_ROWS, Database
from workbench.store.evidence import EvidenceStore, evidence_folder
from workbench.store.models import CandidateRecord

BATCH_SIZE = 2000
# Below this many, starting worker processes (about a second each) costs more than it saves.
# Generating and validating cost as much as storing, so for big loads other cores do them.
PARALLEL_FROM = 20_000

__all__ = [
    "BATCH_SIZE",
    "BENCHMARK_MIX",
    "DEMO_MIX",
    "SOURCE",
    "ClaimMix",
    "add_demo_candidates",
    "generate_drafts",
]


# A generated candidate, the certifications they claim, and their vetting.
_Sample = tuple[CandidateDraft, list[SampleClaim], SampleVetting]


def _validated_batch(
    size: int, plan: ClaimPlan, vetting: VettingPlan, start_index: int
) -> list[_Sample]:
    """Return `size` generated candidates from start_index, validated, with claims and vetting."""
    drafts = [
        validate_candidate(d) for d in generate_drafts(size, plan.seed, start_index=start_index)
    ]
    claims = plan.claims_of(drafts)
    return list(zip(drafts, claims, vetting.vetting_of(drafts, claims), strict=True))


def _batches(
    count: int, plan: ClaimPlan, vetting: VettingPlan, start_index: int
) -> Generator[list[_Sample], None, None]:
    """Yield validated batches covering count candidates from start_index, in order."""
    specs = [
        (min(BATCH_SIZE, count - done), plan, vetting, start_index + done)
        for done in range(0, count, BATCH_SIZE)
    ]
    return ordered_results(_validated_batch, specs, parallel=count >= PARALLEL_FROM)


def add_demo_candidates(
    database: Database,
    count: int,
    seed: int = 42,
    *,
    reporter: ProgressReporter = NO_PROGRESS,
    claims: ClaimMix = DEMO_MIX,
    on: date | None = None,
) -> int:
    """Store `count` sample candidates and their certification claims in one transaction.

    Claim dates are drawn relative to `on` (today by default), so every certification status
    shows up on the day the demo runs. Returns how many candidates were added.
    """
    if count <= 0:
        return 0
    now = utc_now()
    added = 0
    # A database in memory has no folder beside it: its sample checks go without printouts.
    files = EvidenceStore(evidence_folder(database.path)) if database.path else None
    writer: SampleClaimWriter | None = None
    try:
        with database.write() as session:
            writer = SampleClaimWriter(session, now, evidence=files)
            plan = writer.plan(seed, on or today(), claims)
            vetting = VettingPlan(
                tuple(vetting_queries.all_stages(session)), plan.rules, seed, plan.today
            )
            vetting_writer = SampleVettingWriter(session)
            agency = SampleAgency(
                seed, plan.today, stored_clients(session, now), *first_ids(session)
            )
            # Generated addresses carry their index, and each earlier run's indexes stay below
            # the ids it got: numbering from the highest id avoids them. _insert_new skips the
            # rest.
            start_index = int(session.scalar(select(func.max(CandidateRecord.id))) or 0)
            next_index = start_index + count
            reporter.report(0, count)
            with closing(_batches(count, plan, vetting, start_index)) as batches:
                for samples in batches:
                    added += _insert_new(session, samples, now, writer, vetting_writer, agency)
                    # Raises Cancelled; leaving the write block then rolls everything back.
                    reporter.report(added, count)
            # Only hand-typed addresses that happen to look generated can clash: make up for them.
            while added < count:
                size = min(BATCH_SIZE, count - added)
                fresh = _validated_batch(size, plan, vetting, next_index)
                added += _insert_new(session, fresh, now, writer, vetting_writer, agency)
                next_index += size
                reporter.report(added, count)
            write_agency(session, agency)
    except BaseException:
        if writer is not None:
            writer.discard_files()  # the rows that named them were rolled back
        raise
    if added >= STATISTICS_AFTER_ROWS:
        database.refresh_statistics()
    return added


def _insert_new(
    session: Session,
    samples: list[_Sample],
    now: datetime,
    writer: SampleClaimWriter,
    vetting_writer: SampleVettingWriter,
    agency: SampleAgency,
) -> int:
    """Insert the candidates whose email is not stored yet, with their past; return how many."""
    taken = existing_emails(session, [email_key(d.email) for d, _, _ in samples])
    fresh = [sample for sample in samples if email_key(sample[0].email) not in taken]
    ids = insert_many(session, [d for d, _, _ in fresh], now)
    writer.add(
        [(cid, d, claims) for cid, (d, claims, _) in zip(ids, fresh, strict=True)],
        created={
            (cid, code): at
            for cid, (_, _, v) in zip(ids, fresh, strict=True)
            for code, at in v.claims_entered
        },
        waivers={
            (cid, waiver.code): waiver
            for cid, (_, _, v) in zip(ids, fresh, strict=True)
            for waiver in v.waivers
        },
    )
    submitted = agency.add([(cid, *sample) for cid, sample in zip(ids, fresh, strict=True)])
    vetting_writer.add(
        [(cid, d, v) for cid, (d, _, v) in zip(ids, fresh, strict=True)],
        writer.stored,
        extra=submitted,
    )
    return len(fresh)
