"""The vetting commands (`stage`, `history`, `vet`, `search --stage`) in-process."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

from tests.integration.cli_runs import assert_one_error_line
from workbench.domain.candidate import CandidateDraft
from workbench.domain.vetting import (
    Criterion,
    Rating,
    ReferenceDraft,
    ReferenceOutcome,
    ScorecardDraft,
)
from workbench.services.candidates import add_candidate
from workbench.services.catalogue import CONSULTANT_NAME, set_preference
from workbench.services.vetting import add_reference, save_scorecard
from workbench.store.bootstrap import open_database

HISTORY_KEYS = {"at", "by", "entity", "action", "field", "old", "new", "detail"}
FULL_CARD = ScorecardDraft(
    {criterion: Rating(4, "solid") for criterion in Criterion},
    methodologies=("Scrum",),
    tools=("Jira",),
)


def store(db_path: Path, *drafts: CandidateDraft, vetted: bool = False) -> list[int]:
    """Add candidates (with a complete vetting when asked) to the file; return their ids."""
    database = open_database(db_path)
    try:
        set_preference(database, CONSULTANT_NAME, "Ann Lee")
        ids = [add_candidate(database, draft).id for draft in drafts]
        if vetted:
            for cid in ids:
                save_scorecard(database, cid, FULL_CARD, None)
                add_reference(
                    database,
                    cid,
                    ReferenceDraft(
                        "Sam Novak",
                        "Line manager",
                        checked_on=date.today(),
                        outcome=ReferenceOutcome.POSITIVE,
                    ),
                )
        return ids
    finally:
        database.close()


def _ann(db_path: Path, *, vetted: bool = False) -> int:
    return store(db_path, CandidateDraft("Ann", "Lee", "ann@example.com"), vetted=vetted)[0]


def test_stage_moves_a_candidate_named_by_any_reference(workbench: Any, db_path: Path) -> None:
    cid = _ann(db_path)
    run = workbench("stage", f"WB-{cid:04d}", "screening", "--reason", "CV fits")
    assert run.code == 0, run.err
    assert "moved Ann Lee from Sourced to Screening" in run.out
    assert workbench("stage", "ann@example.com", "Interview").code == 0
    assert workbench("show", f"#{cid}", "--json").json["stage"] == "Interview"


def test_stage_refused_by_the_gate_lists_each_missing_item(workbench: Any, db_path: Path) -> None:
    cid = _ann(db_path)
    run = workbench("stage", str(cid), "Vetted")
    assert run.code == 1
    assert "Traceback" not in run.err
    lines = run.err.splitlines()
    assert lines[0] == "workbench: error: cannot move Ann Lee to Vetted; missing:"
    items = [line for line in lines[1:] if line.startswith("  - ")]
    assert "  - Scorecard: no score for leadership" in items
    assert "  - References: no positive reference yet" in items
    assert len(items) == len(Criterion) + 3  # seven scores, methodology, tool, reference
    assert workbench("show", str(cid), "--json").json["stage"] == "Sourced"


def test_stage_passes_the_gate_once_the_vetting_is_complete(workbench: Any, db_path: Path) -> None:
    cid = _ann(db_path, vetted=True)
    run = workbench("stage", str(cid), "vetted")
    assert run.code == 0, run.err
    assert "overridden" not in run.out
    shown = workbench("show", str(cid))
    assert "Vetted (since " in shown.out
    assert "Ready for Vetted" in shown.out


def test_stage_override_moves_and_says_so(workbench: Any, db_path: Path) -> None:
    cid = _ann(db_path)
    run = workbench("stage", str(cid), "Vetted", "--override", "Client needs the shortlist")
    assert run.code == 0, run.err
    assert "gate overridden: Client needs the shortlist" in run.out
    assert "missing: References: no positive reference yet" in run.out
    entries = workbench("history", str(cid), "--kind", "stage", "--json").json
    assert entries[0]["action"] == "overridden"
    assert (entries[0]["old"], entries[0]["new"]) == ("Sourced", "Vetted")
    shown = workbench("show", str(cid))
    assert "Vetted needs: Scorecard: no score for leadership" in shown.out


def test_stage_unknown_lists_the_stages(workbench: Any, db_path: Path) -> None:
    cid = _ann(db_path)
    line = assert_one_error_line(workbench("stage", str(cid), "Hired"))
    assert "unknown stage 'Hired'" in line
    assert "Sourced, Screening, Interview, Vetted, Presented, Placed" in line


def test_stage_to_the_current_stage_and_unknown_candidate_are_one_line(
    workbench: Any, db_path: Path
) -> None:
    cid = _ann(db_path)
    assert "already in Sourced" in assert_one_error_line(workbench("stage", str(cid), "Sourced"))
    assert_one_error_line(workbench("stage", "999", "Screening"))


def test_history_text_and_json_after_several_kinds_of_change(workbench: Any, db_path: Path) -> None:
    cid = _ann(db_path, vetted=True)
    assert workbench("stage", str(cid), "Screening", "--reason", "CV fits").code == 0
    run = workbench("history", str(cid))
    assert run.code == 0, run.err
    lines = run.out.splitlines()
    assert "  Ann Lee  Stage moved: Sourced → Screening (CV fits)" in lines[0]  # newest first
    assert any("Scorecard created" in line for line in lines)
    assert any("Reference created: reference from Sam Novak" in line for line in lines)
    assert "Candidate created: Ann Lee" in lines[-1]
    entries = workbench("history", str(cid), "--json").json
    assert all(set(entry) == HISTORY_KEYS for entry in entries)
    assert {"candidate", "scorecard", "reference", "stage"} <= {e["entity"] for e in entries}
    assert entries[0]["at"] >= entries[-1]["at"]
    only = workbench("history", str(cid), "--kind", "reference", "--kind", "Stage", "--json").json
    assert {entry["entity"] for entry in only} == {"reference", "stage"}


def test_history_with_an_unknown_kind_is_one_line(workbench: Any, db_path: Path) -> None:
    cid = _ann(db_path)
    assert "unknown kind 'gossip'" in assert_one_error_line(
        workbench("history", str(cid), "--kind", "gossip")
    )


def test_search_filters_by_stage(workbench: Any, db_path: Path) -> None:
    ann, bob, _ = store(
        db_path,
        CandidateDraft("Ann", "Lee", "ann@example.com"),
        CandidateDraft("Bob", "Ray", "bob@example.com"),
        CandidateDraft("Cy", "Day", "cy@example.com"),
    )
    workbench("stage", str(ann), "Screening")
    workbench("stage", str(bob), "Withdrawn", "--reason", "Took another offer")
    found = workbench("search", "--stage", "screening", "--json").json
    assert [row["id"] for row in found] == [ann]
    assert found[0]["stage"] == "Screening"
    both = workbench("search", "--stage", "Screening", "--stage", "withdrawn", "--json").json
    assert {row["id"] for row in both} == {ann, bob}
    assert "unknown stage" in assert_one_error_line(workbench("search", "--stage", "Nowhere"))


def test_candidate_json_carries_the_stage(workbench: Any, db_path: Path, tmp_path: Path) -> None:
    cid = _ann(db_path)
    workbench("stage", str(cid), "Interview")
    shown = workbench("show", str(cid), "--json").json
    assert shown["stage"] == "Interview"
    assert shown["vetting_gaps"]
    assert workbench("search", "--json").json[0]["stage"] == "Interview"
    out = tmp_path / "all.json"
    assert workbench("export", str(out)).code == 0
    assert json.loads(out.read_text(encoding="utf-8"))[0]["stage"] == "Interview"


def test_vet_prints_the_scorecard_references_and_gaps(workbench: Any, db_path: Path) -> None:
    cid = _ann(db_path, vetted=True)
    run = workbench("vet", str(cid))
    assert run.code == 0, run.err
    assert "Ready for Vetted" in run.out
    assert "leadership: 4 Strong — solid" in run.out
    assert "Sam Novak (Line manager): Positive" in run.out
    data = workbench("vet", str(cid), "--json").json
    assert data["stage"] == "Sourced" and data["gaps"] == []
    assert data["scorecard"]["average"] == 4
