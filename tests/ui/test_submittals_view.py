"""The submittal log: real SHA-256s, only the next statuses, placing fills an opening."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from tests.ui.job_samples import JobSample, make_job
from workbench.domain.submittals import SubmittalStatus
from workbench.services import jobs as job_service
from workbench.services import submittals as submittal_service
from workbench.services.candidates import get_candidate
from workbench.services.vetting import vetting
from workbench.ui.candidate_editor import CandidateEditor
from workbench.ui.submittals_view import (
    SHA_COLUMN,
    SubmittalsModel,
    SubmittalsView,
    SubmittalsWindow,
)


@pytest.fixture
def sample(database) -> JobSample:
    """The sample job, client and candidates."""
    return make_job(database)


@pytest.fixture
def sent(database, sample, tmp_path) -> Path:
    """Submit Ann and Bob in one combined PDF (Bob overridden); return the file."""
    target = tmp_path / "northwind.pdf"
    submittal_service.submit(
        database,
        sample.job_id,
        [sample.people["Ann"], sample.people["Bob"]],
        target,
        override="the client asked to see Bob now",
    )
    return target


def _view(qtbot, database) -> SubmittalsView:
    view = SubmittalsView(database)
    qtbot.addWidget(view)
    return view


def test_the_log_shows_each_submittal_with_the_files_real_sha256(qtbot, database, sample, sent):
    view = _view(qtbot, database)
    view.show_job(sample.job_id)
    model = view.model
    assert model.rowCount() == 2
    digest = hashlib.sha256(sent.read_bytes()).hexdigest()
    for row in range(2):
        assert model.submittal(row).sha256 == digest
        assert model.data(model.index(row, SHA_COLUMN)) == digest[:12]
        assert digest in model.data(model.index(row, SHA_COLUMN), 3)  # the tooltip: all of it
    names = {model.data(model.index(row, 1)): row for row in range(2)}
    bob = names["Bob Jones"]
    assert model.data(model.index(bob, 10)) == "the client asked to see Bob now"
    assert model.data(model.index(names["Ann Smith"], 10)) == ""
    assert model.data(model.index(bob, 2)) == "JO-0001 Senior Agile Project Manager"
    assert model.data(model.index(bob, 3)) == "Northwind Bank"
    assert model.data(model.index(bob, 4)) == "Mia Chen"
    assert model.data(model.index(bob, 6)) == "Submitted"
    assert "2 submittals" in view.summary.text()


def test_only_the_next_statuses_are_offered(qtbot, database, sample, sent):
    view = _view(qtbot, database)
    view.show_candidate(sample.people["Ann"])
    assert not view.status_button.isEnabled()
    view.table.selectRow(0)
    offered = [view.status_combo.itemData(i) for i in range(view.status_combo.count())]
    assert offered == [
        SubmittalStatus.INTERVIEWING,
        SubmittalStatus.OFFERED,
        SubmittalStatus.PLACED,
        SubmittalStatus.CLIENT_DECLINED,
        SubmittalStatus.CANDIDATE_WITHDREW,
    ]
    view.status_combo.setCurrentIndex(0)
    with qtbot.waitSignal(view.changed):
        assert view.apply_status()
    assert view.model.data(view.model.index(0, 6)) == "Interviewing"
    assert view.selected() is not None  # the row stays selected after the refresh
    assert view.status_combo.itemData(0) is SubmittalStatus.OFFERED


def test_placing_asks_then_fills_an_opening_and_moves_the_candidate(
    qtbot, database, sample, sent, monkeypatch
):
    view = _view(qtbot, database)
    view.show_candidate(sample.people["Bob"])
    view.table.selectRow(0)
    view.status_combo.setCurrentIndex(view.status_combo.findData(SubmittalStatus.PLACED))
    asked = []

    def answer(reply):
        def ask(*args, **kwargs):
            asked.append(args[2])
            return reply

        return ask

    monkeypatch.setattr(QMessageBox, "question", answer(QMessageBox.StandardButton.No))
    assert not view.apply_status()
    assert job_service.get_job(database, sample.job_id).filled == 0
    monkeypatch.setattr(QMessageBox, "question", answer(QMessageBox.StandardButton.Yes))
    assert view.apply_status()
    assert "Place Bob Jones with Northwind Bank" in asked[0]
    job = job_service.get_job(database, sample.job_id)
    assert job.filled == 1 and job.draft.status.value == "filled"
    assert view.model.data(view.model.index(0, 6)) == "Placed"
    assert not view.status_button.isEnabled()  # nothing follows Placed
    assert vetting(database, sample.people["Bob"]).stage.name == "Placed"


def test_double_click_opens_the_candidate(qtbot, database, sample, sent):
    window = SubmittalsWindow(database)
    qtbot.addWidget(window)
    window.show_job(sample.job_id, "JO-0001 Senior Agile Project Manager")
    assert "JO-0001" in window.windowTitle()
    row = window.view.model.submittal(0)
    with qtbot.waitSignal(window.candidateRequested) as blocker:
        window.view.table.doubleClicked.emit(window.view.model.index(0, 1))
    assert blocker.args == [row.candidate_id]


def test_show_all_and_an_unsaved_candidate(qtbot, database, sample, sent):
    view = _view(qtbot, database)
    view.show_all()
    assert view.model.rowCount() == 2
    view.show_candidate(None)
    assert view.model.rowCount() == 0
    assert "once the candidate is saved" in view.summary.text()
    view.show_candidate(sample.people["Dan"])
    assert "Not submitted" in view.summary.text()


def test_the_editor_has_a_submittals_tab_for_the_open_candidate(qtbot, database, sample, sent):
    editor = CandidateEditor(database)
    qtbot.addWidget(editor)
    titles = [editor.tabs.tabText(i) for i in range(editor.tabs.count())]
    assert titles.index("Submittals") == titles.index("Vetting") + 1
    assert titles.index("Data protection") == titles.index("Submittals") + 1
    assert titles.index("History") == titles.index("Data protection") + 1
    assert editor.submittals.model.rowCount() == 0  # a new candidate
    editor.load(get_candidate(database, sample.people["Ann"]))
    assert editor.submittals.model.rowCount() == 1
    assert editor.submittals.model.submittal(0).candidate_name == "Ann Smith"
    editor.start_new()
    assert editor.submittals.model.rowCount() == 0


def test_the_submittals_model_passes_the_model_tester(qtbot, qtmodeltester, database, sample, sent):
    view = _view(qtbot, database)
    view.show_all()
    qtmodeltester.check(view.model)
    qtmodeltester.check(SubmittalsModel())
