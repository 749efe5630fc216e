"""The dashboard window: real figures, click-through to the lists, its menu and shortcuts."""

from __future__ import annotations

import sys
import types
from datetime import date, timedelta

from PySide6.QtCore import QPointF, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget

from workbench.domain.claims import ClaimDraft
from workbench.domain.clients import ClientDraft, JobOrderDraft
from workbench.domain.search import SearchCriteria
from workbench.services.candidates import utc_now
from workbench.services.claims import add_claim
from workbench.services.clients import save_client
from workbench.services.jobs import save_job
from workbench.services.pipeline import move_stage, stages
from workbench.services.search import search_candidates
from workbench.store.client_models import SubmittalRecord
from workbench.store.engine import Database
from workbench.ui.dashboard_view import DashboardWindow


def _ids(database: Database) -> list[int]:
    """Return every live candidate's id."""
    return list(search_candidates(database, SearchCriteria()).ids)


def _stage_id(database: Database, name: str) -> int:
    return next(stage.id for stage in stages(database) if stage.name == name)


def _fill_pipeline(database: Database, fill) -> dict[str, list[int]]:
    """Store 12 candidates: 3 moved to Screening, 2 to Rejected (an exit), the rest Sourced."""
    fill(database, 12)
    ids = sorted(_ids(database))
    for candidate_id in ids[:3]:
        move_stage(database, candidate_id, "Screening")
    for candidate_id in ids[3:5]:
        move_stage(database, candidate_id, "Rejected")
    return {"Screening": ids[:3], "Rejected": ids[3:5], "Sourced": ids[5:]}


def _add_claims(database: Database, candidate_id: int) -> None:
    """Claim certifications lapsing in 20, 60 and 200 days."""
    today = date.today()
    for code, days in (("AWS-SAA", 20), ("PMP", 60), ("CSM", 200)):
        add_claim(
            database,
            candidate_id,
            code,
            ClaimDraft(
                earned_on=today - timedelta(days=400), printed_expiry=today + timedelta(days)
            ),
        )


def _add_submittals(database: Database, candidate_ids: list[int]) -> None:
    """Open a job with 3 openings and send it two profiles this month, one of them placed."""
    client = save_client(database, None, ClientDraft("Northwind Bank"))
    job = save_job(database, None, JobOrderDraft(client.id, "Agile PM", remote=True, openings=3))
    now = utc_now().replace(tzinfo=None)
    with database.write() as session:
        for candidate_id, status in zip(candidate_ids, ("placed", "submitted"), strict=True):
            session.add(
                SubmittalRecord(
                    job_id=job.id,
                    candidate_id=candidate_id,
                    submitted_at=now,
                    status=status,
                    status_at=now,
                    sha256="0" * 64,
                    file_name=f"{candidate_id}.pdf",
                )
            )


def _loaded(qtbot, dashboard: DashboardWindow) -> None:
    """Reload the dashboard and wait for its figures."""
    with qtbot.waitSignal(dashboard.loaded, timeout=5000):
        dashboard.reload()


def test_dashboard_shows_stages_expiring_jobs_and_months(
    qtbot, database, settings, fill_candidates
):
    moved = _fill_pipeline(database, fill_candidates)
    _add_claims(database, moved["Sourced"][0])
    _add_submittals(database, moved["Screening"][:2])
    dashboard = DashboardWindow(database, settings=settings)
    qtbot.addWidget(dashboard)
    dashboard.show()
    _loaded(qtbot, dashboard)

    names = [stage.name for stage in stages(database)]
    counts = {"Sourced": 7, "Screening": 3, "Rejected": 2}
    expected = [counts.get(name, 0) for name in names]
    shown = [int(dashboard.main_set.at(i) + dashboard.exit_set.at(i)) for i in range(len(names))]
    assert shown == expected
    rejected = names.index("Rejected")
    assert dashboard.exit_set.at(rejected) == 2 and dashboard.main_set.at(rejected) == 0
    assert dashboard.main_set.at(names.index("Sourced")) == 7
    assert "Screening  3" in dashboard.stage_axis.categories()

    assert dashboard.expiring_30.number.text() == "1"
    assert dashboard.expiring_90.number.text() == "2"
    assert dashboard.open_jobs.number.text() == "1"
    assert "3 openings" in dashboard.open_jobs.detail.text()

    assert dashboard.month_series.barSets()[0].count() == 12
    assert dashboard.submittal_set.at(11) == 2  # this month, the last bar
    assert dashboard.placement_set.at(11) == 1
    assert sum(dashboard.submittal_set.at(i) for i in range(11)) == 0
    assert "12 live candidates" in dashboard.status.text()


