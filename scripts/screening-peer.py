#!/usr/bin/env python3
"""Compare End-Use Check's matcher with a typical peer approach (rapidfuzz).

Usage:
    ENDUSE_SCREENING_EXPORT=/tmp/screening-set.jsonl \
        cargo test --release --test screening_quality -- --nocapture
    pip install rapidfuzz
    python3 scripts/screening-peer.py /tmp/screening-set.jsonl

The export holds the same generated queries (with the entry each should
find), the same benign names and every list name. For each rapidfuzz scorer
the script reports recall (the target entry among names scoring >= the
cut-off) and the false-positive rate (benign names whose best score reaches
the cut-off), at several cut-offs, so the figures sit next to the ones the
Rust test prints.
"""

import json
import sys
from collections import defaultdict

from rapidfuzz import fuzz, process, utils


def main(path: str) -> None:
    names, owners, variants, benign = [], [], [], []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            if row["set"] == "list":
                names.append(row["name"])
                owners.append((row["list"], row["entry_id"]))
            elif row["set"] == "variant":
                variants.append(row)
            else:
                benign.append(row["query"])
    choices = [utils.default_process(n) for n in names]
    print(f"{len(names)} list names, {len(variants)} variant queries, {len(benign)} benign names")
    for scorer_name, scorer in [
        ("token_sort_ratio", fuzz.token_sort_ratio),
        ("token_set_ratio", fuzz.token_set_ratio),
        ("WRatio", fuzz.WRatio),
    ]:
        cutoffs = [80, 85, 90, 95]
        found = defaultdict(int)
        per_variant = defaultdict(lambda: [0, 0])
        for row in variants:
            target = (row["list"], row["entry_id"])
            hits = process.extract(
                utils.default_process(row["query"]), choices, scorer=scorer,
                score_cutoff=min(cutoffs), limit=200,
            )
            best = max((score for _, score, i in hits if owners[i] == target), default=0)
            for c in cutoffs:
                if best >= c:
                    found[c] += 1
            per_variant[row["variant"]][0] += 1
            if best >= 90:
                per_variant[row["variant"]][1] += 1
        fps = defaultdict(int)
        for name in benign:
            hit = process.extractOne(utils.default_process(name), choices, scorer=scorer)
            best = hit[1] if hit else 0
            for c in cutoffs:
                if best >= c:
                    fps[c] += 1
        print(f"\nrapidfuzz {scorer_name} (default_process: lowercase, no transliteration)")
        for c in cutoffs:
            print(f"  cut-off {c}: recall {100 * found[c] / len(variants):6.2f}%  "
                  f"false positives {100 * fps[c] / len(benign):6.2f}%")
        print("  recall by variant at cut-off 90:")
        for label, (n, ok) in sorted(per_variant.items()):
            print(f"    {label:32} {ok:4}/{n:<4} {100 * ok / n:6.2f}%")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    main(sys.argv[1])
