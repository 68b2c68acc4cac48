"""Find in the article: smart case, literal matching, wrapping, the counter."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from reader.article.build import build_article
from reader.search import (
    ParagraphMatch,
    SearchState,
    find_in_article,
    find_in_paragraphs,
    find_matches,
    next_match,
)
from reader.sources.load import load_source


def test_lower_case_query_ignores_case():
    assert find_matches("Putin met PUTIN and putin", "putin") == [(0, 5), (10, 15), (20, 25)]


def test_query_with_a_capital_matches_case():
    assert find_matches("Putin met PUTIN and putin", "Putin") == [(0, 5)]
    assert find_matches("Putin met PUTIN and putin", "PUTIN") == [(10, 15)]


def test_query_is_literal_not_a_regular_expression():
    assert find_matches("abc a.c", "a.c") == [(4, 7)]
    assert find_matches("on Wednesday. (AP) and (ap)", "(AP)") == [(14, 18)]
    assert find_matches("x+y x++y", "x++y") == [(4, 8)]
    assert find_matches("[1] \\d", "\\d") == [(4, 6)]


def test_spaces_in_the_query_match_any_whitespace():
    assert find_matches("a launch\n  pad here", "launch pad") == [(2, 14)]
    assert find_matches("launchpad", "launch pad") == []


def test_blank_query_matches_nothing():
    assert find_matches("anything", "") == []
    assert find_matches("anything", "   ") == []


def test_matches_do_not_overlap():
    assert find_matches("aaaa", "aa") == [(0, 2), (2, 4)]


@given(st.text(alphabet="abcAB .", max_size=40), st.text(alphabet="ab.", min_size=1, max_size=3))
def test_lower_case_matching_agrees_with_a_naive_scan(text, query):
    expected = []
    at = 0
    folded = text.lower()
    while (found := folded.find(query, at)) != -1:
        expected.append((found, found + len(query)))
        at = found + len(query)
    assert find_matches(text, query) == expected


@given(st.text(max_size=60), st.text(min_size=1, max_size=5))
def test_every_match_is_the_query_up_to_case_and_space(text, query):
    for start, end in find_matches(text, query):
        found = text[start:end]
        assert end > start
        if any(ch.isupper() for ch in query) and not any(ch.isspace() for ch in query):
            assert found == query


def test_next_match_goes_forward_from_the_position_and_wraps():
    matches = [(2, 4), (10, 12), (20, 22)]
    assert next_match(matches, 0) == 0
    assert next_match(matches, 10) == 1  # a match at the position counts
    assert next_match(matches, 11) == 2
    assert next_match(matches, 21) == 0  # wrapped
    assert next_match(matches, 11, backwards=True) == 1
    assert next_match(matches, 10, backwards=True) == 0
    assert next_match(matches, 1, backwards=True) == 2  # wrapped
    assert next_match([], 5) is None


def test_next_match_with_paragraph_positions():
    matches = [ParagraphMatch(0, 5, 8), ParagraphMatch(3, 0, 3), ParagraphMatch(3, 9, 12)]
    assert next_match(matches, (1, 0)) == 1
    assert next_match(matches, (3, 1)) == 2
    assert next_match(matches, (4, 0)) == 0
    assert next_match(matches, (3, 0), backwards=True) == 0


def test_find_in_paragraphs_gives_paragraph_offsets():
    texts = ["Kim met Putin.", "No one here.", "Putin and Kim, Kim."]
    assert find_in_paragraphs(texts, "kim") == [
        ParagraphMatch(0, 0, 3),
        ParagraphMatch(2, 10, 13),
        ParagraphMatch(2, 15, 18),
    ]


def test_search_state_counter_and_wrapping():
    texts = ["Kim met Putin.", "No one here.", "Putin and Kim, Kim."]
    state = SearchState.start("kim", texts, position=(1, 0))
    assert state.counter == "2/3"
    assert state.match == ParagraphMatch(2, 10, 13)
    state = state.next()
    assert state.counter == "3/3"
    state = state.next()
    assert state.counter == "1/3"  # wrapped
    state = state.previous()
    assert state.counter == "3/3"  # wrapped back
    assert state.in_paragraph(2) == [ParagraphMatch(2, 10, 13), ParagraphMatch(2, 15, 18)]


def test_search_state_with_no_match_keeps_the_position():
    state = SearchState.start("moon", ["Kim met Putin."], position=(0, 0))
    assert state.active and not state.found
    assert state.current is None and state.match is None
    assert state.counter == "no matches"
    assert state.next() == state and state.previous() == state


def test_empty_search_state_shows_no_counter():
    assert SearchState().counter == ""
    assert SearchState.start("", ["text"]).counter == ""


def test_search_the_bundled_article():
    article = build_article(load_source(None))
    matches = find_in_article(article, "vostochny")
    assert len(matches) >= 2
    for paragraph, start, end in matches:
        assert article.paragraphs[paragraph].text[start:end].lower() == "vostochny"
    state = SearchState.start("Vostochny", article)
    assert state.counter == f"1/{len(state.matches)}"
