"""Who is speaking: the attribution rules of issue 10, each on a short article of our own."""

from __future__ import annotations

from reader.article.model import Quote
from tests.unit.test_quotes import quotes_of


def said(text: str) -> list[tuple[str, str | None]]:
    """(first words, speaker) of every quote in quotation marks."""
    return [
        (q.text.split(",")[0][:24], q.speaker) for q in quotes_of(text) if q.kind != "indirect"
    ]


def quote(text: str, words: str) -> Quote:
    found = [q for q in quotes_of(text) if q.text.startswith(words)]
    assert len(found) == 1, [q.text for q in quotes_of(text)]
    return found[0]


def test_initials_and_a_job_title_before_the_name():
    text = (
        "Rescuers suspended the search on Sunday.\n\n"
        '"We are experiencing bad weather now," air force rescue coordinator S.B. Arif '
        "told reporters.\n\n"
        '"This is a sad day," said Rep. G.K. Butler, head of the caucus.\n'
    )
    q = quote(text, "We are")
    assert (q.speaker, q.role) == ("S.B. Arif", "air force rescue coordinator")
    assert quote(text, "This is").speaker == "G.K. Butler"


def test_a_conjunction_before_a_name_is_not_a_job_title():
    text = (
        "Tom Reed spoke at the debate on Monday.\n\n"
        'The ad shows Reed saying, "That makes me smart," when Ann Cole criticised him.\n'
    )
    assert quote(text, "That makes").speaker == "Tom Reed"


def test_the_cue_nearest_the_quote_wins_and_an_acronym_is_spelled_out():
    text = (
        "The Office of Special Counsel (OSC) opened the case in May.\n\n"
        "According to court filings, OSC alleges that Jo Kane grew rich only because he "
        '"took bribes and kickbacks" from contractors.\n'
    )
    assert quote(text, "took bribes").speaker == "Office of Special Counsel"


def test_according_to_a_report_mid_sentence_names_its_author_an_expert():
    text = (
        "The glaciers are shrinking.\n\n"
        'The melt is speeding up, since "present trends put the ice on a path toward" '
        "collapse by 2100, according to a 2019 report from the World Meteorological "
        "Organization.\n\n"
        'In blunt language, the report described the outlook as grim, stating, "there is no '
        'certainty that adaptation to such a world is possible."\n'
    )
    first, second = quote(text, "present trends"), quote(text, "there is no")
    assert first.speaker == second.speaker == "World Meteorological Organization"
    assert first.expert and second.expert
    assert first.role == "a 2019 report from the World Meteorological Organization"


def test_a_newspaper_story_is_not_research():
    text = (
        "The mayor resigned on Friday.\n\n"
        'The deal was "a scandal from start to finish," according to a report in the '
        "Riverside Times.\n"
    )
    assert not quote(text, "a scandal").expert


def test_a_bare_common_noun_is_never_a_speaker():
    text = (
        "Mail was cut off across the country on Friday.\n\n"
        "Users said the service was still down on Monday.\n\n"
        '"It is down everywhere," officials said.\n'
    )
    quotes = quotes_of(text)
    assert [q.speaker for q in quotes] == [None]
    assert quotes[0].text.startswith("It is down")


def test_a_described_speaker_with_an_apposition_and_the_man_who_follows():
    text = (
        "In the bazaar, people recognise Karim Nasser. One man with a trimmed beard "
        "approaches the car.\n\n"
        '"I have bought 100 cards but no one buys," says the guy, a retailer working for '
        "Nasser's firm. Nasser tells him to be patient.\n\n"
        '"Will you come back for lunch?" the man asks.\n\n'
        '"Sure," Nasser says.\n'
    )
    assert said(text) == [
        ("I have bought 100 cards ", "retailer working for Nasser's firm"),
        ("Will you come back for l", "retailer working for Nasser's firm"),
        ("Sure", "Karim Nasser"),
    ]


