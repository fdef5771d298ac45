"""Precision, recall and speed of `journal.pertinence` on the labelled sentences.

Run from the repository root, either way:

    python -m tests.bench.bench_pertinence
    python tests/bench/bench_pertinence.py

Why a benchmark and not only tests: the quality gate in the tests says "good
enough"; this prints what a reviewer needs to judge a change to the word lists — the
numbers per category, the sentences that are wrong, and how long a note takes. The
tuning set (`tests/data/pertinence_labelled.tsv`) comes in lots, each written by
someone who had not read the lists: lot 1 before the lists, lot 2 after their first
version, lot 3 after those improvements, lots 4 and 5 (December 2026, two more writers)
for the categories of the second generation; every lot was then used to improve the
lists. Read its header for the labelling rules. The unseen set
(`tests/data/pertinence_unseen.tsv`) was written by another writer who saw neither the
lists nor the tuning set, and is never used to tune: only its totals and its figures
per category are printed, unless `--show-unseen` asks for its sentences (for a report
after the lists are settled — reading them to change the lists would end its use).
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make the repository importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from journal.pertinence import Checker  # noqa: E402

LABELLED = Path(__file__).resolve().parents[1] / "data" / "pertinence_labelled.tsv"
# Written after the lists by someone who had not seen them, and never used to tune
# them: the figure that says how the check does on text it does not know.
UNSEEN = Path(__file__).resolve().parents[1] / "data" / "pertinence_unseen.tsv"
RUNS = 7


@dataclass(frozen=True)
class Example:
    label: int
    category: str
    sentence: str
    lot: int


@dataclass(frozen=True)
class Score:
    """The four outcomes, in the order TP, FP, FN, TN."""

    true_pos: list[Example]
    false_pos: list[tuple[Example, list[str]]]
    false_neg: list[Example]
    true_neg: list[Example]

    def __getitem__(self, index: slice) -> tuple[list, ...]:
        return (self.true_pos, self.false_pos, self.false_neg, self.true_neg)[index]

    @property
    def precision(self) -> float:
        flagged = len(self.true_pos) + len(self.false_pos)
        return len(self.true_pos) / flagged if flagged else 1.0

    @property
    def recall(self) -> float:
        problems = len(self.true_pos) + len(self.false_neg)
        return len(self.true_pos) / problems if problems else 1.0


def load_examples(path: Path = LABELLED) -> list[Example]:
    """The labelled sentences: `label <TAB> category <TAB> sentence`; `# lot: N`
    starts lot N, other `#` lines are comments."""
    examples = []
    lot = 1
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("# lot:"):
            lot = int(line.split(":", 1)[1])
            continue
        if not line.strip() or line.startswith("#"):
            continue
        label, category, sentence = line.split("\t")
        examples.append(Example(int(label), category, sentence, lot))
    return examples


def score(checker: Checker, examples: list[Example]) -> Score:
    """A sentence counts as flagged when the checker finds anything in it."""
    tp: list[Example] = []
    fp: list[tuple[Example, list[str]]] = []
    fn: list[Example] = []
    tn: list[Example] = []
    for example in examples:
        findings = checker.check(example.sentence)
        if findings and example.label:
            tp.append(example)
        elif findings:
            fp.append((example, [f"{f.matched} ({f.category})" for f in findings]))
        elif example.label:
            fn.append(example)
        else:
            tn.append(example)
    return Score(tp, fp, fn, tn)


def _median_seconds(action: Callable[[], object], runs: int = RUNS) -> float:
    timings = []
    for _ in range(runs):
        began = time.perf_counter()
        action()
        timings.append(time.perf_counter() - began)
    return statistics.median(timings)


def note_of_size(examples: list[Example], size: int) -> str:
    """A realistic note of about `size` characters, made of the labelled sentences."""
    parts: list[str] = []
    length = 0
    index = 0
    while length < size:
        sentence = examples[index % len(examples)].sentence
        parts.append(sentence)
        length += len(sentence) + 1
        index += 1
    return " ".join(parts)[:size]


_ENTRY_POINT = "from views.cli import main; main()"


def _process_seconds(text: str, runs: int = 5) -> float:
    """A whole `dentelle check -` process, as a worker's shell would start it."""
    script = Path(sys.executable).with_name("dentelle")
    command = [str(script)] if script.exists() else [sys.executable, "-c", _ENTRY_POINT]
    command += ["check", "-"]
    timings = []
    for _ in range(runs):
        began = time.perf_counter()
        done = subprocess.run(command, input=text.encode(), capture_output=True, check=False)
        if done.returncode not in (0, 1):  # 1: something was found
            raise RuntimeError(done.stderr.decode(errors="replace"))
        timings.append(time.perf_counter() - began)
    return statistics.median(timings)


def _table(rows: list[tuple[str, str]]) -> None:
    width = max(len(name) for name, _ in rows)
    print(f"{'measure':<{width}}  value")
    print(f"{'-' * width}  {'-' * 10}")
    for name, value in rows:
        print(f"{name:<{width}}  {value}")


