"""Attribution styles of British and wire copy (issue 10): "Mrs May said:", "told CNN",
"The mother-of-two, 34, from Leeds, said:". Short articles of our own."""

from __future__ import annotations

from tests.unit.test_quote_speakers import quote


def test_a_month_after_a_title_or_a_first_name_is_a_surname():
    text = (
        "Theresa May met Jeremy Corbyn on Monday.\n\n"
        '"It was a long night", said Mrs May.\n\n'
        'Speaking to the BBC, Mrs May said: "We will keep talking."\n\n'
        "'This is awful,' she said.\n"
    )
    assert quote(text, "It was a long").speaker == "Theresa May"
    assert quote(text, "We will keep").speaker == "Theresa May"
    assert quote(text, "This is awful").speaker == "Theresa May"


def test_the_listener_after_told_is_never_the_speaker():
    text = (
        "Officials met in Paris on Monday.\n\n"
        '"We need answers," the official, who requested anonymity, told CNN.\n\n'
        '"We need more," an aide, who asked not to be named, told the Times.\n'
    )
    assert quote(text, "We need answers").speaker == "the official"
    assert quote(text, "We need more").speaker == "an aide"


def test_a_described_woman_with_her_age_and_hometown_is_the_woman_named_with_them():
    text = (
        "Jane Lowe, 34, was at home in Leeds when the fire started.\n\n"
        'The mother-of-two, 34, from Leeds, said: "I was terrified for my children."\n\n'
        'The 34-year-old added: "I will not give up."\n'
    )
    assert quote(text, "I was terrified").speaker == "Jane Lowe"
    assert quote(text, "I will not").speaker == "Jane Lowe"


def test_a_son_named_by_his_first_name_alone_is_he():
    text = (
        "Margaret Hill, 72, was hanging out washing when a fox attacked her.\n\n"
        "Her son, David, 45, rushed to the house after a neighbour called him.\n\n"
        "He told reporters: 'Mum was covered in blood. It was horrific.'\n"
    )
    assert quote(text, "Mum was").speaker == "David"


def test_a_dateline_is_not_the_subject():
    text = (
        "Washington (CNN) - President Joe Biden on Thursday urged Congress to act, calling "
        'the latest shooting "an epidemic of violence."\n\n'
        '"Enough is enough," Biden said.\n'
    )
    assert quote(text, "an epidemic").speaker == "Joe Biden"


def test_a_possessive_party_before_a_name_is_its_role():
    text = (
        "MPs approved the runway on Monday.\n\n"
        'But Labour\'s Andy McDonald said the government had "failed to address" noise.\n\n'
        '"It is a disgrace," McDonald said.\n'
    )
    assert quote(text, "It is a disgrace").speaker == "Andy McDonald"


def test_they_are_the_people_described_just_before():
    text = (
        "Boeing said on Monday it would cut 10,000 jobs.\n\n"
        'Union leaders said they were "blindsided" by the decision.\n\n'
        '"We were told nothing," they said.\n'
    )
    assert quote(text, "We were told").speaker == "Union leaders"


def test_his_spokesman_and_trumps_son_are_not_the_man_himself():
    text = (
        "Tom Reed spoke in Ohio on Monday.\n\n"
        '"No comment," his spokesman said.\n\n'
        '"It is a witch hunt," said Reed\'s son, Eric.\n\n'
        '"We will respond," Reed\'s lawyer said.\n'
    )
    assert quote(text, "No comment").speaker == "his spokesman"
    q = quote(text, "It is a witch")
    assert (q.speaker, q.role) == ("Eric", "Reed's son")
    assert quote(text, "We will respond").speaker == "Reed's lawyer"


def test_a_described_subject_with_a_relative_clause_speaks():
    text = (
        "A fox attacked Margaret Hill, 72, in her garden on Tuesday.\n\n"
        "The pensioner, who has lived in the house for 40 years, said she would "
        "'never go in the garden again'.\n"
    )
    assert quote(text, "never go").speaker == "The pensioner"


def test_a_clause_after_according_to_x_is_no_role():
    text = (
        "Tom Reed spoke in Ohio on Monday.\n\n"
        'According to Reed, the election is "rigged from top to bottom."\n\n'
        '"Believe me," Reed said.\n'
    )
    q = quote(text, "Believe me")
    assert (q.speaker, q.role) == ("Tom Reed", None)


def test_a_quoted_transcript_is_spoken_by_its_capitalised_tag():
    text = (
        "Gov. Jo Ames spoke to Chris Wallace on Sunday.\n\n"
        '"WALLACE: Will you be at the debate tomorrow night?\n\n'
        '"AMES: Of course I will. I would not miss it for anything in the world.\n\n'
        '"UPDATE: The debate starts at nine o\'clock on Monday night."\n'
    )
    assert quote(text, "WALLACE").speaker == "Chris Wallace"
    assert quote(text, "AMES").speaker == "Jo Ames"
    assert quote(text, "UPDATE").speaker != "Update"


def test_a_job_title_before_a_name_and_an_outlet_before_the_speaker_are_no_name():
    text = (
        "Nurse Amy Cole showed the minister around the ward in Leeds on Friday.\n\n"
        "Speaking to MailOnline, Ms Cole, from Bradford, said: 'It has been the hardest "
        "year of my life.'\n"
    )
    q = quote(text, "It has been")
    assert (q.speaker, q.role) == ("Amy Cole", "Nurse")


def test_a_woman_known_by_her_first_name_after_a_place_is_she():
    text = (
        "Hillary Clinton spoke in Ohio on Monday.\n\n"
        "In Pennsylvania, Melanie watched the speech on television with her husband. "
        "Trump was on next.\n\n"
        '"Here he comes," she said, clapping.\n'
    )
    assert quote(text, "Here he comes").speaker == "Melanie"
