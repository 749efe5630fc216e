"""The Clients window: clients with contacts, job orders, refusals shown in place, signals."""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from workbench.domain.clients import (
    ClientDraft,
    ContactDraft,
    Employment,
    JobOrderDraft,
    JobStatus,
)
from workbench.domain.roles import Level, Specialisation
from workbench.services import clients as client_service
from workbench.services import jobs as job_service
from workbench.ui.client_dialog import ClientDialog
from workbench.ui.client_tables import ClientListModel, JobTableModel
from workbench.ui.clients_view import ClientsWindow
from workbench.ui.job_editor import JobEditor


@pytest.fixture
def client(database):
    """A stored client with one contact."""
    return client_service.save_client(
        database,
        None,
        ClientDraft("Northwind Bank", "Finance", "Enterprise"),
        [(None, ContactDraft("Dana Hill", "Head of PMO", "dana@northwind.example"))],
    )


def _job(database, client_id: int, title: str, status: JobStatus = JobStatus.OPEN):
    return job_service.save_job(
        database,
        None,
        JobOrderDraft(client_id, title, location="London, United Kingdom", status=status),
    )


def _window(qtbot, database, settings=None) -> ClientsWindow:
    window = ClientsWindow(database, settings=settings)
    qtbot.addWidget(window)
    window.reload()
    return window


def _cells(model, column: int) -> list[str]:
    return [model.data(model.index(r, column)) for r in range(model.rowCount())]


def test_a_client_with_two_contacts_is_added_through_the_dialog(qtbot, database, monkeypatch):
    def fill_and_save(dialog: ClientDialog) -> int:
        dialog.name.setText("Contoso Health")
        dialog.industry.setCurrentIndex(dialog.industry.findData("Healthcare"))
        dialog.contacts.add_button.click()
        dialog.contacts.set_cell(0, "name", "Ann Lee")
        dialog.contacts.set_cell(0, "email", "Ann.Lee@Contoso.example")
        dialog.contacts.add_button.click()
        dialog.contacts.set_cell(1, "name", "Raj Patel")
        dialog.contacts.set_cell(1, "title", "CIO")
        dialog.contacts.set_cell(1, "phone", "+44 20 7946 0958")
        assert dialog.save()
        return 1

    monkeypatch.setattr(ClientDialog, "exec", fill_and_save)
    window = _window(qtbot, database)
    window.new_client_button.click()

    [stored] = client_service.clients(database)
    assert stored.name == "Contoso Health"
    assert stored.draft.industry == "Healthcare"
    assert [(c.draft.name, c.draft.title) for c in stored.contacts] == [
        ("Ann Lee", ""),
        ("Raj Patel", "CIO"),
    ]
    assert stored.contacts[1].draft.phone == "+442079460958"  # normalised to E.164
    assert _cells(window.client_model, 0) == ["Contoso Health"]
    assert window.current_client() is not None and window.current_client().id == stored.id
    assert window.heading.text() == "Contoso Health"
    assert window.contacts.rowCount() == 2


def test_a_bad_contact_email_is_shown_on_its_row_and_nothing_is_saved(qtbot, database):
    dialog = ClientDialog(database)
    qtbot.addWidget(dialog)
    dialog.name.setText("Contoso Health")
    dialog.contacts.add_contact(ContactDraft("Ann Lee", email="ann@contoso.example"))
    dialog.contacts.add_contact(ContactDraft("Raj Patel", email="raj at contoso"))

    assert not dialog.save()

    assert "Contact 2, email" in dialog.error_text("contacts")
    bad = dialog.contacts.table.item(1, 2)
    assert bad is not None and bad.toolTip()  # the cell itself says what is wrong
    assert dialog.result() == 0  # still open, everything typed still there
    assert dialog.contacts.table.item(1, 2).text() == "raj at contoso"
    assert client_service.clients(database) == []

    dialog.contacts.set_cell(1, "email", "raj@contoso.example")
    assert dialog.save()
    assert dialog.error_text("contacts") == ""
    assert len(client_service.clients(database)[0].contacts) == 2


def test_a_missing_name_is_shown_under_the_field(qtbot, database):
    dialog = ClientDialog(database)
    qtbot.addWidget(dialog)
    assert not dialog.save()
    assert "name" in dialog.error_text("name")


