"""Quotes and who said them: reader.article.quotes.find_quotes."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.article.model import Paragraph, Quote, Sentence
from reader.article.quotes import find_quotes, is_expert_role
from reader.nlp.tokenize import sentence_spans

ROOT = Path(__file__).resolve().parents[2]
KOREA_HERALD = ROOT / "content" / "korea-herald-putin-kim-jong-un-vostochny-cosmodrome.txt"
_CAPTION = re.compile(r"\((?:AP|AFP|Reuters)\)\s*$")


def paragraphs(text: str) -> list[Paragraph]:
    """Body paragraphs of ``text``: blank-line separated, photo captions left out."""
    paras: list[Paragraph] = []
    n = 0
    for m in re.finditer(r"[^\n]+(?:\n(?!\s*\n)[^\n]+)*", text):
        if not m.group().strip() or _CAPTION.search(m.group()):
            continue
        index = len(paras)
        sentences = tuple(
            Sentence(n + k, m.start() + s, m.start() + e, m.group()[s:e], index)
            for k, (s, e) in enumerate(sentence_spans(m.group()))
        )
        n += len(sentences)
        paras.append(Paragraph(index, m.start(), m.end(), sentences, m.group()))
    return paras


def quotes_of(text: str) -> tuple[Quote, ...]:
    return find_quotes(text, paragraphs(text))


def quoted(text: str, words: str) -> Quote:
    """The quote of ``text`` whose text starts with ``words``."""
    found = [q for q in quotes_of(text) if q.text.startswith(words)]
    assert len(found) == 1, [q.text for q in quotes_of(text)]
    return found[0]


def direct(quotes: tuple[Quote, ...]) -> list[Quote]:
    return [q for q in quotes if q.kind != "indirect"]


# ------------------------------------------------------------ bundled article


@pytest.fixture(scope="module")
def herald() -> tuple[str, tuple[Quote, ...]]:
    text = KOREA_HERALD.read_text(encoding="utf-8")
    return text, quotes_of(text)


def test_herald_expert_quotes_are_the_two_professors(herald):
    _, quotes = herald
    experts = [(q.speaker, q.role) for q in quotes if q.expert]
    assert experts == [
        ("Kim Dong-yub", "professor at the University of North Korean Studies in Seoul"),
        ("Kim Dong-yub", "professor at the University of North Korean Studies in Seoul"),
        ("Nam Sung-wook", "professor at Korea University"),
        ("Nam Sung-wook", "professor at Korea University"),
    ]
    assert all(q.kind == "direct" for q in quotes if q.expert)


def test_herald_kim_told_the_korea_herald_is_the_professor(herald):
    _, quotes = herald
    q = next(q for q in quotes if q.text.startswith("While that intention"))
    assert q.speaker == "Kim Dong-yub"
    bare = next(q for q in quotes if q.text.startswith("The choice of venue"))
    assert bare.speaker == "Kim Dong-yub"  # unattributed: continues the speaker
    nam = next(q for q in quotes if q.text.startswith("Now, North Korea"))
    assert nam.speaker == "Nam Sung-wook"


def test_herald_putin_quotes(herald):
    _, quotes = herald
    putin = [q for q in quotes if q.speaker == "Vladimir Putin" and q.kind != "indirect"]
    assert [q.text for q in putin] == [
        "The North Korean leadership is interested in rocket construction, "
        "they are also trying to develop space technologies,",
        "They will discuss all issues in no particular hurry",
        "they have time",
    ]
    assert [q.kind for q in putin] == ["direct", "direct", "partial"]
    assert not any(q.expert for q in putin)
    assert putin[0].role == "Russian President"


def test_herald_short_phrases_are_partial_never_expert(herald):
    _, quotes = herald
    by_text = {q.text.rstrip("."): q for q in quotes}
    for phrase in ("together", "imperialism", "tight schedule", "strategic significance"):
        assert by_text[phrase].kind == "partial"
        assert not by_text[phrase].expert
    assert by_text["together"].speaker == "Kim Jong-un"
    assert by_text["imperialism"].speaker == "Kim Jong-un"


def test_herald_paragraphs_and_offsets(herald):
    text, quotes = herald
    paras = paragraphs(text)
    for q in quotes:
        assert text[q.start : q.end] == q.text
        assert paras[q.paragraph].start <= q.start < q.end <= paras[q.paragraph].end
    assert [q.start for q in quotes] == sorted(q.start for q in quotes)


def test_herald_indirect_speech(herald):
    _, quotes = herald
    indirect = [q for q in quotes if q.kind == "indirect"]
    assert any(
        q.speaker == "Vladimir Putin" and q.text.startswith("the venue was deliberately")
        for q in indirect
    )
    assert not any(q.expert for q in indirect)


# --------------------------------------------------------- attribution forms


def test_said_x_with_apposition_role():
    q = quoted(
        '"The market will recover by spring," said John Smith, an analyst at RAND.', "The market"
    )
    assert (q.speaker, q.role, q.expert, q.kind) == (
        "John Smith",
        "analyst at RAND",
        True,
        "direct",
    )
    assert q.text == "The market will recover by spring,"


def test_x_said_colon_and_bare_continuation_paragraph():
    text = (
        'Mayor Linda Park said: "We will open three new libraries this year."\n\n'
        '"Every neighbourhood deserves one, and we will pay for it."\n\n'
        "The council votes next week."
    )
    quotes = direct(quotes_of(text))
    assert [q.speaker for q in quotes] == ["Linda Park", "Linda Park"]
    assert [q.paragraph for q in quotes] == [0, 1]
    assert quotes[0].role == "Mayor"
    assert not any(q.expert for q in quotes)


def test_told_surname_and_pronoun_resolve_to_full_name():
    text = (
        "Turnout among young voters fell sharply in the spring election.\n\n"
        "Maria Lopez, a researcher at the Pew Research Center, told reporters the survey was the largest yet.\n\n"
        '"Young voters are moving away from both parties," Lopez said.\n\n'
        'She added: "That trend started a decade ago."'
    )
    quotes = direct(quotes_of(text))
    assert [q.speaker for q in quotes] == ["Maria Lopez", "Maria Lopez"]
    assert all(q.role == "researcher at the Pew Research Center" for q in quotes)
    assert all(q.expert for q in quotes)


def test_according_to():
    q = quoted(
        '"We do not have the votes," according to Tom Reed, the Senate majority leader.',
        "We do not",
    )
    assert (q.speaker, q.role, q.expert) == ("Tom Reed", "Senate majority leader", False)


def test_prenominal_role_and_partial_quote():
    text = (
        'Korea University professor Nam Sung-wook said the talks were "a turning point." '
        '"This changes everything for the region," Nam said.'
    )
    partial = quoted(text, "a turning point")
    assert (partial.speaker, partial.kind, partial.expert) == ("Nam Sung-wook", "partial", False)
    full = quoted(text, "This changes")
    assert (full.speaker, full.role, full.kind, full.expert) == (
        "Nam Sung-wook",
        "Korea University professor",
        "direct",
        True,
    )


def test_curly_quotes_with_nested_single_quotes():
    text = (
        "“He told me, ‘Never give up,’ and I never did,” said Ana Costa, "
        "a former official at the Foreign Ministry."
    )
    q = quoted(text, "He told me")
    assert q.text == "He told me, ‘Never give up,’ and I never did,"
    assert (q.speaker, q.role, q.expert) == (
        "Ana Costa",
        "former official at the Foreign Ministry",
        True,
    )


def test_quote_spanning_sentences_and_continued_over_paragraphs():
    text = (
        "\u201cThe first part of my answer is simple,\u201d said Omar Haddad, an economist at Barclays. "
        "\u201cWe need lower rates. Then we need patience.\n\n"
        "\u201cThe second part is harder.\u201d"
    )
    quotes = direct(quotes_of(text))
    assert [q.text for q in quotes] == [
        "The first part of my answer is simple,",
        "We need lower rates. Then we need patience.",
        "The second part is harder.",
    ]
    assert [q.speaker for q in quotes] == ["Omar Haddad"] * 3
    assert all(q.expert for q in quotes)


def test_korean_name_variants_are_one_person():
    text = (
        "North Korean leader Kim Jong-un arrived on Monday.\n\n"
        '"We are ready for talks," Kim Jong Un said.'
    )
    q = quoted(text, "We are ready")
    assert (q.speaker, q.role, q.expert) == ("Kim Jong-un", "North Korean leader", False)


def test_surname_picks_the_kim_of_the_same_paragraph():
    text = (
        "North Korean leader Kim Jong-un met Vladimir Putin on Wednesday.\n\n"
        "Kim Min-ji, a fellow at the Asan Institute, said the meeting mattered. "
        '"It is a signal to Washington," Kim said.'
    )
    q = quoted(text, "It is a signal")
    assert (q.speaker, q.role, q.expert) == ("Kim Min-ji", "fellow at the Asan Institute", True)


def test_newsmaker_in_the_lead_is_not_an_expert():
    text = (
        "Professor Jane Doe, a professor at Yale, won the prize on Monday.\n\n"
        '"I am stunned," Doe said.'
    )
    q = quoted(text, "I am stunned")
    assert q.speaker == "Jane Doe"
    assert not q.expert


def test_speakerless_scare_quotes_are_dropped():
    assert direct(quotes_of('Critics see it as a "miracle" cure for the "common cold".')) == []


def test_long_unattributed_quote_is_kept_without_speaker():
    quotes = direct(
        quotes_of('The sign read "No entry for anyone after dark, by order of the park".')
    )
    assert len(quotes) == 1
    assert quotes[0].speaker is None and not quotes[0].expert


def test_dash_attribution():
    q = quoted(
        "\u201cI just hope people go out and vote.\u201d \u2015 Jorge Falcon", "I just hope"
    )
    assert q.speaker == "Jorge Falcon"


def test_straight_double_apostrophes():
    q = quoted(
        "Not paying taxes ''makes me smart,'' Donald Trump said last week.", "makes me smart"
    )
    assert (q.speaker, q.kind) == ("Donald Trump", "partial")


def test_dash_attribution_with_role_and_mark_split_off():
    q = quoted(
        "\u201cI want my job back.\u201d \u2014 Mary Ellen Ruiz, a nurse from Dayton", "I want"
    )
    assert (q.speaker, q.role) == ("Mary Ellen Ruiz", "nurse from Dayton")
    text = "\u201cThe rent doubled. We had to move.\u201d\u2015 Omar Reyes"
    assert quoted(text, "The rent").speaker == "Omar Reyes"


def test_a_signature_ending_a_paragraph_signs_all_its_quotes():
    text = (
        "\u201cThe buses never come on time.\u201d \u2015 Omar Reyes\n\n"
        "\u201cWe waited an hour in the snow.\u201d Nobody came, so we had "
        "\u201cno choice but to walk home.\u201d \u2015 Lena Ortiz"
    )
    assert quoted(text, "The buses").speaker == "Omar Reyes"
    assert quoted(text, "We waited").speaker == "Lena Ortiz"
    assert quoted(text, "no choice").speaker == "Lena Ortiz"


def test_next_sentence_with_its_own_clause_is_not_an_attribution():
    text = (
        'Oslo urged Caracas to "release every political prisoner." '
        "The United Nations said Venezuela had ignored earlier calls."
    )
    assert quoted(text, "release every").speaker == "Oslo"


def test_inverted_said_with_a_capital():
    text = 'Rita Gomez, a pollster, studied the numbers. Said Gomez: "Nobody saw this coming."'
    assert quoted(text, "Nobody saw").speaker == "Rita Gomez"


def test_possessive_role_with_named_apposition():
    text = (
        "Governor Ray Cole vetoed the bill on Friday.\n\n"
        '"The governor will not sign a tax increase," Cole\'s spokesman, Dan Wu, said.'
    )
    q = quoted(text, "The governor will")
    assert (q.speaker, q.role) == ("Dan Wu", "Cole's spokesman")


def test_partial_quote_goes_to_the_sentence_subject():
    text = (
        "In a speech on Monday, Senator Ann Blake attacked the plan as "
        '"a giveaway to the richest families in the state."\n\n'
        'A Treasury report found that the program had "no measurable effect on wages."'
    )
    assert quoted(text, "a giveaway").speaker == "Ann Blake"
    assert quoted(text, "no measurable").speaker == "A Treasury report"
    # short scare quotes still get no speaker and are dropped
    assert direct(quotes_of('The company sold a "miracle" cure for years.')) == []


def test_participle_and_colon_take_the_sentence_subject():
    text = (
        "During a rally in Ohio, Tom Hardy criticised the mayor, saying, "
        '"He has failed this city."\n\n'
        'Despite the rain, the Green Party had a message for voters: "Stay home and you lose."'
    )
    assert quoted(text, "He has failed").speaker == "Tom Hardy"
    assert quoted(text, "Stay home").speaker == "Green Party"


def test_new_person_introduced_between_quotes():
    text = (
        'Senator Ann Blake said the bill would pass. "We have the votes," Blake said.\n\n'
        'Her opponent, Tom Hardy, disagreed. "They do not have the votes."\n\n'
        'His former business partner, Lee Chang, defended him. "He keeps his word."'
    )
    assert quoted(text, "They do not").speaker == "Tom Hardy"
    assert quoted(text, "He keeps").speaker == "Lee Chang"


def test_long_quote_attributed_in_its_last_paragraph():
    text = (
        "Paul Green spoke to reporters on Monday.\n\n"
        '"We will win this fight.\n\n'
        '"And we will win it soon," said Laura Diaz, the party chair.'
    )
    assert [q.speaker for q in direct(quotes_of(text))] == ["Laura Diaz", "Laura Diaz"]


def test_quote_paragraphs_after_a_colon_paragraph():
    text = (
        "The Boston Globe reports:\n\n"
        '"The plan was abandoned on Friday after months of talks.\n\n'
        '"Officials said it could return next year."'
    )
    assert [q.speaker for q in direct(quotes_of(text))] == ["Boston Globe"] * 2


def test_role_noun_resolves_to_the_named_holder():
    text = (
        "Sen. Maria Ortiz, a Democrat from Ohio, introduced the bill on Monday.\n\n"
        '"This is about fairness," the senator said.\n\n'
        '"We will review it," the governor\'s spokesman said.'
    )
    assert quoted(text, "This is about").speaker == "Maria Ortiz"
    assert quoted(text, "We will review").speaker == "the governor's spokesman"


def test_she_prefers_the_woman_named_with_mrs():
    text = (
        "Mrs. Ann Bell met John Ford on Monday. Ford said the talks went well.\n\n"
        '"It was productive," she said.\n\n'
        '"We will meet again," he said.'
    )
    assert quoted(text, "It was productive").speaker == "Ann Bell"
    assert quoted(text, "We will meet").speaker == "John Ford"


def test_as_x_put_it_and_what_it_called():
    text = 'The bill was "dead on arrival and never coming back," as Ann Bell put it.'
    assert quoted(text, "dead on arrival").speaker == "Ann Bell"
    text = 'The Security Council condemned what it called "a clear threat to peace and security."'
    assert quoted(text, "a clear threat").speaker == "Security Council"


def test_quote_after_a_possessive_determiner():
    assert (
        quoted('"We live in hard times," my father often said.', "We live").speaker == "my father"
    )


def test_title_case_event_names_are_not_quotes():
    text = (
        "It\u2019s part of the \u20182019 Summer River Lights Festival\u2019 downtown.\n\n"
        "The town\u2019s charm was on display at \u2018Welcome Autumn Lantern Night\u2019 this week.\n\n"
        "[Lantern Walk] \u2018Welcome Autumn Lantern Night\u2019\n\n"
        'Mayor Ann Blake said on "Meet the Press," that the budget was fine.'
    )
    assert direct(quotes_of(text)) == []


def test_title_case_words_keep_an_explicit_speaker():
    assert (
        quoted('"Make Our Town Great Again," Tom Hardy said.', "Make Our Town").speaker
        == "Tom Hardy"
    )
    text = 'Ann Blake Said "Many Of You In This Room Are The Future Of Our Party"'
    assert quoted(text, "Many Of You").speaker is None  # headline style: kept


def test_contraction_is_not_a_speaker():
    q = quoted(
        "There\u2019s a saying that goes \u201ca tree grows where the rain falls\u201d here.",
        "a tree grows",
    )
    assert q.speaker is None
    q = quoted(
        'It\'s clear the plan was "a giveaway to the richest families in town."', "a giveaway"
    )
    assert q.speaker is None


@pytest.mark.parametrize(
    ("text", "role"),
    [
        (
            'Secretary of State Jane Doe said the deal "gives us hope for a lasting peace."',
            "Secretary of State",
        ),
        ('"We will not back down," said Minister of Defense Jane Doe.', "Minister of Defense"),
        ('Chief of Staff Jane Doe told reporters: "The schedule is full."', "Chief of Staff"),
        (
            'Secretary of Homeland Security Jane Doe said the attacks were "meant to disrupt the vote."',
            "Secretary of Homeland Security",
        ),
    ],
)
def test_title_with_of_is_the_role_not_the_speaker(text, role):
    q = direct(quotes_of(text))[0]
    assert (q.speaker, q.role) == ("Jane Doe", role)


def test_title_words_alone_are_never_a_name():
    assert quoted('"The ball was loose," said Secretary.', "The ball").speaker is None
    assert (
        quoted('Steve King spoke first. "We need more time," King said.', "We need").speaker
        == "Steve King"
    )


def test_team_and_position_before_a_name_are_the_role():
    text = (
        "Hawks QB Jo Ames weighed in on Monday.\n\n"
        'Ames, via a radio show, said the coach "cannot hide behind the rules any longer."'
    )
    q = quoted(text, "cannot hide")
    assert (q.speaker, q.role) == ("Jo Ames", "Hawks QB")


def test_time_grows_linearly_with_the_text():
    """Four times the text takes about four times as long, not sixteen (no clock limit)."""
    import time

    unit = (
        'Her opponent, Tom Hardy, disagreed. "They do not have the votes," he said. '
        'The council called it "a waste of public money and time."\n\n'
    )
    quotes_of(unit)  # loads the first-names table once, outside the timing

    def fastest_run(copies: int) -> float:
        text = unit * copies
        blocks = paragraphs(text)
        runs = []
        for _ in range(3):
            start = time.perf_counter()
            found = find_quotes(text, blocks)
            runs.append(time.perf_counter() - start)
        assert len(found) >= 2 * copies
        return min(runs)

    small, large = fastest_run(250), fastest_run(1000)
    assert large / small < 8, f"x4 text took x{large / small:.1f} the time"


@pytest.mark.parametrize(
    ("role", "expert"),
    [
        ("professor at Korea University", True),
        ("senior fellow at the Brookings Institution", True),
        ("chief economist at Barclays", True),
        ("former State Department official", True),
        ("spokesman for the ministry", False),
        ("Russian President", False),
        ("student at Korea University", False),
        (None, False),
    ],
)
def test_is_expert_role(role, expert):
    assert is_expert_role(role) is expert


def test_empty_inputs():
    assert find_quotes("", []) == ()
    assert quotes_of("No quotes here at all.") == ()


# ------------------------------------------------------------------ properties

_ALPHABET = st.sampled_from(
    list("ab Kim said, told. Nam \n\n\"“”‘’'—:()-") + ["''", " he said", "Mr. "]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_ALPHABET, max_size=80).map("".join))
def test_quotes_always_index_the_text(text):
    paras = paragraphs(text)
    for q in find_quotes(text, paras):
        assert 0 <= q.start < q.end <= len(text)
        assert text[q.start : q.end] == q.text
        assert 0 <= q.paragraph < len(paras)
        assert q.kind in ("direct", "partial", "indirect")
        assert not (q.expert and q.kind != "direct")


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_never_raises_on_arbitrary_text(text):
    for q in find_quotes(text, paragraphs(text)):
        assert text[q.start : q.end] == q.text


# ---------------------------------------------------- people before quotes (issue 10)


def _speakers(text: str) -> list[str | None]:
    return [q.speaker for q in quotes_of(text) if q.kind == "direct"]


def test_a_place_after_the_name_is_never_the_speaker():
    text = (
        '"The colony is shrinking fast," Ana Ruiz of the University of Leeds in Leeds, '
        "England, said in an interview.\n\n"
        'Tom Hale, a geologist from a survey office in Cambridge, disagreed. "Nothing has '
        'changed," he said.'
    )
    assert _speakers(text) == ["Ana Ruiz", "Tom Hale"]


def test_he_and_she_follow_the_first_name_and_skip_brands_and_places():
    text = (
        "Maria Lopez runs a bakery in Texas. To deliver bread, she rented a Mazda van.\n\n"
        '"We are going north," she said. "Nobody stops us."\n\n'
        'Her brother John Lopez drove. "It was a long night," he said.'
    )
    assert _speakers(text) == ["Maria Lopez", "Maria Lopez", "John Lopez"]


def test_role_before_the_name_makes_an_expert():
    text = (
        "The storm season starts early this year.\n\n"
        "Midwest Climate Institute climatologist Paula Reed compared the trend to a "
        'fever. "It keeps rising," she said.'
    )
    (quote,) = [q for q in quotes_of(text) if q.kind == "direct"]
    assert quote.speaker == "Paula Reed"
    assert quote.role == "Midwest Climate Institute climatologist"
    assert quote.expert


def test_the_actress_refers_back_to_the_woman_named_before():
    text = (
        "Lena Hart talked about her new film with Ron Black on his show.\n\n"
        "The interview ran long.\n\n"
        '"It was hard work," the actress said.'
    )
    assert _speakers(text) == ["Lena Hart"]


def test_the_same_official_is_the_unnamed_official_quoted_before_and_an_expert():
    text = (
        "Money leaves the country every week.\n\n"
        '"Nobody checks the bags," one Western official says.\n\n'
        'Later the talk turned to banks. "They know," the same official explains.'
    )
    quotes = [q for q in quotes_of(text) if q.kind == "direct"]
    assert [q.speaker for q in quotes] == ["one Western official", "one Western official"]
    assert all(q.expert for q in quotes)


def test_an_aside_between_quote_and_inverted_said():
    text = (
        'Rescuers waited for the rain to stop.\n\n"The boats will leave at dawn," the harbour '
        "nearest to the site, said Budi Santoso."
    )
    assert _speakers(text) == ["Budi Santoso"]


@pytest.mark.parametrize(
    ("role", "expert"),
    [
        ("NASA climatologist", True),
        ("physicist at a national laboratory", True),
        ("former Treasury official", True),
        ("senior fellow at a think tank", True),
        ("chief economist at a bank", True),
        ("spokesman for the ministry", False),
        ("chief executive of the company", False),
    ],
)
def test_expert_roles_from_the_lexicon(role: str, expert: bool):
    assert is_expert_role(role) is expert


def test_sidebar_leaves_out_short_scare_quotes_but_json_keeps_them():
    from reader.article.voices import group_by_speaker

    text = (
        'Mayor Ann Lee called the plan "together" again.\n\n'
        '"We will build the bridge this year," Lee said.'
    )
    quotes = quotes_of(text)
    assert any(q.kind == "partial" and q.text == "together" for q in quotes)
    (voice,) = group_by_speaker(quotes)
    assert [q.text for q in voice.quotes] == ["We will build the bridge this year,"]


def test_a_gendered_noun_before_a_first_name_tells_she():
    text = (
        "Carl Weber was ill for years, and his wife Kit Weber cared for him. Carl Weber "
        'died in May. "It took away his last calm months," she says.'
    )
    assert _speakers(text) == ["Kit Weber"]


def test_the_voice_is_the_person_introduced_by_what_they_do():
    text = (
        "The phone rang at noon. The call came from a 911 emergency dispatch operator.\n\n"
        '"Are you safe?" the voice asked.'
    )
    assert _speakers(text) == ["911 emergency dispatch operator"]
