"""The agency commands (`client`, `job`, `match`, `submit`, `submittal`) in-process."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

import pytest

from tests.integration.cli_runs import assert_one_error_line
from tests.integration.test_cli_vetting import store
from workbench.domain.candidate import CandidateDraft
from workbench.domain.matching import WEIGHTS
from workbench.domain.roles import Specialisation

START, END = "2027-01-04", "2027-06-30"


def _people(db_path: Path) -> list[int]:
    """Store three candidates: two Scrum Masters (one senior) and a Program Manager."""
    return store(
        db_path,
        CandidateDraft(
            "Ann",
            "Lee",
            "ann@example.com",
            primary_role=Specialisation.SCRUM_MASTER,
            years_experience=9,
            skills=("Scrum", "Jira"),
            city="Chicago",
            country="United States",
        ),
        CandidateDraft(
            "Bo",
            "Chen",
            "bo@example.com",
            primary_role=Specialisation.SCRUM_MASTER,
            years_experience=2,
        ),
        CandidateDraft(
            "Cy",
            "Diaz",
            "cy@example.com",
            primary_role=Specialisation.PROGRAM_MANAGER,
            years_experience=12,
        ),
    )


def _client_and_job(workbench: Any, *extra: str) -> str:
    """Add a client and a minimal job order; return the job's reference."""
    assert workbench("client", "add", "Northwind Bank", "--industry", "finance").code == 0
    run = workbench(
        "job", "add", "northwind bank", "--title", "Scrum Master", "--role", "scrum master",
        "--level", "senior", "--start", START, "--end", END, "--budget", "120000", *extra,
    )  # fmt: skip
    assert run.code == 0, run.err
    return run.out.split()[0]


def _consent(workbench: Any, ids: list[int]) -> None:
    """Record, through the command line, each one's consent to go to Northwind Bank."""
    for cid in ids:
        for extra in ((), ("--client", "northwind bank")):
            run = workbench("consent", str(cid), "--given", "2025-01-02", "--how", "email", *extra)
            assert run.code == 0, run.err


def test_client_add_and_list(workbench: Any) -> None:
    run = workbench(
        "client", "add", "Contoso Health", "--industry", "healthcare",
        "--environment", "enterprise",
        "--contact", "Ann Lee <ANN@contoso.example>", "--contact", "Raj Patel",
    )  # fmt: skip
    assert run.code == 0 and "Contoso Health" in run.out and "Raj Patel" in run.out
    assert "Contoso Health" in workbench("client", "list").out
    [client] = workbench("client", "list", "--json").json
    assert client["industry"] == "Healthcare" and client["open_jobs"] == 0
    assert [c["email"] for c in client["contacts"]] == ["ANN@contoso.example", ""]
    assert_one_error_line(workbench("client", "add", "contoso health"))
    assert_one_error_line(workbench("client", "add", "X", "--industry", "farming"))
    assert_one_error_line(workbench("client", "add", "X", "--contact", "<a@b.example>"))


def test_job_add_minimal_form_prints_the_reference(workbench: Any) -> None:
    reference = _client_and_job(workbench, "--require", "pmp")
    assert reference == "JO-0001"
    [job] = workbench("job", "list", "--json").json
    assert job["reference"] == reference and job["status"] == "open"
    assert job["required_certifications"] == ["PMP"] and job["budget"] == 120000
    assert (job["start_date"], job["end_date"]) == (START, END)
    assert job["specialisation"] == "scrum-master" and job["level"] == "senior"
    assert job["remote"] is True  # no --location: said so on the way in
    assert job["client"] == "Northwind Bank" and job["filled"] == 0


