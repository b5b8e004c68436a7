// Projects Natural Earth's 110m countries (npm world-atlas 2.0.2) into SVG path strings keyed by
// ISO 3166 alpha-3 and writes content/maps/world.json, which the app reads at start (it never runs
// node). Run: cd scripts/world-map && npm ci && npm run build. See content/maps/README.md.
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { geoCentroid, geoEqualEarth, geoPath } from "d3-geo";
import { feature, merge } from "topojson-client";

const require = createRequire(import.meta.url);
const atlasVersion = require("world-atlas/package.json").version;
const codesVersion = require("i18n-iso-countries/package.json").version;
const world110 = require("world-atlas/countries-110m.json");
const world50 = require("world-atlas/countries-50m.json");
const world10 = require("world-atlas/countries-10m.json");
// [alpha-2, alpha-3, numeric, ISO 3166-2 name] per country: the same package the reference names come from.
const codes = require("i18n-iso-countries/codes.json");
const memberStates = JSON.parse(readFileSync(new URL("../../content/reference/countries.json", import.meta.url), "utf8"));

const width = 960;
const alpha3ByNumeric = new Map(codes.map(([, alpha3, numeric]) => [numeric, alpha3]));
const members = new Set(memberStates.map((country) => country.iso3));

// Natural Earth draws these apart from the Member State whose territory they are in the UN's and WHO's
// listings; they are drawn as part of it.
const mergedInto = { "N. Cyprus": "196", Somaliland: "706" };
const geometries = world110.objects.countries.geometries;
const byKey = new Map();
for (const geometry of geometries) {
  const numeric = geometry.id ?? mergedInto[geometry.properties.name];
  if (numeric === "010") continue; // Antarctica: no Member State, and it would take a fifth of the height.
  const key = numeric ?? `name:${geometry.properties.name}`;
  byKey.set(key, [...(byKey.get(key) ?? []), geometry]);
}
const shapes = [...byKey].map(([key, parts]) => ({
  iso3: alpha3ByNumeric.get(key) ?? null,
  name: parts[0].properties.name,
  geometry: parts.length === 1 ? feature(world110, parts[0]).geometry : merge(world110, parts),
}));

// Fitted to the whole sphere's width, so every marker (Kiribati lies on both sides of 180°) stays inside;
// the view box then keeps only the latitudes that have land.
const projection = geoEqualEarth().fitWidth(width, { type: "Sphere" });
const path = geoPath(projection).digits(1);
const bounds = path.bounds({ type: "FeatureCollection", features: shapes.map((shape) => ({ type: "Feature", geometry: shape.geometry })) });
const top = Math.floor(bounds[0][1]) - 4;
const height = Math.ceil(bounds[1][1]) + 4 - top;
const round = (value) => Math.round(value * 10) / 10;

const countries = shapes
  .filter((shape) => shape.iso3 && members.has(shape.iso3))
  .map((shape) => ({ iso3: shape.iso3, path: path(shape.geometry) }))
  .sort((a, b) => a.iso3.localeCompare(b.iso3));
// Land that is no Member State (territories, areas whose status is disputed): drawn, never linked.
const otherLand = shapes
  .filter((shape) => !(shape.iso3 && members.has(shape.iso3)))
  .map((shape) => path(shape.geometry))
  .join("");

// Member States too small for a 110m polygon: a marker at the centroid of their 50m (else 10m) outline.
const drawn = new Set(countries.map((country) => country.iso3));
const finer = [world50, world10].map((topology) =>
  new Map(topology.objects.countries.geometries.filter((g) => g.id).map((g) => [alpha3ByNumeric.get(g.id), feature(topology, g)])));
const markers = memberStates
  .filter((country) => !drawn.has(country.iso3))
  .map((country) => {
    const outline = finer.map((map) => map.get(country.iso3)).find(Boolean);
    if (!outline) return { iso3: country.iso3 };
    const [x, y] = projection(geoCentroid(outline));
    return { iso3: country.iso3, x: round(x), y: round(y) };
  });

const map = {
  source: `Natural Earth 1:110m Admin 0 countries via the npm package world-atlas ${atlasVersion}; small Member States as markers at the centroid of their 1:50m (else 1:10m) outline; ISO 3166 numeric to alpha-3 from i18n-iso-countries ${codesVersion} (codes.json)`,
  licence: "public domain (Natural Earth)",
  projection: "Equal Earth",
  viewBox: `0 ${top} ${width} ${height}`,
  countries,
  markers,
  otherLand,
};
const out = new URL("../../content/maps/world.json", import.meta.url);
writeFileSync(out, JSON.stringify(map, null, 1) + "\n");
console.log(`${countries.length} countries, ${markers.length} markers, ${markers.filter((m) => m.x === undefined).length} table-only; viewBox ${map.viewBox}`);
