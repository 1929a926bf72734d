#!/usr/bin/env node
// Rebuilds the vendored browser libraries in src/Sitrep/7-Report/Assets/ that report.html inlines
// and `sitrep serve` sends: Leaflet (the maps) and the few d3 modules the timeline chart uses,
// bundled by esbuild into one small script that defines `d3`. Pinned versions, from npm only:
//   mkdir -p /tmp/webassets && cd /tmp/webassets && npm init -y && npm install leaflet@1.9.4 \
//     d3-selection@3.0.0 d3-scale@4.0.2 d3-axis@3.0.0 d3-shape@3.2.0 d3-time@3.1.0 \
//     d3-time-format@4.1.0 esbuild@0.28.2
//   node tools/build-web-assets.mjs /tmp/webassets/node_modules
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { dirname, join } from "node:path";

const [modules] = process.argv.slice(2);
if (!modules) { console.error("usage: build-web-assets.mjs NODE_MODULES"); process.exit(2); }
const assets = join(dirname(fileURLToPath(import.meta.url)), "../src/Sitrep/7-Report/Assets");
const esbuild = createRequire(join(modules, "noop.js"))("esbuild");

// Leaflet as published, less its source-map comment; its style sheet without the image URLs of
// the default marker and the layers control, which the pages never use (nothing is fetched).
const leaflet = readFileSync(join(modules, "leaflet/dist/leaflet.js"), "utf8").replace(/\n\/\/# sourceMappingURL=.*\s*$/, "\n");
writeFileSync(join(assets, "leaflet.js"), leaflet);
const css = readFileSync(join(modules, "leaflet/dist/leaflet.css"), "utf8").replace(/url\(images\/[^)]*\)/g, "none");
writeFileSync(join(assets, "leaflet.css"), css);

// Only the d3 functions sitrep-timeline.js calls: esbuild leaves the rest of each module out.
const entry = `
export { select } from "d3-selection";
export { scaleUtc, scaleLinear, scaleOrdinal } from "d3-scale";
export { axisBottom, axisLeft } from "d3-axis";
export { stack } from "d3-shape";
export { utcDay } from "d3-time";
export { utcFormat } from "d3-time-format";
`;
const bundle = await esbuild.build({
  stdin: { contents: entry, resolveDir: modules }, bundle: true, write: false, minify: true,
  format: "iife", globalName: "d3", target: "es2019", legalComments: "inline",
  banner: { js: "/* d3 modules (ISC, (c) Mike Bostock): selection, scale, axis, shape, time, time-format; bundled by tools/build-web-assets.mjs */" },
});
writeFileSync(join(assets, "d3-timeline.js"), bundle.outputFiles[0].text);
for (const file of ["leaflet.js", "leaflet.css", "d3-timeline.js"])
  console.log(`${file}: ${readFileSync(join(assets, file)).length} bytes`);
