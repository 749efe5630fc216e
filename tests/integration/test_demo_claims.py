"""Sample certification claims stored with sample candidates: statuses, consistency, speed path."""

from __future__ import annotations

import re
import statistics
from collections import Counter
from collections.abc import Iterator
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from workbench.domain.certifications import (
    SEED_RULES,
    CheckOutcome,
    ClaimStatus,
    claim_status,
    derived_dates,
)
from workbench.domain.claims import CheckMethod, EvidenceState
from workbench.services import catalogue, demo
from workbench.services.candidates import get_candidate
from workbench.services.demo import BENCHMARK_MIX, add_demo_candidates, generate_drafts
from workbench.services.demo_claim_writer import EVIDENCE_PER_RUN
from workbench.services.demo_claims import ClaimPlan, sample_claims
from workbench.services.evidence_files import open_evidence
from workbench.services.progress import Cancelled, ProgressReporter
from workbench.store import claim_queries
from workbench.store.bootstrap import open_database
from workbench.store.engine import Database
from workbench.store.evidence import evidence_folder
from workbench.store.models import (
    CertificationRuleRecord,
    CheckRecord,
    ClaimRecord,
    EvidenceRecord,
)

DAY = date(2026, 11, 26)
RULES = {rule.code: rule for rule in SEED_RULES}


def _open(path: Path, count: int = 300, seed: int = 42) -> Database:
    database = open_database(path)
    add_demo_candidates(database, count, seed, on=DAY)
    return database


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    """Return a database with 300 sample candidates (seed 42) and their claims, as of DAY."""
    database = _open(tmp_path_factory.mktemp("demo") / "demo.sqlite3")
    yield database
    database.close()


def _claims(database: Database) -> list[dict[str, Any]]:
    """Return every claim with its code and its status in SQL on DAY."""
    with database.read() as session:
        rows = session.execute(
            select(
                ClaimRecord,
                CertificationRuleRecord.code,
                claim_queries.status_expression(DAY).label("status"),
            ).join(CertificationRuleRecord, CertificationRuleRecord.id == ClaimRecord.rule_id)
        ).all()
        return [
            {
                **{c.name: getattr(claim, c.name) for c in ClaimRecord.__table__.columns},
                "code": code,
                "status": ClaimStatus(status),
            }
            for claim, code, status in rows
        ]


def _checks(database: Database) -> dict[int, list[Any]]:
    """Return each claim's checks, oldest first."""
    found: dict[int, list[Any]] = {}
    with database.read() as session:
        for check in session.scalars(
            select(CheckRecord).order_by(CheckRecord.checked_on, CheckRecord.id)
        ):
            session.expunge(check)
            found.setdefault(check.claim_id, []).append(check)
    return found


def test_every_status_appears_for_300_candidates(sample: Database) -> None:
    statuses = Counter(claim["status"] for claim in _claims(sample))
    assert set(statuses) == set(ClaimStatus), statuses
    assert statuses[ClaimStatus.VERIFIED] > statuses[ClaimStatus.VERIFICATION_FAILED]


def test_about_sixty_percent_claim_one_to_three(sample: Database) -> None:
    per_candidate = Counter(claim["candidate_id"] for claim in _claims(sample))
    assert 0.5 <= len(per_candidate) / 300 <= 0.7
    assert set(per_candidate.values()) == {1, 2, 3}


def test_derived_columns_agree_with_the_domain(sample: Database) -> None:
    checks = _checks(sample)
    rules = {rule.code: rule for rule in catalogue.certification_rules(sample)}
    for claim in _claims(sample):
        rule = rules[claim["code"]]
        dates = derived_dates(rule, claim["earned_on"], claim["printed_expiry"])
        assert claim["expires_on"] == dates.expires_on
        assert claim["remind_on"] == dates.remind_on
        assert claim["renewable_until"] == dates.renewable_until
        assert claim["soft_expiry"] is rule.soft_expiry
        history = checks.get(claim["id"], [])
        latest = history[-1] if history else None
        assert claim["latest_outcome"] == (latest.outcome if latest else None)
        assert claim["last_checked_on"] == (latest.checked_on if latest else None)
        outcome = CheckOutcome(latest.outcome) if latest else None
        domain = claim_status(rule, claim["earned_on"], claim["printed_expiry"], outcome, DAY)
        assert claim["status"] is domain, claim


