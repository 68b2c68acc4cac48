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


def _captions(text: str) -> list[tuple[str, str | None]]:
    return [(c.text, c.credit) for c in article_from_text(text).captions]


def test_credit_line_before_the_caption():
    text = f"Jane Roe/for The Daily Courier Two boys fly a kite on the beach at dawn.\n\n{BODY}"
    assert _captions(text) == [
        ("Two boys fly a kite on the beach at dawn.", "Jane Roe/for The Daily Courier")
    ]
    assert "kite" not in article_from_text(text).body


def test_two_captions_on_one_line_each_after_its_credit():
    line = (
        "Jane Roe/Staff Photographer A farmer checks his wheat after the storm. "
        "Jane Roe/Staff Photographer Hail covers a field near the town. Previous Next"
    )
    article = article_from_text(f"{BODY}\n\n{line}\n\nEnlarge\n\n{BODY} The vote was close.")
    assert [(c.text, c.credit) for c in article.captions] == [
        ("A farmer checks his wheat after the storm.", "Jane Roe/Staff Photographer"),
        ("Hail covers a field near the town.", "Jane Roe/Staff Photographer"),
    ]
    assert "Previous" not in article.body and "Enlarge" not in article.body


def test_two_captions_on_one_line_each_with_its_credit_in_parentheses():
    line = "A farmer checks his wheat after the storm. (AP) Hail covers a field near the town. (Reuters)"
    assert _captions(f"{BODY}\n\n{line}\n\n{BODY}") == [
        ("A farmer checks his wheat after the storm.", "AP"),
        ("Hail covers a field near the town.", "Reuters"),
    ]


def test_credit_inline_in_the_middle_of_a_line_amid_page_chrome():
    line = (
        "TOWN: Council backs new bus plan Share Pin It More Galleries ADVERTISEMENT "
        "Mayor Ann Lee stands beside a new electric bus on Monday. "
        "CITY TRANSIT DEPT./CONTRIBUTED IMAGE Related article \u00bb"
    )
    article = article_from_text(f"{line}\n\n{BODY}")
    assert [(c.text, c.credit) for c in article.captions] == [
        (
            "Mayor Ann Lee stands beside a new electric bus on Monday.",
            "CITY TRANSIT DEPT./CONTRIBUTED IMAGE",
        )
    ]
    assert "ADVERTISEMENT" not in article.body and "Related article" not in article.body


def test_slideshow_captions_opening_with_a_counter():
    line = (
        "1 of 3. Firefighters spray water on the roof of the mill. (AFP) "
        "2 of 3. Smoke rises over the river. (AFP) 3 of 3. A crowd watches from the bridge."
    )
    assert _captions(f"{BODY}\n\n{line}\n\n{BODY}") == [
        ("Firefighters spray water on the roof of the mill.", "AFP"),
        ("Smoke rises over the river.", "AFP"),
        ("A crowd watches from the bridge.", None),
    ]


@pytest.mark.parametrize(
    ("block", "expected"),
    [
        (
            "Ticket prices in the region since 2010. (Graphic by Kim Min-ji/The Daily Courier)",
            ("Ticket prices in the region since 2010.", "Kim Min-ji/The Daily Courier"),
        ),
        (
            "This infographic shows how ticket prices rose in the region since 2010.",
            ("This infographic shows how ticket prices rose in the region since 2010.", None),
        ),
    ],
)
def test_infographic_captions(block, expected):
    assert _captions(f"{BODY}\n\n{block}\n\n{BODY}") == [expected]


def test_space_agency_credit_is_a_credit():
    text = f"{BODY}\n\nThe probe passes over the south pole of the moon. (NASA)\n\n{BODY}"
    assert _captions(text) == [("The probe passes over the south pole of the moon.", "NASA")]


def test_photo_phrasing_alone_makes_a_caption():
    first = (
        "People walk past a screen showing the index, in this picture illustration "
        "taken in Tokyo on May 2, 2024."
    )
    assert _captions(f"{first}\n\n{BODY}") == [(first, None)]


@pytest.mark.parametrize(
    "line",
    [
        "A navy ship is shown here lifting a piece of the wreck from the sea",
        "Jane Doe works on a mural showing the lost ship on the harbour wall in Hull",
    ],
)
def test_unpunctuated_photo_descriptions_are_captions(line):
    assert _captions(f"{BODY}\n\n{line}\n\n{BODY}") == [(line, None)]


