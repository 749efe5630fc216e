"""What sample candidates claim: certifications, issuers' ids, dates and consultants' checks."""

from __future__ import annotations

import random
import uuid
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from workbench.domain.candidate import CandidateDraft
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

# Dates are drawn relative to the day the demo runs, so every status a consultant can meet
# (unverified, verified, expiring, renewal due, expired, verification failed) is there on that
# day. The same seed, candidate and day always give the same claims.


@dataclass(frozen=True)
class ClaimMix:
    """How many sample candidates claim certifications, and how many each claims."""

    share: float  # of the candidates whose summary names no certification
    counts: tuple[tuple[int, float], ...]  # (claims, weight)


# About 60 % claim one to three: the ~29 % whose summary names a certificate always claim it.
DEMO_MIX = ClaimMix(0.44, ((1, 55), (2, 32), (3, 13)))
# Three a candidate on average: 300,000 claims for the 100,000 the benchmarks time.
BENCHMARK_MIX = ClaimMix(1.0, ((2, 25), (3, 50), (4, 25)))

CONSULTANTS = Weighted(
    [
        ("Priya Raman", 30),
        ("Tom Hollis", 25),
        ("Grace Okafor", 20),
        ("Marta Nowak", 15),
        ("Daniel Brooks", 10),
    ]
)

# The certifications sample candidates claim; the writer stores claims of these only.
SAMPLE_CODES = (
    "PMP",
    "CSM",
    "PRINCE2-PRACTITIONER",
    "COMPTIA-PROJECT-PLUS",
    "PMI-ACP",
    "ITIL4-FOUNDATION",
    "AWS-SAA",
)
_S = Specialisation
# Weights in the order of SAMPLE_CODES: who tends to hold what, by primary role.
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
    for code, weight in zip(SAMPLE_CODES, weights, strict=True):
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
