"""Storing, finding, changing, deleting and searching candidates in a real SQLite file."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime
from typing import Any

import pytest
from sqlalchemy import text

from workbench.domain.candidate import (
    Candidate,
    CandidateDraft,
    DuplicateHint,
    EducationEntry,
    WorkHistoryEntry,
    ascii_fold,
    validate_candidate,
)
from workbench.domain.errors import (
    ConflictError,
    DuplicateError,
    NotFoundError,
    ValidationError,
    WorkbenchError,
)
from workbench.domain.roles import Level, Specialisation
from workbench.domain.search import SearchCriteria, SortKey, Visibility
from workbench.services.candidates import (
    add_candidate,
    delete_candidates,
    find_candidate,
    get_candidate,
    possible_duplicates,
    purge_deleted,
    restore_candidates,
    update_candidate,
)
from workbench.services.search import (
    candidate_rows,
    count_candidates,
    known_countries,
    search_candidates,
    search_rows,
)
from workbench.store.engine import Database


def add(database: Database, first: str, last: str, **fields: Any) -> Candidate:
    """Store a candidate whose email is made from the name unless given."""
    email = fields.pop(
        "email", f"{ascii_fold(first).lower()}.{ascii_fold(last).lower()}@example.com"
    )
    return add_candidate(database, CandidateDraft(first, last, email, **fields))


def ids(database: Database, **criteria: Any) -> list[int]:
    """Return the ids a search with the given criteria lists, in order."""
    return list(search_candidates(database, SearchCriteria(**criteria)).ids)


def table_count(database: Database, sql: str, **params: Any) -> int:
    """Return the single number a counting query answers."""
    with database.read() as session:
        return int(session.execute(text(sql), params).scalar_one())


FULL_DRAFT = CandidateDraft(
    first_name="Łukasz",
    last_name="Żółć",
    email="Lukasz.Zolc@Example.COM",
    phone="020 7946 0958",
    city="London",
    country="uk",
    linkedin_url="linkedin.com/in/lukasz-zolc",
    primary_role=Specialisation.PROGRAM_MANAGER,
    other_roles=(Specialisation.AGILE_PM, Specialisation.SCRUM_MASTER),
    years_experience=7.5,
    salary_expectation=135_000,
    currency="gbp",
    available_from=date(2026, 3, 1),
    work_environments=("Enterprise", "Startup"),
    industries=("Finance", "Healthcare"),
    skills=("jira", "Confluence", "SAFe"),
    work_history=(
        WorkHistoryEntry("Globex", "Programme Manager", date(2021, 2, 1), None, "Ran 4 teams"),
        WorkHistoryEntry("Acme", "Project Manager", date(2016, 9, 1), date(2021, 1, 31), "ERP"),
        WorkHistoryEntry("Initech", "Coordinator", None, None, ""),
    ),
    education=(
        EducationEntry("MBA", "Business", "LBS", 2015),
        EducationEntry("Bachelor's", "Computer Science", "UCL", 2010),
    ),
    security_clearance="SC",
    summary="Programme lead.\nDelivered a core banking migration.",
    source="referral",
)


# --- add and get ------------------------------------------------------------------------------


def test_every_field_survives_add_then_get(database: Database) -> None:
    added = add_candidate(database, FULL_DRAFT)
    stored = get_candidate(database, added.id)
    assert stored.draft == validate_candidate(FULL_DRAFT)
    assert stored.draft.email == "Lukasz.Zolc@example.com"
    assert stored.draft.phone == "+442079460958"
    assert stored.draft.country == "United Kingdom"
    assert stored.draft.currency == "GBP"
    assert stored.draft.skills == ("Jira", "Confluence", "SAFe")
    assert [h.employer for h in stored.draft.work_history] == ["Globex", "Acme", "Initech"]
    assert stored.draft.work_history[1].end == date(2021, 1, 31)
    assert [e.institution for e in stored.draft.education] == ["LBS", "UCL"]
    assert stored.level is Level.SENIOR
    assert (stored.id, stored.version, stored.deleted_at) == (added.id, 1, None)
    assert isinstance(stored.created_at, datetime)
    assert stored.created_at == stored.updated_at == added.created_at


def test_add_returns_what_get_returns(database: Database) -> None:
    added = add_candidate(database, FULL_DRAFT)
    assert get_candidate(database, added.id) == added


def test_invalid_draft_is_refused_and_nothing_is_stored(database: Database) -> None:
    with pytest.raises(ValidationError):
        add_candidate(database, CandidateDraft("Ann", "", "not-an-email"))
    assert count_candidates(database, Visibility.ALL) == 0


def test_duplicate_email_in_other_case_is_refused_naming_the_holder(database: Database) -> None:
    holder = add(database, "Ann", "Lee", email="ann.lee@example.com")
    with pytest.raises(DuplicateError, match=rf"belongs to Ann Lee \(#{holder.id}\)"):
        add(database, "Annie", "Leigh", email="ANN.LEE@EXAMPLE.COM")
    assert count_candidates(database, Visibility.ALL) == 1


def test_email_of_a_deleted_candidate_is_still_taken(database: Database) -> None:
    holder = add(database, "Ann", "Lee")
    delete_candidates(database, [holder.id])
    with pytest.raises(DuplicateError, match="Ann Lee"):
        add(database, "Other", "Person", email="ann.lee@example.com")


# --- update and versions ----------------------------------------------------------------------


def test_update_saves_changes_bumps_version_and_reindexes(database: Database) -> None:
    added = add(database, "Ann", "Lee", city="Leeds")
    changed = update_candidate(
        database, added.id, added.version, replace(added.draft, last_name="Moss", city="York")
    )
    assert changed.version == added.version + 1
    stored = get_candidate(database, added.id)
    assert (stored.draft.last_name, stored.draft.city, stored.version) == ("Moss", "York", 2)
    assert ids(database, text="Moss") == [added.id]
    assert ids(database, text="Leeds") == []


def test_stale_version_is_refused_and_nothing_changes(database: Database) -> None:
    added = add(database, "Ann", "Lee")
    update_candidate(database, added.id, added.version, replace(added.draft, city="York"))
    with pytest.raises(ConflictError, match="changed by someone else"):
        update_candidate(database, added.id, added.version, replace(added.draft, city="Hull"))
    stored = get_candidate(database, added.id)
    assert (stored.draft.city, stored.version) == ("York", 2)
    assert ids(database, text="Hull") == []


def test_saving_without_changes_still_bumps_the_version(database: Database) -> None:
    added = add(database, "Ann", "Lee")
    first_editor = update_candidate(database, added.id, added.version, added.draft)
    assert first_editor.version == added.version + 1
    with pytest.raises(ConflictError):
        update_candidate(database, added.id, added.version, replace(added.draft, city="Hull"))
    assert get_candidate(database, added.id).draft.city == ""


def test_deleting_makes_an_open_editor_stale(database: Database) -> None:
    added = add(database, "Ann", "Lee")
    delete_candidates(database, [added.id])
    with pytest.raises(ConflictError):
        update_candidate(database, added.id, added.version, replace(added.draft, city="Hull"))


def test_update_to_another_candidates_email_is_refused(database: Database) -> None:
    ann = add(database, "Ann", "Lee")
    bob = add(database, "Bob", "Ray")
    with pytest.raises(DuplicateError, match=rf"Ann Lee \(#{ann.id}\)"):
        update_candidate(
            database, bob.id, bob.version, replace(bob.draft, email="ANN.LEE@example.com")
        )
    assert get_candidate(database, bob.id).draft.email == "bob.ray@example.com"


def test_update_may_change_the_case_of_its_own_email(database: Database) -> None:
    ann = add(database, "Ann", "Lee")
    saved = update_candidate(
        database, ann.id, ann.version, replace(ann.draft, email="Ann.Lee@example.com")
    )
    assert saved.draft.email == "Ann.Lee@example.com"


def test_update_replaces_roles_history_and_education(database: Database) -> None:
    added = add_candidate(database, FULL_DRAFT)
    new = replace(
        added.draft,
        primary_role=Specialisation.SCRUM_MASTER,
        other_roles=(Specialisation.PROGRAM_MANAGER,),
        work_history=(WorkHistoryEntry("Hooli", "Scrum Master"),),
        education=(),
    )
    update_candidate(database, added.id, added.version, new)
    stored = get_candidate(database, added.id).draft
    assert stored.primary_role is Specialisation.SCRUM_MASTER
    assert stored.other_roles == (Specialisation.PROGRAM_MANAGER,)
    assert stored.work_history == (WorkHistoryEntry("Hooli", "Scrum Master"),)
    assert stored.education == ()
    assert table_count(database, "SELECT count(*) FROM candidate_roles") == 2
    assert table_count(database, "SELECT count(*) FROM work_history") == 1


def test_updating_an_unknown_candidate_is_not_found(database: Database) -> None:
    with pytest.raises(NotFoundError, match="no candidate #404"):
        update_candidate(database, 404, 1, CandidateDraft("Ann", "Lee", "ann@example.com"))


# --- delete, restore, purge -------------------------------------------------------------------


def test_soft_delete_hides_and_restore_brings_back(database: Database) -> None:
    ann = add(database, "Ann", "Lee")
    bob = add(database, "Bob", "Ray")
    assert delete_candidates(database, [ann.id]) == 1
    assert delete_candidates(database, [ann.id]) == 0
    assert ids(database) == [bob.id]
    assert ids(database, text="Lee") == []
    assert ids(database, visibility=Visibility.DELETED) == [ann.id]
    assert ids(database, text="Lee", visibility=Visibility.DELETED) == [ann.id]
    assert ids(database, visibility=Visibility.ALL) == [ann.id, bob.id]
    deleted = get_candidate(database, ann.id)
    assert deleted.deleted_at is not None
    assert deleted.version == ann.version + 1
    assert [row.deleted for row in candidate_rows(database, [ann.id, bob.id])] == [True, False]

    assert restore_candidates(database, [ann.id]) == 1
    assert restore_candidates(database, [ann.id]) == 0
    assert ids(database, text="Lee") == [ann.id]
    assert get_candidate(database, ann.id).deleted_at is None


def test_purge_removes_the_row_its_children_and_its_index_entry(database: Database) -> None:
    doomed = add_candidate(database, FULL_DRAFT)
    kept = add(database, "Ann", "Lee", primary_role=Specialisation.AGILE_PM)
    delete_candidates(database, [doomed.id])
    assert purge_deleted(database) == 1

    with pytest.raises(NotFoundError):
        get_candidate(database, doomed.id)
    for table in ("candidates", "candidate_roles", "work_history", "education"):
        column = "id" if table == "candidates" else "candidate_id"
        sql = f"SELECT count(*) FROM {table} WHERE {column} = :id"
        assert table_count(database, sql, id=doomed.id) == 0, table
    assert (
        table_count(database, "SELECT count(*) FROM candidate_fts WHERE rowid = :id", id=doomed.id)
        == 0
    )
    assert ids(database, text="Zolc", visibility=Visibility.ALL) == []
    assert ids(database, text="Globex", visibility=Visibility.ALL) == []
    assert ids(database, visibility=Visibility.ALL) == [kept.id]
    assert table_count(database, "SELECT count(*) FROM candidate_roles") == 1


def test_purge_leaves_live_candidates_alone(database: Database) -> None:
    live = add(database, "Ann", "Lee")
    assert purge_deleted(database, [live.id]) == 0
    assert purge_deleted(database) == 0
    assert get_candidate(database, live.id).draft.last_name == "Lee"


def test_ids_are_never_reused_after_a_purge(database: Database) -> None:
    add(database, "Ann", "Lee")
    last = add(database, "Bob", "Ray")
    delete_candidates(database, [last.id])
    purge_deleted(database, [last.id])
    newest = add(database, "Cat", "Sun")
    assert newest.id == last.id + 1


# --- finding one candidate --------------------------------------------------------------------


@pytest.fixture
def forty_two(database: Database) -> Candidate:
    """Store a candidate with id 42."""
    with database.write() as session:
        session.execute(text("INSERT INTO sqlite_sequence(name, seq) VALUES ('candidates', 41)"))
    candidate = add(database, "Ann", "Lee", email="ann.lee@example.com")
    assert candidate.id == 42
    return candidate


@pytest.mark.parametrize(
    "reference",
    ["42", " 42 ", "#42", "WB-0042", "wb-42", "ann.lee@example.com", "ANN.LEE@Example.com"],
)
def test_find_candidate_by_id_or_email(
    database: Database, forty_two: Candidate, reference: str
) -> None:
    assert find_candidate(database, reference).id == forty_two.id


@pytest.mark.parametrize("reference", ["43", "#9999", "WB-0001", "nobody@example.com"])
def test_find_unknown_candidate_is_not_found(
    database: Database, forty_two: Candidate, reference: str
) -> None:
    with pytest.raises(NotFoundError):
        find_candidate(database, reference)


@pytest.mark.parametrize("reference", ["Ann Lee", "", "#", "-1", "4 2", "WB-", "x42"])
def test_find_with_nonsense_says_it_is_neither_id_nor_email(
    database: Database, reference: str
) -> None:
    with pytest.raises(WorkbenchError, match="neither a candidate id nor an email") as caught:
        find_candidate(database, reference)
    assert type(caught.value) is WorkbenchError


@pytest.mark.parametrize("reference", ["99999999999999999999", "²"])
def test_find_with_an_impossible_id_raises_a_workbench_error(
    database: Database, reference: str
) -> None:
    with pytest.raises(WorkbenchError):
        find_candidate(database, reference)


# --- possible duplicates ----------------------------------------------------------------------


def test_possible_duplicate_by_email_in_other_case(database: Database) -> None:
    ann = add(database, "Ann", "Lee", email="ann@example.com")
    hints = possible_duplicates(database, CandidateDraft("", "", "ANN@Example.com"))
    assert hints == [DuplicateHint(ann.id, "Ann Lee", "ann@example.com", "same email")]


def test_possible_duplicate_by_phone_read_in_its_country(database: Database) -> None:
    ann = add(database, "Ann", "Lee", phone="+44 20 7946 0958")
    hints = possible_duplicates(
        database, CandidateDraft("Bob", "", "", phone="020 7946 0958", country="UK")
    )
    assert [(h.candidate_id, h.reason) for h in hints] == [(ann.id, "same phone")]


def test_possible_duplicate_by_name_and_city_ignores_accents_and_case(database: Database) -> None:
    lukasz = add(database, "Łukasz", "Nowak", city="Kraków")
    hints = possible_duplicates(database, CandidateDraft("lukasz", "NOWAK", "", city="Kraków"))
    assert [(h.candidate_id, h.reason) for h in hints] == [(lukasz.id, "same name and city")]
    assert possible_duplicates(database, CandidateDraft("Łukasz", "Nowak", "", city="Gdańsk")) == []


def test_possible_duplicates_list_every_reason_and_mark_deleted(database: Database) -> None:
    ann = add(database, "Ann", "Lee", phone="+442079460958", city="Leeds")
    delete_candidates(database, [ann.id])
    hints = possible_duplicates(
        database,
        CandidateDraft("Ann", "Lee", "ann.lee@example.com", phone="+442079460958", city="Leeds"),
    )
    assert hints == [
        DuplicateHint(
            ann.id, "Ann Lee (deleted)", "ann.lee@example.com",
            "same email, same phone, same name and city",
        )
    ]  # fmt: skip


def test_possible_duplicates_exclude_the_candidate_being_edited(database: Database) -> None:
    ann = add(database, "Ann", "Lee", phone="+442079460958", city="Leeds")
    assert possible_duplicates(database, ann.draft, exclude_id=ann.id) == []
    assert [h.candidate_id for h in possible_duplicates(database, ann.draft)] == [ann.id]


def test_an_unrelated_or_empty_draft_has_no_duplicates(database: Database) -> None:
    add(database, "Ann", "Lee", phone="+442079460958", city="Leeds")
    assert possible_duplicates(database, CandidateDraft("", "", "")) == []
    assert possible_duplicates(database, CandidateDraft("Ann", "Lee", "bad@", phone="junk")) == []


# --- search ----------------------------------------------------------------------------------


@pytest.fixture
def people(database: Database) -> dict[str, int]:
    """Store five varied candidates; return their ids by first name."""
    stored = [
        add(
            database, "Anna", "Kowalska", city="Warsaw", country="Poland",
            primary_role=Specialisation.AGILE_PM, other_roles=(Specialisation.SCRUM_MASTER,),
            years_experience=8, salary_expectation=130_000, available_from=date(2026, 1, 10),
            skills=("Jira",), summary="Led a Kubernetes migration",
            phone="+48 22 123 45 67",
        ),
        add(
            database, "Łukasz", "Nowak", city="Kraków", country="PL",
            primary_role=Specialisation.TECHNICAL_PM, years_experience=4,
            salary_expectation=95_000, skills=("confluence",),
            summary="Ran near-shore and offshore teams",
        ),
        add(
            database, "Priya", "Shah", city="London", country="UK",
            primary_role=Specialisation.SCRUM_MASTER, years_experience=1.5,
            salary_expectation=70_000, available_from=date(2027, 5, 1),
            phone="+44 20 7946 0958", summary="Worked with Harper Collins on publishing",
            work_history=(WorkHistoryEntry("Globex", "PM", description="Delivered payroll"),),
        ),
        add(
            database, "Tom", "Harper", city="Austin", country="USA",
            primary_role=Specialisation.PROGRAM_MANAGER, other_roles=(Specialisation.AGILE_PM,),
            available_from=date(2025, 12, 1), phone="+1 415 555 2671",
        ),
        add(database, "Zoë", "Abbot", email="zoe@example.com"),
    ]  # fmt: skip
    return {c.draft.first_name: c.id for c in stored}


def test_search_matches_word_prefixes(database: Database, people: dict[str, int]) -> None:
    assert ids(database, text="Kowal") == [people["Anna"]]
    assert ids(database, text="kow ann") == [people["Anna"]]


def test_search_ignores_accents_and_special_letters(
    database: Database, people: dict[str, int]
) -> None:
    assert ids(database, text="lukasz") == [people["Łukasz"]]
    assert ids(database, text="LUKASZ nowak") == [people["Łukasz"]]
    assert ids(database, text="Łukasz") == [people["Łukasz"]]
    assert ids(database, text="zoe") == [people["Zoë"]]
    assert ids(database, text="krakow") == [people["Łukasz"]]


def test_search_with_special_letters_finds_the_plain_spelling(database: Database) -> None:
    plain = add(database, "Lukasz", "Zolc")
    assert ids(database, text="Łukasz Żółć") == [plain.id]


@pytest.mark.parametrize(
    ("query", "first_name"),
    [
        ("kubernetes", "Anna"),  # summary
        ("confluence", "Łukasz"),  # skills
        ("globex", "Priya"),  # work history employer
        ("payroll", "Priya"),  # work history description
        ("scrum master", "Priya"),  # role labels are indexed with skills
        ("warsaw", "Anna"),  # city
        ("zoe@example", "Zoë"),  # email
    ],
)
def test_search_looks_beyond_the_name(
    database: Database, people: dict[str, int], query: str, first_name: str
) -> None:
    assert people[first_name] in ids(database, text=query)


def test_every_search_word_must_match(database: Database, people: dict[str, int]) -> None:
    assert ids(database, text="kubernetes warsaw") == [people["Anna"]]
    assert ids(database, text="kubernetes london") == []


def test_a_name_hit_ranks_above_a_summary_only_hit(
    database: Database, people: dict[str, int]
) -> None:
    assert ids(database, text="harper") == [people["Tom"], people["Priya"]]
    assert ids(database, text="harper", descending=True) == [people["Priya"], people["Tom"]]


@pytest.mark.parametrize("query", ["AND", "NEAR(", "near(shore", "OR", "NOT"])
def test_query_operators_are_searched_as_plain_words(
    database: Database, people: dict[str, int], query: str
) -> None:
    expected = [people["Łukasz"]] if query.lower().startswith(("and", "near")) else []
    assert ids(database, text=query) == expected


@pytest.mark.parametrize("query", ['"', "*", "-", "(", ")", "^", ":", '"unterminated', "a*b*"])
def test_query_syntax_never_raises(database: Database, people: dict[str, int], query: str) -> None:
    found = ids(database, text=query)
    if SearchCriteria(text=query).terms:
        assert set(found) <= set(people.values())
    else:
        assert found == ids(database)


def test_role_filter_matches_secondary_roles_too(
    database: Database, people: dict[str, int]
) -> None:
    assert set(ids(database, roles=(Specialisation.SCRUM_MASTER,))) == {
        people["Anna"],
        people["Priya"],
    }
    assert set(ids(database, roles=(Specialisation.AGILE_PM,))) == {people["Anna"], people["Tom"]}
    assert set(
        ids(database, roles=(Specialisation.TECHNICAL_PM, Specialisation.PROGRAM_MANAGER))
    ) == {people["Łukasz"], people["Tom"]}
    assert ids(database, roles=(Specialisation.CYBERSECURITY_PM,)) == []


def test_level_filter_uses_the_derived_level(database: Database, people: dict[str, int]) -> None:
    assert ids(database, levels=(Level.SENIOR,)) == [people["Anna"]]
    assert set(ids(database, levels=(Level.JUNIOR, Level.MID))) == {
        people["Łukasz"],
        people["Priya"],
    }
    assert [row.level for row in search_rows(database, SearchCriteria(text="Kowalska"), 5)] == [
        Level.SENIOR
    ]


def test_country_filter_matches_the_stored_country_name(
    database: Database, people: dict[str, int]
) -> None:
    assert set(ids(database, country="Poland")) == {people["Anna"], people["Łukasz"]}
    assert ids(database, country="United States") == [people["Tom"]]


def test_available_by_counts_unknown_availability_as_available(
    database: Database, people: dict[str, int]
) -> None:
    found = set(ids(database, available_by=date(2026, 1, 10)))
    assert found == {people["Anna"], people["Łukasz"], people["Tom"], people["Zoë"]}
    assert people["Anna"] not in ids(database, available_by=date(2026, 1, 9))


def test_filters_combine_with_text(database: Database, people: dict[str, int]) -> None:
    assert ids(database, text="Kowalska", country="Poland") == [people["Anna"]]
    assert ids(database, text="Kowalska", country="United Kingdom") == []
    assert ids(database, text="kubernetes", roles=(Specialisation.SCRUM_MASTER,)) == [
        people["Anna"]
    ]
    assert ids(database, text="harper", levels=(Level.JUNIOR,)) == [people["Priya"]]
    assert ids(database, text="nowak", available_by=date(2020, 1, 1)) == [people["Łukasz"]]


def test_default_order_is_by_last_then_first_name_folded(
    database: Database, people: dict[str, int]
) -> None:
    expected = ["Zoë", "Tom", "Anna", "Łukasz", "Priya"]  # Abbot, Harper, Kowalska, Nowak, Shah
    assert ids(database) == [people[name] for name in expected]


_SORT_VALUE = {
    SortKey.NAME: lambda c: ascii_fold(f"{c.draft.last_name} {c.draft.first_name}").casefold(),
    SortKey.EMAIL: lambda c: c.draft.email.casefold(),
    SortKey.PHONE: lambda c: c.draft.phone,
    SortKey.ROLE: lambda c: c.draft.primary_role.value if c.draft.primary_role else None,
    SortKey.LEVEL: lambda c: c.draft.years_experience,
    SortKey.YEARS: lambda c: c.draft.years_experience,
    SortKey.CITY: lambda c: c.draft.city,
    SortKey.COUNTRY: lambda c: c.draft.country,
    SortKey.AVAILABLE: lambda c: c.draft.available_from,
    SortKey.SALARY: lambda c: c.draft.salary_expectation,
    SortKey.UPDATED: lambda c: c.updated_at,
}


def test_every_column_sort_is_covered() -> None:
    assert set(_SORT_VALUE) == set(SortKey) - {SortKey.RELEVANCE}


@pytest.mark.parametrize("sort", list(_SORT_VALUE))
def test_sorting_orders_by_the_column_and_descending_reverses_it(
    database: Database, people: dict[str, int], sort: SortKey
) -> None:
    with database.write() as session:  # distinct update times, newest for the smallest id
        session.execute(
            text("UPDATE candidates SET updated_at = datetime('2026-01-01', '-' || id || ' days')")
        )
    candidates = [get_candidate(database, cid) for cid in people.values()]
    value = _SORT_VALUE[sort]
    expected = [
        c.id for c in sorted(candidates, key=lambda c: (value(c) is not None, value(c), c.id))
    ]
    ascending = ids(database, sort=sort)
    assert ascending == expected
    assert ids(database, sort=sort, descending=True) == expected[::-1]


def test_level_sort_puts_juniors_before_seniors(database: Database, people: dict[str, int]) -> None:
    rows = search_rows(database, SearchCriteria(sort=SortKey.LEVEL, levels=tuple(Level)), 10)
    assert [row.level for row in rows] == [Level.JUNIOR, Level.MID, Level.SENIOR]


def test_count_candidates_by_visibility(database: Database, people: dict[str, int]) -> None:
    delete_candidates(database, [people["Tom"], people["Zoë"]])
    assert count_candidates(database) == 3
    assert count_candidates(database, Visibility.ACTIVE) == 3
    assert count_candidates(database, Visibility.DELETED) == 2
    assert count_candidates(database, Visibility.ALL) == 5
    assert search_candidates(database, SearchCriteria(text="harper")).total_active == 3


def test_known_countries_are_distinct_sorted_and_live_only(
    database: Database, people: dict[str, int]
) -> None:
    assert known_countries(database) == ["Poland", "United Kingdom", "United States"]
    delete_candidates(database, [people["Tom"]])
    assert known_countries(database) == ["Poland", "United Kingdom"]


def test_candidate_rows_follow_the_order_of_the_ids_and_skip_missing(
    database: Database, people: dict[str, int]
) -> None:
    wanted = [people["Tom"], 999, people["Anna"]]
    rows = candidate_rows(database, wanted)
    assert [(r.id, r.full_name) for r in rows] == [
        (people["Tom"], "Tom Harper"),
        (people["Anna"], "Anna Kowalska"),
    ]
    assert rows[1].primary_role is Specialisation.AGILE_PM
    assert (rows[1].city, rows[1].country, rows[1].salary_expectation) == (
        "Warsaw",
        "Poland",
        130_000,
    )


def test_a_query_too_broad_to_rank_is_sorted_by_name(database, monkeypatch):
    from workbench.services import search as search_service

    for i, last in enumerate(["Zeta", "Alpha", "Mu"]):
        add_candidate(database, CandidateDraft("Kim", last, f"k{i}@example.com", summary="Kanban"))
    ranked = search_service.search_candidates(database, SearchCriteria(text="kanban"))
    assert not ranked.too_broad_to_rank
    assert ranked.sort is SortKey.RELEVANCE
    monkeypatch.setattr(search_service, "RANK_AT_MOST", 2)
    broad = search_service.search_candidates(database, SearchCriteria(text="kanban"))
    assert broad.too_broad_to_rank
    assert broad.sort is SortKey.NAME
    names = [r.last_name for r in search_service.candidate_rows(database, broad.ids)]
    assert names == ["Alpha", "Mu", "Zeta"]


def test_delete_and_restore_take_more_ids_than_one_statement_may_hold(database):
    ids = [
        add_candidate(database, CandidateDraft("P", f"N{i}", f"p{i}@example.com")).id
        for i in range(3)
    ]
    many = [*ids, *range(10_000, 12_000)]  # 2,003 ids: three statements of at most 900
    assert delete_candidates(database, many) == 3
    assert restore_candidates(database, many) == 3


def test_a_search_stopped_from_another_thread_raises_interrupted(database):
    import threading

    from workbench.domain.errors import Interrupted
    from workbench.services import search as search_service
    from workbench.store.engine import Interruption

    stopped_already = Interruption()
    stopped_already.stop()
    with pytest.raises(Interrupted):
        search_service.search_candidates(database, SearchCriteria(), interruption=stopped_already)

    # A long query (a recursive count to ten million) stopped half-way by another thread.
    interruption = Interruption()
    timer = threading.Timer(0.2, interruption.stop)
    timer.start()
    with pytest.raises(Interrupted), database.read(interruption) as session:
        session.connection().exec_driver_sql(
            "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 10000000)"
            " SELECT count(*) FROM n"
        ).scalar()
    timer.join()
    # The connection went back to the pool unharmed.
    assert search_service.search_candidates(database, SearchCriteria()).ids == ()