@pytest.mark.parametrize(
    "paragraph",
    [
        "Meanwhile, crowds in the capital are holding a vigil for the lost crew tonight",
        "The USC Dornsife/Los Angeles Times poll, which tracks voters daily, showed a tie.",
        "A new poll by ABC News/Washington Post found that most voters back the plan.",
        "WASHINGTON (AP) \u2014 The Senate passed the bill on Monday after a long night.",
        "Big crowds at the harbour this morning pic.twitter.com/abc \u2014 Jane (@jane) May 1, 2024",
        "Simon Roe is the editor of a gardening website that reviews tools for beginners",
    ],
)
def test_body_text_shaped_like_captions_stays_in_the_body(paragraph):
    article = article_from_text(f"{BODY}\n\n{paragraph}\n\n{BODY} More words follow here.")
    assert article.captions == ()


def test_a_quotation_before_a_credit_line_is_not_a_caption():
    quote = "\u201cWe want safe streets and good schools for every child in this town.\u201d"
    article = article_from_text(f"{BODY}\n\n{quote}\n\nGetty/Instagram.\n\n{BODY}")
    assert article.captions == ()


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("Jane Doe/AP View full size image", "Jane Doe/AP"),
        ("Jane Doe/AP Tags: Weather, Airports", "Jane Doe/AP"),
        ("Jane Doe/AP #storm #airport", "Jane Doe/AP"),
        ("Enlarge \u00bb A tram crosses the bridge. Previous Next", "A tram crosses the bridge."),
        ("Shares in Next rose on Monday.", "Shares in Next rose on Monday."),
    ],
)
def test_page_chrome_is_stripped_only_at_the_ends(raw, clean):
    from reader.lexicon.credits import strip_chrome

    assert strip_chrome(raw) == clean


SCENE = "A man walks his dog past the flooded station on Tuesday."


def test_a_labelled_credit_line_before_its_caption_credits_the_caption_not_the_body():
    article = article_from_text(f"{BODY}\n\nPhoto: Jane Roe/Reuters\n\n{SCENE}\n\n{BODY} More.")
    assert [(c.text, c.credit) for c in article.captions] == [(SCENE, "Jane Roe/Reuters")]
    assert "walks his dog" not in article.body and "Jane Roe" not in article.body
    assert article.body.startswith("The city council approved")


@pytest.mark.parametrize(
    "block",
    [f"REUTERS/Jane Roe {SCENE}", f"{SCENE} REUTERS/Jane Roe", f"AP Photo/Jane Roe {SCENE}"],
)
def test_an_agency_before_its_photographer_is_a_credit(block):
    credit = block.replace(SCENE, "").strip()
    assert _captions(f"{BODY}\n\n{block}\n\n{BODY}") == [(SCENE, credit)]


def test_an_agency_first_credit_ends_before_the_captions_subject():
    block = "REUTERS/Jane Roe Firefighters spray water on the roof of the mill."
    assert _captions(f"{BODY}\n\n{block}\n\n{BODY}") == [
        ("Firefighters spray water on the roof of the mill.", "REUTERS/Jane Roe")
    ]


@pytest.mark.parametrize("block", [f"Getty Images {SCENE}", f"{SCENE} Getty Images"])
def test_a_bare_agency_name_credits_a_block_that_reads_as_a_caption(block):
    assert _captions(f"{BODY}\n\n{block}\n\n{BODY}") == [(SCENE, "Getty Images")]


@pytest.mark.parametrize(
    "paragraph",
    [
        "Bloomberg Businessweek reported the figures first, a week before the vote.",
        "The vote on the new budget is due in May. Reuters",
        "A Reuters/Ipsos poll found most voters back the plan.",
    ],
)
def test_an_agency_named_in_body_text_makes_no_caption(paragraph):
    article = article_from_text(f"{BODY}\n\n{paragraph}\n\n{BODY} More words follow here.")
    assert article.captions == ()


