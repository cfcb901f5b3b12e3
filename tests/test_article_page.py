"""Extraction of raw fields, on the mirror's pages: one test per page variant of SITE.md."""

import json
from dataclasses import asdict

from scrapy.http import HtmlResponse

from szpu_crawler.pages.article import date_line_value, parse_article_page
from tests.conftest import EXPECTED
from tests.conftest import SITE_BASE_URL as BASE


def parse(page, path):
    return parse_article_page(page(path), BASE)


def test_seed_article_raw_fields_match_the_reference(page):
    expected = json.loads((EXPECTED / "seed_article.json").read_text(encoding="utf-8"))
    for image in expected["images"]:  # where the files pipeline stored them comes later
        del image["local_path"], image["sha256"]
    fields = asdict(parse(page, "/info/1162/2433.htm"))
    assert fields == {name: expected[name] for name in fields}


def test_seed_article_body_is_the_readers_text_without_captions_and_byline(page):
    """The seed page's text as a reader sees it (seed-article.txt), between date and byline."""
    lines = (EXPECTED / "seed-article.txt").read_text(encoding="utf-8").split("\n\n")
    paragraphs = [line.strip() for line in lines if line.strip()]
    start = paragraphs.index("Date: Dec 4, 2024") + 1
    end = paragraphs.index("(International Exchange and Cooperation Office, Li Simin)")
    captions = {
        "World Vocational and Technical Education Development Alliance Established",
        "Mr. Xu Jianling Speaks as the Sole Chinese Representative from a Member Institution",
    }
    expected = [p for p in paragraphs[start:end] if p not in captions]
    assert parse(page, "/info/1162/2433.htm").body_text == "\n\n".join(expected)


def test_time_template_with_unspaced_breadcrumb(page):
    article = parse(page, "/info/1161/1702.htm")
    assert article.date_published_raw == "Jan 5, 2022"
    assert [crumb["name"] for crumb in article.breadcrumbs_raw] == [
        "Home",
        "News&Events",
        "News",
        "Content",
    ]
    assert article.byline_raw == (
        "(Chen Hao,Wang Lu,School of Electronic and Communication Engineering)"
    )


def test_legacy_author_date_template_without_meta_or_known_containers(page):
    article = parse(page, "/info/1161/702.htm")
    assert article.title == (
        "SZPT Signs Cooperation Agreement with a Dutch University of Applied Sciences"
    )
    assert article.date_published_raw == "2016-1-13 16:13:00"
    assert article.date_meta_raw is None
    assert article.body_text.startswith("Shenzhen Polytechnic signed a cooperation agreement")
    assert article.body_text.endswith("expected to take part in the first year.")
    assert article.byline_raw == "(International Exchange and Cooperation Office)"
    assert article.signals == {
        "breadcrumbs_raw": "position-marker",
        "body_text": "paragraph-density",
        "title": "container",
        "date_published_raw": "date-marker",
    }


def test_page_without_meta_tags_and_with_a_stray_code_line(page):
    article = parse(page, "/info/1161/2320.htm")
    assert article.title == "Graduation Ceremony Celebrates the Class of 2024"
    assert article.signals["title"] == "container"
    assert article.date_meta_raw is None
    assert article.date_published_raw == "Jun 28, 2024"
    assert "883D6" not in article.body_text
    assert article.body_text.startswith("The university held its graduation ceremony on June 26")
    assert article.images == [
        {
            "url": BASE + "__local/6C/20/AA11BB22CC33DD44EE55FF6677_1.jpg",
            "caption": "Graduates Toss Their Caps",
            "alt": None,
        }
    ]


def test_one_subtitle(page):
    article = parse(page, "/info/1161/2398.htm")
    assert article.title == "Building Bridges for Vocational Education in Africa"
    assert article.subtitle == "Our school's delegation visits Egypt and Côte d'Ivoire"
    assert article.byline_raw == "(Reported by the School of International Education)"


def test_two_subtitle_lines(page):
    assert parse(page, "/info/1162/2521.htm").subtitle == (
        "— Partners from twenty countries share their practice\n"
        "— The second edition of the annual forum"
    )


def test_subtitle_and_title_area_byline(page):
    article = parse(page, "/info/1161/2462.htm")
    assert article.subtitle == "— 2025 New Year Message from Shenzhen Polytechnic University"
    assert article.byline_raw == "By Party Secretary Yang Xinbin and President Xu Jianling"
    assert article.body_text.startswith("Dear teachers, students, alumni and friends")


def test_title_area_byline_of_names_with_titles(page):
    article = parse(page, "/info/1161/2566.htm")
    assert article.subtitle is None
    assert article.byline_raw == "Yang Xinbin, Party Secretary;Xu Jianling, President"


def test_legacy_title_area_byline(page):
    article = parse(page, "/info/1162/698.htm")
    assert article.byline_raw == "by Partysecretary Chen Qiuming / President Jia Xingdong"
    assert article.date_published_raw == "2016-1-1 00:00:00"


