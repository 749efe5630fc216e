"""Blind profiles: what stands in for an employer, and scrubbing identity from free text."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from workbench.domain.candidate import Candidate

UNNAMED_EMPLOYER = "An employer"
WITHHELD = "[withheld]"

# What a blind profile says instead of an employer's name, by the guide's industries.
_EMPLOYER_BY_INDUSTRY = {
    "Technology": "A technology company",
    "Finance": "A financial services firm",
    "Healthcare": "A healthcare organisation",
    "Government": "A public-sector body",
    "Retail & e-commerce": "A retail and e-commerce company",
    "Manufacturing": "A manufacturer",
    "Education": "An education provider",
}

# Free text may carry contact details the structured fields hide; blind mode removes them.
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_URL = re.compile(r"(?:https?://|www\.)\S+|\S*linkedin\.com\S*", re.IGNORECASE)
_PHONE = re.compile(r"\+?\(?\d[\d ()./-]{6,}\d")
_PHONE_DIGITS = 9  # fewer digits is a date or a year range ("2019-2021"), not a phone number


class Redactor:
    """Removes a candidate's identifying details from free text for a blind profile."""

    def __init__(self, candidate: Candidate, employer: str) -> None:
        draft = candidate.draft
        self._employer = employer
        self._employers = _whole_words(h.employer for h in draft.work_history)
        self._names = _whole_words(
            (draft.full_name, draft.first_name, draft.last_name, *draft.full_name.split())
        )
        self._city = _whole_words((draft.city,))
        self._place = draft.country or "their city"
        self._literals = [s for s in (draft.email, draft.phone, draft.linkedin_url) if s]

    def __call__(self, text: str) -> str:
        """Return the text with contact details, names, employers and the city taken out."""
        for literal in self._literals:
            text = text.replace(literal, WITHHELD)
        text = _EMAIL.sub(WITHHELD, text)
        text = _URL.sub(WITHHELD, text)
        text = _PHONE.sub(_phone_or_not, text)
        if self._employers:
            text = self._employers.sub(self._employer.lower(), text)
        if self._names:
            text = self._names.sub(_the_candidate, text)
        if self._city:
            text = self._city.sub(self._place, text)
        return text


def _the_candidate(match: re.Match[str]) -> str:
    """Return what a blind profile calls the candidate, capitalised at a sentence's start."""
    before = match.string[: match.start()].rstrip()
    return "The candidate" if not before or before[-1] in ".!?:" else "the candidate"


def _phone_or_not(match: re.Match[str]) -> str:
    """Return the withheld marker for a phone-like number, the text itself for a date range."""
    digits = sum(ch.isdigit() for ch in match.group())
    return WITHHELD if digits >= _PHONE_DIGITS else match.group()


def _whole_words(words: Iterable[str]) -> re.Pattern[str] | None:
    """Return a pattern matching any of the words as whole words, longest first."""
    unique = sorted({w.strip() for w in words if len(w.strip()) >= 2}, key=len, reverse=True)
    if not unique:
        return None
    alternatives = "|".join(re.escape(w) for w in unique)
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.IGNORECASE)


def blind_employer(industries: Sequence[str]) -> str:
    """Return what a blind profile calls an employer: by industry when only one is known."""
    if len(industries) == 1:
        return _EMPLOYER_BY_INDUSTRY.get(industries[0], f"An employer in {industries[0]}")
    return UNNAMED_EMPLOYER


__all__ = ["UNNAMED_EMPLOYER", "WITHHELD", "Redactor", "blind_employer"]
