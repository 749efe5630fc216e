"""Sample certification claims and checks for sample candidates, stored in bulk.

Dates are drawn relative to the day the demo runs, so every status a consultant can meet
(unverified, verified, expiring, renewal due, expired, verification failed) is there on that
day. The same seed, candidate and day always give the same claims.
"""

from __future__ import annotations

import random
import tempfile
import uuid
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from workbench.domain.candidate import CandidateDraft, ascii_fold
from workbench.domain.certifications import (
    CertificationRule,
    CheckOutcome,
    add_months,
    expiry_date,
)
from workbench.domain.claims import CheckMethod
from workbench.domain.roles import Specialisation
from workbench.services.demo_phrases import pick
from workbench.services.demo_tables import CITY_BY_NAME, Weighted
from workbench.store import claim_queries
from workbench.store.candidate_repository import bulk_insert, table_of
from workbench.store.evidence import EvidenceStore, StoredFile
from workbench.store.models import CheckRecord, ClaimRecord, EvidenceRecord


@dataclass(frozen=True)
class ClaimMix:
    """How many sample candidates claim certifications, and how many each claims."""

    share: float  # of the candidates whose summary names no certification
    counts: tuple[tuple[int, float], ...]  # (claims, weight)


# About 60 % claim one to three: the ~29 % whose summary names a certificate always claim it.
DEMO_MIX = ClaimMix(0.44, ((1, 55), (2, 32), (3, 13)))
# Three a candidate on average: 300,000 claims for the 100,000 the benchmarks time.
BENCHMARK_MIX = ClaimMix(1.0, ((2, 25), (3, 50), (4, 25)))
# Demo checks that get a generated PDF "registry printout", per run: enough to try the viewer.
EVIDENCE_PER_RUN = 6

CONSULTANTS = Weighted(
    [
        ("Priya Raman", 30),
        ("Tom Hollis", 25),
        ("Grace Okafor", 20),
        ("Marta Nowak", 15),
        ("Daniel Brooks", 10),
    ]
)

_S = Specialisation
_CODES = (
    "PMP",
    "CSM",
    "PRINCE2-PRACTITIONER",
    "COMPTIA-PROJECT-PLUS",
    "PMI-ACP",
    "ITIL4-FOUNDATION",
    "AWS-SAA",
)
# Weights in the order of _CODES: who tends to hold what, by primary role.
_ROLE_WEIGHTS: dict[Specialisation | None, tuple[float, ...]] = {
    _S.AGILE_PM: (5, 5, 1, 1, 4, 1, 0.5),
    _S.TECHNICAL_PM: (5, 2, 1, 1, 1, 3, 4),
    _S.PROGRAM_MANAGER: (8, 1, 2, 0.5, 1, 2, 0.5),
    _S.SCRUM_MASTER: (1, 9, 0.5, 0.5, 3, 1, 0.3),
    _S.CYBERSECURITY_PM: (4, 1, 1, 4, 0.5, 3, 2),
    _S.DIGITAL_TRANSFORMATION_PM: (5, 2, 2, 1, 1, 3, 1),
    None: (4, 2, 1, 1, 1, 1, 0.5),
}
# PRINCE2 is a UK and European method; Project+ is mostly American.
_REGION_FACTORS: dict[str, dict[str, float]] = {
    "uk": {"PRINCE2-PRACTITIONER": 6.0, "ITIL4-FOUNDATION": 1.5, "PMP": 0.6},
    "eu": {"PRINCE2-PRACTITIONER": 4.0, "ITIL4-FOUNDATION": 1.5, "PMP": 0.7},
    "na": {"PRINCE2-PRACTITIONER": 0.15, "COMPTIA-PROJECT-PLUS": 1.5},
    "other": {},
}
# What a profile summary says (demo_phrases) and the claims it implies.
_MENTIONS = (
    ("PMP-certified", ("PMP",)),
    ("PRINCE2 Practitioner and ITIL 4 Foundation", ("PRINCE2-PRACTITIONER", "ITIL4-FOUNDATION")),
    ("Certified ScrumMaster", ("CSM",)),
    ("PMI-ACP certified", ("PMI-ACP",)),
    ("AWS Certified Solutions Architect", ("AWS-SAA",)),
    ("CompTIA Project+", ("COMPTIA-PROJECT-PLUS",)),
)
# Nobody earned a certification before it existed.
_FIRST_OFFERED = {
    "PMP": date(1984, 10, 1),
    "CSM": date(2003, 1, 1),
    "PRINCE2-PRACTITIONER": date(1996, 1, 1),
    "COMPTIA-PROJECT-PLUS": date(2001, 1, 1),
    "PMI-ACP": date(2011, 9, 1),
    "ITIL4-FOUNDATION": date(2019, 2, 28),
    "AWS-SAA": date(2013, 5, 1),
}
# Share of holders who renew each cycle: AWS needs a new exam, PeopleCert's lapse is soft.
_KEPT_CURRENT = {"AWS-SAA": 0.55, "PRINCE2-PRACTITIONER": 0.6, "ITIL4-FOUNDATION": 0.6}
# As services.claims judges the PMP prerequisite: a four-year degree or higher.
_DEGREES = {"Bachelor's", "Master's", "MBA", "Doctorate"}
_METHODS_BY_ISSUER: dict[str, tuple[tuple[CheckMethod, float], ...]] = {
    "PMI": ((CheckMethod.REGISTRY, 75), (CheckMethod.CREDLY, 25)),
    "Scrum Alliance": ((CheckMethod.REGISTRY, 80), (CheckMethod.CERTIFICATE, 20)),
    "PeopleCert": ((CheckMethod.PEOPLECERT, 90), (CheckMethod.CERTIFICATE, 10)),
    "CompTIA": ((CheckMethod.CODE_PORTAL, 70), (CheckMethod.CREDLY, 30)),
    "Amazon Web Services": ((CheckMethod.CODE_PORTAL, 65), (CheckMethod.CREDLY, 35)),
}
_LATEST_OUTCOMES = Weighted(
    [
        (CheckOutcome.VERIFIED, 84),
        (CheckOutcome.PENDING, 7),
        (CheckOutcome.NOT_FOUND, 5),
        (CheckOutcome.MISMATCH, 4),
    ]
)
_ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"


