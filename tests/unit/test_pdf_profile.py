"""PDF profiles: what they say, what blind mode hides, escaping, Unicode and repeatable bytes."""

from __future__ import annotations

import io
import re
from dataclasses import replace

import pytest
from pypdf import PdfReader

from tests.unit.profile_samples import (
    CLAIMS,
    GENERATED_ON,
    RULES,
    TYPICAL,
    UNICODE_NAMES,
    candidate,
    long_draft,
)
from workbench.domain.candidate import CandidateDraft
from workbench.pdf.fonts import CID_FONTS, markup
from workbench.pdf.profile_document import (
    Branding,
    ProfileDocument,
    ProfileOptions,
    build_profile,
    format_day,
    group_skills,
)
from workbench.pdf.render import render_profile, render_profiles

HOSTILE = (
    '<b>Ann</b> & Co <a href="https://evil.example">click</a> <link href="https://x.example">'
    'x</link> <img src="/etc/passwd"/> <font face="/etc/passwd">f</font> &amp; <br/>'
)
PERSONAL = (
    "Anna", "Kowalska", "anna.kowalska", "example.com", "7946", "0958", "linkedin",
    "annakowalska", "Manchester", "Northwind", "northwind", "Contoso", "Fabrikam", "778899",
)  # fmt: skip


def options(**chosen: object) -> ProfileOptions:
    """Return profile options for the fixed generation day."""
    return ProfileOptions(generated_on=GENERATED_ON, **chosen)  # type: ignore[arg-type]


def document(draft: CandidateDraft = TYPICAL, chosen: ProfileOptions | None = None, claims=CLAIMS):
    """Return the profile document of a sample candidate."""
    return build_profile(candidate(draft), claims, chosen or options(), RULES)


def render(draft: CandidateDraft = TYPICAL, **chosen: object) -> bytes:
    """Return the PDF of a sample candidate with the options chosen."""
    picked = options(**chosen)
    return render_profile(document(draft, picked), picked, Branding())


def text_of(pdf: bytes) -> str:
    """Return the text of every page, and the metadata, of a PDF."""
    reader = PdfReader(io.BytesIO(pdf))
    pages = "\n".join(page.extract_text() for page in reader.pages)
    return pages


def metadata_of(pdf: bytes) -> str:
    """Return the document information (title, author, subject, keywords...) as one string."""
    info = PdfReader(io.BytesIO(pdf)).metadata or {}
    return "\n".join(f"{key}={value}" for key, value in info.items())


def flat(text: str) -> str:
    """Return text with runs of white space made single spaces (lines wrap anywhere)."""
    return " ".join(text.split())


@pytest.fixture(scope="module")
def typical_pdf() -> bytes:
    """Return the typical candidate's profile, salary and lapsed certifications hidden."""
    return render()


def test_the_profile_shows_the_candidate(typical_pdf: bytes) -> None:
    text = flat(text_of(typical_pdf))
    for expected in (
        "Anna Kowalska",
        "Technical Project Manager",
        "Senior · 11.5 years' experience",
        "Manchester, United Kingdom",
        "Available from 1 May 2026",
        "anna.kowalska@example.com",
        "+44 20 7946 0958",
        "PM tools Jira",
        "Methodologies Scrum, Kanban",
        "Soft skills Leadership, Communication",
        "Other Stakeholder management",
        "Senior Technical Project Manager",
        "Northwind Bank · Mar 2019 – Present",
        "Master's, Computer Science — University of Warsaw, 2013",
        "Generated 20 Mar 2026",
        "Your Agency",
    ):
        assert expected in text, expected
    reference = document().reference
    assert re.fullmatch(r"WB-0042-[0-9a-f]{8}", reference)
    assert f"Ref. {reference}" in text
    pages = len(PdfReader(io.BytesIO(typical_pdf)).pages)
    assert f"Page 1 of {pages}" in text and f"Page {pages} of {pages}" in text


def test_a_verified_certification_says_what_was_checked(typical_pdf: bytes) -> None:
    text = flat(text_of(typical_pdf))
    assert "Verified 12 Mar 2026 via PMI registry — lapses 30 Apr 2027" in text
    assert "✓ VERIFIED" in text
    assert "CSM" in text and "Claimed, not yet verified by the agency" in text


def test_lapsed_and_failed_certifications_appear_only_when_asked(typical_pdf: bytes) -> None:
    hidden = flat(text_of(typical_pdf))
    assert "AWS-SAA" not in hidden and "PMI-ACP" not in hidden and "LAPSED" not in hidden
    shown = flat(text_of(render(show_lapsed=True)))
    assert "AWS-SAA" in shown and "Lapsed 1 Jun 2025" in shown
    assert "PMI-ACP" in shown
    assert "Not confirmed by the agency's check 2 Feb 2026 via PMI registry" in shown


def test_salary_and_band_appear_only_when_asked(typical_pdf: bytes) -> None:
    hidden = flat(text_of(typical_pdf))
    assert "98,000" not in hidden and "Guide band" not in hidden
    shown = flat(text_of(render(show_salary=True)))
    assert "GBP 98,000 a year" in shown
    assert "Senior: USD 120,000–150,000+ base a year" in shown


@pytest.mark.parametrize("initials", [False, True])
def test_blind_mode_leaks_nothing_personal(initials: bool) -> None:
    pdf = render(blind=True, initials=initials, show_salary=True, show_lapsed=True)
    text, meta = text_of(pdf), metadata_of(pdf)
    for secret in PERSONAL:
        assert secret.casefold() not in text.casefold(), secret
        assert secret.casefold() not in meta.casefold(), secret
    shown = flat(text)
    assert ("A. K." if initials else "Candidate WB-0042") in shown
    assert "United Kingdom" in shown
    assert "A financial services firm · Mar 2019 – Present" in shown
    assert "Managed a budget of GBP 4.2m, 2019-2021" in shown  # a year range is no phone number
    assert "ANONYMISED CANDIDATE PROFILE" in shown


