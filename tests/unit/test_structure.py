"""True structure: headings only from the source, derived parts marked, Markdown lists,
quotes and emphasis kept, bylines out of the body and the summary, key points."""

from __future__ import annotations

import pytest

from reader.article.build import build_article
from reader.article.bylines import byline_author, dateline_date, is_furniture
from reader.sources.load import document_from_bytes
from reader.summary.algorithms import algorithm_name, summarize
from reader.summary.keypoints import split_parts
from tests.conftest import article_from_text

NOTE = b"""# Budget passes after long night

By Maria Lopez

The city council passed the budget on *Tuesday*, after a **long** night of debate.

## What changes

- Bus fares stay the same for another year.
- Libraries open on Sundays from March.

3. First, the council voted on the tax rate.
4. Then it voted on the spending plan.

## Reactions

> We waited a long time for this. It is a good day for the city.

Residents said they were pleased.
"""

TOPICS = [
    ("The river", "flooded the lower town", "water", "banks", "pumps"),
    ("The railway", "reopened the northern line", "trains", "tracks", "stations"),
    ("The school board", "hired forty new teachers", "pupils", "classrooms", "lessons"),
    ("The hospital", "opened a new children's ward", "doctors", "nurses", "beds"),
]


def long_text() -> str:
    """About 80 sentences on four subjects, in paragraphs of four sentences."""
    paragraphs = []
    for subject, event, a, b, c in TOPICS:
        for round_ in range(5):
            paragraphs.append(
                f"{subject} {event} in week {round_ + 1}. Officials counted the {a} and the {b}. "
                f"Residents asked about the {c} and the {a}. Volunteers checked the {b} and the {c} again."
            )
    return "\n\n".join(paragraphs) + "\n"


def markdown_article():
    return build_article(document_from_bytes(NOTE, name="note.md", source="note.md"))


def test_markdown_headings_are_real_sections_and_the_intro_is_derived():
    article = markdown_article()
    assert [(s.label, s.heading, s.derived) for s in article.sections] == [
        ("The city council passed the budget on\u2026", False, True),
        ("What changes", True, False),
        ("Reactions", True, False),
    ]


def test_markdown_byline_is_the_author_not_body_text():
    article = markdown_article()
    assert article.author == "Maria Lopez"
    assert "Maria Lopez" not in article.body
    assert all("Maria" not in s.label for s in article.sections)


def test_a_byline_and_a_dateline_on_two_lines_are_the_author_and_the_date():
    text = (
        "Harbor town bans night fishing\n\nBy Maria Lopez\nPublished: May 3, 2025\n\n"
        "The council of Westport voted on Tuesday to ban fishing after dark.\n\n"
        "The ban starts in June, the council said.\n"
    )
    article = article_from_text(text)
    assert (article.title, article.author, article.date) == (
        "Harbor town bans night fishing",
        "Maria Lopez",
        "May 3, 2025",
    )
    assert article.body.startswith("The council of Westport voted")
    summary = summarize(article, "news", 2)
    assert all("Maria Lopez" not in s.text for s in summary.sentences)


def test_a_byline_wrapped_over_two_lines_is_still_one_byline():
    assert is_furniture("By Maria Lopez and\nJohn Smith")
    assert not is_furniture("By Maria Lopez\nThe council voted on Tuesday to ban fishing.")


def test_markdown_lists_quotes_and_emphasis_are_kept():
    article = markdown_article()
    kinds = [(p.kind, p.marker, p.text) for p in article.paragraphs]
    assert kinds[1:5] == [
        ("item", "\u2022", "Bus fares stay the same for another year."),
        ("item", "\u2022", "Libraries open on Sundays from March."),
        ("item", "3.", "First, the council voted on the tax rate."),
        ("item", "4.", "Then it voted on the spending plan."),
    ]
    assert kinds[5][0] == "quote" and kinds[6][0] == "text"
    first = article.paragraphs[0]
    styled = [(article.text[s.start : s.end], s.style) for s in first.styles]
    assert styled == [("Tuesday", "emphasis"), ("long", "strong")]
    assert "*" not in article.text