def test_a_quote_after_a_sentence_about_he_goes_to_him():
    text = (
        "Ahmad Noori grew up in Herat, where his father taught.\n\n"
        "Soon, Noori became an interpreter for an army unit. He bought a truck and leased "
        'it back to the unit. "I was making two salaries after that."\n'
    )
    assert quote(text, "I was making").speaker == "Ahmad Noori"


def test_a_titled_name_after_the_subject_is_not_who_he_is():
    text = (
        "Ahmad Noori runs a trucking firm in Herat.\n\n"
        "Most recently, Noori launched a Mr. Kabul contest to reward good citizens. "
        '"We show that the government means aid," he says.\n'
    )
    assert quote(text, "We show").speaker == "Ahmad Noori"


def test_a_surname_that_is_a_title_word():
    text = 'Rep. Steve King of Iowa said the speaker had "abandoned the voters of this country."\n'
    assert quote(text, "abandoned").speaker == "Steve King"


def test_a_full_name_after_its_own_description_keeps_it_as_the_role():
    text = (
        "The tape shook the campaign.\n\n"
        'Reed\'s running mate, Mike Dale, said he was "offended" by the tape. He told '
        'reporters in Reno: "We are going to keep going."\n'
    )
    q = quote(text, "We are going")
    assert (q.speaker, q.role) == ("Mike Dale", "Reed's running mate")


def test_an_age_between_name_and_verb():
    text = (
        "The family lost everything in the fire.\n\n"
        '"When I look in the mirror I\'m angry," Rene Okoro, 37, said Wednesday.\n\n'
        'Her husband, Peter Lamb, 64, said: "We are devastated." His wife, Alison Lamb, '
        'added: "It is a nightmare."\n'
    )
    assert said(text) == [
        ("When I look in the mirro", "Rene Okoro"),
        ("We are devastated.", "Peter Lamb"),
        ("It is a nightmare.", "Alison Lamb"),
    ]
    assert quote(text, "We are").role == "Her husband"


def test_an_unnamed_source_close_to_or_familiar_with_is_he_or_she():
    text = (
        "Maria Ortiz in Jakarta sent this report.\n\n"
        'The jet made an "unbelievably" steep climb before it crashed, according to radar '
        "data, a source close to the investigation has told Reuters.\n\n"
        '"So far, the numbers taken by the radar are unbelievably high," he said.\n\n'
        "Divers were still searching, a person familiar with the matter said. "
        '"We have found the tail," she said.\n'
    )
    assert said(text) == [
        ("unbelievably", "a source close to the investigation"),
        ("So far", "a source close to the investigation"),
        ("We have found the tail", "a person familiar with the matter"),
    ]


def test_the_researchers_are_the_two_authors_named_together():
    text = (
        "The authors of the paper, Anna Berg and Tomas Lind, found small effects.\n\n"
        'Concluded the researchers: "It takes repeated price shocks to change what '
        'households buy."\n'
    )
    q = quote(text, "It takes")
    assert q.speaker == "Anna Berg and Tomas Lind"
    assert q.expert


def test_british_honorifics_and_an_institution_after_of():
    text = (
        "The Bank held rates on Thursday.\n\n"
        '"The decision was expected," said Mr Smith, chief economist at the CBI.\n\n'
        '"The data point one way," said Prof Alan Jones of the London School of Economics.\n\n'
        '"It was a close call," say Cranfield University experts.\n'
    )
    jones = quote(text, "The data")
    assert (jones.speaker, jones.role) == ("Alan Jones", "Prof, London School of Economics")
    assert jones.expert and quote(text, "The decision").expert
    assert quote(text, "It was").expert


def test_a_possessive_subject_is_not_the_owner():
    text = (
        "Lamont Scott was shot on Tuesday.\n\n"
        "Scott's relatives watched the videos on Thursday and said they came away with "
        '"more questions than answers."\n'
    )
    assert quote(text, "more questions").speaker != "Lamont Scott"


def test_a_participle_opening_the_sentence_is_not_an_inverted_cue():
    text = (
        "Tom Reed spoke on Fox.\n\n"
        "Claiming the criticism of Lauer is meant to pressure moderators, Reed told Fox "
        'that "they are gaming the system, like gaming the ref."\n'
    )
    assert quote(text, "they are").speaker == "Tom Reed"