@dataclass(frozen=True)
class SampleCheck:
    """A check a consultant is supposed to have made on a sample claim."""

    checked_on: date
    recorded_at: datetime
    checked_by: str
    method: CheckMethod
    outcome: CheckOutcome
    reference: str
    note: str
    valid_until: date | None


@dataclass(frozen=True)
class SampleClaim:
    """A certification a sample candidate claims, with its checks oldest first."""

    code: str
    credential_id: str
    secondary_id: str
    earned_on: date | None
    printed_expiry: date | None
    checks: tuple[SampleCheck, ...]


def _between(rng: random.Random, first: date, last: date) -> date:
    """Return a day from first to last inclusive (first when the range is empty)."""
    days = (last - first).days
    return first if days <= 0 else first + timedelta(days=int(rng.random() * (days + 1)))


def _digits(rng: random.Random, count: int) -> str:
    return str(rng.randrange(10 ** (count - 1), 10**count))


def _identifiers(rng: random.Random, code: str) -> tuple[str, str]:
    """Return a credential id and a secondary id shaped like the issuer's."""
    if rng.random() < 0.08:
        return "", ""  # not given yet: the consultant still has to ask for it
    if code in ("PMP", "PMI-ACP"):
        number = _digits(rng, 7)
        # A few type the code in front, as on a CV ("PMP-2104356"): the pattern check warns.
        credential = f"{code}-{number}" if rng.random() < 0.03 else number
        return credential, _digits(rng, 7) if rng.random() < 0.6 else ""
    if code == "CSM":
        return f"{rng.randrange(10**5, 2 * 10**6):09d}", ""  # leading zeros kept: it is text
    if code in ("PRINCE2-PRACTITIONER", "ITIL4-FOUNDATION"):
        credential = f"{_digits(rng, 7)}.{_digits(rng, 8)}"
        return credential, _digits(rng, 9) if rng.random() < 0.5 else ""
    if code == "COMPTIA-PROJECT-PLUS":
        credential = "".join(pick(rng, _ALNUM) for _ in range(16))
        return credential, f"COMP00{_digits(rng, 10)}" if rng.random() < 0.6 else ""
    if code == "AWS-SAA":
        credential = "".join(pick(rng, _ALNUM) for _ in range(16))
        return (credential.lower() if rng.random() < 0.03 else credential), ""
    return f"{_digits(rng, 8)}", ""


