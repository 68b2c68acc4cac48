"""Place names a speaker can never be: countries, continents, regions, US states.

A general gazetteer (not taken from any article): a capitalised run that is
one of these, or that follows a locative preposition ("in Cambridge"), is a
place, and quotes are never attributed to it.
"""

from __future__ import annotations

_COUNTRY_WORDS = """
afghanistan albania algeria andorra angola argentina armenia australia austria azerbaijan
bahamas bahrain bangladesh barbados belarus belgium belize benin bhutan bolivia bosnia
botswana brazil brunei bulgaria burkina burundi cambodia cameroon canada chad chile china
colombia comoros congo croatia cuba cyprus czechia denmark djibouti dominica ecuador egypt
eritrea estonia eswatini ethiopia fiji finland france gabon gambia georgia germany ghana
greece grenada guatemala guinea guyana haiti honduras hungary iceland india indonesia iran
iraq ireland israel italy jamaica japan jordan kazakhstan kenya kiribati kosovo kuwait
kyrgyzstan laos latvia lebanon lesotho liberia libya liechtenstein lithuania luxembourg
madagascar malawi malaysia maldives mali malta mauritania mauritius mexico micronesia moldova
monaco mongolia montenegro morocco mozambique myanmar namibia nauru nepal netherlands
nicaragua niger nigeria norway oman pakistan palau palestine panama paraguay peru
philippines poland portugal qatar romania russia rwanda samoa senegal serbia seychelles
singapore slovakia slovenia somalia spain sudan suriname sweden switzerland syria taiwan
tajikistan tanzania thailand togo tonga tunisia turkey turkmenistan tuvalu uganda ukraine
uruguay uzbekistan vanuatu venezuela vietnam yemen zambia zimbabwe
"""
COUNTRIES = frozenset(_COUNTRY_WORDS.split()) | frozenset(
    [
        "new zealand",
        "united kingdom",
        "united states",
        "united arab emirates",
        "south africa",
        "south korea",
        "north korea",
        "saudi arabia",
        "sri lanka",
        "costa rica",
        "el salvador",
        "hong kong",
        "puerto rico",
        "ivory coast",
        "papua new guinea",
        "great britain",
        "britain",
        "england",
        "scotland",
        "wales",
        "u.s.",
        "u.k.",
        "america",
    ]
)
REGIONS = frozenset(
    [
        "africa",
        "asia",
        "europe",
        "antarctica",
        "oceania",
        "middle east",
        "north america",
        "south america",
        "latin america",
        "central america",
        "north africa",
        "east asia",
        "southeast asia",
        "south asia",
        "central asia",
        "eastern europe",
        "western europe",
        "the west",
        "mediterranean",
        "caribbean",
        "arctic",
        "pacific",
        "atlantic",
    ]
)
US_STATES = frozenset(
    [
        "alabama", "alaska", "arizona", "arkansas", "california", "colorado", "connecticut",
        "delaware", "florida", "hawaii", "idaho", "illinois", "indiana", "iowa", "kansas",
        "kentucky", "louisiana", "maine", "maryland", "massachusetts", "michigan", "minnesota",
        "mississippi", "missouri", "montana", "nebraska", "nevada", "new hampshire",
        "new jersey", "new mexico", "new york", "north carolina", "north dakota", "ohio",
        "oklahoma", "oregon", "pennsylvania", "rhode island", "south carolina", "south dakota",
        "tennessee", "texas", "utah", "vermont", "virginia", "washington", "west virginia",
        "wisconsin", "wyoming",
    ]
)  # fmt: skip
PLACES = COUNTRIES | REGIONS | US_STATES
# Prepositions after which a capitalised run names a place or an institution.
LOCATIVES = frozenset(
    ["in", "at", "near", "across", "throughout", "into", "inside", "outside", "around", "across"]
)


def is_place(name: str) -> bool:
    """Whether ``name`` ("New Zealand", "Texas") is a country, region or US state."""
    return " ".join(name.lower().split()) in PLACES