def test_a_label_before_a_slash_credit_belongs_to_the_credit():
    line = (
        "A man walks his dog past the flooded station. Photo: Jane Roe/AP "
        "A boy rides a bike through the water. Photo: Tom Lee/Reuters"
    )
    assert _captions(f"{BODY}\n\n{line}\n\n{BODY}") == [
        ("A man walks his dog past the flooded station.", "Jane Roe/AP"),
        ("A boy rides a bike through the water.", "Tom Lee/Reuters"),
    ]


@pytest.mark.parametrize(
    ("credit_line", "credit"),
    [
        ("Courtesy of the City of Hull", "the City of Hull"),
        ("Photo by Jane Roe", "Jane Roe"),
        ("Photo courtesy of Jane Roe", "Jane Roe"),
    ],
)
def test_courtesy_and_photo_by_lines_are_credits(credit_line, credit):
    article = article_from_text(f"{BODY}\n\n{SCENE}\n{credit_line}\n\n{BODY} More.")
    assert [(c.text, c.credit) for c in article.captions] == [(SCENE, credit)]
    assert credit_line not in article.body


@pytest.mark.parametrize(
    ("credit", "source"),
    [("(Courtesy of Jane Roe)", "Jane Roe"), ("(Photo courtesy of Jane Roe)", "Jane Roe")],
)
def test_a_courtesy_credit_in_parentheses_keeps_only_its_source(credit, source):
    assert _captions(f"{BODY}\n\n{SCENE} {credit}\n\n{BODY}") == [(SCENE, source)]


# ------------------------------------------------------------------ web pages

FERRY = [
    "The harbour ferry returned to service on Monday after a winter of repairs to its engines.",
    "Commuters lined the pier before dawn, and many said the crossing had been missed a lot.",
    "The operator said the repairs cost more than two million pounds and ran four months late.",
]


def _page_article(tmp_path, figures: list[str]):
    from reader.article.build import build_article
    from reader.sources.load import load_source

    body = "".join(f"{figure}<p>{text}</p>" for figure, text in zip(figures, FERRY))
    page = (
        "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title>Ferry returns</title>"
        f"</head><body><main><article><h1>Ferry returns</h1>{body}</article></main></body></html>"
    )
    path = tmp_path / "ferry.html"
    path.write_text(page, encoding="utf-8")
    return build_article(load_source(str(path)))


def test_page_captions_lose_counters_junk_and_tags_and_keep_their_credits(tmp_path):
    article = _page_article(
        tmp_path,
        [
            "<figure><img src='a.jpg'><figcaption>1 of 4. The captain waves from the bridge. "
            "REUTERS/Tom Lee</figcaption></figure>",
            "<figure><img src='b.jpg'><figcaption>Passengers board at dawn. Jane Roe/AP "
            "View full size image</figcaption></figure>",
            "<figure><img src='c.jpg'><figcaption>The ferry crosses in light fog. "
            "(Photo: Tom Lee/Reuters) Tags: Transport, Harbour</figcaption></figure>",
        ],
    )
    assert [(c.text, c.credit) for c in article.captions] == [
        ("The captain waves from the bridge.", "REUTERS/Tom Lee"),
        ("Passengers board at dawn.", "Jane Roe/AP"),
        ("The ferry crosses in light fog.", "Tom Lee/Reuters"),
    ]
    for words in ("captain waves", "View full", "Tags", "1 of 4"):
        assert words not in article.body


def test_a_page_credit_before_the_caption_text_and_file_names_never_captions(tmp_path):
    article = _page_article(
        tmp_path,
        [
            "<figure><img src='a.jpg'><figcaption><span class='credit'>Jane Roe/The Harbour "
            "Times</span> A deckhand ties up the ferry at the south pier.</figcaption></figure>",
            "<figure><img src='b.jpg' alt='DSC_0042'><figcaption>IMG 2041</figcaption></figure>",
            "<figure><img src='c.jpg' alt='ferry_harbour_2024_final'>"
            "<figcaption>ferry-harbour-2024.jpg</figcaption></figure>",
        ],
    )
    assert [(c.text, c.credit) for c in article.captions] == [
        ("A deckhand ties up the ferry at the south pier.", "Jane Roe/The Harbour Times")
    ]
    for words in ("deckhand", "IMG 2041", "DSC", "ferry-harbour"):
        assert words not in article.body