def test_a_titled_person_after_a_place_is_not_part_of_it():
    text = (
        "Tom Reed and Leonard Burman met on Monday.\n\n"
        '"There is no evidence," Mr. Burman said in an interview.\n\n'
        'At a rally in Florida, Mr. Reed returned to the theme. "She is a liberal," he said.\n'
    )
    assert quote(text, "She is").speaker == "Tom Reed"


def test_job_words_after_an_inverted_verb():
    text = '"The rationales do not hold weight," said 9/11 widow Terry Strand.\n'
    q = quote(text, "The rationales")
    assert (q.speaker, q.role) == ("Terry Strand", "9/11 widow")


def test_the_subject_of_a_sentence_that_names_a_show_in_quotes():
    text = (
        'On "Face the Nation," Sen. Bernie Sands (Vt.), who lost the primaries, praised '
        'young voters. "The younger people are sick and tired of racism."\n'
    )
    assert quote(text, "The younger").speaker == "Bernie Sands"


def test_speakers_that_are_no_one_are_not_named():
    text = (
        "Charlotte was calm on Friday.\n\n"
        "Democratic presidential nominee Hillary Clinton chimed in on Twitter, saying that "
        'officials should release the videos "without delay and in full."\n\n'
        'Johnnie Wilson, of Springfield, Va., said he had fought "for the rights of the nation."\n\n'
        'In a statement, the Association of Flight Attendants called Clinton a "champion of '
        'working families."\n\n'
        'London Rene is alleging the club\'s "inept and incompetent security" failed him.\n'
    )
    assert said(text) == [
        ("without delay and in ful", "Hillary Clinton"),
        ("for the rights of the na", "Johnnie Wilson"),
        ("champion of working fami", "Association of Flight Attendants"),
        ("inept and incompetent se", "London Rene"),
    ]
    assert quote(text, "without").role == "Democratic presidential nominee"


def test_a_place_is_never_the_holder_of_a_title():
    text = (
        "New York businessman Tom Reed spoke in Ohio.\n\n"
        '"We need change," the New York businessman said.\n'
    )
    assert quote(text, "We need").speaker != "New York"


def test_experts_whose_role_stands_before_the_name_or_who_are_unnamed():
    text = (
        "Oil prices rose sharply on Monday.\n\n"
        '"Supply is tight," said Harbor Bank commodities analyst Jeff Curran.\n\n'
        '"This is a bubble," said a US-based energy expert who declined to be named.\n\n'
        '"I have seen this before," said retired astronaut Mark Keller.\n\n'
        '"Former officials agree," said former Federal Reserve governor Ruth Kane.\n\n'
        'The Westfield Institution said in a report that "prices will ease next year."\n\n'
        '"People are scared," said Dr Sanjay Patel, a psychiatrist at St Mary\'s Hospital.\n'
    )
    quotes = [q for q in quotes_of(text) if q.kind != "indirect"]
    assert [(q.speaker, q.expert) for q in quotes] == [
        ("Jeff Curran", True),
        ("a US-based energy expert", True),
        ("Mark Keller", True),
        ("Ruth Kane", True),
        ("Westfield Institution", True),
        ("Sanjay Patel", True),
    ]
    assert quotes[0].role == "Harbor Bank commodities analyst"


def test_a_spokesman_and_a_company_are_not_experts():
    text = (
        "Harbor Bank cut 200 jobs on Monday.\n\n"
        '"We regret the decision," said bank spokesman Tom Reed.\n\n'
        '"The cuts are final," Harbor Bank said in a statement.\n'
    )
    assert [q.expert for q in quotes_of(text) if q.kind != "indirect"] == [False, False]


def test_a_person_of_an_organisation_is_not_the_organisation():
    text = (
        "Mail was cut off in the country on Friday, said Openweb, a freedom of speech group.\n\n"
        '"The government wants to weaken the service," said a member of Openweb, who uses a '
        "pseudonym.\n\n"
        '"It is one more step," said a Singapore-based spokesman for Mailco.\n'
    )
    assert [q.speaker for q in quotes_of(text) if q.kind != "indirect"] == [
        "a member of Openweb",
        "a Singapore-based spokesman for Mailco",
    ]


