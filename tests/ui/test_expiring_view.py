"""The Expiring window: the right claims for a window of days, sorting, CSV, opening a candidate."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt

from workbench.domain.candidate import CandidateDraft
from workbench.domain.certifications import CheckOutcome, ClaimStatus
from workbench.domain.claims import CheckDraft, CheckMethod, ClaimDraft, ExpiringClaim
from workbench.services import claims as claim_service
from workbench.services.candidates import add_candidate, delete_candidates
from workbench.ui.expiring_view import ExpiringModel, ExpiringView
from workbench.ui.main_window import MainWindow

TODAY = date.today()


def _claim(database, candidate_id: int, code: str, days: int, *, verified: bool = False) -> int:
    """Store a claim lapsing `days` from today (its printed date), optionally verified."""
    claim = claim_service.add_claim(
        database,
        candidate_id,
        code,
        ClaimDraft(credential_id=f"{code}-{candidate_id}", printed_expiry=TODAY + timedelta(days)),
    )
    if verified:
        claim_service.record_check(
            database,
            claim.id,
            CheckDraft(TODAY, "Zoe Adams", CheckMethod.REGISTRY, CheckOutcome.VERIFIED),
        )
    return claim.id


@pytest.fixture
def people(database) -> dict[str, int]:
    """Four candidates with claims lapsing 10, 40, 60 and 200 days out, and a deleted one."""
    ids = {
        name: add_candidate(database, CandidateDraft(name, last, f"{name.lower()}@example.com")).id
        for name, last in (
            ("Ann", "Smith"),
            ("Bob", "Łukasik"),
            ("Cara", "Jones"),
            ("Dan", "Nguyen"),
        )
    }
    _claim(database, ids["Ann"], "PMP", 10, verified=True)
    _claim(database, ids["Ann"], "CSM", 200)
    _claim(database, ids["Bob"], "ITIL4-FOUNDATION", 40, verified=True)
    _claim(database, ids["Dan"], "AWS-SAA", 60)
    _claim(database, ids["Cara"], "PMP", 5)
    delete_candidates(database, [ids["Cara"]])  # a deleted candidate's claims are not listed
    return ids


def _open(qtbot, database, settings=None) -> ExpiringView:
    view = ExpiringView(database, settings=settings)
    qtbot.addWidget(view)
    with qtbot.waitSignal(view.loaded, timeout=5000):
        view.reload()
    return view


def _shown(view: ExpiringView) -> list[tuple[str, str]]:
    model = view.model
    return [
        (model.data(model.index(r, 0)), model.data(model.index(r, 2)))
        for r in range(model.rowCount())
    ]


def test_the_default_window_lists_live_claims_soonest_first(qtbot, database, people):
    view = _open(qtbot, database)
    assert view.days.value() == 90
    assert _shown(view) == [
        ("Ann Smith", "PMP"),
        ("Bob Łukasik", "ITIL4-FOUNDATION"),
        ("Dan Nguyen", "AWS-SAA"),
    ]
    model = view.model
    assert model.data(model.index(0, 5)) == "10"
    assert model.data(model.index(0, 6)) == "Expiring"  # verified, inside the reminder window
    assert model.data(model.index(2, 6)) == "Unverified"
    assert model.data(model.index(0, 7)) == TODAY.isoformat()
    assert model.data(model.index(2, 7)) == "never"
    # PeopleCert keeps a lapsed holder on the register: a date to renew by, not a cliff.
    assert model.data(model.index(1, 4)) == f"{(TODAY + timedelta(40)).isoformat()} (renew by)"
    assert model.data(model.index(0, 4)) == (TODAY + timedelta(10)).isoformat()
    assert "3 certifications lapse" in view.summary.text()
    assert view.pages.currentWidget() is view.table


def test_the_spin_box_changes_the_window(qtbot, database, people):
    view = _open(qtbot, database)
    with qtbot.waitSignal(view.loaded, timeout=5000):
        view.days.setValue(365)
    assert [code for _name, code in _shown(view)] == ["PMP", "ITIL4-FOUNDATION", "AWS-SAA", "CSM"]
    with qtbot.waitSignal(view.loaded, timeout=5000):
        view.days.setValue(30)
    assert _shown(view) == [("Ann Smith", "PMP")]


def test_an_empty_window_says_so_instead_of_an_empty_grid(qtbot, database, people):
    view = _open(qtbot, database)
    with qtbot.waitSignal(view.loaded, timeout=5000):
        view.days.setValue(7)
    assert view.model.rowCount() == 0
    assert view.pages.currentWidget() is view.empty
    assert view.empty.text() == "No certifications lapse in the next 7 days."
    assert not view.export_button.isEnabled()


def test_clicking_a_header_sorts_and_keeps_the_selection(qtbot, database, people):
    view = _open(qtbot, database)
    view.table.selectRow(1)  # Bob's ITIL
    view.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    assert [name for name, _code in _shown(view)] == ["Dan Nguyen", "Bob Łukasik", "Ann Smith"]
    selected = view.table.selectionModel().selectedRows()
    assert [view.model.claim(i.row()).code for i in selected] == ["ITIL4-FOUNDATION"]
    view.table.sortByColumn(6, Qt.SortOrder.AscendingOrder)  # status: most urgent first
    assert [code for _name, code in _shown(view)][-1] == "AWS-SAA"  # unverified comes last
    # The chosen order survives a reload.
    with qtbot.waitSignal(view.loaded, timeout=5000):
        view.days.setValue(365)
    assert [code for _name, code in _shown(view)][-2:] == ["AWS-SAA", "CSM"]


def test_export_writes_the_rows_shown_in_the_order_shown(
    qtbot, tmp_path, database, people, monkeypatch
):
    view = _open(qtbot, database)
    view.table.sortByColumn(2, Qt.SortOrder.AscendingOrder)  # by certification code
    target = tmp_path / "lapsing"
    monkeypatch.setattr(
        "workbench.ui.expiring_view.QFileDialog.getSaveFileName",
        lambda *args, **kwargs: (str(target), "CSV (*.csv)"),
    )
    with qtbot.waitSignal(view.exported, timeout=5000) as blocker:
        qtbot.mouseClick(view.export_button, Qt.MouseButton.LeftButton)
    assert blocker.args == [3]
    written = tmp_path / "lapsing.csv"
    raw = written.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    lines = raw.decode("utf-8-sig").splitlines()
    assert lines[0].startswith("Candidate,Email,Certification")
    assert [line.split(",")[2] for line in lines[1:]] == ["AWS-SAA", "ITIL4-FOUNDATION", "PMP"]
    assert lines[2].startswith("Bob Łukasik,bob@example.com,ITIL4-FOUNDATION,ITIL4-FOUNDATION-")
    assert ",renew by," in lines[2]
    assert "Exported 3 rows" in view.summary.text()


def test_the_model_passes_qt_model_tester(qtmodeltester):
    model = ExpiringModel()
    rows = [
        ExpiringClaim(
            claim_id=n,
            candidate_id=n,
            candidate_name=f"Person {n:03d}",
            email=f"p{n}@example.com",
            code=("PMP", "CSM", "AWS-SAA")[n % 3],
            credential_id=str(n),
            expires_on=TODAY + timedelta(days=n % 90),
            soft_expiry=n % 4 == 0,
            status=list(ClaimStatus)[n % len(ClaimStatus)],
            last_checked_on=None if n % 2 else TODAY,
        )
        for n in range(300)
    ]
    model.set_rows(rows, TODAY)
    qtmodeltester.check(model, force_py=True)
    for column in range(model.columnCount()):
        model.sort(column, Qt.SortOrder.DescendingOrder)  # the tester watches the layout change
    assert model.rowCount() == 300


def test_double_click_opens_the_candidate_in_the_main_window(qtbot, database, people, settings):
    window = MainWindow(database, settings)
    qtbot.addWidget(window, before_close_func=lambda w: w.editor.revert())
    qtbot.waitUntil(lambda: window._last_result is not None, timeout=5000)
    window.show()
    screens = window.certification_screens
    window.expiring_action.trigger()
    view = screens.expiring_view
    assert view is not None and view.isVisible()
    qtbot.waitUntil(lambda: view.model.rowCount() == 3, timeout=5000)
    with qtbot.waitSignal(view.loaded, timeout=5000):
        window.expiring_action.trigger()
    assert screens.expiring_view is view  # one instance, brought forward and reloaded
    rect = view.table.visualRect(view.model.index(2, 0))  # Dan
    # QTest's double click alone is not a double click to the view: a first click comes first.
    qtbot.mouseClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    with qtbot.waitSignal(view.candidateRequested, timeout=1000):
        qtbot.mouseDClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.editor.candidate is not None
    assert window.editor.candidate.id == people["Dan"]
    assert window.candidate_model.candidate_id(window.table.currentIndex().row()) == people["Dan"]


def test_the_window_of_days_is_remembered(qtbot, database, settings):
    first = _open(qtbot, database, settings)
    with qtbot.waitSignal(first.loaded, timeout=5000):
        first.days.setValue(1)
    assert first.days.suffix() == " day"
    assert first.empty.text() == "No certifications lapse in the next day."
    first.close()
    second = _open(qtbot, database, settings)
    assert second.days.value() == 1
    assert second.days.suffix() == " day"
