"""The Match window: ranked matches after a background load, the breakdown, the shortlist."""

from __future__ import annotations

import hashlib

import pytest

from tests.ui.job_samples import JobSample, make_job
from workbench.services import jobs as job_service
from workbench.ui.match_model import BREAKDOWN_COLUMN, PARTS_ROLE, MatchModel
from workbench.ui.match_view import MatchWindow


@pytest.fixture
def sample(database) -> JobSample:
    """The sample job, client and candidates."""
    return make_job(database)


def _open(qtbot, database, job_id: int) -> MatchWindow:
    window = MatchWindow(database)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.loaded, timeout=5000):
        window.show_job(job_id)
    return window


def _names(window: MatchWindow) -> list[str]:
    model = window.model
    return [model.data(model.index(row, 2)) for row in range(model.rowCount())]


def test_ranked_rows_appear_best_first_with_the_hard_requirement_count(qtbot, database, sample):
    window = _open(qtbot, database, sample.job_id)
    assert _names(window) == ["Ann Smith", "Bob Jones"]  # Cara's PMP is unverified, Dan has none
    model = window.model
    assert model.data(model.index(0, 0)) == "1"
    assert model.data(model.index(0, 4)) == "✓"
    assert model.data(model.index(1, 4)) == ""
    assert model.data(model.index(0, 1)) == "90"
    assert "2 candidates meet the hard requirements" in window.eligible.text()
    assert "JO-0001" in window.heading.text() and "Northwind Bank" in window.heading.text()
    assert "Certifications must hold until" in window.requirements.text()
    assert "requires PMP" in window.requirements.text()
    parts = model.data(model.index(0, BREAKDOWN_COLUMN), PARTS_ROLE)
    assert [part.name for part in parts][:2] == ["specialisation", "level"]


def test_the_breakdown_shows_each_part_and_what_is_missing(qtbot, database, sample):
    window = _open(qtbot, database, sample.job_id)
    window.table.selectRow(1)
    text = window.detail.toPlainText()
    for part in ("Specialisation", "Level", "Skills", "Salary", "Availability", "Location"):
        assert part in text
    assert "Mid-level, below the brief (4 years)" in text
    assert "Missing" in text and "not vetted yet (in Sourced)" in text


def test_the_limit_shows_fewer_rows(qtbot, database, sample):
    window = _open(qtbot, database, sample.job_id)
    assert window.limit.value() == 50
    with qtbot.waitSignal(window.loaded, timeout=5000):
        window.limit.setValue(1)
    assert _names(window) == ["Ann Smith"]


def test_add_to_shortlist_and_remove(qtbot, database, sample):
    window = _open(qtbot, database, sample.job_id)
    assert not window.add_button.isEnabled()
    window.table.selectAll()
    assert window.add_button.isEnabled()
    assert window.add_selected_to_shortlist() == 2
    assert job_service.get_job(database, sample.job_id).shortlist == (
        sample.people["Ann"],
        sample.people["Bob"],
    )
    assert window.shortlist_ids() == [sample.people["Ann"], sample.people["Bob"]]
    assert window.shortlist.item(0).text() == "Ann Smith ✓"
    assert window.shortlist.item(1).text() == "Bob Jones"
    window.shortlist.item(1).setSelected(True)
    window.remove_button.click()
    assert job_service.get_job(database, sample.job_id).shortlist == (sample.people["Ann"],)
    assert window.shortlist_ids() == [sample.people["Ann"]]


def test_double_click_opens_the_candidate(qtbot, database, sample):
    window = _open(qtbot, database, sample.job_id)
    with qtbot.waitSignal(window.candidateRequested) as blocker:
        window.table.doubleClicked.emit(window.model.index(1, 2))
    assert blocker.args == [sample.people["Bob"]]


def test_submit_refused_lists_problems_and_needs_an_override(qtbot, database, sample, tmp_path):
    job_service.add_to_shortlist(
        database, sample.job_id, [sample.people["Ann"], sample.people["Bob"]]
    )
    window = _open(qtbot, database, sample.job_id)
    dialog = window.submit_to_client()
    assert dialog is not None
    qtbot.addWidget(dialog)
    assert dialog.contact.currentText().startswith("Mia Chen")
    assert dialog.problem_lines() == [
        f"Bob Jones (#{sample.people['Bob']}): not vetted (in Sourced)"
    ]
    assert dialog.override.isVisible()
    chosen = []
    dialog.choose_output = lambda combined: chosen.append(combined) or tmp_path / "x.pdf"
    assert dialog.submit() is None  # no reason written
    assert dialog.error.isVisible() and "Write why" in dialog.error.text()
    assert chosen == [] and not (tmp_path / "x.pdf").exists()


def test_submit_with_an_override_writes_one_pdf_and_records_it(qtbot, database, sample, tmp_path):
    job_service.add_to_shortlist(
        database, sample.job_id, [sample.people["Ann"], sample.people["Bob"]]
    )
    window = _open(qtbot, database, sample.job_id)
    dialog = window.submit_to_client()
    assert dialog is not None
    qtbot.addWidget(dialog)
    dialog.contact.setCurrentIndex(dialog.contact.findText("Tom Ward — Talent Partner"))
    dialog.choose_output = lambda combined: tmp_path / "northwind.pdf"
    dialog.override.setPlainText("the client asked to see Bob before his vetting interview")
    with qtbot.waitSignal(window.submitted, timeout=15000):
        dialog.submit()
    written = tmp_path / "northwind.pdf"
    assert written.read_bytes().startswith(b"%PDF")
    assert "Recorded 2 submittal(s)" in dialog.outcome.toPlainText()
    assert not dialog.submit_button.isVisible()
    log = window.show_submittals()
    assert log is not None
    qtbot.addWidget(log)
    assert log.view.model.rowCount() == 2
    digest = hashlib.sha256(written.read_bytes()).hexdigest()
    rows = [log.view.model.submittal(r) for r in range(2)]
    assert {(r.contact_name, r.sha256, r.file_name) for r in rows} == {
        ("Tom Ward", digest, "northwind.pdf")
    }
    assert digest[:12] in dialog.outcome.toPlainText()
    # Both went to Presented, so the ranked table shows their new stage after the reload.
    qtbot.waitUntil(lambda: window.model.data(window.model.index(0, 3)) == "Presented")


def test_submit_as_a_folder_writes_one_pdf_each(qtbot, database, sample, tmp_path):
    window = _open(qtbot, database, sample.job_id)
    window.table.selectRow(0)  # nothing shortlisted: Submit sends the selected match
    dialog = window.submit_to_client()
    assert dialog is not None
    qtbot.addWidget(dialog)
    assert dialog.problem_lines() == [] and not dialog.override.isVisible()
    dialog.folder.setChecked(True)
    dialog.blind.setChecked(True)
    folder = tmp_path / "profiles"
    folder.mkdir()
    dialog.choose_output = lambda combined: None if combined else folder
    with qtbot.waitSignal(dialog.submitted, timeout=15000) as blocker:
        dialog.submit()
    (only,) = blocker.args[0].submittals
    (pdf,) = folder.glob("*.pdf")
    assert only.blind and only.sha256 == hashlib.sha256(pdf.read_bytes()).hexdigest()


def test_the_match_model_passes_the_model_tester(qtbot, qtmodeltester, database, sample):
    window = _open(qtbot, database, sample.job_id)
    qtmodeltester.check(window.model)
    qtmodeltester.check(MatchModel())