def _chosen_codes(
    rng: random.Random, draft: CandidateDraft, codes: Sequence[str], mix: ClaimMix
) -> list[str]:
    """Return the codes a candidate claims: those the summary names, then weighted picks."""
    wanted = [c for phrase, named in _MENTIONS if phrase in draft.summary for c in named]
    chosen = [c for c in dict.fromkeys(wanted) if c in codes]
    if not wanted and rng.random() >= mix.share:
        return []
    target = max(len(chosen), Weighted(list(mix.counts)).pick(rng))
    region = CITY_BY_NAME[draft.city].school_region if draft.city in CITY_BY_NAME else "other"
    factors = _REGION_FACTORS.get(region, {})
    weights = _ROLE_WEIGHTS.get(draft.primary_role, _ROLE_WEIGHTS[None])
    years = draft.years_experience or 0.0
    pool = []
    for code, weight in zip(_CODES, weights, strict=True):
        if code not in codes or code in chosen:
            continue
        if code == "PMP" and years < 3 and rng.random() > 0.02:
            continue  # PMI asks for 36 months of experience; a rare profile claims it anyway
        pool.append((code, weight * factors.get(code, 1.0)))
    while len(chosen) < target and pool:
        code = Weighted(pool).pick(rng)
        chosen.append(code)
        pool = [(c, w) for c, w in pool if c != code]
    return chosen


def _earned_on(
    rng: random.Random, draft: CandidateDraft, rule: CertificationRule, today: date
) -> date | None:
    """Return when the certificate was earned, inside the candidate's career."""
    if rng.random() < 0.04:
        return None  # the candidate did not say
    years = draft.years_experience or 0.5
    pm_start = today - timedelta(days=round(years * 365.25))
    if rule.code == "PMP":
        has_degree = any(e.degree_level in _DEGREES for e in draft.education)
        earliest = add_months(pm_start, 36 if has_degree else 60)
    elif rule.code == "AWS-SAA":
        earliest = pm_start - timedelta(days=3 * 365)  # engineers often earn it before PM work
    else:
        earliest = pm_start - timedelta(days=365)
    earliest = max(earliest, _FIRST_OFFERED.get(rule.code, date(1990, 1, 1)))
    latest = today - timedelta(days=14)
    if earliest > latest:
        earliest = max(pm_start, today - timedelta(days=400))
    return _between(rng, earliest, latest)


def _cycle_ends(rule: CertificationRule, earned: date) -> Iterator[date]:
    """Yield the ends of a certificate's cycles: the rule's first, then one per renewal."""
    # The first cycle may be longer (PRINCE2 before 2017); renewals run the current validity.
    first = expiry_date(rule, earned, None)
    if first is None or rule.validity_months is None:
        return
    renewals = 0
    while True:
        yield add_months(first, rule.validity_months * renewals)
        renewals += 1


def _cycle_end(
    rng: random.Random, rule: CertificationRule, earned: date, today: date
) -> tuple[date, bool]:
    """Return the end of the cycle the certificate is in (or lapsed at), and if renewed."""
    ends = []
    for end in _cycle_ends(rule, earned):
        ends.append(end)
        if end > today:
            break
    # The last end is the current cycle's; a holder who stopped renewing lapsed at an earlier one.
    cycle = len(ends) - 1
    if cycle > 0 and rng.random() > _KEPT_CURRENT.get(rule.code, 0.72):
        cycle = rng.randrange(0, cycle)
    return ends[cycle], cycle > 0


def _dates(
    rng: random.Random, draft: CandidateDraft, rule: CertificationRule, today: date
) -> tuple[date | None, date | None]:
    """Return the earned date and the expiry printed on the certificate (None if not given)."""
    earned = _earned_on(rng, draft, rule, today)
    if rule.validity_months is None:
        return earned, None
    if earned is None:
        # No earned date: some give the expiry from their certificate, some nothing at all.
        if rng.random() < 0.5:
            return None, _between(rng, today - timedelta(days=400), today + timedelta(days=900))
        return None, None
    end, renewed = _cycle_end(rng, rule, earned, today)
    # A renewed certificate shows its new expiry; a first one is typed in about half the time.
    return earned, end if renewed or rng.random() < 0.45 else None


def _reference(rng: random.Random, rule: CertificationRule, method: CheckMethod) -> str:
    if method is CheckMethod.CREDLY:
        return f"https://www.credly.com/badges/{uuid.UUID(int=rng.getrandbits(128), version=4)}"
    if method is CheckMethod.CERTIFICATE:
        return pick(
            rng, ("original certificate seen at interview", "certificate PDF sent by the candidate")
        )
    return rule.verify_url