def test_dates_fit_the_candidates_and_the_day(sample: Database) -> None:
    checks = _checks(sample)
    for claim in _claims(sample):
        years = get_candidate(sample, claim["candidate_id"]).draft.years_experience or 0.5
        earliest = DAY - timedelta(days=round(years * 365.25) + 3 * 365 + 1)
        if claim["earned_on"] is not None:
            assert earliest <= claim["earned_on"] < DAY, claim
        for check in checks.get(claim["id"], []):
            assert check.checked_on < DAY
            assert check.recorded_at.date() == check.checked_on
            if claim["earned_on"] is not None:
                assert check.checked_on > claim["earned_on"]


def test_a_pmp_fits_the_experience_it_needs_but_for_a_few(sample: Database) -> None:
    pmps = [c for c in _claims(sample) if c["code"] == "PMP"]
    short = [
        c
        for c in pmps
        if (get_candidate(sample, c["candidate_id"]).draft.years_experience or 0) < 3
    ]
    assert pmps
    assert len(short) <= max(2, len(pmps) // 5)


def test_identifiers_look_like_the_issuers(sample: Database) -> None:
    shapes = {
        "PMP": r"[0-9]{7}",
        "PMI-ACP": r"[0-9]{7}",
        "CSM": r"[0-9]{9}",
        "PRINCE2-PRACTITIONER": r"[0-9]{7}\.[0-9]{8}",
        "ITIL4-FOUNDATION": r"[0-9]{7}\.[0-9]{8}",
        "COMPTIA-PROJECT-PLUS": r"[A-Z0-9]{16}",
        "AWS-SAA": r"[A-Z0-9]{16}",
    }
    given = [c for c in _claims(sample) if c["credential_id"]]
    fitting = [c for c in given if re.fullmatch(shapes[c["code"]], c["credential_id"])]
    assert len(fitting) >= 0.95 * len(given)
    assert len(given) >= 0.85 * len(_claims(sample))


def test_checks_use_methods_that_fit_the_issuer(sample: Database) -> None:
    codes = {claim["id"]: claim["code"] for claim in _claims(sample)}
    fitting = {
        "PMP": {CheckMethod.REGISTRY, CheckMethod.CREDLY},
        "PMI-ACP": {CheckMethod.REGISTRY, CheckMethod.CREDLY},
        "CSM": {CheckMethod.REGISTRY, CheckMethod.CERTIFICATE},
        "PRINCE2-PRACTITIONER": {CheckMethod.PEOPLECERT, CheckMethod.CERTIFICATE},
        "ITIL4-FOUNDATION": {CheckMethod.PEOPLECERT, CheckMethod.CERTIFICATE},
        "COMPTIA-PROJECT-PLUS": {CheckMethod.CODE_PORTAL, CheckMethod.CREDLY},
        "AWS-SAA": {CheckMethod.CODE_PORTAL, CheckMethod.CREDLY},
    }
    people = Counter()
    for claim_id, history in _checks(sample).items():
        for check in history:
            assert CheckMethod(check.method) in fitting[codes[claim_id]]
            people[check.checked_by] += 1
            if check.method == CheckMethod.CREDLY.value:
                assert check.reference.startswith("https://www.credly.com/badges/")
            elif check.method != CheckMethod.CERTIFICATE.value:
                assert check.reference == RULES[codes[claim_id]].verify_url
    assert 3 <= len(people) <= 6


def test_a_certificate_named_in_the_summary_is_claimed(sample: Database) -> None:
    held: dict[int, set[str]] = {}
    for claim in _claims(sample):
        held.setdefault(claim["candidate_id"], set()).add(claim["code"])
    named = 0
    for candidate_id in range(1, 301):
        summary = get_candidate(sample, candidate_id).draft.summary
        if "PMP-certified" in summary:
            named += 1
            assert "PMP" in held.get(candidate_id, set())
        if "PRINCE2 Practitioner and ITIL 4 Foundation" in summary:
            assert {"PRINCE2-PRACTITIONER", "ITIL4-FOUNDATION"} <= held.get(candidate_id, set())
    assert named > 0


def test_a_few_checks_carry_a_real_pdf_printout(sample: Database) -> None:
    with sample.read() as session:
        items = list(session.scalars(select(EvidenceRecord)))
        outcomes = {
            check.id: check.outcome
            for check in session.scalars(
                select(CheckRecord).where(CheckRecord.id.in_([e.check_id for e in items]))
            )
        }
    assert len(items) == EVIDENCE_PER_RUN
    for item in items:
        assert outcomes[item.check_id] == CheckOutcome.VERIFIED.value
        access = open_evidence(sample, item.id)
        assert access.state is EvidenceState.INTACT
        assert access.media_type == "application/pdf"
        assert access.filename.endswith(".pdf")
        data = access.path.read_bytes()
        assert data.startswith(b"%PDF-1.4")
        assert data.rstrip().endswith(b"%%EOF")


def test_the_same_seed_and_day_give_the_same_claims(sample: Database, tmp_path: Path) -> None:
    again = _open(tmp_path / "again.sqlite3")
    try:

        def comparable(database: Database) -> list[tuple[Any, ...]]:
            checks = _checks(database)
            return sorted(
                (
                    c["candidate_id"], c["code"], c["credential_id"], c["secondary_id"],
                    c["earned_on"], c["printed_expiry"], c["status"],
                    tuple(
                        (k.checked_on, k.recorded_at, k.checked_by, k.method, k.outcome,
                         k.reference, k.note, k.valid_until)
                        for k in checks.get(c["id"], [])
                    ),
                )
                for c in _claims(database)
            )  # fmt: skip

        assert comparable(again) == comparable(sample)
    finally:
        again.close()


def test_another_seed_gives_other_claims() -> None:
    (draft,) = [d for d in generate_drafts(60, seed=1) if "PMP-certified" in d.summary][:1]
    one = sample_claims(draft, RULES, 1, DAY)
    assert one == sample_claims(draft, RULES, 1, DAY)
    assert one != sample_claims(draft, RULES, 2, DAY)


def test_the_benchmark_mix_gives_about_three_claims_each() -> None:
    plan = ClaimPlan(tuple(SEED_RULES), 42, DAY, BENCHMARK_MIX)
    counts = [len(claims) for claims in plan.claims_of(generate_drafts(500, seed=3))]
    assert 2.8 <= statistics.mean(counts) <= 3.2
    assert min(counts) >= 2


def test_retired_certifications_get_no_sample_claims(tmp_path: Path) -> None:
    database = open_database(tmp_path / "retired.sqlite3")
    try:
        catalogue.change_certification(database, "CSM", replace(RULES["CSM"], retired=True), "test")
        add_demo_candidates(database, 200, 42, on=DAY)
        codes = {claim["code"] for claim in _claims(database)}
        assert "CSM" not in codes
        assert len(codes) == 6
    finally:
        database.close()


def test_a_cancelled_demo_leaves_no_claims_and_no_printouts(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(demo, "BATCH_SIZE", 100)
    path = tmp_path / "cancel.sqlite3"
    database = open_database(path)
    reports: list[int] = []
    reporter = ProgressReporter(
        progress=lambda done, _total: reports.append(done), is_cancelled=lambda: len(reports) > 2
    )
    try:
        with pytest.raises(Cancelled):
            add_demo_candidates(database, 400, 42, reporter=reporter, on=DAY)
        assert _claims(database) == []
    finally:
        database.close()
    folder = evidence_folder(path)
    assert not folder.exists() or not [p for p in folder.rglob("*") if p.is_file()]
