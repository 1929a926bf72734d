#!/usr/bin/env bash
# Refits the story decision (src/Sitrep/5-Stories/Data/story-decision.tsv: StoryDecision's weights and
# StoryRefinement's thresholds) on labelled data sets, each a JSON Lines file and its gold (see
# bench/Sitrep.Bench/StoryTraining.cs). Prints the weights and writes them where --out says
# (e.g. --out src/Sitrep/5-Stories/Data/story-decision.tsv); with --folds K also fits each fold on the
# others and writes the folds under the --out folder (tools/cv-stories.sh scores them).
# Usage: tools/train-story-decision.sh [--folds K] [--out PATH] [--cache DIR] [--decision FILE] [DOCS GOLD]...
#   (default sets: the ECB+ clustering set and the incidents dev set of ../shared/data)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
data="$root/../shared/data"
options=()
while [ $# -gt 0 ] && [[ "$1" == --* ]]; do options+=("$1" "$2"); shift 2; done
if [ $# -eq 0 ]; then
  set -- "$data/cluster-ecbplus/docs.jsonl" "$data/cluster-ecbplus/gold.json" \
         "$data/incidents-gva-dev/docs.jsonl.gz" "$data/incidents-gva-dev/gold.json"
fi
exec dotnet run -c Release --project "$root/bench/Sitrep.Bench" -- train-stories "${options[@]}" "$@"
