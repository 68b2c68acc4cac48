"""Quotation marks a reader can trust: titles of works, mixed, missing and stray marks.

Each rule is tried on a short article written for the test, through the
whole pipeline (``build_article``), as ``reader inspect`` runs it.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.article.model import Quote
from reader.article.quotes.titles import title_like
from reader.article.voices import group_by_speaker
from tests.conftest import article_from_text

HEAD = "Quotes in the news\n\nBy Jane Roe\n\n"


def quotes(body: str) -> list[Quote]:
    return [q for q in article_from_text(HEAD + body).quotes if q.kind != "indirect"]


def texts(body: str) -> list[str]:
    return [q.text for q in quotes(body)]


def said(body: str) -> list[tuple[str, str | None]]:
    return [(q.text, q.speaker) for q in quotes(body)]


# ------------------------------------------------------------- titles of works


@pytest.mark.parametrize(
    "sentence",
    [
        'The director Maria Lopez returned with her new film "The Long Way Home," a drama.',
        'Her 2009 film "What Is Left" was a hit with critics in Spain and Mexico.',
        'In the song "I Will Always Love You," the singer Tom Baker sings of loss.',
        'The HBO series "Winter Comes Early" ends this year, Tom Baker said on Monday.',
        'The reality series "who wants to move house" returns, Tom Baker said on Monday.',
        'The novelist Tom Baker wrote Spielberg\u2019s "War of the Oceans" in 1990.',
    ],
)
def test_a_title_after_a_work_noun_is_never_a_quote(sentence):
    assert texts(sentence) == []


def test_a_work_noun_used_as_a_verb_leaves_the_quote_alone():
    body = 'Mayor Ann Lee spoke on Monday. The polls show "a race that is far too close to call."'
    assert texts(body) == ["a race that is far too close to call."]


def test_a_noun_that_is_not_only_a_work_needs_title_case_words():
    body = (
        "Ann Lee's family asked the police to release the videos \"as a matter of the public "
        'good." The local TV show "Morning Town Hour" covered it.'
    )
    assert texts(body) == ["as a matter of the public good."]


@pytest.mark.parametrize(
    "sentence",
    [
        "The director\u2019s documentary, titled \u201cwe are all here now,\u201d premiered "
        "in Berlin.",
        'The report, entitled "Housing and the City," found that rents rose sharply.',
        'The episode was called "The One Where Everybody Finds Out the Truth."',
        'The novelist Tom Baker has a memoir, "How I Learned to Stop Worrying," out in May.',
    ],
)
def test_titled_entitled_and_called_give_a_title(sentence):
    assert texts(sentence) == []


def test_called_without_a_work_is_a_term_not_a_title():
    body = (
        "Mayor Ann Lee spoke on Monday.\n\n"
        'The plan was what Lee called "A Betrayal Of Every Family In Town."'
    )
    assert said(body) == [("A Betrayal Of Every Family In Town.", "Ann Lee")]


@pytest.mark.parametrize(
    "sentence",
    [
        'The actor Tom Baker appeared in "Star Wars: The Force Awakens" last year.',
        'The actor Tom Baker spoke on "Who Wants to Be a Millionaire?" on Tuesday night.',
        'The band led by Tom Baker released "Blue River Blues" in 1998.',
        '"Blue River Blues," her first single, topped the charts, Tom Baker said.',
    ],
)
def test_title_case_words_after_in_on_or_a_verb_of_making_are_a_title(sentence):
    assert texts(sentence) == []


def test_a_sentence_case_quote_after_in_is_speech():
    body = 'Tom Baker, a singer, said in "the end we all go home," and laughed.'
    assert texts(body) == ["the end we all go home,"]


def test_a_headline_style_quote_is_still_a_quote():
    body = 'Ann Blake Said On Monday "Many Of You In This Room Are The Future Of Our Party"'
    assert texts(body) == ["Many Of You In This Room Are The Future Of Our Party"]


@pytest.mark.parametrize(
    ("words", "title"),
    [
        ("Star Wars: The Force Awakens", True),
        ("Who Wants to Be a Millionaire?", True),
        ("I Will Always Love You,", True),
        ("Jaws", True),
        ("We will win. Then We Go Home", False),
        ("we are all here now", False),
        ("The plan is dead", False),
    ],
)
def test_title_like(words, title):
    assert title_like(words) is title


# ------------------------------------------------------ mixed and missing marks


def test_a_curly_quote_closed_with_a_straight_mark():
    body = '\u201cWe are not going anywhere," said Ana Costa, a nurse. The ward has 40 beds.'
    assert said(body) == [("We are not going anywhere,", "Ana Costa")]


def test_an_opening_mark_after_a_finished_sentence_ends_the_quote_left_open():
    body = (
        '"In the old days," Tom Hardy said, "we had one regulator, maybe two. '
        "\u201cNow it\u2019s five or six. It is very hard.\n\n"
        '"You should all ask why," he added.'
    )
    assert texts(body) == [
        "In the old days,",
        "we had one regulator, maybe two.",
        "Now it\u2019s five or six. It is very hard.",
        "You should all ask why,",
    ]


def test_a_straight_opening_mark_inside_an_open_quote_starts_a_new_one():
    body = (
        'The report warned, "no one can be sure that we will adapt. This world means '
        '"cities and countries would suffer severe disruptions."'
    )
    assert texts(body) == [
        "no one can be sure that we will adapt.",
        "cities and countries would suffer severe disruptions.",
    ]


def test_a_closing_mark_with_no_opening_one_closes_its_sentence():
    body = (
        "Dai Shuqin, a 61-year-old teacher, said she had thought of the crew all week. "
        "I pray for them to come home,\u201d she said. \u201cIt would give me hope.\u201d"
    )
    assert said(body) == [
        ("I pray for them to come home,", "Dai Shuqin"),
        ("It would give me hope.", "Dai Shuqin"),
    ]


def test_a_block_quote_after_a_colon_that_only_closes_is_one_quote():
    body = (
        "Ann Lee, the ambassador, said:\n\n"
        "We have long experience with this kind of search. We stand ready to help.\u201d\n\n"
        "The search resumed on Friday."
    )
    assert texts(body) == [
        "We have long experience with this kind of search. We stand ready to help."
    ]


def test_a_quote_never_closed_stops_at_its_bare_attribution():
    body = (
        "The mayor, Tom Hardy, spoke next. \u201cWe will rebuild every house, he said, and then "
        "he left the stage without taking questions from the reporters who waited in the rain."
    )
    assert said(body) == [("We will rebuild every house,", "Tom Hardy")]


def test_a_quote_over_paragraphs_is_open_at_each_and_closed_on_the_last():
    body = (
        "\u201cThe first part is money,\u201d said Omar Haddad, an economist. "
        "\u201cWe need a lot of it.\n\n"
        "\u201cThe second part is time.\u201d\n\n"
        "The council meets again in May."
    )
    assert said(body) == [
        ("The first part is money,", "Omar Haddad"),
        ("We need a lot of it.", "Omar Haddad"),
        ("The second part is time.", "Omar Haddad"),
    ]


def test_a_long_quote_split_into_paragraphs_by_the_reader_stays_whole():
    sentences = " ".join(f"Sentence number {n} of what she said is here." for n in range(1, 9))
    body = f"Asked about the film, Ana Costa said, \u201c{sentences}\u201d\n\nThe end."
    assert said(body) == [(sentences, "Ana Costa")]


# ------------------------------------------------------- apostrophes and primes


def test_apostrophes_and_primes_are_not_quotation_marks():
    body = (
        "\u201cI grew up on rock \u2019n\u2019 roll in the \u201990s, and at 5'11\" I was the "
        "tallest kid in the class of \u201985,\u201d said Tom Baker, a drummer."
    )
    (quote,) = quotes(body)
    assert quote.text.startswith("I grew up on rock \u2019n\u2019 roll")
    assert quote.text.endswith("class of \u201985,")
    assert quote.speaker == "Tom Baker"


def test_a_single_quoted_quote_with_an_elision_and_a_plural_possessive():
    body = (
        "\u2018We play rock \u2019n\u2019 roll for the fans\u2019 sake, not ours,\u2019 said "
        "Tom Baker, a drummer."
    )
    assert said(body) == [
        ("We play rock \u2019n\u2019 roll for the fans\u2019 sake, not ours,", "Tom Baker")
    ]


def test_straight_single_quotes_quote_like_curly_ones():
    body = "'We just play what we like,' said Tom Baker, a drummer. It's his 'rock 'n' roll'."
    assert said(body)[0] == ("We just play what we like,", "Tom Baker")


def test_double_quotes_nested_in_single_quotes_stay_inside():
    body = "'He told me \"go home\", and I did,' said Omar Haddad, a teacher. 'I don't regret it.'"
    assert said(body) == [
        ('He told me "go home", and I did,', "Omar Haddad"),
        ("I don't regret it.", "Omar Haddad"),
    ]


def test_single_quotes_nested_in_double_quotes_stay_inside():
    body = "\"He asked me, 'Are you sure?' and I said yes,\" said Ana Costa, a nurse."
    assert texts(body) == ["He asked me, 'Are you sure?' and I said yes,"]


# ------------------------------------------------------------------ scare quotes


def test_short_scare_quotes_are_partial_and_never_in_the_sidebar():
    body = (
        'Mayor Ann Lee called the plan "together" on Monday.\n\n'
        'Critics see it as a "miracle" for the town.\n\n'
        '"We will build the bridge this year," Lee said.'
    )
    found = quotes(body)
    assert {q.text: q.kind for q in found}["together"] == "partial"
    (voice,) = group_by_speaker(found)
    assert [q.text for q in voice.quotes] == ["We will build the bridge this year,"]


# -------------------------------------------------------------------- properties

_NOISE = st.text(
    alphabet=st.sampled_from("ab .,\u201c\u201d\"\u2018\u2019'\u2033\u2032\n:5"), max_size=200
)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_NOISE)
def test_random_quote_marks_never_crash_and_spans_stay_in_their_paragraph(noise):
    article = article_from_text(HEAD + "Tom Baker said it. " + noise)
    for quote in article.quotes:
        para = article.paragraphs[quote.paragraph]
        assert para.start <= quote.start <= quote.end <= para.end
        assert article.text[quote.start : quote.end] == quote.text or quote.kind == "indirect"


_WORD = st.sampled_from(["we", "will", "win", "the", "town", "said", "Tom", "Baker", "today"])
_MARK = st.sampled_from(["\u201c", "\u201d", '"', "\u2018", "\u2019", "'"])


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(_WORD, _MARK), min_size=1, max_size=30))
def test_no_quote_swallows_a_paragraph_of_words_outside_marks(pieces):
    reporter = "The council met on Monday and voted for the plan without a single objection."
    body = " ".join(pieces) + "\n\n" + reporter
    article = article_from_text(HEAD + body)
    for quote in article.quotes:
        assert reporter not in quote.text


def test_a_curly_quote_nested_in_a_curly_quote_stays_inside():
    body = (
        "\u201cI\u2019d rather live in what he calls \u201chell\u201d than in a world where he "
        "is mayor.\u201d \u2015 Ana Costa"
    )
    assert said(body) == [
        (
            "I\u2019d rather live in what he calls \u201chell\u201d than in a world where he is mayor.",
            "Ana Costa",
        )
    ]


def test_a_closing_mark_used_to_open_a_quote():
    body = "\u201dFear. I am truly afraid of what comes next.\u201d \u2015 Tom Baker"
    assert said(body) == [("Fear. I am truly afraid of what comes next.", "Tom Baker")]


def test_a_signed_quote_of_many_sentences_keeps_its_signature():
    sentences = " ".join(f"Thought number {n} is here." for n in range(1, 8))
    body = f"\u201c{sentences}\u201d \u2015 Tom Baker\n\u201cWe all agree.\u201d \u2015 Ana Costa"
    assert said(body) == [(sentences, "Tom Baker"), ("We all agree.", "Ana Costa")]


def test_straight_quotes_nested_in_straight_quotes_stay_inside():
    body = (
        '"You skip work because you "had stuff to do at home"; you cancel dinners," '
        "wrote Tom Baker, a blogger."
    )
    assert said(body) == [
        ('You skip work because you "had stuff to do at home"; you cancel dinners,', "Tom Baker")
    ]


def test_a_single_quoted_quote_over_paragraphs_in_british_style():
    body = (
        "\u2018We have waited years for this bridge,\u2019 said Ana Costa, a councillor. "
        "\u2018It will change the town.\n\n"
        "\u2018It will bring the shops back.\u2019\n\n"
        "The bridge opens in May."
    )
    assert said(body) == [
        ("We have waited years for this bridge,", "Ana Costa"),
        ("It will change the town.", "Ana Costa"),
        ("It will bring the shops back.", "Ana Costa"),
    ]


def test_a_stray_single_mark_at_a_paragraphs_end_opens_no_quote():
    body = "Tom Baker grew up in the town in the \u201870s and ran its \u2018best bakery.\n\nIt closed."
    assert texts(body) == []


def test_a_quote_never_closed_stops_before_the_reporters_next_sentence():
    body = (
        "\u201cWe will rebuild every house on this street. Hardy said the work would start "
        "in May and cost the town two million pounds.\n\n"
        "The council meets on Friday."
    )
    assert texts(body) == ["We will rebuild every house on this street."]


def test_a_closed_quote_keeps_a_he_said_of_its_own():
    body = (
        "\u201cI called him at noon. He said no, and that was the end of it,\u201d "
        "said Ana Costa, a nurse."
    )
    assert texts(body) == ["I called him at noon. He said no, and that was the end of it,"]


def test_a_short_quote_after_a_speech_verb_is_speech_in_the_sidebar():
    body = 'Mayor Ann Lee was asked about the plan on Monday. Lee said "Never again." and left.'
    found = quotes(body)
    assert [(q.text, q.kind, q.speaker) for q in found] == [("Never again.", "direct", "Ann Lee")]
    (voice,) = group_by_speaker(found)
    assert [q.text for q in voice.quotes] == ["Never again."]
