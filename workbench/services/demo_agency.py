"""Sample clients, job orders, shortlists and submittals that follow the sample pipeline.

Every sample candidate who reached Presented was submitted once, to the client their
Presented move names, on the day of that move: the placed ones to a job they filled, the
ones who left afterwards declined or withdrew, the ones still there somewhere in between.
"""

from __future__ import annotations

import hashlib
import random
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any

from workbench.domain.candidate import CandidateDraft
from workbench.domain.history import Action, Entity
from workbench.domain.roles import Level, Specialisation
from workbench.domain.submittals import SubmittalStatus
from workbench.domain.vetting import StageRole
from workbench.services.demo_claims import SampleClaim
from workbench.services.demo_tables import Weighted
from workbench.services.demo_vetting import SampleVetting

# One event of a candidate's trail, as the vetting writer merges it: (when, history rows).
Event = tuple[datetime, list[dict[str, Any]]]
_S = Specialisation
_WINDOW_DAYS = 60  # a job order collects the submittals of about two months
_ACTIVE_CAPACITY = (2, 6)  # submittals a job order takes before the client opens another
OPENINGS = Weighted([(1, 75), (2, 18), (3, 7)])
_POOL = 200  # Vetted candidates kept per role, to shortlist for the open job orders


@dataclass(frozen=True)
class SampleClient:
    """A client company of the sample agency, with the people the agency deals with."""

    name: str
    industry: str
    environment: str
    location: str
    currency: str
    domain: str
    contacts: tuple[tuple[str, str], ...]  # (name, title)
    focus: tuple[str, ...]  # what its projects are about, for job titles


# The first seven are the clients the sample stage moves name ("Presented to Northwind Bank").
CLIENTS: tuple[SampleClient, ...] = (
    SampleClient("Northwind Bank", "Finance", "Enterprise", "New York, United States", "USD",
                 "northwindbank.example",
                 (("Helen Marsh", "Head of PMO"), ("Raj Patel", "IT Director"),
                  ("Sofia Bianchi", "Talent Acquisition Lead")),
                 ("core banking migration", "payments modernisation", "regulatory reporting")),
    SampleClient("Contoso Health", "Healthcare", "Enterprise", "Boston, United States", "USD",
                 "contosohealth.example",
                 (("Marcus Reed", "VP Clinical Systems"), ("Ana Lopes", "HR Business Partner")),
                 ("EHR rollout", "patient portal", "HIPAA remediation")),
    SampleClient("Fabrikam Logistics", "Manufacturing", "Enterprise", "Chicago, United States",
                 "USD", "fabrikam.example",
                 (("Derek Olsen", "CIO"),),
                 ("warehouse automation", "ERP upgrade", "fleet telematics")),
    SampleClient("Tailspin Airlines", "Technology", "Enterprise", "Dallas, United States", "USD",
                 "tailspin.example",
                 (("Claire Dubois", "Director of Digital"), ("Sam Whitaker", "Procurement")),
                 ("booking platform rebuild", "crew scheduling", "cloud migration")),
    SampleClient("Adatum Insurance", "Finance", "Enterprise", "London, United Kingdom", "GBP",
                 "adatum.example",
                 (("Oliver Grant", "Head of Change"), ("Nadia Hussain", "Resourcing Manager"),
                  ("Tom Clarke", "Programme Director")),
                 ("claims platform", "Solvency II reporting", "policy admin replacement")),
    SampleClient("Woodgrove Retail", "Retail & e-commerce", "Enterprise", "Seattle, United States",
                 "USD", "woodgrove.example",
                 (("Jenna Park", "VP E-commerce"), ("Luis Romero", "Talent Partner")),
                 ("checkout replatform", "loyalty app", "store systems rollout")),
    SampleClient("Litware Energy", "Manufacturing", "Enterprise", "Houston, United States", "USD",
                 "litware.example",
                 (("Karen Mills", "OT Security Lead"),),
                 ("SCADA hardening", "asset management", "smart metering")),
    SampleClient("Proseware", "Technology", "Startup", "Austin, United States", "USD",
                 "proseware.example",
                 (("Ethan Cole", "VP Engineering"), ("Maya Singh", "Head of People")),
                 ("platform launch", "SOC 2 readiness", "mobile app")),
    SampleClient("State Revenue Agency", "Government", "Government agency",
                 "Washington, United States", "USD", "revenue.example",
                 (("Patricia Nolan", "Deputy CIO"), ("George Hill", "Contracts Officer")),
                 ("tax portal modernisation", "FedRAMP migration", "identity programme")),
    SampleClient("Coho University", "Education", "Enterprise", "Toronto, Canada", "CAD",
                 "coho.example",
                 (("Irene Walsh", "Director of IT Projects"),),
                 ("student information system", "LMS migration", "campus network")),
    SampleClient("Trey Research", "Healthcare", "Consulting firm", "Berlin, Germany", "EUR",
                 "treyresearch.example",
                 (("Jonas Weber", "Managing Partner"), ("Lena Fischer", "Delivery Lead")),
                 ("clinical trials platform", "GxP validation", "data lake")),
    SampleClient("Relecloud", "Technology", "Managed service provider", "Denver, United States",
                 "USD", "relecloud.example",
                 (("Victor Huang", "Service Delivery Director"), ("Amy Foster", "Recruiter"),
                  ("Ben Ortiz", "Head of Security")),
                 ("managed SOC onboarding", "data-centre exit", "ITSM rollout")),
)  # fmt: skip
_FRESH_OUTCOMES = Weighted(
    [
        (SubmittalStatus.SUBMITTED, 60),
        (SubmittalStatus.INTERVIEWING, 30),
        (SubmittalStatus.CANDIDATE_WITHDREW, 5),
        (SubmittalStatus.CLIENT_DECLINED, 5),
    ]
)
_RECENT_OUTCOMES = Weighted(
    [
        (SubmittalStatus.SUBMITTED, 15),
        (SubmittalStatus.INTERVIEWING, 35),
        (SubmittalStatus.OFFERED, 15),
        (SubmittalStatus.CLIENT_DECLINED, 25),
        (SubmittalStatus.CANDIDATE_WITHDREW, 10),
    ]
)
ACTIVE = frozenset(
    {SubmittalStatus.SUBMITTED, SubmittalStatus.INTERVIEWING, SubmittalStatus.OFFERED}
)