def _note(
    rng: random.Random, draft: CandidateDraft, rule: CertificationRule, outcome: CheckOutcome
) -> str:
    if outcome is CheckOutcome.PENDING:
        if rule.issuer == "PeopleCert":
            return "Emailed PeopleCert's verification service; awaiting their reply."
        return pick(
            rng,
            (
                f"Asked the candidate for their {rule.identifier_label}.",
                f"Several {draft.last_name}s on the registry; asked the candidate for the number.",
            ),
        )
    if outcome is CheckOutcome.NOT_FOUND:
        return pick(
            rng,
            (
                f"No record under {draft.last_name}; asked the candidate for the certificate.",
                f"No {rule.code} record for this {rule.identifier_label}.",
            ),
        )
    if outcome is CheckOutcome.MISMATCH:
        return pick(
            rng,
            (
                "The register shows a different first name; asked the candidate to explain.",
                "The register gives an earlier expiry than the candidate's CV.",
                f"The {rule.identifier_label} belongs to another holder.",
            ),
        )
    return "" if rng.random() < 0.8 else "Name and dates match the CV."


def _check(
    rng: random.Random,
    draft: CandidateDraft,
    rule: CertificationRule,
    day: date,
    outcome: CheckOutcome,
    valid_until: date | None,
) -> SampleCheck:
    methods = _METHODS_BY_ISSUER.get(rule.issuer, ((CheckMethod.CERTIFICATE, 1),))
    method = Weighted(list(methods)).pick(rng)
    recorded = datetime.combine(day, time(rng.randrange(8, 18), rng.randrange(60)))
    return SampleCheck(
        checked_on=day,
        recorded_at=recorded,
        checked_by=CONSULTANTS.pick(rng),
        method=method,
        outcome=outcome,
        reference=_reference(rng, rule, method),
        note=_note(rng, draft, rule, outcome),
        valid_until=valid_until,
    )


def _valid_until(
    rule: CertificationRule, earned: date | None, lapses: date | None, day: date
) -> date | None:
    """Return the lapse date a check on `day` saw: the end of the cycle it fell in."""
    if earned is None or lapses is None:
        return lapses
    end = next((end for end in _cycle_ends(rule, earned) if end > day), lapses)
    return min(end, lapses)


def _checks(
    rng: random.Random,
    draft: CandidateDraft,
    rule: CertificationRule,
    earned: date | None,
    lapses: date | None,
    credential: str,
    today: date,
) -> tuple[SampleCheck, ...]:
    """Return 0-2 checks, oldest first, made while the agency has known the candidate."""
    if rng.random() > (0.7 if credential else 0.35):
        return ()
    outcome = _LATEST_OUTCOMES.pick(rng)
    yesterday = today - timedelta(days=1)
    # Checks start a week after the certificate was earned, and at most ~3 years ago.
    first = min(max(today - timedelta(days=1000), (earned or today) + timedelta(days=7)), yesterday)
    if outcome is CheckOutcome.PENDING:
        day = _between(rng, max(first, today - timedelta(days=21)), yesterday)
    elif lapses is not None and first < lapses <= today and rng.random() < 0.8:
        # A lapsed certificate was mostly checked while it was still current.
        day = _between(rng, max(first, lapses - timedelta(days=700)), lapses - timedelta(days=1))
    else:
        day = _between(rng, first, yesterday)
    latest = _check(rng, draft, rule, day, outcome, _valid_until(rule, earned, lapses, day))
    if rng.random() > 0.2 or day - timedelta(days=30) < first:
        return (latest,)
    earlier_day = _between(rng, max(first, day - timedelta(days=400)), day - timedelta(days=20))
    # Weeks apart: the issuer took a while to answer. Months apart: a re-check, e.g. before
    # the profile went to a new client.
    gap = (day - earlier_day).days
    earlier_outcome = CheckOutcome.PENDING if gap <= 45 else CheckOutcome.VERIFIED
    valid = _valid_until(rule, earned, lapses, earlier_day)
    return (_check(rng, draft, rule, earlier_day, earlier_outcome, valid), latest)


