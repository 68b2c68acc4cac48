"""Photo credits: agencies, credit labels, the words a credit ends with, page chrome.

The one list of each, shared by the caption finders for plain text
(``reader.article.captions``) and for web pages (``reader.sources.html``) and by
anything else that must know a credit when it sees one (a quote finder that
should not take "(AP)" for a speaker, a summary filter that drops credit
lines). The regular-expression fragments below are built from the lists, so
a name added here is known everywhere at once.
"""

from __future__ import annotations

import re

# News agencies, photo agencies and picture libraries, and the public bodies
# whose handout photos news pages credit most often. Spelled as credits spell them.
AGENCIES: tuple[str, ...] = (
    "AP",
    "AFP",
    "Reuters",
    "REUTERS",
    "Yonhap",
    "Yonhap News",
    "EPA",
    "EPA-EFE",
    "Getty",
    "Getty Images",
    "Xinhua",
    "UPI",
    "Bloomberg",
    "Kyodo",
    "Newsis",
    "News1",
    "Korea Herald",
    "Korea Times",
    "Joint Press Corps",
    "KCNA",
    "Yna",
    "ANSA",
    "DPA",
    "dpa",
    "PA",
    "PA Wire",
    "PA Images",
    "PA Media",
    "Shutterstock",
    "iStock",
    "iStockphoto",
    "Alamy",
    "Sputnik",
    "TASS",
    "Anadolu",
    "NurPhoto",
    "SOPA Images",
    "Sipa",
    "Corbis",
    "ZUMA",
    "ZUMA Wire",
    "Unsplash",
    "Pexels",
    "Wikimedia",
    "Wikimedia Commons",
    "NASA",
    "ESA",
    "Pool",
    "Handout",
    "Courtesy",
    "File",
    "file",
    "Statista",
)

# Words that label a credit: "Photo: Jane Doe", "Image credit: NASA", "Graphic by Kim".
CREDIT_LABELS: tuple[str, ...] = (
    "Photo credit",
    "Image credit",
    "Picture credit",
    "Photograph",
    "Photographs",
    "Photo",
    "Photos",
    "Image",
    "Images",
    "Picture",
    "Pictures",
    "Pic",
    "Illustration",
    "Infographic",
    "Graphic",
    "Graphics",
    "Chart",
    "Map",
    "Video",
    "Credit",
    "Credits",
    "Source",
)

# Words a credit's last part ends with: "Jane Doe/Staff Photographer",
# "Kevin Roe/for New York Daily News", "POLICE DEPT./CONTRIBUTED IMAGE".
CREDIT_TAIL_WORDS: tuple[str, ...] = (
    "Photo",
    "Photos",
    "Photography",
    "Photographer",
    "Image",
    "Images",
    "Picture",
    "Pictures",
    "Illustration",
    "Graphic",
    "Agency",
    "News",
    "Press",
    "Times",
    "Post",
    "Herald",
    "Journal",
    "Tribune",
    "Gazette",
    "Handout",
    "Staff",
    "Pool",
    "Wire",
    "File",
    "Courier",
    "Chronicle",
    "Observer",
    "Telegraph",
    "Guardian",
    "Independent",
    "Examiner",
    "Inquirer",
    "Dispatch",
    "Bulletin",
    "Register",
    "Record",
    "Globe",
    "Star",
    "Sun",
    "Mail",
    "Magazine",
    "Newspaper",
    "Media",
    "Studio",
    "Studios",
    "Archive",
    "Archives",
    "Collection",
    "Library",
    "Museum",
    "Contributor",
)

# Page furniture a scraper copies next to captions: gallery buttons, share
# links, ad labels. Matched as whole words, in the case written here or in capitals.
PAGE_CHROME: tuple[str, ...] = (
    "View full size image",
    "View full size",
    "View larger image",
    "View image",
    "Enlarge this image",
    "Click to enlarge",
    "Enlarge",
    "Expand",
    "Hide caption",
    "Show caption",
    "toggle caption",
    "Image caption",
    "Media caption",
    "Previous",
    "Next",
    "Prev",
    "Share this article",
    "Share this story",
    "Share",
    "Pin It",
    "Tweet",
    "Email",
    "Print",
    "More Galleries",
    "View gallery",
    "Open gallery",
    "Advertisement",
    "Related articles",
    "Related article",
    "Related",
    "Close",
)