def test_the_role_word_is_the_person_who_just_spoke_and_a_new_one_is_no_one_named():
    text = (
        "The trial opened on Monday in Leeds.\n\n"
        'Defence lawyer Mary Hart said her client was innocent. "He was nowhere near the '
        'house," the attorney said.\n\n'
        '"Juries expect too much," said Dr Ann Wells, who runs a course in forensic science '
        "at Leeds University.\n\n"
        'A spokeswoman said: "Mr Brown will not comment on the case."\n'
    )
    assert said(text) == [
        ("He was nowhere near the ", "Mary Hart"),
        ("Juries expect too much", "Ann Wells"),
        ("Mr Brown will not commen", "A spokeswoman"),
    ]
    assert quote(text, "Juries").expert


def test_a_role_between_dashes():
    text = (
        '"Labs are slow," said Tom Fry \u2014 a professor of chemistry at York \u2014 on Monday.\n'
    )
    q = quote(text, "Labs")
    assert (q.speaker, q.role, q.expert) == ("Tom Fry", "professor of chemistry at York", True)


def test_according_to_an_analysis_or_studies_names_their_author():
    text = (
        "Rents rose again this year.\n\n"
        'Prices are "well beyond what wages can carry," according to an analysis by the '
        "Harbour Institute.\n\n"
        'Tenants face "the steepest rise in a generation," according to two studies from '
        "Northfield University.\n"
    )
    assert quote(text, "well beyond").speaker == "Harbour Institute"
    assert quote(text, "the steepest").speaker == "Northfield University"


def test_former_makes_an_expert_only_with_its_own_role_noun():
    from reader.article.quotes.roles import is_expert_role

    assert is_expert_role("former deputy national security adviser")
    assert is_expert_role("retired air force general") is is_expert_role("air force general")
    assert not is_expert_role("a retired teacher and head of the PTA")
    assert not is_expert_role("his ex-wife, who works for the fire chief")


def test_the_agency_is_the_organisation_named_before_with_that_noun():
    text = (
        "The Federal Aviation Administration grounded the jets, and the Transport "
        "Safety Agency opened an inquiry.\n\n"
        "Airlines said the delays would last a week.\n\n"
        '"The cause is not yet known," the agency said on Tuesday.\n\n'
        "The Department of Labor said it would review the overtime rules, calling the "
        'old ones "badly out of date."\n\n'
        'The department said the review was "long overdue."\n'
    )
    assert quote(text, "The cause").speaker == "Transport Safety Agency"
    assert quote(text, "long overdue").speaker == "Department of Labor"


def test_the_company_is_the_last_company_named():
    text = (
        "Regulators in Ohio fined Bolt Motors Inc. after a fire at its plant.\n\n"
        '"We are cooperating fully with the inquiry," the company said in a statement.\n'
    )
    assert quote(text, "We are").speaker == "Bolt Motors Inc"


def test_a_quoted_nickname_inside_a_name_is_part_of_the_name():
    text = (
        'Sen. Robert C. "Bobby" Lane hosted a picnic for his supporters.\n\n'
        '"Vote early this year!" his cousin, state Rep. Maria "Mia" Costa (D-Akron), '
        'told the crowd. "Ohio is watching."\n\n'
        '"We will carry the county," Lane said.\n'
    )
    assert [q.text for q in quotes_of(text) if "Mia" in q.text or "Bobby" in q.text] == []
    assert quote(text, "Vote early").speaker == "Maria Costa"
    assert quote(text, "Ohio is").speaker == "Maria Costa"
    assert quote(text, "We will").speaker == "Robert C. Lane"