def test_clicking_a_stage_bar_lists_that_stage(qtbot, database, open_window, fill_candidates):
    moved = _fill_pipeline(database, fill_candidates)
    window = open_window()
    with qtbot.waitSignal(window.searchFinished, timeout=5000):
        window.search_bar.search_box.setText("Person")  # cleared by the click-through
    window.dashboard_action.trigger()
    dashboard = window.agency_screens.dashboard
    assert dashboard is not None and dashboard.isVisible()
    qtbot.waitUntil(lambda: dashboard.data is not None, timeout=5000)

    # A real click in the middle of the Screening bar.
    index = dashboard.stage_ids().index(_stage_id(database, "Screening"))
    scene = dashboard.stage_chart.mapToPosition(QPointF(1.5, index), dashboard.stage_series)
    point = dashboard.stage_view.mapFromScene(dashboard.stage_chart.mapToScene(scene))
    with qtbot.waitSignal(window.searchFinished, timeout=5000):
        qtbot.mouseClick(dashboard.stage_view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert window.search_bar.stage_filter.currentData() == _stage_id(database, "Screening")
    assert window.search_bar.search_box.text() == ""
    assert sorted(window.candidate_model.ids) == moved["Screening"]
    assert window.pages.currentWidget() is window.splitter

    # An exit's bar lists the exit.
    rejected = dashboard.stage_ids().index(_stage_id(database, "Rejected"))
    with qtbot.waitSignal(window.searchFinished, timeout=5000):
        dashboard.exit_set.clicked.emit(rejected)
    assert sorted(window.candidate_model.ids) == moved["Rejected"]


def test_figures_and_months_open_their_lists(qtbot, database, open_window, fill_candidates):
    fill_candidates(database, 3)
    window = open_window()
    window.agency_screens.show_dashboard()
    dashboard = window.agency_screens.dashboard
    qtbot.waitUntil(lambda: dashboard.data is not None, timeout=5000)

    qtbot.mouseClick(dashboard.expiring_90, Qt.MouseButton.LeftButton)
    expiring = window.certification_screens.expiring_view
    assert expiring is not None and expiring.isVisible()
    assert expiring.days.value() == 90
    with qtbot.waitSignal(dashboard.expiringRequested, timeout=1000) as blocker:
        qtbot.keyClick(dashboard.expiring_30, Qt.Key.Key_Space)
    assert blocker.args == [30]
    assert expiring.days.value() == 30

    # Clients and submittals are other windows: here only that the figures ask for them.
    dashboard.clientsRequested.disconnect()
    dashboard.submittalsRequested.disconnect()
    with qtbot.waitSignal(dashboard.clientsRequested, timeout=1000):
        qtbot.mouseClick(dashboard.open_jobs, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(dashboard.submittalsRequested, timeout=1000):
        dashboard.submittal_set.clicked.emit(4)


def test_dashboard_follows_changes_and_closes_with_the_window(
    qtbot, database, open_window, fill_candidates
):
    fill_candidates(database, 4)
    window = open_window()
    window.agency_screens.show_dashboard()
    dashboard = window.agency_screens.dashboard
    qtbot.waitUntil(lambda: dashboard.data is not None and not dashboard.is_loading, timeout=5000)
    assert "Screening  0" in dashboard.stage_axis.categories()
    move_stage(database, _ids(database)[0], "Screening")
    with qtbot.waitSignal(dashboard.loaded, timeout=5000):
        window.data_changed()
    assert "Screening  1" in dashboard.stage_axis.categories()
    window.close()
    assert not dashboard.isVisible()


def test_agency_actions_are_in_their_menus_with_shortcuts(open_window):
    window = open_window()
    assert window.clients_action.shortcut().toString() == "Ctrl+Shift+J"
    assert window.dashboard_action.shortcut().toString() == "Ctrl+Shift+D"
    assert window.submittals_action.text() == "&Submittals…"
    keys = [a.shortcut().toString() for a in window.findChildren(QAction)]
    shortcuts = [key for key in keys if key]
    assert len(shortcuts) == len(set(shortcuts))  # no two actions share a key
    menus = {a.text(): a.menu() for a in window.menuBar().actions()}
    assert menus["C&lients"].actions() == [window.clients_action, window.submittals_action]
    assert window.dashboard_action in menus["&View"].actions()


class _FakeClients(QWidget):
    """Stands in for ClientsWindow: its two requests and reload()."""

    matchRequested = Signal(int)
    submittalsRequested = Signal(int)
    changed = Signal()

    def __init__(self, database, parent=None, settings=None):
        super().__init__(parent, Qt.WindowType.Window)
        self.reloads = 0

    def reload(self):
        self.reloads += 1


class _FakeMatch(QWidget):
    """Stands in for MatchWindow: remembers the jobs it was asked to show."""

    candidateRequested = Signal(int)
    submitted = Signal(object)

    def __init__(self, database, parent=None, settings=None):
        super().__init__(parent, Qt.WindowType.Window)
        self.jobs: list[int] = []

    def show_job(self, job_id):
        self.jobs.append(job_id)


class _FakeSubmittalsView(QWidget):
    """Stands in for SubmittalsView: remembers what it was asked to list."""

    candidateRequested = Signal(int)
    changed = Signal(object)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.shown: list[object] = []

    def show_job(self, job_id):
        self.shown.append(job_id)

    def show_all(self):
        self.shown.append("all")


class _FakeSubmittals(QWidget):
    """Stands in for SubmittalsWindow, holding its view."""

    def __init__(self, database, parent=None, settings=None):
        super().__init__(parent, Qt.WindowType.Window)
        self.view = _FakeSubmittalsView(self)

    def show_job(self, job_id):
        self.view.show_job(job_id)

    def show_all(self):
        self.view.show_all()


def _fake_module(name: str, **classes: object) -> types.ModuleType:
    module = types.ModuleType(name)
    for attribute, value in classes.items():
        setattr(module, attribute, value)
    return module


def test_clients_match_and_submittals_windows_are_linked(
    qtbot, database, open_window, fill_candidates, monkeypatch
):
    # The real windows have their own tests; these doubles check only the wiring.
    for name, classes in (
        ("workbench.ui.clients_view", {"ClientsWindow": _FakeClients}),
        ("workbench.ui.match_view", {"MatchWindow": _FakeMatch}),
        ("workbench.ui.submittals_view", {"SubmittalsWindow": _FakeSubmittals}),
    ):
        monkeypatch.setitem(sys.modules, name, _fake_module(name, **classes))
    fill_candidates(database, 3)
    window = open_window()
    screens = window.agency_screens

    window.clients_action.trigger()
    clients = screens.clients_window
    assert clients.isVisible() and clients.reloads == 1
    clients.matchRequested.emit(5)
    clients.matchRequested.emit(6)
    match = screens.match_window
    assert match.isVisible() and match.jobs == [5, 6]  # one window, reused
    clients.submittalsRequested.emit(7)
    window.submittals_action.trigger()
    submittals = screens.submittals_window
    assert submittals.isVisible() and submittals.view.shown == [7, "all"]

    candidate_id = _ids(database)[1]
    match.candidateRequested.emit(candidate_id)
    assert window.editor.candidate is not None and window.editor.candidate.id == candidate_id
    submittals.view.candidateRequested.emit(_ids(database)[2])
    assert window.editor.candidate.id == _ids(database)[2]

    window.data_changed()
    assert clients.reloads == 2
    match.submitted.emit(object())  # submitting or placing changes the clients' figures too
    submittals.view.changed.emit(object())
    assert clients.reloads == 4
    window.dashboard_action.trigger()
    screens.dashboard.clientsRequested.emit()
    assert clients.reloads == 5
    screens.dashboard.submittalsRequested.emit()
    assert submittals.view.shown[-1] == "all"

    window.close()
    assert not any(w.isVisible() for w in (clients, match, submittals, screens.dashboard))
