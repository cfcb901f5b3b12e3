"""Dates: table of printed strings → ISO 8601, publication-date sources, mentions in the body."""

import pytest

from szpu_crawler.normalize.dates import (
    PublicationDate,
    find_date_mentions,
    parse_date,
    resolve_publication_date,
)

PARSED = [
    # the page's date lines, as the three templates print them
    ("Dec 4, 2024", "2024-12-04"),
    ("Jan 5, 2022", "2022-01-05"),
    ("Sep 9, 2024", "2024-09-09"),
    ("May 12, 2025", "2025-05-12"),
    ("2016-1-13 16:13:00", "2016-01-13T16:13:00+08:00"),
    ("2016-1-1 00:00:00", "2016-01-01T00:00:00+08:00"),
    ("2016-3-2 10:05:00", "2016-03-02T10:05:00+08:00"),
    # PubDate meta tags and list dates
    ("2024-12-04 10:23", "2024-12-04T10:23:00+08:00"),
    ("2024-12-31 23:59", "2024-12-31T23:59:00+08:00"),
    ("2024-09-10", "2024-09-10"),
    ("2025/01/08", "2025-01-08"),
    ("2025.1.8", "2025-01-08"),
    # other spellings
    ("December 16, 2024", "2024-12-16"),
    ("December 16, 2024, 20:31", "2024-12-16T20:31:00+08:00"),
    ("Dec. 4, 2024", "2024-12-04"),
    ("Sept 9, 2024", "2024-09-09"),
    ("Sept. 9, 2024", "2024-09-09"),
    ("4 December 2024", "2024-12-04"),
    ("4 Dec 2024", "2024-12-04"),
    ("  Dec\u00a04,  2024 ", "2024-12-04"),
    ("2024年12月4日", "2024-12-04"),
    ("2024年12月4日 10:23", "2024-12-04T10:23:00+08:00"),
    ("Wednesday, December 4, 2024", "2024-12-04"),
    ("Dec 4 2024", "2024-12-04"),
    ("4th December 2024", "2024-12-04"),
    # New Year edges
    ("Dec 31, 2024", "2024-12-31"),
    ("Jan 1, 2025", "2025-01-01"),
    ("2024-12-31 23:59:59", "2024-12-31T23:59:59+08:00"),
    ("2025-1-1 0:00:00", "2025-01-01T00:00:00+08:00"),
    ("Feb 29, 2024", "2024-02-29"),
    # bad ones: nothing is filled in from today's date, nothing is guessed
    ("Dec 4", None),
    ("2024", None),
    ("December", None),
    ("yesterday", None),
    ("3 days ago", None),
    ("not a date", None),
    ("Feb 30, 2024", None),
    ("Feb 29, 2023", None),
    ("2016-13-01", None),
    ("", None),
    (None, None),
]


@pytest.mark.parametrize(("text", "expected"), PARSED)
def test_parse_date(text, expected):
    assert parse_date(text) == expected


def test_page_date_wins_and_the_disagreeing_list_date_is_kept():
    assert resolve_publication_date("Sep 9, 2024", "2024-09-09 18:30", "2024-09-10") == (
        PublicationDate(
            date_published="2024-09-09",
            date_source="page",
            date_conflicts=[{"source": "list", "raw": "2024-09-10", "date": "2024-09-10"}],
            unparsed=[],
        )
    )


def test_meta_then_list_serve_when_the_page_has_no_date_line():
    assert resolve_publication_date(None, "2024-12-04 10:23", "2024-12-04").date_published == (
        "2024-12-04T10:23:00+08:00"
    )
    assert resolve_publication_date(None, None, "2024-12-04").date_source == "list"


def test_unparsable_page_date_is_reported_and_the_next_source_serves():
    resolved = resolve_publication_date("sometime soon", None, "2024-12-04")
    assert (resolved.date_published, resolved.date_source) == ("2024-12-04", "list")
    assert resolved.unparsed == [{"source": "page", "raw": "sometime soon"}]


def test_no_date_at_all():
    assert resolve_publication_date(None, None, None) == PublicationDate(None, None, [], [])


def mention(text, start, date=None, range_=(None, None), part=None):
    return {
        "text": text, "span": [start, start + len(text)], "date": date,
        "start": range_[0], "end": range_[1], "part_of_day": part,
    }  # fmt: skip


MENTIONS = [
    (
        "On the afternoon of November 20, the meeting was held.",
        "2024-12-04",
        [mention("November 20", 20, "2024-11-20", part="afternoon")],
    ),
    (
        "On November 21, 2024, the conference opened.",
        "2024-12-04",
        [mention("November 21, 2024", 3, "2024-11-21")],
    ),
    (
        "The courses run September 11-23.",
        "2025-06-01",
        [mention("September 11-23", 16, range_=("2025-09-11", "2025-09-23"))],
    ),
    (
        "The fair runs from October 15 to 18.",
        "2025-10-01",
        [mention("from October 15 to 18", 14, range_=("2025-10-15", "2025-10-18"))],
    ),
    (
        "A January article recalls December 28.",
        "2025-01-05",
        [mention("December 28", 26, "2024-12-28")],
    ),
    (
        "A December article announces January 3.",
        "2024-12-20",
        [mention("January 3", 29, "2025-01-03")],
    ),
    (
        "Held from December 27 to 30.",
        "2022-01-05",
        [mention("from December 27 to 30", 5, range_=("2021-12-27", "2021-12-30"))],
    ),
    (
        "Open from December 28 to January 3.",
        "2024-12-20",
        [mention("from December 28 to January 3", 5, range_=("2024-12-28", "2025-01-03"))],
    ),
    (
        "On the evening of 5 March 2025 we met.",
        "2025-03-10",
        [mention("5 March 2025", 18, "2025-03-05", part="evening")],
    ),
    (
        "The games took place on May 9 and 10.",
        "2025-05-12",
        [mention("May 9 and 10", 24, range_=("2025-05-09", "2025-05-10"))],
    ),
]


@pytest.mark.parametrize(("body", "published", "expected"), MENTIONS)
def test_date_mentions(body, published, expected):
    assert find_date_mentions(body, published) == expected


@pytest.mark.parametrize(
    "body",
    [
        "In 2024 the university enrolled over 9,000 students.",
        "Founded in 1993, it now has 28,000 students.",
        "May the new year bring you joy.",
        "The meeting was in Conference Room 109 at No. 7098 Liuxian Avenue.",
        "Call 0755-26019114 or write to Postcode:518055.",
        "It was held on February 30.",
    ],
)
def test_years_and_numbers_that_look_like_dates_are_not_mentions(body):
    assert find_date_mentions(body, "2025-01-05") == []


def test_mention_spans_point_into_the_body():
    body = "Dinner on the evening of December 21 ended at nine."
    (found,) = find_date_mentions(body, "2021-12-20")
    assert body[found["span"][0] : found["span"][1]] == found["text"] == "December 21"
