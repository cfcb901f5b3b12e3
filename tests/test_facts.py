"""Quantitative facts: the seed article's complete list, worked out by hand, and one table row
per number form and per thing that only looks like a fact (our own sentences)."""

import json

import pytest

from szpu_crawler.normalize.facts import extract_facts, fact_rows
from tests.conftest import EXPECTED

SEED_BODY = json.loads((EXPECTED / "seed_article.json").read_text(encoding="utf-8"))["body_text"]

# (value, text, qualifier, bound, kind, counted, part_of, breakdown_sums), in order
SEED_FACTS = [
    (1200, "Over 1,200 representatives", "Over", "lower", "count", "representatives", None, None),
    (100, "more than 100 countries and regions", "more than", "lower", "count",
     "countries and regions", None, None),
    (600, "over 600 international guests", "over", "lower", "count", "international guests",
     None, None),
    (89, "89 founding members", None, "exact", "count", "founding members", None, True),
    (43, "43 countries and regions", None, "exact", "count", "countries and regions", None, None),
    (5, "five continents", None, "exact", "count", "continents", None, None),
    (64, "64 institutions are universities", None, "exact", "count", "universities", 3, None),
    (12, "12 are enterprise representatives", None, "exact", "count",
     "enterprise representatives", 3, None),
    (13, "13 are from industry associations and educational organizations", None, "exact",
     "count", "industry associations and educational organizations", 3, None),
    (0.6667, "Over two-thirds of the members", "Over", "lower", "fraction", "members", None, None),
    (3, "three other Chinese institutions", None, "exact", "count", "other Chinese institutions",
     None, None),
    (200, "Over 200 representatives", "Over", "lower", "count", "representatives", None, None),
    (30, "nearly 30 countries and regions", "nearly", "upper", "count", "countries and regions",
     None, None),
    (2, "two exhibition halls", None, "exact", "count", "exhibition halls", None, None),
]  # fmt: skip


def test_seed_article_facts_are_exactly_the_counts_a_reader_would_quote():
    facts = extract_facts(SEED_BODY)
    assert [
        (f["value"], f["text"], f["qualifier"], f["bound"], f["kind"], f["counted"],
         f["part_of"], f["breakdown_sums"])
        for f in facts
    ] == SEED_FACTS  # fmt: skip
    assert all(f["unit"] is None and f["value_max"] is None for f in facts)
    assert all(SEED_BODY[f["span"][0] : f["span"][1]] == f["text"] for f in facts)


def test_seed_fact_carries_its_sentence():
    fact = extract_facts(SEED_BODY)[3]
    assert fact["sentence"] == (
        "The Alliance, the first global vocational education cooperation organization led by "
        "China, includes 89 founding members from 43 countries and regions across five "
        "continents."
    )


def summary(sentence):
    return [
        (f["value"], f["value_max"], f["qualifier"], f["bound"], f["kind"], f["unit"], f["counted"])
        for f in extract_facts(sentence)
    ]


