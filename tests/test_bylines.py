"""Bylines: every form SITE.md lists, with the exact split expected."""

import pytest

from szpu_crawler.normalize.bylines import parse_byline


def person(name, role, title=None):
    return {"name": name, "role": role, "title": title}


LEADERS = [
    person("Yang Xinbin", "author", "Party Secretary"),
    person("Xu Jianling", "author", "President"),
]

BYLINES = [
    (
        "(International Exchange and Cooperation Office, Li Simin)",
        "International Exchange and Cooperation Office",
        [person("Li Simin", "reporter")],
        "parenthesized",
    ),
    (
        "(International Exchange and Cooperation Office)",
        "International Exchange and Cooperation Office",
        [],
        "parenthesized",
    ),
    ("(Party and President's Office)", "Party and President's Office", [], "parenthesized"),
    (
        "(Zhang Wei, Liu Fang, School of Mechanical and Electrical Engineering)",
        "School of Mechanical and Electrical Engineering",
        [person("Zhang Wei", "reporter"), person("Liu Fang", "reporter")],
        "parenthesized",
    ),
    (
        "(Chen Hao,Wang Lu,School of Electronic and Communication Engineering)",
        "School of Electronic and Communication Engineering",
        [person("Chen Hao", "reporter"), person("Wang Lu", "reporter")],
        "parenthesized",
    ),
    (
        "(Huang Min, School of Foreign Languages)",
        "School of Foreign Languages",
        [person("Huang Min", "reporter")],
        "parenthesized",
    ),
    (
        "(School of Business, Zhou Jie)",
        "School of Business",
        [person("Zhou Jie", "reporter")],
        "parenthesized",
    ),
    (
        "(Reported by the School of International Education)",
        "School of International Education",
        [],
        "reported-by",
    ),
    (
        "(Image/Tan Rui; Text/He Jing, School of Artificial Intelligence)",
        "School of Artificial Intelligence",
        [person("Tan Rui", "photographer"), person("He Jing", "author")],
        "parenthesized-roles",
    ),
    (
        "(Photo/Li Na & Wang Bo; Text/Zhao Lei, Student Affairs Office)",
        "Student Affairs Office",
        [
            person("Li Na", "photographer"),
            person("Wang Bo", "photographer"),
            person("Zhao Lei", "author"),
        ],
        "parenthesized-roles",
    ),
    (
        "（International Exchange and Cooperation Office，Zhao Lei）",
        "International Exchange and Cooperation Office",
        [person("Zhao Lei", "reporter")],
        "parenthesized",
    ),
    (
        "（图/李明；文/王芳，国际交流与合作处）",
        "国际交流与合作处",
        [person("李明", "photographer"), person("王芳", "author")],
        "parenthesized-roles",
    ),
    ("Translated by Lin Yu", None, [person("Lin Yu", "translator")], "credit-line"),
    ("Reviewed by Guo Ming", None, [person("Guo Ming", "reviewer")], "credit-line"),
    ("Edited by Sun Qian", None, [person("Sun Qian", "editor")], "credit-line"),
    (
        "Translated by Lin Yu and Wang Fang",
        None,
        [person("Lin Yu", "translator"), person("Wang Fang", "translator")],
        "credit-line",
    ),
    ("Editor: Sun Qian", None, [person("Sun Qian", "editor")], "credit-line"),
    (
        "Translated by Lin Yu\nReviewed by Guo Ming\nEdited by Sun Qian",
        None,
        [
            person("Lin Yu", "translator"),
            person("Guo Ming", "reviewer"),
            person("Sun Qian", "editor"),
        ],
        "credit-line",
    ),
    (
        "By Party Secretary Yang Xinbin and President Xu Jianling",
        None,
        LEADERS,
        "by",
    ),
    (
        "by Partysecretary Chen Qiuming / President Jia Xingdong",
        None,
        [
            person("Chen Qiuming", "author", "Party Secretary"),
            person("Jia Xingdong", "author", "President"),
        ],
        "by",
    ),
    ("By Li Simin", None, [person("Li Simin", "author")], "by"),
    (
        "Yang Xinbin, Party Secretary;Xu Jianling, President",
        None,
        LEADERS,
        "name-title-pairs",
    ),
    (
        "By Party Secretary Yang Xinbin and President Xu Jianling\n(Party and President's Office)",
        "Party and President's Office",
        LEADERS,
        "by+parenthesized",
    ),
]


@pytest.mark.parametrize(("raw", "organization", "people", "rule"), BYLINES)
def test_parse_byline(raw, organization, people, rule):
    assert parse_byline(raw) == {
        "raw": raw, "organization": organization, "people": people, "rule": rule,
    }  # fmt: skip


@pytest.mark.parametrize(
    "raw", ["(see the attached file for details)", "Photo courtesy of the organisers", "(1/2)"]
)
def test_byline_matching_no_rule_keeps_raw_and_no_people(raw):
    assert parse_byline(raw) == {"raw": raw, "organization": None, "people": [], "rule": None}


@pytest.mark.parametrize("raw", [None, "", "  \n "])
def test_no_byline(raw):
    assert parse_byline(raw) is None
