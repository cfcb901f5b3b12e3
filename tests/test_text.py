import pytest
from lxml import html

from szpu_crawler.pages.text import clean_text, is_blank, text_lines, text_lines_after


def test_clean_text_folds_the_cms_spaces():
    assert clean_text("\u00a0\u00a0Author :\u00a0 Date :\u3000 2016-1-13\u200b ") == (
        "Author : Date : 2016-1-13"
    )


def test_text_lines_break_at_blocks_and_br_and_skip_scripts():
    element = html.fromstring(
        "<div>Position : <a>Home</a> &gt; <a>News</a><h1>Title</h1>"
        "<p>One<br>Two <span>three</span></p><script>_showDynClicks(1)</script>tail</div>"
    )
    assert text_lines(element) == ["Position : Home > News", "Title", "One", "Two three", "tail"]


PAGE = (
    "<html><body><ul class='menu'><li>Home</li><li>News</li></ul>"
    "<table><tr><td><div class='dqwz'>Position : <a>Home</a></div>After crumb</td></tr>"
    "<tr><td class='title'>Title</td></tr><tr><td>Time:Oct 31, 2025<br>Clicks: 3</td></tr>"
    "<tr><td><div id='body'><p>Body</p></div></td></tr></table><p>Footer</p></body></html>"
)


def test_text_lines_stop_where_the_stop_element_begins():
    root = html.fromstring(PAGE)
    body = root.get_element_by_id("body")
    assert text_lines(root, stop=body) == [
        "Home", "News", "Position : Home", "After crumb", "Title", "Time:Oct 31, 2025", "Clicks: 3",
    ]  # fmt: skip


def test_text_lines_after_read_from_a_landmark_to_the_stop_element():
    root = html.fromstring(PAGE)
    crumb = root.find_class("dqwz")[0]
    body = root.get_element_by_id("body")
    assert text_lines_after(crumb, stop=body) == [
        "After crumb", "Title", "Time:Oct 31, 2025", "Clicks: 3",
    ]  # fmt: skip
    assert text_lines_after(crumb) == [
        "After crumb", "Title", "Time:Oct 31, 2025", "Clicks: 3", "Body", "Footer",
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "blank"),
    [("", True), (" \n\t", True), ("\u00a0\u3000\u200b\ufeff\n", True), (" a ", False),
     ("\u00a0x", False), ("\u2009.\n", False)],
)  # fmt: skip
def test_is_blank_is_true_for_the_cms_spaces_and_line_breaks_only(text, blank):
    assert is_blank(text) is blank
    assert (clean_text(text.replace("\n", " ")) == "") is blank
