"""Country names consultants type, mapped to ISO codes so phone numbers can be read locally."""

from __future__ import annotations

import re

_COUNTRIES: dict[str, str] = {
    "AR": "Argentina", "AT": "Austria", "AU": "Australia", "BE": "Belgium", "BG": "Bulgaria",
    "BR": "Brazil", "CA": "Canada", "CH": "Switzerland", "CN": "China", "CZ": "Czechia",
    "DE": "Germany", "DK": "Denmark", "EE": "Estonia", "EG": "Egypt", "ES": "Spain",
    "FI": "Finland", "FR": "France", "GB": "United Kingdom", "GR": "Greece", "HK": "Hong Kong",
    "HR": "Croatia", "HU": "Hungary", "IE": "Ireland", "IL": "Israel", "IN": "India",
    "IT": "Italy", "JP": "Japan", "KE": "Kenya", "KR": "South Korea", "LT": "Lithuania",
    "LU": "Luxembourg", "LV": "Latvia", "MX": "Mexico", "MY": "Malaysia", "NG": "Nigeria",
    "NL": "Netherlands", "NO": "Norway", "NZ": "New Zealand", "PH": "Philippines",
    "PK": "Pakistan", "PL": "Poland", "PT": "Portugal", "RO": "Romania", "RS": "Serbia",
    "RU": "Russia",
    "SA": "Saudi Arabia", "SE": "Sweden", "SG": "Singapore", "SK": "Slovakia", "TH": "Thailand",
    "TR": "Turkey", "TW": "Taiwan", "UA": "Ukraine", "AE": "United Arab Emirates",
    "US": "United States", "VN": "Vietnam", "ZA": "South Africa",
}  # fmt: skip

_ALIASES = {
    "uk": "GB", "england": "GB", "scotland": "GB", "wales": "GB", "great britain": "GB",
    "usa": "US", "united states of america": "US", "america": "US", "u.s.": "US",
    "u.s.a.": "US", "uae": "AE", "korea": "KR", "republic of korea": "KR",
    "czech republic": "CZ", "holland": "NL", "the netherlands": "NL", "viet nam": "VN",
    "deutschland": "DE", "españa": "ES", "polska": "PL", "türkiye": "TR", "россия": "RU",
}  # fmt: skip

_BY_NAME = {name.casefold(): code for code, name in _COUNTRIES.items()}


def country_code(text: str | None) -> str | None:
    """Return the ISO 3166 alpha-2 code for a country name or code, or None if unknown."""
    if not text:
        return None
    cleaned = re.sub(r"\s+", " ", text.strip()).casefold()
    if len(cleaned) == 2 and cleaned.upper() in _COUNTRIES:
        return cleaned.upper()
    return _BY_NAME.get(cleaned) or _ALIASES.get(cleaned)


def country_name(text: str) -> str:
    """Return the usual English name of a country given by name or code, else the text trimmed."""
    code = country_code(text)
    return _COUNTRIES.get(code, " ".join(text.split())) if code else " ".join(text.split())