NUMBER_FORMS = [
    ("About 9,000 freshmen arrived.", [(9000, None, "About", "approximate", "count", None, "freshmen")]),
    ("Some 9,500 graduates received diplomas.", [(9500, None, "Some", "approximate", "count", None, "graduates")]),
    ("It has 1,000,000 books.", [(1000000, None, None, "exact", "count", None, "books")]),
    ("Two teachers and three students came.", [(2, None, None, "exact", "count", None, "teachers"), (3, None, None, "exact", "count", None, "students")]),
    ("Twenty-one schools joined.", [(21, None, None, "exact", "count", None, "schools")]),
    ("A dozen volunteers helped.", [(12, None, None, "exact", "count", None, "volunteers")]),
    ("Over two-thirds of the members are foreign.", [(0.6667, None, "Over", "lower", "fraction", None, "members")]),
    ("Half of the students live on campus.", [(0.5, None, None, "exact", "fraction", None, "students")]),
    ("One in three courses is taught with industry.", [(0.3333, None, None, "exact", "fraction", None, "courses")]),
    ("Over 90% of its graduates find jobs.", [(90, None, "Over", "lower", "percent", None, "graduates")]),
    ("Nearly 45 percent of the teachers hold doctorates.", [(45, None, "Nearly", "upper", "percent", None, "teachers")]),
    ("Between 20 and 30 students attended.", [(20, 30, None, "exact", "count", None, "students")]),
    ("Each class has 25-30 students.", [(25, 30, None, "exact", "count", None, "students")]),
    ("The grant is 2.4 million yuan.", [(2400000, None, None, "exact", "money", "yuan", None)]),
    ("RMB 5 million was invested.", [(5000000, None, None, "exact", "money", "yuan", None)]),
    ("The new campus covers 500 mu.", [(500, None, None, "exact", "measure", "mu", None)]),
    ("The park has 300 acres.", [(300, None, None, "exact", "measure", "acres", None)]),
    ("The lab covers 1,500 square meters.", [(1500, None, None, "exact", "measure", "square meters", None)]),
    ("The drill lasted 25 minutes.", [(25, None, None, "exact", "measure", "minutes", None)]),
    ("Up to 60 places are available.", [(60, None, "Up to", "upper", "count", None, "places")]),
    ("At least 50 teams will compete.", [(50, None, "At least", "lower", "count", None, "teams")]),
    ("A total of 85 international students graduated.", [(85, None, "A total of", "exact", "count", None, "international students")]),
    ("More than 3,000 students and staff took part.", [(3000, None, "More than", "lower", "count", None, "students and staff")]),
    ("Of the 40 entries, 12 are from abroad.", [(40, None, None, "exact", "count", None, "entries"), (12, None, None, "exact", "count", None, "abroad")]),
    ("Students from 12 countries set up booths.", [(12, None, None, "exact", "count", None, "countries")]),
]  # fmt: skip


@pytest.mark.parametrize(("sentence", "expected"), NUMBER_FORMS)
def test_number_forms(sentence, expected):
    assert summary(sentence) == expected


def test_copula_counts_give_one_fact_each_with_what_it_counts():
    sentence = (
        "The alliance has 89 members. Among them, 64 institutions are universities, 12 are "
        "enterprise representatives, and 13 are from industry associations."
    )
    facts = extract_facts(sentence)
    assert [(f["value"], f["counted"], f["part_of"]) for f in facts] == [
        (89, "members", None),
        (64, "universities", 0),
        (12, "enterprise representatives", 0),
        (13, "industry associations", 0),
    ]
    assert facts[0]["breakdown_sums"] is True


def test_a_breakdown_that_does_not_sum_is_flagged():
    facts = extract_facts(
        "The fair drew 120 exhibitors. Among them, 70 are enterprises and 30 are schools."
    )
    assert facts[0]["breakdown_sums"] is False
    assert [f["part_of"] for f in facts] == [None, 0, 0]


NOT_FACTS = [
    "The university was founded in 1993 and renamed in 2023.",
    "On November 21, 2024, the conference opened.",
    "The forum runs from October 15 to 18.",
    "The session began at 20:31 and ended at 10 p.m.",
    "It was the sixth consecutive win and the first ever.",
    "The team finished 21st in the world.",
    'He presented the "One Core, Six Dimensions" model.',
    "The meeting was held in Conference Room 109.",
    "Write to No. 7098 Liuxian Avenue, Nanshan District, Postcode:518055.",
    "Call 0755-26019114 for details.",
    "It entered the Top 800 list this year.",
    "The 5G lab opened after COVID-19.",
    "Photos are at https://english.szpu.edu.cn/info/1162/2433.htm today.",
    "May the new year bring you joy.",
    "One of the teachers spoke.",
]


@pytest.mark.parametrize("sentence", NOT_FACTS)
def test_things_that_only_look_like_facts(sentence):
    assert extract_facts(sentence) == []


def test_flat_rows_carry_the_article_fields():
    record = {
        "url": "https://english.szpu.edu.cn/info/1162/1.htm", "title": "T",
        "date_published": "2025-01-01", "section": "Events",
        "facts": extract_facts("About 40 students came."),
    }  # fmt: skip
    (row,) = fact_rows([record])
    assert {k: row[k] for k in ("url", "title", "date_published", "section", "value")} == {
        "url": "https://english.szpu.edu.cn/info/1162/1.htm", "title": "T",
        "date_published": "2025-01-01", "section": "Events", "value": 40,
    }  # fmt: skip