def test_a_blind_reference_does_not_depend_on_the_name() -> None:
    blind = options(blind=True)
    renamed = replace(
        TYPICAL,
        first_name="Beata",
        last_name="Nowak",
        email="b@example.org",
        summary=TYPICAL.summary.replace("Anna Kowalska", "Beata Nowak"),
    )
    assert document(TYPICAL, blind).reference == document(renamed, blind).reference
    assert document(TYPICAL).reference != document(renamed).reference


def test_markup_in_the_data_prints_literally_and_adds_no_link() -> None:
    hostile = replace(
        TYPICAL,
        first_name="<b>Ann</b> & Co",
        summary=HOSTILE,
        skills=("<i>Jira</i>",),
        work_history=(replace(TYPICAL.work_history[0], employer=HOSTILE, description=HOSTILE),),
    )
    pdf = render(hostile)
    text = flat(text_of(pdf))
    assert "<b>Ann</b> & Co Kowalska" in text
    assert '<a href="https://evil.example">click</a>' in text
    assert '<img src="/etc/passwd"/>' in text and "&amp; <br/>" in text
    assert "<i>Jira</i>" in text
    reader = PdfReader(io.BytesIO(pdf))
    assert all("/Annots" not in page for page in reader.pages)
    assert b"/URI" not in pdf and b"/XObject" not in pdf


def test_markup_escapes_and_switches_cjk_runs_to_a_cid_font() -> None:
    assert markup("<b>x</b> & y") == "&lt;b&gt;x&lt;/b&gt; &amp; y"
    assert markup("王伟 <b>") == '<font name="STSong-Light">王伟</font> &lt;b&gt;'
    assert "HeiseiKakuGo-W5" in markup("さとう")
    assert "HYSMyeongJo-Medium" in markup("김민준")
    assert "HeiseiKakuGo-W5" in markup("佐藤", "ja")


@pytest.mark.parametrize(("first", "last", "country"), UNICODE_NAMES)
def test_names_in_any_script_survive(first: str, last: str, country: str) -> None:
    draft = replace(TYPICAL, first_name=first, last_name=last, country=country, city="")
    pdf = render(draft)
    text = text_of(pdf)
    name = f"{first} {last}"
    cjk_font = {
        "China": "STSong-Light",
        "Japan": "HeiseiKakuGo-W5",
        "South Korea": "HYSMyeongJo-Medium",
    }
    if country in cjk_font:
        # CID fonts carry no glyph-to-text map pypdf reads; check the right font is used.
        assert f"/BaseFont /{cjk_font[country]}".encode() in pdf
        assert "Technical Project Manager" in text
    else:
        assert name in flat(text)
        assert b"DejaVuSans" in pdf
        assert not any(font.encode() in pdf for font in CID_FONTS.values())


def test_identical_input_gives_identical_bytes(typical_pdf: bytes) -> None:
    render(replace(TYPICAL, first_name="王"))  # other fonts registered meanwhile change nothing
    assert render() == typical_pdf
    meta = metadata_of(typical_pdf)
    assert "D:20260320000000" in meta
    assert render(blind=True) != typical_pdf
    letter = render(page_size="Letter")
    assert PdfReader(io.BytesIO(letter)).pages[0].mediabox.width == 612


def test_long_content_flows_onto_more_pages_with_each_job_present() -> None:
    pdf = render(long_draft())
    reader = PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) >= 3
    text = flat(text_of(pdf))
    for n in range(10):
        assert f"Project Manager, programme {n}" in text
    assert f"Page {len(reader.pages)} of {len(reader.pages)}" in text


def test_combined_profiles_number_their_pages_each() -> None:
    picked = options()
    documents = [document(), document(replace(TYPICAL, first_name="Beata"))]
    pdf = render_profiles(documents, picked, Branding(agency_name="Acme Talent"))
    reader = PdfReader(io.BytesIO(pdf))
    single = len(PdfReader(io.BytesIO(render())).pages)
    assert len(reader.pages) == 2 * single
    assert f"Page 1 of {single}" in reader.pages[single].extract_text()
    assert "Beata Kowalska" in reader.pages[single].extract_text()
    assert "Acme Talent" in reader.pages[0].extract_text()


def test_a_missing_logo_is_skipped(tmp_path) -> None:
    branding = Branding(logo_path=str(tmp_path / "missing.png"), accent_colour="not a colour")
    assert render_profile(document(), options(), branding).startswith(b"%PDF")


def test_skills_are_grouped_as_in_the_guide() -> None:
    groups = group_skills(["Tableau", "Leadership", "Jira", "Rust", "Scrum", "Asana"])
    assert groups == (
        ("PM tools", ("Jira", "Asana")),
        ("Methodologies", ("Scrum",)),
        ("Data/reporting", ("Tableau",)),
        ("Soft skills", ("Leadership",)),
        ("Other", ("Rust",)),
    )


def test_dates_read_the_same_in_every_locale() -> None:
    assert format_day(GENERATED_ON) == "20 Mar 2026"


def test_the_document_holds_only_what_is_printed() -> None:
    blind: ProfileDocument = document(chosen=options(blind=True))
    assert blind.contact == ()
    assert all(line.credential_id == "" for line in blind.certifications)
    assert {job.employer for job in blind.jobs} == {"A financial services firm"}