def test_someone_elses_save_is_shown_in_the_client_dialog(qtbot, database, client):
    dialog = ClientDialog(database, client)
    qtbot.addWidget(dialog)
    client_service.save_client(
        database,
        client.id,
        ClientDraft("Northwind Bank plc", "Finance"),
        [(c.id, c.draft) for c in client.contacts],
    )
    dialog.notes.setPlainText("Prefers PRINCE2 people")

    assert not dialog.save()

    assert "changed by someone else" in dialog.error_text("general")
    assert dialog.notes.toPlainText() == "Prefers PRINCE2 people"


def test_editing_keeps_contact_ids(qtbot, database, client):
    dialog = ClientDialog(database, client)
    qtbot.addWidget(dialog)
    dialog.contacts.set_cell(0, "title", "Director of PMO")
    assert dialog.save()
    saved = client_service.get_client(database, client.id)
    assert saved.contacts[0].id == client.contacts[0].id
    assert saved.contacts[0].draft.title == "Director of PMO"


def test_a_job_order_is_added_through_the_editor(qtbot, database, client, monkeypatch):
    def fill_and_save(editor: JobEditor) -> int:
        assert not editor.client.isEnabled()  # opened from a client: that client
        editor.title.setText("Senior Agile PM")
        editor.contact.setCurrentIndex(editor.contact.findData(client.contacts[0].id))
        editor.specialisation.setCurrentIndex(
            editor.specialisation.findData(Specialisation.AGILE_PM)
        )
        editor.level.setCurrentIndex(editor.level.findData(Level.SENIOR))
        editor.required.set_codes(("PMP",))
        editor.methodologies.boxes["Scrum"].setChecked(True)
        editor.tools.boxes["Jira"].setChecked(True)
        editor.location.setText("London, United Kingdom")
        editor.contract.setChecked(True)
        assert editor.budget_label.text() == "Day rate"
        editor.budget.setValue(650)
        editor.currency.setCurrentText("GBP")
        editor.start_date.set_value(date(2026, 9, 1))
        editor.end_date.set_value(date(2027, 2, 28))
        editor.openings.setValue(2)
        assert editor.save()
        return 1

    monkeypatch.setattr(JobEditor, "exec", fill_and_save)
    window = _window(qtbot, database)
    window.new_job_button.click()

    [job] = job_service.jobs(database, client.id)
    assert job.draft.employment is Employment.CONTRACT
    assert (job.draft.budget, job.draft.currency) == (650, "GBP")
    assert job.draft.required_certifications == ("PMP",)
    assert job.draft.methodologies == ("Scrum",) and job.draft.tools == ("Jira",)
    assert job.draft.contact_id == client.contacts[0].id
    model = window.job_model
    assert model.rowCount() == 1
    row = [model.data(model.index(0, c)) for c in range(model.columnCount())]
    assert row == [
        job.reference,
        "Senior Agile PM",
        "Agile Project Manager",
        "Senior",
        "Open",
        "0/2",
        "2026-09-01",
        "2027-02-28",
        "0",
    ]
    assert window.current_job() is not None and window.current_job().id == job.id
    assert _cells(window.client_model, 2) == ["1"]  # one open job order beside the client


def test_a_contract_without_an_end_date_shows_the_field_error(qtbot, database, client):
    editor = JobEditor(database, client)
    qtbot.addWidget(editor)
    editor.title.setText("Scrum Master")
    editor.remote.setChecked(True)
    editor.contract.setChecked(True)
    editor.budget.setValue(500)
    editor.required.set_codes(("PMP",))

    assert not editor.save()

    assert "end" in editor.error_text("end_date")
    assert editor.error_text("title") == ""
    assert job_service.jobs(database) == []
    # Nothing typed is lost on a refusal.
    assert editor.title.text() == "Scrum Master"
    assert editor.required.codes() == ("PMP",)
    assert editor.budget.value() == 500


def test_the_budget_label_follows_the_employment(qtbot, database, client):
    editor = JobEditor(database, client)
    qtbot.addWidget(editor)
    assert editor.budget_label.text() == "Salary budget (a year)"
    editor.contract.setChecked(True)
    assert editor.budget_label.text() == "Day rate"
    editor.permanent.setChecked(True)
    assert editor.budget_label.text() == "Salary budget (a year)"


def test_a_certification_is_required_or_nice_never_both(qtbot, database, client):
    editor = JobEditor(database, client)
    qtbot.addWidget(editor)
    editor.nice.set_codes(("PMP", "CSM"))
    editor.required.set_codes(("PMP",))
    assert editor.nice.codes() == ("CSM",)