def test_job_add_full_form(workbench: Any) -> None:
    workbench("client", "add", "Adatum", "--contact", "Helen Marsh <helen@adatum.example>")
    run = workbench(
        "job", "add", "Adatum", "--title", "Agile PM", "--role", "agile pm", "--level", "mid",
        "--require", "CSM", "--nice", "pmi acp", "--method", "scrum", "--tool", "JIRA",
        "--location", "London, United Kingdom", "--contract", "--day-rate", "650",
        "--currency", "gbp", "--start", START, "--end", END, "--openings", "2",
        "--contact", "helen marsh",
    )  # fmt: skip
    assert run.code == 0, run.err
    [job] = workbench("job", "list", "--client", "adatum", "--status", "open", "--json").json
    assert job["employment"] == "contract" and job["budget"] == 650 and job["currency"] == "GBP"
    assert job["required_certifications"] == ["CSM"] and job["nice_certifications"] == ["PMI-ACP"]
    assert (job["methodologies"], job["tools"]) == (["Scrum"], ["Jira"])
    assert job["location"] == "London, United Kingdom" and not job["remote"]
    assert job["openings"] == 2 and job["contact"] == "Helen Marsh"
    assert "JO-0001" in workbench("job", "list").out
    assert workbench("job", "list", "--status", "filled", "--json").json == []


@pytest.mark.parametrize(
    "change",
    [
        ("--role", "wizard"),
        ("--level", "guru"),
        ("--require", "XYZ"),
        ("--start", "2027-02-30"),
        ("--end", "soon"),
        ("--budget", "-5"),
        ("--contact", "Nobody"),
        ("--currency", "XXX"),
        ("--day-rate", "500"),  # with --budget: one or the other
    ],
)
def test_job_add_refuses_bad_values_in_one_line(workbench: Any, change: tuple[str, str]) -> None:
    workbench("client", "add", "Northwind Bank")
    values = {"--title": "PM", "--role": "agile pm", "--level": "senior", "--budget": "100000"}
    flag, value = change
    arguments = [*(item for pair in values.items() for item in pair), flag, value]
    assert_one_error_line(workbench("job", "add", "Northwind Bank", *arguments))
    assert workbench("job", "list", "--json").json == []


def test_job_add_needs_a_known_client(workbench: Any) -> None:
    run = workbench("job", "add", "Nobody Ltd", "--title", "PM", "--role", "agile pm",
                    "--level", "mid")  # fmt: skip
    assert "Nobody Ltd" in assert_one_error_line(run)


def test_match_json_ranks_best_first_with_a_breakdown(workbench: Any, db_path: Path) -> None:
    ids = _people(db_path)
    reference = _client_and_job(workbench, "--location", "Chicago, United States")
    run = workbench("match", reference, "--json")
    assert run.code == 0, run.err
    result = run.json
    assert result["job"] == reference and result["certification_day"] == END
    assert result["eligible"] == 3
    rows = result["matches"]
    assert rows[0]["candidate_id"] == ids[0]  # the senior Scrum Master
    scores = [row["score"] for row in rows]
    assert scores == sorted(scores, reverse=True)
    for row in rows:
        assert set(row) == {
            "candidate_id", "name", "score", "stage", "vetted", "breakdown", "reasons", "missing",
        }  # fmt: skip
        assert set(row["breakdown"]) <= set(WEIGHTS)
        for part in row["breakdown"].values():
            assert 0 <= part["points"] <= part["out_of"] and part["why"]
        assert row["vetted"] is False and row["stage"] == "Sourced"
        assert "not vetted yet (in Sourced)" in row["missing"]
    text = workbench("match", reference, "--limit", "1")
    assert "3 eligible" in text.out and END in text.out and "Ann Lee" in text.out
    assert "missing:" in text.out and "Bo Chen" not in text.out
    assert_one_error_line(workbench("match", "JO-0099"))
    assert_one_error_line(workbench("match", "soon"))


def test_submit_refused_lists_each_candidates_problems(
    workbench: Any, db_path: Path, tmp_path: Path
) -> None:
    ids = _people(db_path)
    reference = _client_and_job(workbench, "--require", "CSM")
    _consent(workbench, ids)
    out = tmp_path / "sent.pdf"
    run = workbench("submit", reference, str(ids[0]), "bo@example.com", "-o", str(out))
    assert run.code == 1 and "Traceback" not in run.err
    lines = run.err.splitlines()
    assert lines[0].startswith("workbench: error: ") and reference in lines[0]
    assert any("Ann Lee" in line and "not vetted" in line and "CSM" in line for line in lines)
    assert any("Bo Chen" in line and "not vetted" in line for line in lines)
    assert "--override" in lines[-1]
    assert not out.exists()
    assert workbench("submittal", "list", "--json").json == []


