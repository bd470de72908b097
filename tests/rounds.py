"""A province's round of reports for tests and benchmarks: one valid report per reporting unit.

:func:`generate_round` writes 506 reports (46 by Phụ lục 01, 460 by Phụ lục 04) of 20–60 KB,
made from the texts of ``examples/`` with varied figures, deterministically (seeded).
"""

from __future__ import annotations

import copy
import json
import random
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
SIZE_RANGE = (20_000, 60_000)
SEED = 403


def _sentences(documents: Sequence[Any]) -> list[str]:
    found: list[str] = []

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)
        elif isinstance(node, str) and len(node) > 60:
            found.extend(s.strip() + "." for s in node.split(". ") if len(s) > 40)

    walk(documents)
    return sorted(set(found))


def _vary_indicators(answer: dict[str, Any], rng: random.Random) -> None:
    for name, value in answer.get("indicators", {}).items():
        if isinstance(value, dict):
            denominator = rng.randint(5, 400)
            numerator = rng.randint(0, denominator)
            value.update(numerator=numerator, denominator=denominator)
            value["percent"] = round(100 * numerator / denominator, 1)
        elif isinstance(value, bool):
            answer["indicators"][name] = rng.random() < 0.8
        elif isinstance(value, int):
            answer["indicators"][name] = rng.randint(0, 40)


def generate_round(folder: Path) -> list[Path]:
    """Write one valid report per reporting unit into ``folder``; return the paths."""
    from sokets.catalogue import get_catalogue
    from sokets.models.answers import answer_key
    from sokets.outline import outline_for
    from sokets.units import UnitKind, get_registry

    rng = random.Random(SEED)
    examples = [json.loads(p.read_bytes()) for p in sorted(EXAMPLES.glob("*.json"))]
    pl01 = [e for e in examples if e["header"]["form"] == "PL01"]
    pl04 = [e for e in examples if e["header"]["form"] == "PL04"]
    if not pl01 or not pl04:
        raise SystemExit("examples/ needs at least one PL01 and one PL04 report")
    answers: dict[str, list[dict[str, Any]]] = {}  # by answer key
    for example in examples:
        for key, answer in example["answers"].items():
            answers.setdefault(key, []).append(answer)
    generic = [a for e in pl01 for a in e["answers"].values() if a.get("figures")]
    task_rows: dict[str, dict[str, Any]] = {}
    for example in pl01:
        for row in example.get("appendix_pl03", []):
            task_rows.setdefault(row["task_id"], row)
    pl02_rows = [row for example in pl01 for row in example.get("appendix_pl02", [])]
    sentences = _sentences(examples)
    registry, catalogue = get_registry(), get_catalogue()
    units = registry.of_kind(UnitKind.DEPARTMENT, UnitKind.AGENCY, UnitKind.DISTRICT)
    units += registry.of_kind(UnitKind.COMMUNE)
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for n, unit in enumerate(units, start=1):
        template = rng.choice(pl04 if unit.form == "PL04" else pl01)
        header = copy.deepcopy(template["header"])
        header["unit_code"] = unit.code
        header["report_number"] = f"{rng.randint(20, 400)}/BC-{unit.code}"
        header["report_date"] = f"2023-08-{rng.randint(14, 20):02d}"
        if unit.form == "PL04":
            header["district_code"] = unit.parent
        report: dict[str, Any] = {"header": header, "answers": {}}
        for leaf in outline_for(unit).leaves_for(unit):
            key = answer_key(leaf.id)
            answer = copy.deepcopy(rng.choice(answers.get(key) or generic))
            if not leaf.indicators:
                answer.pop("indicators", None)
            for figure in answer.get("figures", []):
                if figure.get("as_of", "") > header["report_date"]:
                    figure["as_of"] = header["report_date"]
            _vary_indicators(answer, rng)
            for indicator in leaf.indicators:  # a rate over the district's communes
                ratio = answer.get("indicators", {}).get(indicator.id)
                if indicator.over_communes and isinstance(ratio, dict):
                    communes = len(registry.children(unit.code))
                    ratio["denominator"], ratio["numerator"] = communes, rng.randint(0, communes)
                    ratio["percent"] = round(100 * ratio["numerator"] / communes, 1)
            report["answers"][key] = answer
        if unit.form == "PL01":
            report["appendix_pl02"] = [
                {**row, "no": i} for i, row in enumerate(rng.sample(pl02_rows, 3), start=1)
            ]
            report["appendix_pl03"] = [
                {
                    "task_id": task.id,
                    "results": task_rows.get(task.id, {}).get("results") or rng.choice(sentences),
                }
                for task in catalogue.tasks_for(unit)
            ]
        target = rng.randint(*SIZE_RANGE)
        size = len(json.dumps(report, ensure_ascii=False, indent=2).encode())
        items = list(report["answers"].values())
        while size < target:
            sentence = rng.choice(sentences)
            answer = rng.choice(items)
            answer["results"] = f"{answer.get('results', '')} {sentence}".strip()
            size += len(sentence.encode()) + 1
        path = folder / f"{n:03d}-{unit.code}-{unit.form.lower()}.json"  # type: ignore[union-attr]
        path.write_text(json.dumps(report, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        paths.append(path)
    return paths


def thin_round(paths: Sequence[Path], *, seed: int = SEED) -> list[Path]:
    """Make a generated round look like one in progress: about 6% of the units have not reported
    (their files removed) and about 12% reported late (dated 21–25/8/2023). Returns the paths
    left."""
    rng = random.Random(seed)
    kept = []
    for path in paths:
        draw = rng.random()
        if draw < 0.06:
            path.unlink()
            continue
        if draw < 0.18:
            report = json.loads(path.read_bytes())
            report["header"]["report_date"] = f"2023-08-{rng.randint(21, 25)}"
            path.write_text(json.dumps(report, ensure_ascii=False, indent=2) + "\n", "utf-8")
        kept.append(path)
    return kept


#: The date a round in progress is consolidated at, and markup one department wrote.
REVIEW_AS_OF = date(2023, 8, 25)
HOSTILE = "<script>window.hacked = 1</script> & <b>đậm</b>"


def round_in_progress(folder: Path) -> Path:
    """A thinned round (:func:`thin_round`) in ``folder`` with one commune's report broken (an
    unreadable date) and one department's first answer and first Phụ lục 03 row opening with
    :data:`HOSTILE` markup."""
    paths = thin_round(generate_round(folder))
    pl01 = next(p for p in paths if p.name.endswith("-pl01.json"))
    report = json.loads(pl01.read_bytes())
    first = next(iter(report["answers"].values()))
    first["results"] = f"{HOSTILE}\n{first.get('results', '')}"
    row = report["appendix_pl03"][0]
    row["results"] = f"{HOSTILE} {row.get('results', '')}"
    pl01.write_text(json.dumps(report, ensure_ascii=False), encoding="utf-8")
    broken = next(p for p in paths if p.name.endswith("-pl04.json"))
    report = json.loads(broken.read_bytes())
    report["header"]["report_date"] = "ngày hôm qua"
    broken.write_text(json.dumps(report, ensure_ascii=False), encoding="utf-8")
    return folder