def test_a_stored_job_reopens_as_it_was_saved(qtbot, database, client):
    draft = JobOrderDraft(
        client.id,
        "Program Manager",
        contact_id=client.contacts[0].id,
        specialisation=Specialisation.PROGRAM_MANAGER,
        level=Level.MID,
        required_certifications=("PMP",),
        nice_certifications=("CSM",),
        methodologies=("Kanban", "SAFe"),
        tools=("Asana",),
        industry="Finance",
        location="Dublin, Ireland",
        remote=True,
        employment=Employment.CONTRACT,
        budget=700,
        currency="EUR",
        start_date=date(2026, 10, 1),
        end_date=date(2027, 3, 31),
        openings=3,
        status=JobStatus.ON_HOLD,
        notes="Two interview rounds",
    )
    job = job_service.save_job(database, None, draft)
    editor = JobEditor(database, None, job)
    qtbot.addWidget(editor)
    assert editor.draft() == job.draft
    editor.title.setText("Programme Manager")
    assert editor.save()
    assert job_service.get_job(database, job.id).title == "Programme Manager"


def test_match_and_submittals_ask_for_the_selected_job(qtbot, database, client):
    job = _job(database, client.id, "Technical PM")
    window = _window(qtbot, database)
    assert not window.match_button.isEnabled()
    window.job_table.selectRow(0)
    assert window.match_button.isEnabled()
    with qtbot.waitSignal(window.matchRequested, timeout=1000) as match:
        window.match_button.click()
    assert match.args == [job.id]
    with qtbot.waitSignal(window.submittalsRequested, timeout=1000) as submittals:
        window.submittals_button.click()
    assert submittals.args == [job.id]


def test_the_status_filter_narrows_the_job_orders(qtbot, database, client):
    _job(database, client.id, "Open one")
    _job(database, client.id, "Filled one", JobStatus.FILLED)
    window = _window(qtbot, database)
    assert _cells(window.job_model, 1) == ["Open one"]
    window.status_filter.setCurrentText("Filled")
    assert _cells(window.job_model, 1) == ["Filled one"]
    window.status_filter.setCurrentText("All")
    assert sorted(_cells(window.job_model, 1)) == ["Filled one", "Open one"]


def test_the_filter_box_narrows_the_clients(qtbot, database, client):
    client_service.save_client(database, None, ClientDraft("Contoso Health", "Healthcare"))
    window = _window(qtbot, database)
    assert _cells(window.client_model, 0) == ["Contoso Health", "Northwind Bank"]
    window.filter.setText("dana")  # a contact's name finds the client
    assert _cells(window.client_model, 0) == ["Northwind Bank"]
    assert window.current_client().name == "Northwind Bank"
    assert "1 of 2" in window.count.text()


def test_a_client_with_job_orders_is_not_removed(qtbot, database, client, monkeypatch):
    _job(database, client.id, "Technical PM")
    said: list[str] = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text: said.append(text))
    window = _window(qtbot, database)
    window.remove_client_button.click()
    assert "job orders" in said[0]
    assert len(client_service.clients(database)) == 1


def test_a_client_without_job_orders_is_removed(qtbot, database, client, monkeypatch):
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    window = _window(qtbot, database)
    window.remove_client_button.click()
    assert client_service.clients(database) == []
    assert window.client_model.rowCount() == 0
    assert not window.new_job_button.isEnabled()


def test_the_window_remembers_its_layout(qtbot, database, settings):
    window = _window(qtbot, database, settings)
    window.close()
    assert settings.value("clients/geometry") is not None


def test_models_pass_qt_model_tester(qtmodeltester, database, client):
    _job(database, client.id, "Technical PM")
    _job(database, client.id, "Scrum Master", JobStatus.ON_HOLD)
    clients = ClientListModel()
    clients.set_clients(client_service.clients(database))
    qtmodeltester.check(clients, force_py=True)
    jobs = JobTableModel()
    jobs.set_jobs(job_service.jobs(database, client.id))
    qtmodeltester.check(jobs, force_py=True)
    assert jobs.data(jobs.index(0, 0), Qt.ItemDataRole.UserRole) is not None


def test_someone_elses_save_is_shown_in_the_job_editor(qtbot, database, client):
    job = _job(database, client.id, "Technical PM")
    editor = JobEditor(database, client, job)
    qtbot.addWidget(editor)
    colleague = dataclasses.replace(job.draft, title="Technical Project Manager")
    job_service.save_job(database, job.id, colleague, job.version)  # a colleague saves first
    editor.openings.setValue(4)

    assert not editor.save()

    assert "changed by someone else" in editor.error_text("general")
    assert editor.openings.value() == 4