def test_submit_override_records_the_pdf_then_placing_fills_the_job(
    workbench: Any, db_path: Path, tmp_path: Path
) -> None:
    ids = _people(db_path)
    reference = _client_and_job(workbench)
    _consent(workbench, ids)
    out = tmp_path / "sent.pdf"
    run = workbench(
        "submit", reference, str(ids[0]), str(ids[1]), "-o", str(out), "--blind",
        "--override", "the client asked to see them before vetting",
    )  # fmt: skip
    assert run.code == 0, run.err
    digest = hashlib.sha256(out.read_bytes()).hexdigest()
    assert run.out.splitlines()[0] == f"{digest}  {out}"
    log = workbench("submittal", "list", "--job", reference, "--json").json
    assert len(log) == 2
    assert {row["sha256"] for row in log} == {digest}
    assert all(row["blind"] and row["status"] == "submitted" and row["refusals"] for row in log)
    assert all(row["override_reason"].startswith("the client asked") for row in log)
    mine = workbench("submittal", "list", "--candidate", "ann@example.com", "--json").json
    assert [row["candidate_id"] for row in mine] == [ids[0]]
    assert "Presented" in workbench("show", str(ids[0])).out  # the pipeline followed
    assert_one_error_line(workbench("submittal", "status", str(mine[0]["id"]), "sideways"))
    placed = workbench("submittal", "status", f"#{mine[0]['id']}", "placed")
    assert placed.code == 0, placed.err
    assert "1 of 1 opening(s) filled (filled)" in placed.out
    [job] = workbench("job", "list", "--json").json
    assert job["status"] == "filled" and job["filled"] == 1
    assert "Placed" in workbench("show", str(ids[0])).out
    again = workbench("submittal", "status", str(mine[0]["id"]), "offered")
    assert "can move only to" in assert_one_error_line(again)
    closed = workbench("submit", reference, str(ids[2]), "-o", str(tmp_path / "x.pdf"))
    assert "filled" in assert_one_error_line(closed)


def test_submit_to_a_folder_writes_one_pdf_each(
    workbench: Any, db_path: Path, tmp_path: Path
) -> None:
    ids = _people(db_path)
    reference = _client_and_job(workbench)
    _consent(workbench, ids)
    folder = tmp_path / "sent"
    folder.mkdir()
    run = workbench(
        "submit", reference, str(ids[0]), str(ids[2]), "-o", f"{folder}/", "--override", "ok"
    )
    assert run.code == 0, run.err
    written = sorted(folder.glob("*.pdf"))
    assert len(written) == 2
    for path in written:
        assert f"{hashlib.sha256(path.read_bytes()).hexdigest()}  {path}" in run.out


def test_submit_without_consent_is_refused_whatever_the_override(
    workbench: Any, db_path: Path, tmp_path: Path
) -> None:
    ids = _people(db_path)
    reference = _client_and_job(workbench)
    _consent(workbench, ids[:1])
    assert workbench("consent", str(ids[1]), "--given", "2025-01-02", "--how", "email").code == 0
    out = tmp_path / "sent.pdf"
    run = workbench(
        "submit", reference, *map(str, ids), "-o", str(out), "--override", "the client insists"
    )
    assert run.code == 1 and "Traceback" not in run.err
    assert "Ann Lee" not in run.err  # she consented to both
    assert "Bo Chen (#2): no consent to be sent to Northwind Bank on record" in run.err
    assert "Cy Diaz (#3): no consent to be represented on record; no consent to be sent" in (
        run.err
    )
    hint = run.err.splitlines()[-3:]
    assert hint[0] == "  (no override: record their consent first with"
    assert hint[1] == '   workbench consent CANDIDATE --given DATE --how "..."'
    assert '--client "Northwind Bank"' in hint[2] and hint[2].endswith(")")
    assert not out.exists()
    assert workbench("submittal", "list", "--json").json == []
    withdrawn = workbench("consent", str(ids[0]), "--client", "Northwind Bank", "--withdraw",
                          "2026-01-05")  # fmt: skip
    assert "withdrawn 2026-01-05" in withdrawn.out
    run = workbench("submit", reference, str(ids[0]), "-o", str(out), "--override", "x")
    assert "consent to be sent to Northwind Bank withdrawn on 2026-01-05" in run.err
