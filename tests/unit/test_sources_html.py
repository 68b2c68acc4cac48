"""Saved web pages: body, metadata, headings, captions with credits, encodings."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.errors import ReaderError
from reader.lexicon.credits import AGENCIES
from reader.sources.document import RawCaption
from reader.sources.html import (
    TextBlock,
    _drop_caption_text,
    _drop_leading_title,
    decode_html,
    figure_caption,
    split_credit,
)
from reader.sources.load import load_source
from tests.conftest import article_from_text

PARAGRAPHS = [
    "The city council voted on Tuesday to expand the tram network by twelve kilometres, "
    "ending a debate that has run for more than a decade.",
    "Supporters said the new lines would cut commuting times for tens of thousands of residents "
    "in the eastern districts, where buses are often full before they reach the centre.",
    "Opponents warned that the cost, estimated at 480 million euros, could rise further once "
    "construction starts, as it did on the previous extension.",
    "The mayor said work would begin next spring and that the first trams should run in 2028, "
    "provided the national government confirms its share of the funding.",
    "Residents along the planned route will be invited to public meetings in the coming weeks, "
    "where engineers will present the details of each station.",
    "A final decision on the depot, the most disputed part of the plan, is expected in the autumn.",
]

FIGURES = {
    "ap": '<figure><img src="a.jpg" alt="ignored alt"><figcaption>Council members raise their hands during the vote on Tuesday. (AP)</figcaption></figure>',
    "photo": '<figure><img src="b.jpg"><figcaption>A tram crosses the river bridge at dusk. Photo: Jane Doe/Getty Images</figcaption></figure>',
    "span": '<figure><img src="c.jpg"><figcaption>Commuters wait at the central station.<span class="credit">Max Mustermann</span></figcaption></figure>',
    "credit": '<figure><img src="d.jpg"><figcaption>The planned eastern line runs past the old harbour. Credit: City Planning Office</figcaption></figure>',
    "alt": '<figure><img src="e.jpg" alt="A map of the twelve new kilometres of track"></figure>',
}


def article_page(
    *,
    charset_meta: str | None = "utf-8",
    body_extra: str = "",
    title: str = "Council approves tram expansion",
) -> str:
    meta = f'<meta charset="{charset_meta}">' if charset_meta else ""
    p = [f"<p>{text}</p>" for text in PARAGRAPHS]
    return f"""<!DOCTYPE html>