def sample_claims(
    draft: CandidateDraft,
    rules: Mapping[str, CertificationRule],
    seed: int,
    today: date,
    mix: ClaimMix = DEMO_MIX,
) -> list[SampleClaim]:
    """Return the claims a sample candidate makes; same candidate, seed and day, same claims."""
    rng = random.Random(f"workbench-demo-claims:{seed}:{draft.email}")
    claims = []
    for code in _chosen_codes(rng, draft, tuple(rules), mix):
        rule = rules[code]
        earned, printed = _dates(rng, draft, rule, today)
        credential, secondary = _identifiers(rng, code)
        lapses = expiry_date(rule, earned, printed)
        checks = _checks(rng, draft, rule, earned, lapses, credential, today)
        claims.append(SampleClaim(code, credential, secondary, earned, printed, checks))
    return claims


@dataclass(frozen=True)
class ClaimPlan:
    """What sample claims to draw: the catalogue's rules, the seed, the day and the mix.

    Plain data, so worker processes that generate candidates can draw their claims too.
    """

    rules: tuple[CertificationRule, ...]
    seed: int
    today: date
    mix: ClaimMix = DEMO_MIX

    def claims_of(self, drafts: Sequence[CandidateDraft]) -> list[list[SampleClaim]]:
        """Return each draft's sample claims, in the order of drafts."""
        rules = {rule.code: rule for rule in self.rules}
        return [sample_claims(d, rules, self.seed, self.today, self.mix) for d in drafts]


# A check to attach a printout to: (claim id, holder, rule, claim, check).
_Printout = tuple[int, CandidateDraft, CertificationRule, SampleClaim, SampleCheck]