def test_a_party_tag_or_photo_pointer_does_not_cut_the_name_from_its_verb():
    text = (
        "The bill passed the House on Thursday.\n\n"
        '"This is a good day for farmers," the bill\'s author, Rep. Ann Cole (R-Iowa), said.\n\n'
        "Flooding ruined the harvest in Leeds last year.\n\n"
        'Her neighbour, Jo Ames (pictured), said: "It changes nothing for us."\n'
    )
    assert quote(text, "This is").speaker == "Ann Cole"
    assert quote(text, "It changes").speaker == "Jo Ames"


def test_the_role_noun_given_with_a_name_refers_back_to_that_person():
    text = (
        "Leeds striker Tom Reed scored twice on Saturday, and Jo Ames, a farmer from "
        "Otley, watched from the stand.\n\n"
        "The club are top of the league for the first time since 2001.\n\n"
        '"It was a great night for the city," the striker said.\n\n'
        '"I have not missed a game in forty years," the farmer said.\n\n'
        "Nurse Amy Cole treated an injured fan.\n\n"
        "The fan was sent home.\n\n"
        '"He was lucky," the nurse said.\n'
    )
    assert quote(text, "It was").speaker == "Tom Reed"
    assert quote(text, "I have").speaker == "Jo Ames"
    assert quote(text, "He was").speaker == "Amy Cole"


def test_british_police_and_council_titles_are_not_part_of_the_name():
    text = (
        "Det Supt Jane Smith is leading the inquiry, Chief Constable Sam Ward said.\n\n"
        "Councillor Ann Cole and Insp Tom Reed met residents on Monday.\n\n"
        "The car was found in a lane near the school.\n\n"
        '"We need witnesses," Det Supt Smith said.\n\n'
        '"The lane will be closed," Insp Reed said.\n\n'
        '"Residents are worried," Cllr Cole said.\n\n'
        '"We got it wrong," said Chief Constable Sam Ward.\n'
    )
    assert quote(text, "We need").speaker == "Jane Smith"
    assert quote(text, "The lane").speaker == "Tom Reed"
    assert quote(text, "Residents").speaker == "Ann Cole"
    assert quote(text, "We got").speaker == "Sam Ward"


def test_a_party_and_a_title_alone_describe_the_person_who_holds_them():
    text = (
        "Labour MP Jane Smith raised the case in the Commons on Tuesday.\n\n"
        "Ministers promised a review.\n\n"
        '"This is a scandal," the Labour MP said.\n'
    )
    assert quote(text, "This is").speaker == "Jane Smith"


def test_a_description_with_a_hometown_before_the_verb_is_the_subject():
    text = (
        "Jane Hill, 41, lost her home when the river burst its banks.\n\n"
        'The mother-of-three, from Essex, said: "We have nothing left."\n\n'
        "Her neighbour Tom Reed, 52, lost his car.\n\n"
        '"It was gone in minutes," the 52-year-old, from Chelmsford, said.\n'
    )
    assert quote(text, "We have").speaker == "Jane Hill"
    assert quote(text, "It was").speaker == "Tom Reed"


def test_a_name_after_a_role_opening_its_sentence_is_the_next_pronoun():
    text = (
        "Harbor master Tom Becker said the catch was down by half this year.\n\n"
        '"We have never seen a season like this," Becker said.\n\n'
        "Local fisherman Ray Tillman was less convinced. "
        '"They are punishing the people who did not cause this," he said.\n'
    )
    becker, tillman = quote(text, "We have"), quote(text, "They are")
    assert (becker.speaker, becker.role) == ("Tom Becker", "Harbor master")
    assert (tillman.speaker, tillman.role) == ("Ray Tillman", "Local fisherman")


def test_a_capitalised_noun_for_what_people_do_before_a_first_name_is_a_role():
    text = (
        "The new quotas start in May.\n\n"
        "Fisherman Ray Tillman was less convinced. "
        '"They are punishing the people who did not cause this," he said.\n\n'
        '"It is a fair plan," said Carter Page, a regulator.\n'
    )
    tillman = quote(text, "They are")
    assert (tillman.speaker, tillman.role) == ("Ray Tillman", "Fisherman")
    assert quote(text, "It is").speaker == "Carter Page"