<html lang="en"><head>{meta}
<title>{title} | The Daily Example</title>
<meta property="og:title" content="{title}">
<meta property="og:site_name" content="The Daily Example">
<meta name="author" content="Erika Example">
<meta property="article:published_time" content="2024-03-05T10:00:00Z">
</head><body>
<header><nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav>
<figure><img src="logo.png"><figcaption>The Daily Example logo in the page header</figcaption></figure></header>
<main><article>
<h1>{title}</h1>
{FIGURES["ap"]}
{p[0]}
{p[1]}
<h2>The cost of the plan</h2>
{FIGURES["photo"]}
{p[2]}
{p[3]}
{FIGURES["span"]}
<h2>What happens next</h2>
{p[4]}
{FIGURES["credit"]}
{FIGURES["alt"]}
{p[5]}
{body_extra}
</article>
<aside><figure><img src="ad.jpg"><figcaption>Advertisement for a summer sale on garden furniture</figcaption></figure></aside>
</main>
<footer><p>Copyright The Daily Example. All rights reserved.</p></footer>
</body></html>"""


def write(tmp_path: Path, name: str, data: bytes) -> str:
    path = tmp_path / name
    path.write_bytes(data)
    return str(path)


@pytest.fixture
def article(tmp_path: Path):
    return load_source(write(tmp_path, "tram.html", article_page().encode("utf-8")))


def test_body_and_metadata_come_from_the_page(article):
    assert article.kind == "html"
    assert article.title == "Council approves tram expansion"
    assert article.site == "The Daily Example"
    assert article.author == "Erika Example"
    assert article.date == "2024-03-05"
    assert article.name == "tram"
    for text in PARAGRAPHS:
        assert text in article.text
    assert "Home" not in article.text and "All rights reserved" not in article.text


def test_text_is_plain_paragraphs_between_blank_lines(article):
    paragraphs = article.text.split("\n\n")
    assert paragraphs == PARAGRAPHS
    assert "<" not in article.text and "#" not in article.text


def test_headings_mark_where_sections_start(article):
    headings = dict(article.headings)
    assert list(headings.values()) == ["The cost of the plan", "What happens next"]
    cost, nxt = headings
    assert article.text[cost:].startswith(PARAGRAPHS[2])
    assert article.text[nxt:].startswith(PARAGRAPHS[4])
    # The page title is metadata, not a section; heading text is not in the body.
    assert "Council approves" not in article.text and "The cost of the plan" not in article.text


def test_captions_with_credits_in_page_order(article):
    assert [(c.text, c.credit) for c in article.captions] == [
        ("Council members raise their hands during the vote on Tuesday.", "AP"),
        ("A tram crosses the river bridge at dusk.", "Jane Doe/Getty Images"),
        ("Commuters wait at the central station.", "Max Mustermann"),
        ("The planned eastern line runs past the old harbour.", "City Planning Office"),
        ("A map of the twelve new kilometres of track", None),
    ]


def test_caption_positions_are_the_paragraph_after_the_figure(article):
    starts = {text: article.text.index(text) for text in PARAGRAPHS}
    positions = [c.position for c in article.captions]
    assert positions == [
        starts[PARAGRAPHS[0]],
        starts[PARAGRAPHS[2]],
        starts[PARAGRAPHS[4]],
        starts[PARAGRAPHS[5]],
        starts[PARAGRAPHS[5]],
    ]


def test_captions_never_in_the_body_and_furniture_ignored(article):
    for caption in article.captions:
        assert caption.text not in article.text
        assert (caption.credit or "") not in article.text or caption.credit is None
    texts = " ".join(c.text for c in article.captions)
    assert "logo" not in texts and "Advertisement" not in texts
    assert "ignored alt" not in texts  # alt text only where a figure has no caption


def test_caption_text_left_in_the_body_is_removed():
    captions = [RawCaption("Firefighters battle the blaze near the highway.", "AP")]
    blocks = [
        TextBlock("Firefighters battle the blaze near the highway. (AP)"),
        TextBlock(
            "The fire started on Sunday. Firefighters battle the blaze near the highway. Crews arrived at noon."
        ),
        TextBlock("AP"),
        TextBlock("Crews arrived at noon."),
    ]
    kept = [b.text for b in _drop_caption_text(blocks, captions)]
    assert kept == ["The fire started on Sunday. Crews arrived at noon.", "Crews arrived at noon."]


@pytest.mark.parametrize(
    ("caption", "text", "credit"),
    [
        (
            "Smoke over the hills. (AP Photo/Evan Vucci)",
            "Smoke over the hills.",
            "AP Photo/Evan Vucci",
        ),
        ("Smoke over the hills. (Photo: Getty Images)", "Smoke over the hills.", "Getty Images"),
        (
            "Smoke over the hills. Photograph: Tim Robberts/Getty Images",
            "Smoke over the hills.",
            "Tim Robberts/Getty Images",
        ),
        (
            "Smoke over the hills. REUTERS/Brendan McDermid",
            "Smoke over the hills.",
            "REUTERS/Brendan McDermid",
        ),
        ("Smoke over the hills. Photo by Jane Doe/AFP", "Smoke over the hills.", "Jane Doe/AFP"),
        (
            "Smoke over the hills.Credit...Doug Mills/The New York Times",
            "Smoke over the hills.",
            "Doug Mills/The New York Times",
        ),
        ("Smoke over the hills. \u00a9 Jane Doe", "Smoke over the hills.", "Jane Doe"),
        (
            "Smoke over the hills (seen from the north).",
            "Smoke over the hills (seen from the north).",
            None,
        ),
        (
            "A video was released on Monday. (Published Monday, Nov. 18)",
            "A video was released on Monday. (Published Monday, Nov. 18)",
            None,
        ),
        ("The president speaks in Washington.", "The president speaks in Washington.", None),
    ],
)
def test_split_credit(caption: str, text: str, credit: str | None):
    assert split_credit(caption) == (text, credit)


def test_figcaption_credit_marked_by_label_element(tmp_path: Path):
    figure = (
        "<figure><img src='x.jpg'><figcaption><span>Trump speaks to supporters in Louisiana.</span>"
        "<span>Credit...</span><span>Doug Mills/The New York Times</span></figcaption></figure>"
    )
    extra_credit = "<figure><img src='y.jpg'><figcaption><span class='caption-text'>Voters queue in the rain.</span> <small class='photo-credit'>Photo: A. Person</small></figcaption></figure>"
    doc = load_source(
        write(tmp_path, "p.html", article_page(body_extra=extra_credit + figure).encode())
    )
    found = {c.text: c.credit for c in doc.captions}
    assert found["Voters queue in the rain."] == "A. Person"
    assert found["Trump speaks to supporters in Louisiana."] == "Doug Mills/The New York Times"


def test_screen_reader_labels_are_not_caption_text(tmp_path: Path):
    extra = "<figure><img src='z.jpg'><figcaption><span class='off-screen'>Image caption</span> Divers search the lake at dawn</figcaption></figure>"
    doc = load_source(write(tmp_path, "p.html", article_page(body_extra=extra).encode()))
    assert "Divers search the lake at dawn" in [c.text for c in doc.captions]


def test_related_story_cards_after_the_article_are_not_captions(tmp_path: Path):
    cards = "".join(
        f"<figure><a href='/s{i}'><img src='s{i}.jpg'></a><figcaption><h5>Other story number {i} about something else</h5></figcaption></figure>"
        for i in range(3)
    )
    page = article_page().replace("</main>", f"<div class='related-stories'>{cards}</div></main>")
    doc = load_source(write(tmp_path, "p.html", page.encode()))
    assert not any("Other story" in c.text for c in doc.captions)


def test_alt_only_images_after_the_text_inside_the_article_are_cards_not_captions(tmp_path: Path):
    cards = "".join(
        f"<figure><a href='/s{i}'><img src='s{i}.jpg' alt='Giants at Patriots game {i}'></a></figure>"
        for i in range(3)
    )
    own = "<figure><img src='end.jpg'><figcaption>Workers lay the last stretch of track on Monday.</figcaption></figure>"
    page = article_page(body_extra=cards + own)
    doc = load_source(write(tmp_path, "p.html", page.encode()))
    texts = [c.text for c in doc.captions]
    assert not any("Patriots" in t for t in texts)
    assert "Workers lay the last stretch of track on Monday." in texts


KOREAN = [
    "서울시는 화요일 새로운 대중교통 계획을 발표했다. 시는 앞으로 5년 동안 지하철 노선 세 개를 새로 건설할 예정이다.",
    "시민들은 출퇴근 시간이 크게 줄어들 것이라며 환영했지만, 일부 전문가들은 예산이 부족하다고 지적했다.",
    "시장은 기자회견에서 정부와 협력해 필요한 재원을 마련하겠다고 말했다. 첫 노선은 2028년에 개통될 예정이다.",
]


def korean_page(meta: bool) -> str:
    head = '<meta http-equiv="Content-Type" content="text/html; charset=euc-kr">' if meta else ""
    body = "".join(f"<p>{p}</p>" for p in KOREAN)
    return f"<html><head>{head}<title>서울시 교통 계획</title></head><body><article><h1>서울시 교통 계획</h1>{body}</article></body></html>"


@pytest.mark.parametrize("meta", [True, False], ids=["meta-charset", "no-meta"])
def test_euc_kr_pages_decode(tmp_path: Path, meta: bool):
    doc = load_source(write(tmp_path, "kr.html", korean_page(meta).encode("euc-kr")))
    assert doc.text.split("\n\n") == KOREAN
    assert doc.title == "서울시 교통 계획"


WESTERN = [
    "The caf\u00e9 on the corner \u2013 a favourite of the na\u00efve and the blas\u00e9 alike \u2013 closed on Friday after thirty years.",
    "\u201cIt\u2019s the end of an era,\u201d said one regular, who had ordered the same cr\u00e8me br\u00fbl\u00e9e every week since 1994.",
    "The owner, Ren\u00e9e Dup\u00f4nt, said rising rents had made the business impossible \u2014 a story told all over town.",
]


def western_page(meta: str | None) -> str:
    head = f'<meta charset="{meta}">' if meta else ""
    body = "".join(f"<p>{p}</p>" for p in WESTERN)
    return f"<html><head>{head}<title>Caf\u00e9 closes</title></head><body><article>{body}</article></body></html>"


@pytest.mark.parametrize(
    "meta", ["windows-1252", "iso-8859-1", None], ids=["cp1252", "latin1-label", "no-meta"]
)
def test_windows_1252_pages_decode(tmp_path: Path, meta: str | None):
    doc = load_source(write(tmp_path, "cafe.html", western_page(meta).encode("cp1252")))
    assert doc.text.split("\n\n") == WESTERN


def test_charset_from_the_http_header_wins_over_detection():
    data = korean_page(meta=False).encode("euc-kr")
    assert "서울시" in decode_html(data, "x", "text/html; charset=EUC-KR")


def test_utf8_page_with_a_wrong_meta_charset_stays_utf8(tmp_path: Path):
    doc = load_source(write(tmp_path, "x.html", western_page("iso-8859-1").encode("utf-8")))
    assert doc.text.split("\n\n") == WESTERN


def test_xml_declaration_with_encoding_is_accepted(tmp_path: Path):
    page = '<?xml version="1.0" encoding="windows-1252"?>\n' + western_page("windows-1252")
    doc = load_source(write(tmp_path, "x.xhtml", page.encode("cp1252")))
    assert doc.text.split("\n\n") == WESTERN


def test_sniffed_html_without_suffix(tmp_path: Path):
    doc = load_source(write(tmp_path, "saved-page", article_page().encode()))
    assert doc.kind == "html" and PARAGRAPHS[0] in doc.text


def test_page_without_article_text_is_a_clear_error(tmp_path: Path):
    page = "<html><head><title>Nothing</title></head><body><nav><a href='/'>Home</a></nav></body></html>"
    path = write(tmp_path, "empty.html", page.encode())
    with pytest.raises(ReaderError, match=r"^no article text found in .*empty\.html$"):
        load_source(path)


def test_binary_file_named_html_is_a_clear_error(tmp_path: Path):
    path = write(tmp_path, "junk.html", bytes(range(256)) * 40)
    with pytest.raises(ReaderError):
        load_source(path)


def test_lists_are_items_and_tables_plain_lines(tmp_path: Path):
    extra = "<ul><li>First point about the plan</li><li>Second point about the plan</li></ul>"
    extra += (
        "<table><tr><td>Line</td><td>Length</td></tr><tr><td>East</td><td>7 km</td></tr></table>"
    )
    doc = load_source(write(tmp_path, "x.html", article_page(body_extra=extra).encode()))
    assert "First point about the plan\n\nSecond point about the plan" in doc.text
    assert "- First" not in doc.text and "|" not in doc.text
    items = [doc.text[b.start : b.end] for b in doc.blocks if b.kind == "item"]
    assert items == ["First point about the plan", "Second point about the plan"]


@pytest.mark.parametrize(
    "top",
    [
        ["Council approves tram expansion"],  # the title repeated as a block
        ["Review", "Council approves tram expansion"],  # after a one-word kicker
        ["Council approves tram expansion The first line of the lede."],  # running into the lede
    ],
)
def test_the_title_repeated_at_the_top_of_the_body_is_dropped(top):
    blocks = [TextBlock(text) for text in top] + [TextBlock("The council voted on Tuesday.")]
    kept = [b.text for b in _drop_leading_title(blocks, "Council approves tram expansion")]
    lede = ["The first line of the lede."] if top[-1].endswith("lede.") else []
    assert kept == lede + ["The council voted on Tuesday."]


def test_a_title_after_real_text_is_kept():
    blocks = [
        TextBlock("The council met for six hours on Tuesday night."),
        TextBlock("Council approves tram expansion"),
    ]
    assert _drop_leading_title(blocks, "Council approves tram expansion") == blocks


def _page_captions(tmp_path: Path, extra: str) -> dict[str, str | None]:
    doc = load_source(write(tmp_path, "p.html", article_page(body_extra=extra).encode()))
    return {c.text: c.credit for c in doc.captions}


@pytest.mark.parametrize(
    "credit_html",
    [
        "<span class='credit'>Jane Doe/AP View full size image</span>",
        "<span class='credit'>Photo: Jane Doe/AP</span> <span class='credit'>Tags: Weather, Airports</span>",
        "<span class='photo-credit'>Jane Doe/AP \u00bb Enlarge</span>",
    ],
)
def test_credits_carry_no_page_junk(tmp_path: Path, credit_html: str):
    extra = f"<figure><img src='s.jpg'><figcaption>Crews clear snow from the runway. {credit_html}</figcaption></figure>"
    assert _page_captions(tmp_path, extra)["Crews clear snow from the runway."] == "Jane Doe/AP"


@pytest.mark.parametrize(
    "alt",
    [
        "IMG_2041.JPG",
        "tram_depot_final_2",
        "[https://cdn.example.com/v/tram_167x94.jpg]",
        "Dsc0042",
    ],
)
def test_an_image_file_name_is_never_a_caption(alt: str):
    from lxml import html as lxml_html

    figure = lxml_html.fromstring(f"<figure><img src='x.jpg' alt='{alt}'></figure>")
    assert figure_caption(figure) is None
    figure = lxml_html.fromstring(f"<figure><figcaption>{alt}</figcaption></figure>")
    if "." in alt:  # a file's name or address written as the caption
        assert figure_caption(figure) is None
    real = lxml_html.fromstring("<figure><img src='x.jpg' alt='A tram on the bridge'></figure>")
    assert figure_caption(real) == RawCaption("A tram on the bridge")


def test_alt_text_is_never_cut_out_of_a_body_sentence(tmp_path: Path):
    alt = "buses are often full before they reach the centre"
    extra = f"<figure><img src='bus.jpg' alt='{alt}'></figure>"
    doc = load_source(write(tmp_path, "p.html", article_page(body_extra=extra).encode()))
    assert PARAGRAPHS[1] in doc.text


def test_written_caption_is_cut_only_where_it_stands_as_sentences():
    caption = RawCaption("Crews arrived at noon.", None)
    blocks = [
        TextBlock("The fire started on Sunday. Crews arrived at noon. It burned for days."),
        TextBlock("Nobody expected that Crews arrived at noon. would be a headline."),
    ]
    kept = [b.text for b in _drop_caption_text(blocks, [caption])]
    assert kept == [
        "The fire started on Sunday. It burned for days.",
        "Nobody expected that Crews arrived at noon. would be a headline.",
    ]


def test_alt_text_left_in_the_body_goes_only_as_a_whole_line():
    caption = RawCaption("A tram on the new bridge at dusk", None)
    blocks = [
        TextBlock("A tram on the new bridge at dusk"),
        TextBlock("Residents watched. A tram on the new bridge at dusk drew a crowd."),
    ]
    kept = [b.text for b in _drop_caption_text(blocks, [caption], written=set())]
    assert kept == ["Residents watched. A tram on the new bridge at dusk drew a crowd."]


def test_no_figcaption_text_is_left_in_the_body_even_when_not_a_caption():
    card = "More stories about the tram network and its history"
    blocks = [TextBlock(card), TextBlock("The fire started on Sunday.")]
    kept = [b.text for b in _drop_caption_text(blocks, [], figcaption_lines={card})]
    assert kept == ["The fire started on Sunday."]


def test_a_caption_held_in_a_heading_is_a_caption_and_a_linked_heading_is_a_teaser(
    tmp_path: Path,
):
    own = "<figure><img src='h.jpg'><figcaption><h4>Engineers inspect the new tram depot on Friday.</h4></figcaption></figure>"
    enlarged = "<figure><a href='/img/big.jpg'><img src='b.jpg'></a><figcaption><h4>A tram waits at the new terminus.</h4></figcaption></figure>"
    teaser = (
        "<figure><a href='/other-story'><img src='t.jpg'></a><figcaption><h4>"
        "Why the depot plan split the city council</h4></figcaption></figure>"
    )
    captions = _page_captions(tmp_path, own + enlarged + teaser)
    assert "Engineers inspect the new tram depot on Friday." in captions
    assert "A tram waits at the new terminus." in captions
    assert not any("depot plan split" in text for text in captions)


def test_a_figcaption_that_is_only_a_credit_credits_the_alt_text(tmp_path: Path):
    extra = (
        "<figure><div class='img-wrapper'><img src='i.jpg' alt='Tram tracks under fresh snow'>"
        "<figcaption>Photo: Jane Doe</figcaption></div></figure>"
    )
    captions = _page_captions(tmp_path, extra)
    assert captions["Tram tracks under fresh snow"] == "Jane Doe"
    assert "Photo: Jane Doe" not in captions


def test_an_embedded_post_is_not_a_caption(tmp_path: Path):
    extra = "<figure><img src='e.jpg' alt='Twitter post by @mayor: Big day for the city and its trams'></figure>"
    assert not any("Twitter post" in text for text in _page_captions(tmp_path, extra))


@pytest.mark.parametrize("agency", AGENCIES)
def test_every_agency_is_a_credit_in_text_and_on_pages(agency: str):
    caption = "Crews clear snow from the runway at dawn."
    assert split_credit(f"{caption} ({agency})") == (caption, agency)
    article = article_from_text(
        f"{caption} ({agency})\n\nThe airport reopened on Monday after the storm. "
        "Flights resumed in the afternoon."
    )
    assert [(c.text, c.credit) for c in article.captions] == [(caption, agency)]
