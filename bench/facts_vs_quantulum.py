"""Our quantitative facts against quantulum3's quantities, on the same labelled text.

Two labelled sets. The tests' own (the seed article's facts worked out by hand, one sentence per
number form, sentences whose numbers are not facts): our rules were written against these, so
they show what the rules cover, not how they generalise. And the mirror's other articles, whose
texts were written before the rules, labelled by hand below: the fairer figure. Both extractors
are scored on the values they find (a range counts as its two ends); time is CPU time per mirror
article.

    python -m bench.facts_vs_quantulum
"""

from __future__ import annotations

import tempfile
import time
import warnings
from collections.abc import Callable
from pathlib import Path

from scrapy.http import HtmlResponse

from szpu_crawler.mirror.build import build_mirror
from szpu_crawler.mirror.content import ARTICLES
from szpu_crawler.normalize.facts import extract_facts
from szpu_crawler.pages.article import parse_article_page
from tests.test_facts import NOT_FACTS, NUMBER_FORMS, SEED_BODY, SEED_FACTS

BASE_URL = "https://english.szpu.edu.cn/"

# Article id -> the values a reader would quote from its body (dates, years, ordinals left out).
MIRROR_LABELS = {
    "702": [2, 40], "1270": [3000, 25], "1702": [4, 2, 8], "2109": [28000], "2290": [150],
    "2320": [9500, 85, 17], "2398": [50], "2455": [200, 90, 6, 0.5], "2462": [3],
    "2478": [300, 6, 20, 4], "2480": [300, 6, 20, 4], "2530": [60], "2548": [21],
    "2566": [0.3333], "2590": [9000], "698": [], "705": [12], "1288": [2, 35], "1688": [],
    "2150": [120], "2301": [], "2375": [30], "2503": [], "2521": [20], "2555": [2000, 38, 2],
    "2571": [3, 2], "2602": [3, 45],
}  # fmt: skip


def tests_labelled() -> list[tuple[str, list[float]]]:
    texts = [(SEED_BODY, [fact[0] for fact in SEED_FACTS])]
    for sentence, facts in NUMBER_FORMS:
        values = []
        for value, value_max, *_ in facts:
            values += [value] if value_max is None else [value, value_max]
        texts.append((sentence, values))
    texts += [(sentence, []) for sentence in NOT_FACTS]
    return texts


def ours(text: str) -> list[float]:
    values = []
    for fact in extract_facts(text):
        values.append(fact["value"])
        if fact["value_max"] is not None:
            values.append(fact["value_max"])
    return values


def quantulum(text: str) -> list[float]:
    from quantulum3 import parser

    return [quantity.value for quantity in parser.parse(text)]


def matched(found: list[float], expected: list[float]) -> int:
    remaining = list(expected)
    hits = 0
    for value in found:
        for index, wanted in enumerate(remaining):
            if abs(value - wanted) <= 0.001 * max(1.0, abs(wanted)):
                hits += 1
                del remaining[index]
                break
    return hits


def score(
    extract: Callable[[str], list[float]], labelled: list[tuple[str, list[float]]]
) -> dict[str, float]:
    found_total = expected_total = hits = 0
    for text, expected in labelled:
        found = extract(text)
        found_total += len(found)
        expected_total += len(expected)
        hits += matched(found, expected)
    precision = hits / found_total if found_total else 0.0
    recall = hits / expected_total if expected_total else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1, "found": found_total,
            "expected": expected_total}  # fmt: skip


def mirror_bodies() -> dict[str, str]:
    """Article id -> body text, as our extraction reads it from the mirror's pages."""
    with tempfile.TemporaryDirectory() as folder:
        root = build_mirror(Path(folder))
        bodies = {}
        for article in ARTICLES:
            body = (root / article.path.lstrip("/")).read_bytes()
            response = HtmlResponse(url=BASE_URL + article.path.lstrip("/"), body=body)
            bodies[article.article_id] = parse_article_page(response, BASE_URL).body_text or ""
    return bodies


def cpu_ms_per_article(extract: Callable[[str], list[float]], bodies: list[str]) -> float:
    extract(bodies[0])  # warm up: imports, compiled patterns
    repeats = 5
    started = time.process_time()
    for _ in range(repeats):
        for body in bodies:
            extract(body)
    return (time.process_time() - started) * 1000 / (repeats * len(bodies))


def main() -> None:
    warnings.filterwarnings("ignore")
    bodies = mirror_bodies()
    sets = {
        "tests' labels": tests_labelled(),
        "mirror articles": [(bodies[id_], values) for id_, values in MIRROR_LABELS.items()],
    }
    extractors = (("szpu facts", ours), ("quantulum3", quantulum))
    times = {
        name: cpu_ms_per_article(extract, list(bodies.values())) for name, extract in extractors
    }
    print(
        f"tests' labels: the seed article, {len(NUMBER_FORMS)} number forms, {len(NOT_FACTS)} "
        f"non-facts; mirror articles: {len(MIRROR_LABELS)} bodies written before the rules"
    )
    print(f"{'labelled set':<16} {'extractor':<12} {'precision':>9} {'recall':>7} {'F1':>6} "
          f"{'found':>6} {'expected':>8} {'CPU ms/article':>15}")  # fmt: skip
    for set_name, labelled in sets.items():
        for name, extract in extractors:
            r = score(extract, labelled)
            print(
                f"{set_name:<16} {name:<12} {r['precision']:>9.3f} {r['recall']:>7.3f} "
                f"{r['f1']:>6.3f} {r['found']:>6} {r['expected']:>8} {times[name]:>15.3f}"
            )
    ratio = times["quantulum3"] / times["szpu facts"]
    print(
        f"quantulum3 takes {ratio:.1f}x our CPU time per article; it reports no `counted`, "
        "qualifier or bound, which ours does for every fact"
    )


if __name__ == "__main__":
    main()