@dataclass(frozen=True)
class StoredClient:
    """A sample client as stored: its id and its contacts' ids and names, in order."""

    id: int
    sample: SampleClient
    contacts: tuple[tuple[int, str], ...]


@dataclass
class PlannedJob:
    """A job order while submittals gather on it; its status and dates come at the end."""

    id: int
    client: StoredClient
    role: Specialisation
    level: Level
    title: str
    contact: tuple[int, str] | None
    capacity: int
    rng: random.Random
    placing: bool
    held: set[str] | None = None  # certifications every submitted candidate holds
    cancelled: bool = False  # a requisition the client withdrew before anyone was sent
    skills: tuple[str, ...] = ()
    submittals: list[dict[str, Any]] = field(default_factory=list)
    shortlist: list[dict[str, Any]] = field(default_factory=list)


def _at(rng: random.Random, day: date) -> datetime:
    """Return a moment in office hours on a day."""
    return datetime.combine(day, time(rng.randrange(8, 18), rng.randrange(60)))


def _history(
    at: datetime,
    by: str,
    cid: int,
    sid: int,
    action: Action,
    detail: str,
    fields: Sequence[tuple[str, str, str]],
) -> Event:
    """Return a submittal's event: one history row per field, as services.history writes it."""
    base = {
        "at": at,
        "by": by,
        "candidate_id": cid,
        "entity": Entity.SUBMITTAL.value,
        "entity_id": sid,
        "action": action.value,
        "detail": detail,
    }
    return at, [
        {**base, "field": name, "old_value": old, "new_value": new}
        for name, old, new in fields
        if new
    ]


