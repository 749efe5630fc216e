"""The certification commands (`cert add|check|list`, `expiring`, `search --cert`) in-process."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from tests.integration.cli_runs import Run, assert_one_error_line
from workbench import cli
from workbench.domain.candidate import CandidateDraft, EducationEntry
from workbench.domain.certifications import SEED_RULES, add_months
from workbench.services import exporting
from workbench.services.candidates import add_candidate
from workbench.services.catalogue import CONSULTANT_NAME, set_preference
from workbench.store.bootstrap import open_database
from workbench.store.evidence import evidence_folder
from workbench.store.models import CheckRecord, EvidenceRecord

KNOWN_CODES = [rule.code for rule in SEED_RULES]
CLAIM_KEYS = {"code", "credential_id", "status", "expires_on", "last_checked_on"}
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 16


def store(db_path: Path, *drafts: CandidateDraft) -> list[int]:
    """Add candidates to the database file directly; return their ids."""
    database = open_database(db_path)
    try:
        return [add_candidate(database, draft).id for draft in drafts]
    finally:
        database.close()


def table_count(db_path: Path, model: Any) -> int:
    """Return how many rows a table holds."""
    database = open_database(db_path)
    try:
        with database.read() as session:
            return int(session.scalar(select(func.count()).select_from(model)) or 0)
    finally:
        database.close()


def fields(text: str) -> dict[str, str]:
    """Return the 'label: value' lines of an output (the last of each label wins)."""
    found = {}
    for line in text.splitlines():
        label, colon, value = line.partition(": ")
        if colon and label.strip():
            found[label.strip()] = value.strip()
    return found


TODAY = date.today()
EARNED = TODAY - timedelta(days=400)


@pytest.fixture
def ann(db_path: Path) -> int:
    """Store Ann Lee, a senior PM with a degree; return her id."""
    (cid,) = store(
        db_path,
        CandidateDraft(
            "Ann",
            "Lee",
            "ann@example.com",
            years_experience=9,
            education=(EducationEntry("Bachelor's", "Computing", "Leeds", 2010),),
        ),
    )
    return cid


def pdf(tmp_path: Path, name: str = "registry.pdf") -> Path:
    """Write a small PDF file and return its path."""
    path = tmp_path / name
    path.write_bytes(b"%PDF-1.4\n% registry printout\n")
    return path


# --- cert add --------------------------------------------------------------------------------


def test_cert_add_prints_what_was_stored_with_its_expiry_and_status(
    workbench: Any, ann: int
) -> None:
    run = workbench(
        "cert", "add", str(ann), "pmp", "--credential-id", "1234567", "--secondary-id", "7654321",
        "--earned-on", EARNED.isoformat(),
    )  # fmt: skip
    assert run.code == 0, run.err
    assert run.err == ""
    assert run.out.splitlines()[0] == f"added PMP to Ann Lee (#{ann})"
    shown = fields(run.out)
    assert shown["certification number"] == "1234567"
    assert shown["secondary id"] == "7654321"
    assert shown["earned on"] == EARNED.isoformat()
    expires = add_months(EARNED, 36).isoformat()
    assert shown["expires on"] == f"{expires} (3 years from the date earned)"
    assert shown["status"] == "Unverified (never checked)"
    assert f"workbench cert check {ann} PMP" in run.out


def test_cert_add_with_the_printed_expiry_and_a_soft_expiry(workbench: Any, ann: int) -> None:
    printed = TODAY + timedelta(days=30)
    run = workbench(
        "cert", "add", f"#{ann}", "PRINCE2 Practitioner", "--credential-id", "5593318.20601703",
        "--earned-on", EARNED.isoformat(), "--expires-on", printed.isoformat(),
    )  # fmt: skip
    assert run.code == 0, run.err
    assert fields(run.out)["renew by"] == f"{printed} (as printed on the certificate)"


def test_cert_add_for_life_and_without_dates(workbench: Any, ann: int) -> None:
    run = workbench("cert", "add", "ann@example.com", "Project+", "--credential-id", "AB12CD34EF")
    assert fields(run.out)["expires on"] == "never (good for life)"
    run = workbench("cert", "add", str(ann), "CSM")
    assert fields(run.out)["expires on"].startswith("unknown")


@pytest.mark.parametrize(
    ("spelling", "code"),
    [
        ("PRINCE2 Practitioner", "PRINCE2-PRACTITIONER"),
        ("Project+", "COMPTIA-PROJECT-PLUS"),
        ("ITIL Foundation", "ITIL4-FOUNDATION"),
        ("AWS SAA", "AWS-SAA"),
        ("pmi-acp", "PMI-ACP"),
    ],
)
def test_cert_add_understands_common_spellings(
    workbench: Any, ann: int, spelling: str, code: str
) -> None:
    run = workbench("cert", "add", str(ann), spelling)
    assert run.out.splitlines()[0] == f"added {code} to Ann Lee (#{ann})"


def test_cert_add_warns_on_stderr_and_still_stores(workbench: Any, db_path: Path) -> None:
    (junior,) = store(db_path, CandidateDraft("Jo", "Ng", "jo@example.com", years_experience=1))
    run = workbench("cert", "add", str(junior), "PMP", "--credential-id", "PMP-12345")
    assert run.code == 0
    warnings = run.err.splitlines()
    assert all(line.startswith("warning: ") for line in warnings)
    assert any("does not look like" in line for line in warnings)
    assert any("60 months" in line and "1 years" in line for line in warnings)
    assert workbench("cert", "list", str(junior), "--json").json[0]["code"] == "PMP"


def test_cert_add_warns_when_another_candidate_holds_the_credential_id(
    workbench: Any, db_path: Path, ann: int
) -> None:
    (bob,) = store(db_path, CandidateDraft("Bob", "Ray", "bob@example.com"))
    workbench("cert", "add", str(ann), "AWS-SAA", "--credential-id", "41042CWLJ1Q4QX9Z")
    run = workbench("cert", "add", str(bob), "AWS SAA", "--credential-id", "41042cwlj1q4-qx9z")
    assert run.code == 0
    assert f"also on file for Ann Lee (#{ann})" in run.err


def test_an_unknown_code_lists_the_known_ones(workbench: Any, ann: int) -> None:
    line = assert_one_error_line(workbench("cert", "add", str(ann), "SAFe Agilist"))
    assert "unknown certification 'SAFe Agilist'" in line
    assert f"(known: {', '.join(KNOWN_CODES)})" in line


@pytest.mark.parametrize("typed", ["15/03/2024", "2024-02-30", "2024-3-1", "yesterday"])
def test_a_bad_date_is_one_error_line(workbench: Any, ann: int, typed: str) -> None:
    line = assert_one_error_line(workbench("cert", "add", str(ann), "PMP", "--earned-on", typed))
    assert "--earned-on" in line
    assert typed in line


def test_an_earned_date_in_the_future_names_the_option(workbench: Any, ann: int) -> None:
    future = (TODAY + timedelta(days=3)).isoformat()
    line = assert_one_error_line(workbench("cert", "add", str(ann), "PMP", "--earned-on", future))
    assert line == "workbench: error: --earned-on: cannot be in the future"
    assert workbench("cert", "list", str(ann), "--json").json == []


def test_a_second_claim_of_the_same_certification_is_refused(workbench: Any, ann: int) -> None:
    workbench("cert", "add", str(ann), "PMP")
    line = assert_one_error_line(
        workbench("cert", "add", str(ann), "Project Management Professional")
    )
    assert f"Ann Lee (#{ann}) already claims PMP" in line


def test_cert_add_for_an_unknown_candidate(workbench: Any) -> None:
    assert assert_one_error_line(workbench("cert", "add", "4242", "PMP")).endswith(
        "no candidate #4242"
    )


# --- cert check ------------------------------------------------------------------------------


@pytest.fixture
def ann_pmp(workbench: Any, ann: int) -> int:
    """Give Ann a PMP claim earned 400 days ago; return her id."""
    run = workbench(
        "cert", "add", str(ann), "PMP", "--credential-id", "1234567",
        "--earned-on", EARNED.isoformat(),
    )  # fmt: skip
    assert run.code == 0, run.err
    return ann


def test_cert_check_records_a_verified_check_with_evidence(
    workbench: Any, ann_pmp: int, tmp_path: Path
) -> None:
    png = tmp_path / "badge.png"
    png.write_bytes(PNG)
    run = workbench(
        "cert", "check", str(ann_pmp), "PMP", "--outcome", "verified", "--method", "registry",
        "--reference", "https://www.pmi.org/registry", "--evidence", str(pdf(tmp_path)),
        "--evidence", str(png), "--checked-on", (TODAY - timedelta(days=2)).isoformat(),
        "--by", "Priya Raman", "--note", "name and number match",
    )  # fmt: skip
    assert run.code == 0, run.err
    assert run.out.splitlines()[0] == f"recorded a check of PMP for Ann Lee (#{ann_pmp})"
    shown = fields(run.out)
    checked_on = TODAY - timedelta(days=2)
    assert shown["checked"] == f"{checked_on} by Priya Raman (Registry lookup)"
    assert shown["outcome"] == "Verified"
    assert shown["reference"] == "https://www.pmi.org/registry"
    assert shown["note"] == "name and number match"
    evidence = [line.strip() for line in run.out.splitlines() if "evidence:" in line]
    assert evidence[0].startswith("evidence: registry.pdf (#1, PDF, 29 bytes, SHA-256 ")
    assert evidence[1].startswith("evidence: badge.png (#2, PNG, 24 bytes, SHA-256 ")
    expires = add_months(EARNED, 36)
    assert shown["status"] == (f"Verified on {checked_on} via Registry lookup; lapses on {expires}")
    (claim,) = workbench("cert", "list", str(ann_pmp), "--json").json
    assert claim["status"] == "verified"
    assert claim["last_checked_on"] == checked_on.isoformat()
    (check,) = claim["checks"]
    assert [e["filename"] for e in check["evidence"]] == ["registry.pdf", "badge.png"]
    assert [e["media_type"] for e in check["evidence"]] == ["application/pdf", "image/png"]
    assert all(len(e["sha256"]) == 64 for e in check["evidence"])


def test_cert_check_defaults_to_today_and_the_consultant_name(
    workbench: Any, ann_pmp: int, db_path: Path
) -> None:
    database = open_database(db_path)
    try:
        set_preference(database, CONSULTANT_NAME, "Grace Okafor")
    finally:
        database.close()
    run = workbench(
        "cert", "check", str(ann_pmp), "PMP", "--outcome", "pending", "--method", "credly"
    )
    assert run.code == 0, run.err
    assert fields(run.out)["checked"] == f"{TODAY} by Grace Okafor (Credly badge)"
    assert fields(run.out)["status"].startswith("Unverified (last check: pending on")


def test_a_failed_check_makes_the_claim_verification_failed(workbench: Any, ann_pmp: int) -> None:
    args = ("cert", "check", str(ann_pmp), "PMP", "--method", "registry-lookup", "--by", "Tom")
    workbench(
        *args, "--outcome", "verified", "--checked-on", (TODAY - timedelta(days=9)).isoformat()
    )
    run = workbench(*args, "--outcome", "not found")
    assert (
        fields(run.out)["status"]
        == f"Verification failed: not found on {TODAY} via Registry lookup"
    )
    claim = workbench("cert", "list", str(ann_pmp), "--json").json[0]
    assert claim["status"] == "verification-failed"
    assert [c["outcome"] for c in claim["checks"]] == ["not-found", "verified"]  # newest first


def test_cert_check_without_a_claim_says_to_add_it_first(workbench: Any, ann: int) -> None:
    line = assert_one_error_line(
        workbench("cert", "check", str(ann), "CSM", "--outcome", "verified", "--method", "registry")
    )
    assert f"Ann Lee (#{ann}) does not claim CSM yet" in line
    assert f"workbench cert add {ann} CSM" in line


@pytest.mark.parametrize(
    ("option", "value", "expected"),
    [
        ("--outcome", "great", "known: verified, not-found, mismatch, pending"),
        ("--method", "phone", "known: registry-lookup, credly-badge, code-portal"),
    ],
)
def test_a_bad_outcome_or_method_is_one_error_line(
    workbench: Any, ann_pmp: int, option: str, value: str, expected: str
) -> None:
    args = {"--outcome": "verified", "--method": "registry", option: value}
    run = workbench("cert", "check", str(ann_pmp), "PMP", *(x for kv in args.items() for x in kv))
    assert expected in assert_one_error_line(run)


def test_evidence_that_is_not_a_pdf_png_or_jpeg_records_nothing(
    workbench: Any, ann_pmp: int, db_path: Path, tmp_path: Path
) -> None:
    text = tmp_path / "registry.pdf.txt"
    text.write_text("not a pdf", encoding="utf-8")
    run = workbench(
        "cert", "check", str(ann_pmp), "PMP", "--outcome", "verified", "--method", "registry",
        "--evidence", str(pdf(tmp_path)), "--evidence", str(text),
    )  # fmt: skip
    assert "is not a PDF, PNG or JPEG file" in assert_one_error_line(run)
    assert table_count(db_path, CheckRecord) == 0
    assert table_count(db_path, EvidenceRecord) == 0
    folder = evidence_folder(db_path)
    assert not folder.exists() or not [p for p in folder.rglob("*") if p.is_file()]
    assert workbench("cert", "list", str(ann_pmp), "--json").json[0]["status"] == "unverified"


def test_a_check_dated_in_the_future_names_the_option(workbench: Any, ann_pmp: int) -> None:
    tomorrow = (TODAY + timedelta(days=1)).isoformat()
    run = workbench(
        "cert", "check", str(ann_pmp), "PMP", "--outcome", "verified", "--method", "registry",
        "--checked-on", tomorrow,
    )  # fmt: skip
    assert assert_one_error_line(run) == "workbench: error: --checked-on: cannot be in the future"


# --- cert list -------------------------------------------------------------------------------


def test_cert_list_prints_each_claim_and_its_checks(workbench: Any, ann_pmp: int) -> None:
    workbench(
        "cert", "check", str(ann_pmp), "PMP", "--outcome", "verified", "--method", "registry",
        "--by", "Priya Raman", "--reference", "https://www.pmi.org/registry",
    )  # fmt: skip
    run = workbench("cert", "list", str(ann_pmp))
    lines = run.out.splitlines()
    assert lines[0] == f"Ann Lee (#{ann_pmp}): 1 certification"
    checks = next(line for line in lines if line.strip().startswith("checks:"))
    assert f"{TODAY}  Verified" in checks
    assert "Priya Raman" in checks
    assert any(line.strip() == "https://www.pmi.org/registry" for line in lines)


def test_cert_list_json_shape(workbench: Any, ann_pmp: int) -> None:
    (claim,) = workbench("cert", "list", str(ann_pmp), "--json").json
    assert set(claim) == {
        "code", "name", "credential_id", "secondary_id", "earned_on", "printed_expiry",
        "expires_on", "status", "last_checked_on", "warnings", "checks",
    }  # fmt: skip
    assert (claim["code"], claim["credential_id"], claim["checks"]) == ("PMP", "1234567", [])


def test_cert_list_of_a_candidate_without_claims(workbench: Any, ann: int) -> None:
    assert workbench("cert", "list", str(ann)).out == f"Ann Lee (#{ann}) claims no certifications\n"


def test_cert_without_an_action_is_one_error_line(workbench: Any) -> None:
    assert "ACTION" in assert_one_error_line(workbench("cert"))


# --- expiring --------------------------------------------------------------------------------


@pytest.fixture
def lapsing(workbench: Any, db_path: Path) -> dict[str, int]:
    """Store three candidates whose certificates lapse in 10, 100 and (PeopleCert) 40 days."""
    ids = store(
        db_path,
        CandidateDraft("Soon", "Lee", "soon@example.com"),
        CandidateDraft("Later", "Ray", "later@example.com"),
        CandidateDraft("Soft", "Sun", "soft@example.com"),
    )
    for cid, code, days in zip(ids, ("PMP", "CSM", "ITIL4-FOUNDATION"), (10, 100, 40), strict=True):
        expires = (TODAY + timedelta(days=days)).isoformat()
        run = workbench("cert", "add", str(cid), code, "--credential-id", "1234567",
                        "--earned-on", EARNED.isoformat(), "--expires-on", expires)  # fmt: skip
        assert run.code == 0, run.err
    return dict(zip(("soon", "later", "soft"), ids, strict=True))


def test_expiring_lists_claims_lapsing_within_90_days_soonest_first(
    workbench: Any, lapsing: dict[str, int]
) -> None:
    run = workbench("expiring")
    lines = run.out.splitlines()
    assert lines[0] == f"2 certifications lapse in the next 90 days (to {TODAY + timedelta(90)})"
    assert lines[2].split() == ["lapses", "on", "in", "certification", "kind", "status", "last",
                                "checked", "candidate"]  # fmt: skip
    soon, soft = lines[3], lines[4]
    assert soon.startswith(f"{TODAY + timedelta(days=10)}   10 days  PMP ")
    assert "expires" in soon and "Unverified" in soon and "never" in soon
    assert f"Soon Lee (#{lapsing['soon']}) soon@example.com" in soon
    assert "ITIL4-FOUNDATION" in soft and "renew by" in soft
    assert len(lines) == 5


def test_expiring_within_a_chosen_window_as_json(workbench: Any, lapsing: dict[str, int]) -> None:
    rows = workbench("expiring", "--within", "120", "--json").json
    assert [row["candidate_id"] for row in rows] == [
        lapsing["soon"],
        lapsing["soft"],
        lapsing["later"],
    ]
    assert set(rows[0]) == {
        "candidate_id", "candidate_name", "email", "code", "credential_id", "expires_on",
        "days_left", "soft_expiry", "status", "last_checked_on",
    }  # fmt: skip
    assert rows[0]["days_left"] == 10
    assert [row["soft_expiry"] for row in rows] == [False, True, False]


def test_expiring_with_nothing_to_show(workbench: Any, lapsing: dict[str, int]) -> None:
    assert workbench("expiring", "--within", "5").out.startswith(
        "no certifications lapse in the next 5 days"
    )
    assert workbench("expiring", "--within", "5", "--json").json == []


@pytest.mark.parametrize("days", ["0", "3651", "ninety", "-5"])
def test_expiring_refuses_a_window_out_of_range(workbench: Any, days: str) -> None:
    assert "--within" in assert_one_error_line(workbench("expiring", "--within", days))


# --- search, show and export -----------------------------------------------------------------


@pytest.fixture
def holders(workbench: Any, db_path: Path, tmp_path: Path) -> dict[str, int]:
    """Store a verified PMP, an unverified PMP, a Project+ holder and one with none."""
    ids = store(
        db_path,
        *(
            CandidateDraft(first, "Holder", f"{first.lower()}@example.com", years_experience=9)
            for first in ("Vera", "Uma", "Cara", "Nell")
        ),
    )
    vera, uma, cara, _nell = ids
    for cid in (vera, uma):
        workbench("cert", "add", str(cid), "PMP", "--earned-on", EARNED.isoformat())
    workbench("cert", "check", str(vera), "PMP", "--outcome", "verified", "--method", "registry",
              "--by", "Tom")  # fmt: skip
    workbench("cert", "add", str(cara), "CompTIA Project+", "--credential-id", "ABCDEFGH1234")
    return dict(zip(("vera", "uma", "cara", "nell"), ids, strict=True))


def _ids(run: Run) -> list[int]:
    assert run.code == 0, run.err
    return [row["id"] for row in run.json]


def test_search_by_certification_and_status(workbench: Any, holders: dict[str, int]) -> None:
    vera, uma, cara = holders["vera"], holders["uma"], holders["cara"]
    assert sorted(_ids(workbench("search", "--cert", "pmp", "--json"))) == sorted([vera, uma])
    verified = workbench("search", "--cert", "Project Management Professional",
                         "--cert-status", "verified", "--json")  # fmt: skip
    assert _ids(verified) == [vera]
    assert _ids(workbench("search", "--cert", "PMP", "--cert-status", "expired", "--json")) == []
    assert _ids(workbench("search", "--cert", "Project+", "--json")) == [cara]
    unverified = sorted(_ids(workbench("search", "--cert-status", "unverified", "--json")))
    assert unverified == sorted([uma, cara])


def test_search_json_rows_carry_their_certifications(
    workbench: Any, holders: dict[str, int]
) -> None:
    rows = {row["id"]: row for row in workbench("search", "--json").json}
    assert rows[holders["nell"]]["certifications"] == []
    (pmp,) = rows[holders["vera"]]["certifications"]
    assert set(pmp) == CLAIM_KEYS
    expires = add_months(EARNED, 36).isoformat()
    assert pmp == {
        "code": "PMP",
        "credential_id": "",
        "status": "verified",
        "expires_on": expires,
        "last_checked_on": TODAY.isoformat(),
    }
    (plus,) = rows[holders["cara"]]["certifications"]
    assert (plus["code"], plus["expires_on"], plus["status"]) == (
        "COMPTIA-PROJECT-PLUS",
        None,
        "unverified",
    )


def test_search_text_shows_each_rows_badges(workbench: Any, holders: dict[str, int]) -> None:
    lines = workbench("search", "Holder").out.splitlines()
    by_name = {line.split()[1]: line for line in lines}
    assert by_name["Vera"].endswith("PMP Verified")
    assert by_name["Cara"].endswith("COMPTIA-PROJECT-PLUS Unverified")
    assert by_name["Nell"].endswith("nell@example.com")


def test_search_with_an_unknown_certification_or_status(workbench: Any) -> None:
    line = assert_one_error_line(workbench("search", "--cert", "PMQ"))
    assert f"(known: {', '.join(KNOWN_CODES)})" in line
    line = assert_one_error_line(workbench("search", "--cert-status", "valid"))
    assert "unknown certification status 'valid'" in line
    assert "renewal-due" in line


def test_show_json_and_text_include_certifications(workbench: Any, holders: dict[str, int]) -> None:
    data = workbench("show", str(holders["vera"]), "--json").json
    assert data["email"] == "vera@example.com"
    assert [c["code"] for c in data["certifications"]] == ["PMP"]
    assert set(data["certifications"][0]) == CLAIM_KEYS
    text = workbench("show", str(holders["vera"])).out
    expires = add_months(EARNED, 36).isoformat()
    assert fields(text)["certification"] == f"PMP (Verified, expires {expires}, checked {TODAY})"
    assert workbench("show", str(holders["nell"]), "--json").json["certifications"] == []


def test_export_json_carries_certifications_and_csv_keeps_its_columns(
    workbench: Any, holders: dict[str, int], tmp_path: Path
) -> None:
    workbench("export", str(tmp_path / "all.json"))
    rows = {r["id"]: r for r in json.loads((tmp_path / "all.json").read_text(encoding="utf-8"))}
    assert [c["code"] for c in rows[holders["cara"]]["certifications"]] == ["COMPTIA-PROJECT-PLUS"]
    assert rows[holders["nell"]]["certifications"] == []
    assert set(rows[holders["vera"]]["certifications"][0]) == CLAIM_KEYS
    workbench("export", str(tmp_path / "all.csv"))
    header = (tmp_path / "all.csv").read_text(encoding="utf-8-sig").splitlines()[0]
    assert header.split(",") == ["id", *exporting.EXPORT_COLUMNS[1:]]
    assert "certifications" not in header


def test_export_reads_certifications_once_a_chunk(
    workbench: Any, db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ids = store(db_path, *(CandidateDraft(f"P{i}", "Lee", f"p{i}@example.com") for i in range(25)))
    workbench("cert", "add", str(ids[3]), "CSM")
    calls: list[int] = []
    real = exporting._certifications

    def counted(session: Any, chunk: Any, day: date) -> Any:
        calls.append(len(chunk))
        return real(session, chunk, day)

    monkeypatch.setattr(exporting, "EXPORT_CHUNK", 10)
    monkeypatch.setattr(exporting, "_certifications", counted)
    workbench("export", str(tmp_path / "all.json"))
    assert calls == [10, 10, 5]
    workbench("export", str(tmp_path / "all.csv"))
    assert calls == [10, 10, 5]  # the CSV has no certifications column to fill


def test_help_lists_the_certification_commands(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main([]) == 0
    out = capsys.readouterr().out
    assert "cert " in out
    assert "expiring" in out


def test_an_older_prince2_lasts_five_years_and_a_lapsed_pmp_is_renewable_for_a_year(
    workbench: Any, ann: int
) -> None:
    run = workbench("cert", "add", str(ann), "PRINCE2", "--earned-on", "2015-06-01")
    assert fields(run.out)["renew by"] == "2020-06-01 (5 years from the date earned)"
    assert fields(run.out)["status"] == "Renewal due since 2020-06-01 (never checked)"
    lapsed = add_months(TODAY, -36 - 2)  # lapsed two months ago: still in PMI's suspension year
    run = workbench("cert", "add", str(ann), "PMP", "--earned-on", lapsed.isoformat())
    assert fields(run.out)["status"].startswith("Renewal due since")
    long_ago = add_months(TODAY, -36 - 14)
    run = workbench("cert", "add", str(ann), "PMI-ACP", "--earned-on", long_ago.isoformat())
    assert fields(run.out)["status"].startswith("Expired on")