def _set_rows(name: str, examples: list[Example], result: Score) -> list[tuple[str, str]]:
    return [
        (f"{name}: sentences (label 1)", f"{len(examples)} ({sum(e.label for e in examples)})"),
        (f"{name}: TP / FP / FN / TN", "{} / {} / {} / {}".format(*map(len, result[:]))),
        (f"{name}: precision", f"{result.precision:.3f}"),
        (f"{name}: recall", f"{result.recall:.3f}"),
    ]


def _per_category(checker: Checker, examples: list[Example], result: Score) -> None:
    """Recall per expected category; false alarms per category the checker gave."""
    alarms: dict[str, int] = {}
    for _, found in result.false_pos:
        for category in {item.rsplit("(", 1)[1].rstrip(")") for item in found}:
            alarms[category] = alarms.get(category, 0) + 1
    categories = sorted({e.category for e in examples if e.label} | set(alarms))
    for category in categories:
        found = sum(1 for e in result.true_pos if e.category == category)
        total = sum(1 for e in examples if e.label and e.category == category)
        ratio = f"{found / total:.2f}" if total else "  - "
        alarm = alarms.get(category, 0)
        print(f"  {category:<13} recall {found:>3}/{total:<3} {ratio}   false alarms {alarm}")


def main() -> int:
    show_unseen = "--show-unseen" in sys.argv
    load_time = _median_seconds(Checker.load)
    checker = Checker.load()
    examples = load_examples()
    result = score(checker, examples)
    unseen = load_examples(UNSEEN) if UNSEEN.exists() else []
    unseen_result = score(checker, unseen)

    sentences = [example.sentence for example in examples]
    all_sentences = _median_seconds(lambda: [checker.check(s) for s in sentences])
    note_5k = note_of_size(examples, 5 * 1024)
    note_time = _median_seconds(lambda: checker.check(note_5k), runs=RUNS * 3)
    fine = [example for example in examples if not example.label]
    clean_5k = note_of_size(fine, 5 * 1024)
    clean_time = _median_seconds(lambda: checker.check(clean_5k), runs=RUNS * 3)
    note_50k = note_of_size(examples, 50 * 1024)
    long_time = _median_seconds(lambda: checker.check(note_50k))
    process = _process_seconds("Mme est dépressive.")

    rows = [
        *_set_rows("tuning set", examples, result),
        *(_set_rows("unseen set", unseen, unseen_result) if unseen else []),
        ("terms loaded", f"{len(checker)}"),
        ("load both languages, lists and forms (median)", f"{load_time * 1000:.1f} ms"),
        ("check one sentence (median)", f"{all_sentences / len(sentences) * 1e6:.1f} µs"),
        (
            f"check a 5 KB note, half flagged ({len(checker.check(note_5k))} findings)",
            f"{note_time * 1000:.2f} ms",
        ),
        (
            f"check a 5 KB note of fine sentences ({len(checker.check(clean_5k))} findings)",
            f"{clean_time * 1000:.2f} ms",
        ),
        (f"check a 50 KB note ({len(note_50k)} chars, median)", f"{long_time * 1000:.2f} ms"),
        ("`dentelle check -` process, one sentence (median of 5)", f"{process * 1000:.0f} ms"),
    ]
    _table(rows)

    print("\ntuning set, per lot:")
    for lot in sorted({example.lot for example in examples}):
        part = score(checker, [example for example in examples if example.lot == lot])
        size = len(part.true_pos) + len(part.false_pos) + len(part.false_neg)
        size += len(part.true_neg)
        print(
            f"  lot {lot}: {size:>3} sentences  precision {part.precision:.3f}"
            f"  recall {part.recall:.3f}  (FP {len(part.false_pos)}, FN {len(part.false_neg)})"
        )
    print("\ntuning set, per category:")
    _per_category(checker, examples, result)
    if unseen:
        print("\nunseen set, per category:")
        _per_category(checker, unseen, unseen_result)

    print(f"\ntuning set, false positives ({len(result.false_pos)}):")
    for example, found in result.false_pos:
        print(f"  lot {example.lot}: {example.sentence}  ← {', '.join(found)}")
    print(f"\ntuning set, false negatives ({len(result.false_neg)}):")
    for example in result.false_neg:
        print(f"  lot {example.lot} [{example.category}] {example.sentence}")
    if unseen and show_unseen:
        # Reading these sentences to change the lists would make the set a tuning
        # set: print them only to report, after the lists are settled.
        print(f"\nunseen set, false positives ({len(unseen_result.false_pos)}):")
        for example, found in unseen_result.false_pos:
            print(f"  {example.sentence}  ← {', '.join(found)}")
        print(f"\nunseen set, false negatives ({len(unseen_result.false_neg)}):")
        for example in unseen_result.false_neg:
            print(f"  [{example.category}] {example.sentence}")
    if checker.warnings:
        print("\nword-list warnings:")
        for warning in checker.warnings:
            print(f"  {warning}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