class SampleAgency:
    """Plans the agency's side as batches of sample candidates arrive, then its job orders."""

    def __init__(
        self,
        seed: int,
        today: date,
        clients: Sequence[StoredClient],
        first_job_id: int,
        first_submittal_id: int,
    ) -> None:
        """Plan for stored clients, numbering new job orders and submittals from the ids given."""
        self.seed, self.today = seed, today
        self.clients = {client.sample.name: client for client in clients}
        self._job_ids = iter(range(first_job_id, first_job_id + 10**9))
        self._submittal_ids = iter(range(first_submittal_id, first_submittal_id + 10**9))
        self.jobs: list[PlannedJob] = []
        self._open: dict[tuple[str, int, Specialisation, bool], PlannedJob] = {}
        self.vetted: dict[Specialisation, list[int]] = {role: [] for role in Specialisation}

    def add(
        self, batch: Sequence[tuple[int, CandidateDraft, Sequence[SampleClaim], SampleVetting]]
    ) -> dict[int, list[Event]]:
        """Plan the submittals of a batch just inserted; return their history by candidate id."""
        events: dict[int, list[Event]] = {}
        for cid, draft, claims, vetting in batch:
            if vetting.stage.role is StageRole.VETTED and draft.primary_role is not None:
                pool = self.vetted[draft.primary_role]
                if len(pool) < _POOL:
                    pool.append(cid)
            found = self._submittal(cid, draft, claims, vetting)
            if found:
                events[cid] = found
        return events

    def _client(self, rng: random.Random, reasons: Sequence[str]) -> StoredClient:
        """Return the client the candidate's moves name, else one drawn."""
        for reason in reasons:
            for name, client in self.clients.items():
                if name in reason:
                    return client
        return rng.choice(list(self.clients.values()))

    def _submittal(
        self, cid: int, draft: CandidateDraft, claims: Sequence[SampleClaim], v: SampleVetting
    ) -> list[Event]:
        """Plan the one submittal of a candidate who reached Presented; return its events."""
        index = next(
            (i for i, m in enumerate(v.moves) if m.to_stage.role is StageRole.PRESENTED), None
        )
        if index is None:
            return []
        presented = v.moves[index]
        after = v.moves[index + 1] if index + 1 < len(v.moves) else None
        rng = random.Random(f"workbench-demo-agency:{self.seed}:{draft.email}")
        client = self._client(rng, [m.reason for m in v.moves[index:]])
        submitted = presented.at - timedelta(minutes=rng.randrange(2, 9))
        end = datetime.combine(self.today, time(0)) - timedelta(hours=rng.randrange(6, 14))
        if after is not None and after.to_stage.role is StageRole.PLACED:
            outcome = SubmittalStatus.PLACED
        elif after is not None:
            rejected = after.to_stage.role is StageRole.REJECTED
            outcome = (
                SubmittalStatus.CLIENT_DECLINED if rejected else SubmittalStatus.CANDIDATE_WITHDREW
            )
        else:
            # Still in Presented: mostly still in play, whenever they were sent.
            fresh = (self.today - submitted.date()).days < 10
            outcome = (_FRESH_OUTCOMES if fresh else _RECENT_OUTCOMES).pick(rng)
        # The status moved on just before the stage did: set_status writes it, then moves them.
        if after is not None:
            last = after.at - timedelta(minutes=3)
        else:
            spread = max(end - submitted, timedelta(0)) * rng.uniform(0.3, 1.0)
            last = (submitted + spread).replace(second=0, microsecond=0)
        steps = _steps(rng, outcome)
        role = draft.primary_role or rng.choice(list(Specialisation))
        job = self._job(client, role, draft, submitted, placing=outcome is SubmittalStatus.PLACED)
        held = {claim.code for claim in claims}
        job.held = held if job.held is None else job.held & held
        sid = next(self._submittal_ids)
        reference = f"JO-{job.id:04d}"
        contact_id, contact = job.contact or (None, "")
        times = _times(rng, submitted, last, len(steps))
        status_at = times[-1] if times else submitted
        sha = hashlib.sha256(f"workbench demo submittal {self.seed} {sid} {draft.email}".encode())
        blind = rng.random() < 0.25
        # The demo writes no PDFs: the hash is of a text naming the sample, not of any file, and
        # the file name says so, so nobody takes it for the proof of a real one.
        file_name = f"{reference} WB-{cid:04d}.pdf (sample: not written)"
        job.submittals.append(
            {
                "id": sid,
                "job_id": job.id,
                "candidate_id": cid,
                "contact_id": contact_id,
                "contact_name": contact,
                "submitted_at": submitted,
                "submitted_by": presented.by,
                "blind": blind,
                "sha256": sha.hexdigest(),
                "file_name": file_name,
                "combined": False,
                "status": outcome.value,
                "status_at": status_at,
                "override_reason": "",
                "refusals": [],
                "version": 1 + len(steps),
            }
        )
        job.shortlist.append(
            {
                "job_id": job.id,
                "candidate_id": cid,
                "added_at": submitted - timedelta(hours=rng.randrange(1, 72)),
                "added_by": presented.by,
            }
        )
        name = client.sample.name
        events = [
            _history(
                submitted,
                presented.by,
                cid,
                sid,
                Action.CREATED,
                f"submitted to {name} for {reference}",
                # The service's fields, less the client (the detail names it) and "Blind: no":
                # for the benchmarks' 100,000 samples every row left out is 17,000 fewer.
                [
                    ("Job", "", f"{reference} {job.title}"),
                    ("Contact", "", contact),
                    ("Blind", "", "yes" if blind else ""),
                    ("File", "", file_name),
                    ("SHA-256", "", sha.hexdigest()),
                ],
            )
        ]
        before = SubmittalStatus.SUBMITTED
        for status, at in zip(steps, times, strict=True):
            events.append(
                _history(
                    at,
                    presented.by,
                    cid,
                    sid,
                    Action.CHANGED,
                    f"{reference} {job.title}",
                    [("Status", before.label, status.label)],
                )
            )
            before = status
        return events

    def _job(
        self,
        client: StoredClient,
        role: Specialisation,
        draft: CandidateDraft,
        submitted: datetime,
        *,
        placing: bool,
    ) -> PlannedJob:
        """Return the job order gathering this submittal: same client, role and two months."""
        window = (self.today - submitted.date()).days // _WINDOW_DAYS
        key = (client.sample.name, window, role, placing)
        job = self._open.get(key)
        if job is not None and len(job.submittals) < job.capacity:
            return job
        job = self._new_job(client, role, draft.level or Level.MID, placing=placing)
        job.skills = draft.skills
        self._open[key] = job
        return job

    def _new_job(
        self, client: StoredClient, role: Specialisation, level: Level, *, placing: bool
    ) -> PlannedJob:
        """Return a new job order for the client, its title and contact drawn."""
        job_id = next(self._job_ids)
        rng = random.Random(f"workbench-demo-job:{self.seed}:{job_id}")
        capacity = OPENINGS.pick(rng) if placing else rng.randrange(*_ACTIVE_CAPACITY)
        title = f"{level.label} {role.label} – {rng.choice(client.sample.focus)}"
        contact = rng.choice(client.contacts) if client.contacts else None
        job = PlannedJob(job_id, client, role, level, title, contact, capacity, rng, placing)
        self.jobs.append(job)
        return job

    def fresh_jobs(self) -> None:
        """Add job orders with no submittal yet: new ones (open or on hold), and cancelled."""
        for client in self.clients.values():
            rng = random.Random(f"workbench-demo-fresh:{self.seed}:{client.sample.name}")
            for _ in range(rng.choice((0, 1, 1, 2))):
                role = rng.choice(list(Specialisation))
                self._new_job(client, role, rng.choice(list(Level)), placing=False)
            if rng.random() < 0.4:
                role = rng.choice(list(Specialisation))
                job = self._new_job(client, role, rng.choice(list(Level)), placing=False)
                job.cancelled = True


def _steps(rng: random.Random, outcome: SubmittalStatus) -> list[SubmittalStatus]:
    """Return the statuses a submittal went through after Submitted to reach the outcome."""
    forward = [SubmittalStatus.INTERVIEWING, SubmittalStatus.OFFERED, SubmittalStatus.PLACED]
    if outcome is SubmittalStatus.SUBMITTED:
        return []
    if outcome in forward:
        return forward[: forward.index(outcome) + 1]
    # Out of the line: straight away, or after an interview or two.
    return [*forward[: rng.choice((0, 0, 1, 1, 2))], outcome]


def _times(rng: random.Random, first: datetime, last: datetime, count: int) -> list[datetime]:
    """Return count moments after first, in order, the last of them at last when it can be."""
    if count == 0:
        return []
    last = max(last, first + timedelta(minutes=10 * count))
    span = int((last - first).total_seconds() // 60) - 10 * count
    picked = sorted(rng.randrange(max(span, 0) + 1) for _ in range(count - 1))
    moments = [first + timedelta(minutes=m + 10 * (i + 1)) for i, m in enumerate(picked)]
    return [*moments, last]