# Where a site's tag or topic list begins after a credit: "... Jane Doe Tags: Politics".
TAG_LIST_OPENERS: tuple[str, ...] = (
    "Tags",
    "Topics",
    "Filed under",
    "Filed Under",
    "Categories",
    "Keywords",
    "More on",
)


def alternation(words: tuple[str, ...], *, capitals: bool = False) -> str:
    """A regex group matching any of ``words`` (longest first), optionally also in CAPITALS."""
    forms = set(words)
    if capitals:
        forms |= {word.upper() for word in words}
    return "(?:" + "|".join(re.escape(w) for w in sorted(forms, key=len, reverse=True)) + ")"


AGENCY = alternation(AGENCIES)
LABEL = alternation(CREDIT_LABELS, capitals=True)
CREDIT_TAIL = alternation(CREDIT_TAIL_WORDS, capitals=True)
_CHROME = alternation(PAGE_CHROME, capitals=True) + r"(?:\s*[\u00bb\u203a|]+)?"
# A run of page chrome between words: "Share Pin It More Galleries ADVERTISEMENT".
CHROME_RUN = re.compile(rf"(?:(?<=\s)|^)(?:{_CHROME}(?:\s+|$))+")
_LEADING_CHROME = re.compile(rf"^(?:{_CHROME}(?:\s+|$))+")
_TRAILING_CHROME = re.compile(rf"(?:(?:^|\s+){_CHROME})+\s*$")
# "... Jane Doe Tags: Politics, Elections", "... Jane Doe #storm #airport".
TAG_LIST = re.compile(
    r"\s+" + alternation(TAG_LIST_OPENERS) + r"\s*:\s.*$|(?:\s+#\w[\w-]*)+\s*$", re.S
)

# "Jane Doe/AP", "Kevin C. Downs/for New York Daily News", "SHERIFF'S DEPT./CONTRIBUTED IMAGE":
# a name (not "The ..."), a slash, and a source that ends with an agency or a credit tail word.
_CAP_WORD = r"(?:[A-Z][\w'\u2019&-]{0,3}\.|[A-Z][\w'\u2019&-]*)"  # "C.", "DEPT.", "Downs"
# "Photo: Jane Doe/AP": the label, when there is one, belongs to the credit.
_LABEL_PREFIX = rf"(?:{LABEL}s?\s*(?:by\s+)?:\s*|{LABEL}\s+by\s+)?"
SLASH_CREDIT = re.compile(
    rf"(?P<credit>{_LABEL_PREFIX}(?!(?:The|A|An|This|That|These|Those|THE)\s)(?:{_CAP_WORD}\s+){{0,4}}{_CAP_WORD}\s*/\s*(?:(?:for|via|courtesy of)\s+)?"
    rf"(?:[Tt]he\s+|THE\s+)?(?:{_CAP_WORD}\s+){{0,5}}(?:{AGENCY}|{CREDIT_TAIL})\b\.?)"
)
# "REUTERS/Jane Doe", "AP Photo/Jane Doe": an agency first, then its photographer's name
# (one to three capitalised words, never a caption's opening "A", "The", "In", nor the
# subject of its verb: "REUTERS/Jane Doe Firefighters spray ..." credits "Jane Doe").
_NAME_WORD = (
    r"(?!(?:A|An|The|This|That|These|Those|In|On|At|His|Her|Their|Its|Two|Three)\b)"
    r"(?:[A-Z][\w'\u2019-]*\.?|[A-Z]\.)"
)
AGENCY_FIRST_CREDIT = re.compile(
    rf"(?P<credit>{_LABEL_PREFIX}(?:{AGENCY})(?:\s+(?:Photo|Images|Pictures|PHOTO))?\s*/\s*"
    rf"(?:{_NAME_WORD}\s+){{0,2}}{_NAME_WORD})(?![\w/])(?!\s+[a-z])"
)


def strip_chrome(text: str) -> str:
    """``text`` without page chrome at its start or end and without a trailing tag list."""
    text = TAG_LIST.sub("", text.strip())
    text = _TRAILING_CHROME.sub("", _LEADING_CHROME.sub("", text))
    return text.strip(" \u00bb\u203a|\u2022\u00b7")


def is_chrome(text: str) -> bool:
    """True when ``text`` is nothing but page chrome ("Previous Next", "Enlarge")."""
    stripped = text.strip()
    return bool(stripped) and not strip_chrome(stripped)