def test_long_plain_texts_get_few_derived_parts_labelled_by_their_opening_words():
    article = article_from_text(long_text())
    sections = article.sections
    assert 2 <= len(sections) <= 6
    assert all(s.derived and not s.heading for s in sections)
    for section in sections:
        opening = section.paragraphs[0].text.split()
        assert section.label.rstrip("\u2026").split() == opening[: len(section.label.split())]
    # The parts follow the subjects: each begins where one starts.
    starts = {s.paragraphs[0].text.split(" in week")[0] for s in sections[1:]}
    assert starts <= {f"{subject} {event}" for subject, event, *_ in TOPICS}


@pytest.mark.parametrize(
    ("line", "author"),
    [
        ("By Maria Lopez", "Maria Lopez"),
        ("by Jane Doe", "Jane Doe"),
        ("Maria Lopez, Staff Writer", "Maria Lopez"),
        ("By the end of the day, the city had voted.", None),
        ("Budget passes after long night", None),
    ],
)
def test_bylines(line, author):
    assert byline_author(line) == author


@pytest.mark.parametrize(
    ("line", "furniture"),
    [
        ("Published: May 1, 2024", True),
        ("Sept. 13, 2023 - 15:37", True),
        ("Updated 3 hours ago", True),
        ("Reporting by Jane Doe; Editing by John Roe", True),
        ("Copyright 2024 The Daily Planet. All rights reserved.", True),
        ("The council met on May 1, 2024.", False),
        ("By the end of the day, the city had voted.", False),
    ],
)
def test_datelines_and_credits_are_furniture(line, furniture):
    assert is_furniture(line) is furniture


def test_dateline_at_the_top_becomes_the_date():
    data = b"Budget passes after long night\n\nPublished: May 1, 2024\n\nThe council voted. It was late.\n"
    article = build_article(document_from_bytes(data, name="x.txt", source="x.txt"))
    assert (article.title, article.date, article.body) == (
        "Budget passes after long night",
        "May 1, 2024",
        "The council voted. It was late.",
    )
    assert dateline_date("Published: May 1, 2024") == "May 1, 2024"


@pytest.mark.parametrize("algorithm", ["keypoints", "news", "lexrank", "luhn"])
def test_no_summary_picks_a_credit_line(algorithm):
    text = (
        "The council passed the budget on Tuesday after a long night of debate.\n\n"
        "Reporting by Jane Doe; Editing by John Roe\n\n"
        "The mayor said the budget keeps bus fares low for the council's voters.\n\n"
        "Copyright 2024 The Daily Planet. All rights reserved.\n"
    )
    chosen = summarize(article_from_text(text), algorithm, 2).sentences
    assert [s.text for s in chosen if is_furniture(s.text)] == []


def test_split_parts_cover_the_text_at_paragraph_starts():
    assert split_parts(12, [0, 4, 8], 3) == [(0, 4), (4, 8), (8, 12)]
    assert split_parts(10, [0, 3, 9], 2) == [(0, 3), (3, 10)] or split_parts(10, [0, 3, 9], 2) == [
        (0, 5),
        (5, 10),
    ]
    parts = split_parts(7, [0], 3)
    assert parts[0][0] == 0 and parts[-1][1] == 7 and len(parts) == 3
    assert all(start < end for start, end in parts)


def test_key_points_take_one_sentence_from_each_part_in_order():
    article = article_from_text(long_text())
    summary = summarize(article, "keypoints", 4)
    assert algorithm_name("keypoints") == "Key points"
    subjects = [
        next(t[0] for t in TOPICS if t[2] in s.text or t[0] in s.text) for s in summary.sentences
    ]
    assert subjects == [t[0] for t in TOPICS]  # one point for each subject, in the article's order
    assert list(summary.indexes) == sorted(summary.indexes)


def test_key_points_of_the_bundled_article_spread_over_it(bundled_article):
    summary = summarize(bundled_article, "keypoints", 3)
    total = len(bundled_article.sentences)
    thirds = {s.index * 3 // total for s in summary.sentences}
    assert thirds == {0, 1, 2}
