#!/usr/bin/env bash
# Refits the story decision (StoryDecision.Default weights in src/Sitrep/5-Stories/StoryClusterer.cs,
# StoryRefinement.DefaultSplitBelow/DefaultAbsorbAbove in StoryRefinement.cs) on a labelled data set:
# JSON Lines documents and {id: "TOPIC_event"} gold. Prints a two-fold cross-validation over topic
# halves (check that the thresholds agree across folds) and the weights fitted on everything, which
# are then copied into the code by hand.
# Usage: tools/train-story-decision.sh [DOCS.jsonl GOLD.json]   (default: the ECB+ dev set)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
data="$root/../shared/data/cluster-ecbplus"
docs="${1:-$data/docs.jsonl}"
gold="${2:-$data/gold.json}"
exec dotnet run -c Release --project "$root/bench/Sitrep.Bench" -- train-stories "$docs" "$gold"