class SampleClaimWriter:
    """Stores the sample claims of candidates just inserted, a batch at a time, in bulk."""

    def __init__(
        self, session: Session, now: datetime, *, evidence: EvidenceStore | None = None
    ) -> None:
        """Read the catalogue once; claims use the rules as they stand (retired ones not)."""
        self.session, self.now, self.evidence = session, now, evidence
        self.stored_files: list[StoredFile] = []
        self._rules: dict[str, tuple[int, CertificationRule]] = {}
        for record in claim_queries.rule_records(session):
            rule = claim_queries.to_rule(record)
            if not rule.retired and record.code in _CODES:
                self._rules[record.code] = (record.id, rule)

    def plan(self, seed: int, today: date, mix: ClaimMix = DEMO_MIX) -> ClaimPlan:
        """Return the plan that draws claims of this catalogue's certifications."""
        return ClaimPlan(tuple(rule for _, rule in self._rules.values()), seed, today, mix)

    def add(self, candidates: Sequence[tuple[int, CandidateDraft, Sequence[SampleClaim]]]) -> int:
        """Store the claims and checks of newly inserted candidates; return how many claims."""
        made = [(cid, draft, claim) for cid, draft, claims in candidates for claim in claims]
        if not made:
            return 0
        bulk_insert(
            self.session, table_of(ClaimRecord), [self._claim_row(cid, c) for cid, _, c in made]
        )
        ids = self._claim_ids([cid for cid, _, _ in candidates])
        check_rows = []
        wanted_evidence: list[_Printout] = []
        for cid, draft, claim in made:
            rule_id, rule = self._rules[claim.code]
            claim_id = ids[(cid, rule_id)]
            for check in claim.checks:
                check_rows.append(self._check_row(claim_id, rule, check))
            latest = claim.checks[-1] if claim.checks else None
            if (
                latest is not None
                and latest.outcome is CheckOutcome.VERIFIED
                and latest.method is not CheckMethod.CREDLY
                and claim.credential_id
                and self.evidence is not None
                and len(wanted_evidence) + len(self.stored_files) < EVIDENCE_PER_RUN
            ):
                wanted_evidence.append((claim_id, draft, rule, claim, latest))
        if check_rows:
            bulk_insert(self.session, table_of(CheckRecord), check_rows)
        if wanted_evidence:
            self._attach_evidence(wanted_evidence)
        return len(made)

    def _claim_row(self, candidate_id: int, claim: SampleClaim) -> dict[str, Any]:
        rule_id, rule = self._rules[claim.code]
        latest = claim.checks[-1] if claim.checks else None
        outcome = latest.outcome.value if latest else None
        return {
            "candidate_id": candidate_id,
            "rule_id": rule_id,
            "credential_id": claim.credential_id,
            "credential_key": claim_queries.credential_key(claim.credential_id),
            "secondary_id": claim.secondary_id,
            "earned_on": claim.earned_on,
            "printed_expiry": claim.printed_expiry,
            **claim_queries.derived_columns(rule, claim.earned_on, claim.printed_expiry, outcome),
            "last_checked_on": latest.checked_on if latest else None,
            "created_at": self.now,
            "updated_at": self.now,
            "version": 1,
        }

    @staticmethod
    def _check_row(claim_id: int, rule: CertificationRule, check: SampleCheck) -> dict[str, Any]:
        return {
            "claim_id": claim_id,
            "checked_on": check.checked_on,
            "recorded_at": check.recorded_at,
            "checked_by": check.checked_by,
            "method": check.method.value,
            "outcome": check.outcome.value,
            "reference": check.reference,
            "note": check.note,
            "rule_revision": rule.revision,
            "valid_until": check.valid_until,
        }

    def _claim_ids(self, candidate_ids: Sequence[int]) -> dict[tuple[int, int], int]:
        """Return the new claims' ids by (candidate, rule): the store numbered them."""
        found: dict[tuple[int, int], int] = {}
        for start in range(0, len(candidate_ids), 900):
            chunk = list(candidate_ids[start : start + 900])
            query = select(ClaimRecord.id, ClaimRecord.candidate_id, ClaimRecord.rule_id).where(
                ClaimRecord.candidate_id.in_(chunk)
            )
            for claim_id, candidate_id, rule_id in self.session.execute(query):
                found[(candidate_id, rule_id)] = claim_id
        return found

    def _attach_evidence(
        self,
        wanted: Sequence[_Printout],
    ) -> None:
        """Store a generated PDF printout for a few verified checks, as a consultant would."""
        assert self.evidence is not None
        claim_ids = [claim_id for claim_id, *_ in wanted]
        check_ids = {
            claim_id: check_id
            for check_id, claim_id in self.session.execute(
                select(CheckRecord.id, CheckRecord.claim_id)
                .where(CheckRecord.claim_id.in_(claim_ids))
                .order_by(CheckRecord.checked_on, CheckRecord.id)
            )
        }  # ordered oldest first, so the last one kept per claim is its latest check
        rows = []
        with tempfile.TemporaryDirectory(prefix="workbench-demo-") as folder:
            for claim_id, draft, rule, claim, check in wanted:
                name = ascii_fold(draft.last_name) if ascii_fold(draft.last_name).isascii() else ""
                path = Path(folder) / f"{rule.code} {check.method.label} {name}".strip()
                path = path.with_name(path.name + ".pdf")
                path.write_bytes(_printout(draft, rule, claim, check))
                stored = self.evidence.put(path)
                self.stored_files.append(stored)
                rows.append(
                    {
                        "check_id": check_ids[claim_id],
                        "filename": stored.filename,
                        "media_type": stored.media_type,
                        "size": stored.size,
                        "sha256": stored.sha256,
                    }
                )
        bulk_insert(self.session, table_of(EvidenceRecord), rows)

    def discard_files(self) -> None:
        """Remove the printouts stored by a run that was rolled back."""
        if self.evidence is not None:
            for item in self.stored_files:
                self.evidence.discard(item.sha256, item.media_type)
        self.stored_files = []


def _pdf_text(text: str) -> str:
    plain = ascii_fold(text).encode("ascii", "replace").decode("ascii")
    return plain.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def _printout(
    draft: CandidateDraft, rule: CertificationRule, claim: SampleClaim, check: SampleCheck
) -> bytes:
    """Return a one-page PDF that stands for the registry page a consultant saved."""
    lines = [
        f"{rule.issuer} - {check.method.label}",
        f"Holder: {draft.first_name} {draft.last_name}",
        f"Certification: {rule.name} ({rule.code})",
        f"{rule.identifier_label.capitalize()}: {claim.credential_id or '-'}",
        f"Earned: {claim.earned_on or '-'}   Valid until: {check.valid_until or '-'}",
        f"Looked up {check.checked_on} by {check.checked_by}: {check.reference}",
        "Sample data generated by Workbench; not a real record.",
    ]
    text = "BT /F1 11 Tf 56 780 Td 15 TL " + " ".join(f"({_pdf_text(x)}) '" for x in lines) + " ET"
    objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        "/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        f"<< /Length {len(text)} >>\nstream\n{text}\nendstream",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n{body}\nendobj\n".encode("ascii")
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode("ascii")
    for offset in offsets:
        out += f"{offset:010d} 00000 n \n".encode("ascii")
    out += (
        f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n"
    ).encode("ascii")
    return bytes(out)
