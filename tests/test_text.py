from lxml import html

from szpu_crawler.pages.text import clean_text, text_lines


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
