#!/usr/bin/env node
// Rebuilds src/Sitrep/7-Report/Data/countries.tsv, the country outlines report.html draws its map
// from, out of the npm package world-atlas (TopoJSON of Natural Earth's 1:50m countries).
//   mkdir -p /tmp/npmatlas && cd /tmp/npmatlas && npm install world-atlas@2.0.2
//   node tools/build-world-map.mjs /tmp/npmatlas/node_modules/world-atlas/countries-50m.json
// Arcs are simplified (Douglas-Peucker) before rings are assembled, so neighbours keep one border.
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { dirname, join } from "node:path";

const Tolerance = 0.02;   // degrees, about 2 km: finer than a pixel at the tightest zoom the report uses
const Unit = 100;         // coordinates are stored as integers in hundredths of a degree

const [input] = process.argv.slice(2);
if (!input) { console.error("usage: build-world-map.mjs countries-50m.json"); process.exit(2); }
const topology = JSON.parse(readFileSync(input, "utf8"));
const output = join(dirname(fileURLToPath(import.meta.url)), "../src/Sitrep/7-Report/Data/countries.tsv");

const arcs = topology.arcs.map(arc => simplify(decodeArc(arc), Tolerance));
const lines = topology.objects.countries.geometries
  .filter(g => g.type === "Polygon" || g.type === "MultiPolygon")
  .map(country)
  .filter(line => line !== null) // micro-states thinner than the tolerance vanish
  .sort((a, b) => a.localeCompare(b));
const header = [
  "# Country outlines for the report map: Natural Earth 1:50m (public domain) via the npm package",
  "# world-atlas 2.0.2 (ISC, (c) Mike Bostock). Rebuild: tools/build-world-map.mjs.",
  "# name<TAB>label lon,lat<TAB>rings separated by |; a ring is lon,lat pairs in hundredths of a",
  "# degree, the first absolute and each next one as the difference to the one before.",
];
writeFileSync(output, header.concat(lines).join("\n") + "\n");
console.log(`${lines.length} countries -> ${output}`);

function decodeArc(arc) {
  const [sx, sy] = topology.transform.scale, [tx, ty] = topology.transform.translate;
  let x = 0, y = 0;
  return arc.map(([dx, dy]) => { x += dx; y += dy; return [x * sx + tx, y * sy + ty]; });
}

function simplify(points, tolerance) {
  if (points.length < 3) return points;
  const keep = new Uint8Array(points.length);
  keep[0] = keep[points.length - 1] = 1;
  const stack = [[0, points.length - 1]];
  while (stack.length) {
    const [first, last] = stack.pop();
    let farthest = -1, distance = tolerance;
    for (let i = first + 1; i < last; i++) {
      const d = segmentDistance(points[i], points[first], points[last]);
      if (d > distance) { distance = d; farthest = i; }
    }
    if (farthest < 0) continue;
    keep[farthest] = 1;
    stack.push([first, farthest], [farthest, last]);
  }
  return points.filter((_, i) => keep[i]);
}

function segmentDistance([px, py], [ax, ay], [bx, by]) {
  const dx = bx - ax, dy = by - ay, length = dx * dx + dy * dy;
  const t = length === 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / length));
  return Math.hypot(px - ax - t * dx, py - ay - t * dy);
}

function ring(indexes) {
  const points = [];
  for (const index of indexes) {
    const arc = index >= 0 ? arcs[index] : arcs[~index].slice().reverse();
    points.push(...(points.length ? arc.slice(1) : arc));
  }
  return unwrap(points).map(([x, y]) => [Math.round(x * Unit), Math.round(y * Unit)])
               .filter((p, i, all) => i === 0 || p[0] !== all[i - 1][0] || p[1] !== all[i - 1][1]);
}

/**
 * Rings cut at the antimeridian (Russia, Fiji) continue past 180 degrees instead of jumping across
 * the map; a ring that only closes by going round the globe (Antarctica) stays as it is.
 */
function unwrap(points) {
  const out = [points[0]];
  for (let i = 1; i < points.length; i++) {
    let x = points[i][0];
    while (x - out[i - 1][0] > 180) x -= 360;
    while (x - out[i - 1][0] < -180) x += 360;
    out.push([x, points[i][1]]);
  }
  return out[out.length - 1][0] === out[0][0] ? out : points;
}

function country(geometry) {
  const polygons = geometry.type === "Polygon" ? [geometry.arcs] : geometry.arcs;
  const rings = polygons.flatMap(polygon => polygon.map(ring)).filter(r => r.length >= 4);
  if (rings.length === 0) return null;
  const [lon, lat] = labelPoint(rings);
  const name = geometry.properties.name.replace(/[\t\n|]/g, " ");
  return `${name}\t${lon},${lat}\t${rings.map(encode).join("|")}`;
}

function encode(points) {
  let px = 0, py = 0;
  return points.map(([x, y]) => { const s = `${x - px},${y - py}`; px = x; py = y; return s; }).join(",");
}

/** The centroid of the country's largest ring, in hundredths of a degree. */
function labelPoint(rings) {
  let best = null, bestArea = -1;
  for (const r of rings) {
    let area = 0, cx = 0, cy = 0;
    for (let i = 0; i < r.length - 1; i++) {
      const cross = r[i][0] * r[i + 1][1] - r[i + 1][0] * r[i][1];
      area += cross; cx += (r[i][0] + r[i + 1][0]) * cross; cy += (r[i][1] + r[i + 1][1]) * cross;
    }
    if (Math.abs(area) > bestArea) { bestArea = Math.abs(area); best = area === 0 ? r[0] : [cx / (3 * area), cy / (3 * area)]; }
  }
  const [x, y] = best.map(Math.round);
  return [x > 180 * Unit ? x - 360 * Unit : x < -180 * Unit ? x + 360 * Unit : x, y];
}
