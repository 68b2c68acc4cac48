"""Speakers described, not named (issue 10): the description is the speaker, never a
person named elsewhere in the article. Short articles of our own."""

from __future__ import annotations

from tests.unit.test_quote_speakers import quote


def test_a_quantified_description_speaks():
    text = (
        "Tom Reed spoke at a forum on Monday.\n\n"
        'At the forum, one questioner claimed that "the forces of bad taste" were '
        "ruining the town.\n\n"
        '"You are right," Reed said.\n'
    )
    assert quote(text, "the forces").speaker == "one questioner"
    assert quote(text, "You are").speaker == "Tom Reed"


def test_a_possessive_description_speaks_not_the_person_named_in_it():
    text = (
        "Ann Cole has a new ad about Tom Reed.\n\n"
        '"You work hard. So why does Tom Reed not?" a narrator in the ad asks.\n\n'
        '"If he thinks that is fair," the ad\'s narrator says, "what does he think of you?"\n'
    )
    assert quote(text, "You work").speaker == "a narrator in the ad"
    assert quote(text, "If he thinks").speaker == "the ad's narrator"
    assert quote(text, "what does").speaker == "the ad's narrator"


def test_a_family_speaks_for_itself_not_for_the_man_it_is_named_after():
    text = (
        "Police shot Jo Kane Marsh on Tuesday.\n\n"
        "The family watched the video on Thursday, attorneys for the family said.\n\n"
        "Marsh's family has called on police to release the videos \"as a matter of public "
        'trust" and asked for calm.\n'
    )
    assert quote(text, "as a matter").speaker == "Marsh's family"


def test_the_writers_father_is_not_the_man_named_before():
    text = (
        "Tom Reed is running for mayor. He says the town is in decline.\n\n"
        "My father kept cans of food in the barn for twenty years. "
        '"We live in the last days," my father often said.\n'
    )
    assert quote(text, "We live").speaker == "my father"


def test_a_group_described_with_adjectives_speaks_after_saying():
    text = (
        "Tom Reed met the builders on Monday.\n\n"
        "In August, several big environmental groups granted Mr. Reed an extension on an "
        'order to clean a river, saying his "spare money was less than expected."\n'
    )
    assert quote(text, "spare money").speaker == "several big environmental groups"


def test_the_body_that_issued_a_statement_speaks_not_the_statement():
    text = (
        "The Harbor Council met on Friday.\n\n"
        "Following a swiftly called, late meeting, the Harbor Council issued a statement "
        "calling the test "
        '"a clear breach of the rules" of the port.\n'
    )
    assert quote(text, "a clear breach").speaker == "Harbor Council"


def test_an_opening_prepositional_phrase_names_no_one():
    text = (
        "The Harbor Party Convention opened on Monday.\n\n"
        "With Harbor leaders worried about turnout among young voters, Mayor Tom Reed is "
        'rolling out a new message: "It\'s about me."\n'
    )
    assert quote(text, "It's about").speaker == "Tom Reed"


def test_a_document_filed_by_a_body_speaks_for_it():
    text = (
        "Prosecutors charged two builders in April.\n\n"
        "According to a 52-count civil complaint filed by the federal Harbor and River "
        'Commission, the builders ran a "massive eight-year fraudulent scheme" for years.\n\n'
        'According to a letter from Sen. Ann Cole, the plan "will not survive the winter."\n'
    )
    q = quote(text, "massive")
    assert q.speaker == "Harbor and River Commission"
    assert quote(text, "will not").speaker == "Ann Cole"


def test_a_phrase_after_a_preposition_is_not_the_speaker():
    text = (
        "Ann Marsh joined a law firm in 1990, where a client asked a male colleague every "
        "question.\n\n"
        'She said the partner was kind to her, at one point even telling the client: "You '
        'know, you got to look at her."\n'
    )
    assert quote(text, "You know").speaker != "one point"


