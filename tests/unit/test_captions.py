"""Photo captions: found by shape, stored once with their credit, out of the body."""

from __future__ import annotations

import pytest

from tests.conftest import article_from_text

BODY = (
    "The city council approved the budget on Monday after a long debate. "
    "Members argued for hours about the cost of new buses."
)


def test_bundled_article_has_three_captions_credited(bundled_article):
    credits = [c.credit for c in bundled_article.captions]
    assert credits == ["AP", "AFP", "Reuters"]
    assert bundled_article.captions[0].text.startswith(
        "Russian President Vladimir Putin (left) and North Korea's"
    )
    assert bundled_article.captions[0].text.endswith("Amur region, Russia, on Wednesday.")
    assert bundled_article.captions[1].text.startswith(
        "In this pool photo distributed by Sputnik agency"
    )


def test_bundled_captions_are_out_of_the_body(bundled_article):
    for caption in bundled_article.captions:
        assert caption.text not in bundled_article.body
        assert "(AP)" not in bundled_article.body


def test_bundled_caption_positions(bundled_article):
    positions = [c.before_paragraph for c in bundled_article.captions]
    assert positions[0] == 0
    assert positions[-1] == len(bundled_article.paragraphs)
    assert 0 < positions[1] < len(bundled_article.paragraphs)


def test_caption_stated_once_with_credit_in_parentheses():
    text = f"A firefighter sprays water on a burning house in Seoul on Monday. (Yonhap)\n\n{BODY}"
    article = article_from_text(text)
    assert [(c.text, c.credit) for c in article.captions] == [
        ("A firefighter sprays water on a burning house in Seoul on Monday.", "Yonhap")
    ]
    assert "firefighter" not in article.body


def test_caption_repeated_as_two_blocks_is_stored_once():
    caption = "Protesters march through the capital on Saturday. (EPA)"
    article = article_from_text(f"{caption}\n\n{caption}\n\n{BODY}")
    assert len(article.captions) == 1
    assert article.captions[0].credit == "EPA"


def test_credit_on_a_line_of_its_own():
    text = f"{BODY}\n\nThe mayor (center) cuts the ribbon at the new station.\nPhoto: Jane Doe/Getty Images\n\n{BODY}"
    article = article_from_text(text)
    assert [(c.text, c.credit) for c in article.captions] == [
        ("The mayor (center) cuts the ribbon at the new station.", "Jane Doe/Getty Images")
    ]


def test_credit_line_as_its_own_block():
    text = (
        f"{BODY}\n\nIn this file photo, workers repair the bridge.\n\nCredit: City Hall\n\n{BODY}"
    )
    article = article_from_text(text)
    assert [(c.text, c.credit) for c in article.captions] == [
        ("In this file photo, workers repair the bridge.", "City Hall")
    ]


def test_repeated_caption_inside_a_block():
    caption = "Rescue workers search the rubble in Antakya, Turkey, on Tuesday. (Reuters)"
    text = f"{BODY} {caption} {caption} The search went on through the night."
    article = article_from_text(text)
    assert [c.credit for c in article.captions] == ["Reuters"]
    assert "The search went on through the night." in article.body
    assert "rubble" not in article.body


def test_pull_quote_is_not_a_caption_and_not_repeated():
    quote = "We will rebuild every house that was lost, and we will do it together."
    body = f'The governor spoke on Friday. "{quote}" she said at the site. Crews arrived in the afternoon.'
    article = article_from_text(
        f"{body}\n\n\u201c{quote}\u201d\n\nMore crews came later in the week."
    )
    assert article.captions == ()
    assert article.body.count("rebuild every house") == 1


@pytest.mark.parametrize(
    "paragraph",
    [
        "Officials said the plan would cost $4 billion, according to the ministry. (Yonhap)",
        "The president (left) said the talks went well and would resume on Monday in Geneva.",
    ],
)
def test_reporting_sentences_are_not_captions(paragraph):
    article = article_from_text(f"{BODY}\n\n{paragraph}\n\n{BODY} More words follow here.")
    assert article.captions == ()
