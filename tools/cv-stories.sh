#!/usr/bin/env bash
# Cross-validates the story decision with the scorers: fits it on K-1 folds (folds as tools/folds makes them: md5 of an
# ECB+ topic or an incident's state, tools/train-story-decision.sh --folds) and scores each held-out
# fold's documents with ../shared/eval/cluster.py (and, with --incidents, incidents.py), running
# ./sitrep with that fold's decision (SITREP_DATA names the fold's story-decision.tsv).
# Usage: tools/cv-stories.sh [--folds K] [--incidents] [--out DIR] [DOCS GOLD]...
#   (default 3 folds, DIR a new temporary folder, the training sets of tools/train-story-decision.sh)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
folds=3 incidents=0 out=""
while [ $# -gt 0 ]; do
  case "$1" in
    --folds) folds="$2"; shift 2 ;;
    --incidents) incidents=1; shift ;;
    --out) out="$2"; shift 2 ;;
    --*) echo "usage: tools/cv-stories.sh [--folds K] [--incidents] [--out DIR] [DOCS GOLD]..." >&2; exit 2 ;;
    *) break ;;
  esac
done
out="${out:-$(mktemp -d)}"
"$root/tools/train-story-decision.sh" --folds "$folds" --out "$out" "$@"
cd "$root"
for ((k = 0; k < folds; k++)); do
  echo "fold $k:"
  SITREP_DATA="$out/fold$k" python3 ../shared/eval/cluster.py --data "$out/fold$k/cluster-ecbplus" | tail -1
  if [ "$incidents" = 1 ] && [ -d "$out/fold$k/incidents-gva-dev" ]; then
    SITREP_DATA="$out/fold$k" python3 ../shared/eval/incidents.py --data "$out/fold$k/incidents-gva-dev" | tail -1
  fi
done