def test_reprint_source_stamp(page):
    article = parse(page, "/info/1161/2455.htm")
    assert article.source_raw == (
        "Hongyin Voice of Vocational Education | December 16, 2024, 20:31, Shandong"
    )
    assert article.subtitle is None
    assert article.byline_raw is None
    assert article.date_published_raw == "Dec 17, 2024"


def test_attachments_and_closing_translation_lines(page):
    article = parse(page, "/info/1161/2530.htm")
    download = BASE + "system/_content/download.jsp?urltype=news.DownloadAttachUrl&owner=1826434304"
    assert article.attachments == [
        {"url": download + "&wbfileid=31207", "name": "2025 Summer School Application Form.docx"},
        {"url": download + "&wbfileid=31208", "name": "2025 Summer School Programme.pdf"},
    ]
    assert article.byline_raw == "Translated by Lin Yu\nReviewed by Guo Ming\nEdited by Sun Qian"
    assert article.body_text.endswith("tuition is waived for partner institutions.")


def test_closing_byline_in_chinese_punctuation_and_noise_kept_as_printed(page):
    article = parse(page, "/info/1161/2548.htm")
    assert article.byline_raw == "（International Exchange and Cooperation Office，Zhao Lei）"
    assert article.body_text == (
        "Thesigning ceremony took place online on April 18. SZPU will contribute its "
        '""Higher Diploma in Green Technology"" curriculum to the alliance.\n\n'
        "The alliance\u00e2\u20ac\u2122s members come from 21 countries, and its secretariat is "
        "in Bonn."
    )


def test_caption_and_bold_subheading(page):
    article = parse(page, "/info/1161/2590.htm")
    assert article.headings == ["Thoughtful Measures Make Students Feel at Home"]
    assert article.images[0]["caption"] == "Xu Jianling Engaging Warmly with Freshmen"
    assert article.body_text.split("\n\n") == [
        "About 9,000 freshmen arrived on campus on September 13 and 14. Volunteers met them at "
        "the gates and helped them carry their luggage to the dormitories.",
        "Thoughtful Measures Make Students Feel at Home",
        "Every dormitory now has air conditioning and a shared kitchen. The canteens added halal "
        "and vegetarian counters for the new term.",
    ]
    assert article.byline_raw == "(Student Affairs Office, Wu Tao)"


def test_photos_before_the_text_with_alt_and_captions(page):
    article = parse(page, "/info/1162/2503.htm")
    assert [(image["caption"], image["alt"]) for image in article.images] == [
        ("Guessing Lantern Riddles", "Students guessing lantern riddles"),
        ("Making Tangyuan Together", None),
    ]
    assert article.byline_raw is None


def test_page_and_list_dates_disagree_page_date_is_read(page):
    article = parse(page, "/info/1162/2375.htm")
    assert article.date_published_raw == "Sep 9, 2024"
    assert article.date_meta_raw == "2024-09-09 18:30"


def test_title_from_the_line_after_the_position_marker_when_no_container_is_known():
    response = HtmlResponse(
        url=BASE + "info/1161/9999.htm",
        body=(
            b"<html><head><title>x</title></head><body><div class='crumbs-x'>Position : "
            b"<a href='/index.htm'>Home</a> &gt; <a href='/News___Events/News.htm'>News</a>"
            b"</div><div class='t'><b>A Title Only Text Tells</b></div><div>Date: Mar 3, 2025"
            b"</div><div class='c'><p>First paragraph of the body, long enough to count.</p>"
            b"<p>Second paragraph.</p></div></body></html>"
        ),
    )
    article = parse_article_page(response, BASE)
    assert article.title == "A Title Only Text Tells"
    assert article.date_published_raw == "Mar 3, 2025"
    assert article.body_text == (
        "First paragraph of the body, long enough to count.\n\nSecond paragraph."
    )
    assert article.signals == {
        "breadcrumbs_raw": "position-marker",
        "body_text": "paragraph-density",
        "title": "position-marker",
        "date_published_raw": "date-marker",
    }


def test_page_with_nothing_recognisable_gives_empty_fields():
    response = HtmlResponse(url=BASE + "info/1161/9998.htm", body=b"<html><body></body></html>")
    article = parse_article_page(response, BASE)
    assert (article.title, article.body_text, article.date_published_raw) == (None, None, None)
    assert (article.breadcrumbs_raw, article.images, article.signals) == ([], [], {})


def test_date_line_values_as_printed():
    assert date_line_value("Date: Dec 4, 2024") == "Dec 4, 2024"
    assert date_line_value("Time:Jan 5, 2022") == "Jan 5, 2022"
    assert date_line_value("Author : Date : 2016-1-13 16:13:00 Clicks :") == "2016-1-13 16:13:00"
    assert date_line_value("发布时间：2024年12月4日") == "2024年12月4日"
    assert date_line_value("Date: sometime soon Views: 12") == "sometime soon"
    assert date_line_value("Update the database") is None