def test_a_surname_after_a_place_and_a_comma_is_still_the_person():
    filler = (
        "The court has nine members and hears about four hundred cases a year, most of them "
        "appeals from the lower courts. Its building was finished in 1931 and restored twice "
        "since then. The clerks work in the basement, and the library on the third floor is "
        "open to the public on weekdays. Visitors come to see the murals in the great hall, "
        "which show the founding of the state and the first railway through the mountains."
    )
    text = (
        "Ann Marsh became the top judge of the state last year.\n\n"
        "Now the highest-ranking judge in the United States, Marsh rose to prominence.\n\n"
        f"{filler}\n\n"
        'Marsh said she recalled thinking, "This is what people mean when they say nobody '
        'sees you."\n'
    )
    assert quote(text, "This is what").speaker == "Ann Marsh"


def test_a_question_is_asked_by_the_name_opening_the_next_sentence():
    text = (
        "Features\n\n"
        "“Do you want to hear some music?” Jalal Karimi asks as he steers his white car "
        "along a narrow road. He keeps the tapes in the car, Karimi explains.\n"
    )
    assert quote(text, "Do you want").speaker == "Jalal Karimi"


def test_a_party_label_is_a_role_and_the_party_nominee_is_its_member():
    text = (
        "Republican Donald Trump spoke to veterans in Ohio on Monday. Democratic vice "
        "presidential nominee Tim Kaine spoke in Iowa, and the Democratic National Committee "
        "replied.\n\n"
        '"We will win," Republican Donald Trump said.\n\n'
        '"He will lose," the Democratic National Committee said in a statement.\n\n'
        "The Republican nominee also outlined his plan and vowed to punish "
        '"those who break the rules."\n'
    )
    q = quote(text, "We will win")
    assert (q.speaker, q.role) == ("Donald Trump", "Republican")
    assert quote(text, "He will lose").speaker == "Democratic National Committee"
    assert quote(text, "those who break").speaker == "Donald Trump"


def test_groups_of_people_chant():
    text = (
        "Police shot Jo Kane Marsh on Tuesday.\n\n"
        "Small groups of protesters kept marching around the stadium on Sunday while "
        'chanting, "Hands up, don\'t shoot."\n'
    )
    assert quote(text, "Hands up").speaker == "Small groups of protesters"


def test_a_title_case_headline_registers_no_verbs_as_names():
    text = (
        "Cole Breaks With Reed On Harbor Tax Bill.\n\n"
        "Gov. Ann Cole on Monday broke with Mayor Tom Reed over the harbor tax, which Tom "
        "Reed wrote.\n\n"
        '"I cannot support it," Cole said. "Not now."\n\n'
        '"She will come around," Reed said.\n'
    )
    assert quote(text, "I cannot").speaker == "Ann Cole"
    assert quote(text, "She will").speaker == "Tom Reed"


def test_a_statement_from_a_campaign_is_the_campaigns():
    text = (
        "Ann Cole spoke in Ohio on Monday.\n\n"
        '"The numbers are clear," according to a statement from the Cole campaign.\n\n'
        'In an interview, Cole said: "I am ready."\n'
    )
    assert quote(text, "The numbers").speaker == "the Cole campaign"
    q = quote(text, "I am ready")
    assert (q.speaker, q.role) == ("Ann Cole", None)


def test_the_name_in_apposition_after_an_inverted_verb_speaks_for_the_aide():
    text = (
        "Ann Cole, the governor of Ohio, spoke on Monday. Tom Reed listened.\n\n"
        '"We are ready," said the governor\'s spokesman, Sam Ortiz.\n\n'
        '"We are too," said Reed\'s spokeswoman, Lia Park.\n\n'
        '"It is over," said the mayor, a Democrat.\n'
    )
    q = quote(text, "We are ready")
    assert (q.speaker, q.role) == ("Sam Ortiz", "governor's spokesman")
    assert quote(text, "We are too").speaker == "Lia Park"
    assert quote(text, "It is over").speaker != "Democrat"
