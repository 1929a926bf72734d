// Draws every story map of the page (ReportMap.cs writes each one's data as JSON) with Leaflet over
// the country outlines the page embeds: no tiles, nothing fetched. Text from articles is only ever
// set as text, never as HTML. The maps are kept in window.sitrepMaps by story id (the tests read
// their views there).
(() => {
  "use strict";
  const Kinds = ["strike", "capture", "displacement", "other"];
  const outlinesData = document.getElementById("sitrep-outlines");
  const countries = outlinesData ? JSON.parse(outlinesData.textContent).countries.map(c => ({ ...c, rings: c.rings.map(decode) })) : [];
  window.sitrepMaps = {};
  for (const figure of document.querySelectorAll("figure.map[data-story]")) draw(figure);

  /** Lon,lat pairs in hundredths of a degree, each relative to the one before, as Leaflet's [lat, lon]. */
  function decode(ring) {
    const n = ring.split(",").map(Number), points = [];
    for (let i = 0, lon = 0, lat = 0; i < n.length; i += 2) {
      lon += n[i]; lat += n[i + 1];
      points.push([lat / 100, lon / 100]);
    }
    return points;
  }

  function draw(figure) {
    const data = JSON.parse(figure.querySelector("script.map-data").textContent);
    const map = L.map(figure.querySelector(".map-view"), { zoomSnap: 0.1, zoomDelta: 0.5, minZoom: 1, maxZoom: 18 });
    map.attributionControl.setPrefix(false).addAttribution("Borders: Natural Earth");
    L.control.scale({ imperial: false }).addTo(map);
    const [south, west, north, east] = data.view;
    map.fitBounds([[south, west], [north, east]]);

    // One canvas for the outlines: hundreds of polygons draw faster there than as SVG paths.
    const land = L.canvas({ padding: 0.5 });
    for (const country of countries) {
      L.polygon(country.rings, { renderer: land, interactive: false, color: "#9aa5ae", weight: 0.7, fillColor: "#fbfaf6", fillOpacity: 1 }).addTo(map);
      if (country.label) L.tooltip({ permanent: true, direction: "center", className: "country-name", interactive: false })
        .setLatLng([country.label[1], country.label[0]]).setContent(text(country.name)).addTo(map);
    }

    for (const place of data.places) {
      const marker = L.circleMarker([place.lat, place.lon], { radius: 5, className: "marker place", color: "#fff", weight: 1.5, fillColor: "#1f4e79", fillOpacity: 1 })
        .bindPopup(() => popup(place.name + (place.country ? ", " + place.country : ""),
          [`${place.mentions} ${place.mentions === 1 ? "mention" : "mentions"}`], place.sources, data.sources))
        .addTo(map);
      marker.getElement()?.setAttribute("data-place", place.name);
      if (place.label) marker.bindTooltip(text(place.name), { permanent: true, direction: "right", offset: [6, 0], className: "place-label" });
    }

    // Events sharing a spot are fanned out round it, so each stays clickable.
    const spots = new Map();
    for (const event of data.events) {
      const key = `${event.lat},${event.lon}`;
      spots.set(key, [...(spots.get(key) || []), event]);
      if (event.to) flight(map, event);
    }
    for (const shared of spots.values())
      shared.forEach((event, k) => {
        const angle = 2 * Math.PI * k / shared.length - Math.PI / 4, radius = shared.length > 1 ? 11 : 0;
        const kind = Kinds.includes(event.kind) ? event.kind : "other";
        const icon = L.divIcon({
          className: `marker event ${kind}`, iconSize: [20, 20],
          iconAnchor: [10 - radius * Math.cos(angle), 10 - radius * Math.sin(angle)],
          html: `<svg viewBox="-10 -10 20 20" width="20" height="20"><use href="#sym-${kind}"/></svg>`,
        });
        const lines = [event.text];
        if (event.actor || event.target) lines.push([event.actor, event.target].filter(Boolean).join(" → "));
        if (event.place) lines.push(event.place + (event.to ? " → " + event.to.name : ""));
        L.marker([event.lat, event.lon], { icon, title: `${event.type} ${event.date || "undated"}`, riseOnHover: true })
          .bindPopup(() => popup(`${event.type}, ${event.date || "undated"}`, lines, event.sources, data.sources, event.row))
          .addTo(map);
      });
    window.sitrepMaps[data.story] = map;
  }

  /** A displacement: a dashed line from where people fled to where they went, its arrow halfway. */
  function flight(map, event) {
    const from = L.latLng(event.lat, event.lon), to = L.latLng(event.to.lat, event.to.lon);
    L.polyline([from, to], { className: "flight", color: "#6a1b9a", weight: 2.2, dashArray: "6 3", interactive: false }).addTo(map);
    // Mercator keeps angles, so the arrow's direction holds at every zoom.
    const a = map.project(from, 0), b = map.project(to, 0);
    const degrees = Math.atan2(b.y - a.y, b.x - a.x) * 180 / Math.PI;
    const arrow = L.divIcon({ className: "flight-arrow", iconSize: [14, 14], iconAnchor: [7, 7],
      html: `<svg viewBox="-7 -7 14 14" width="14" height="14"><path transform="rotate(${degrees.toFixed(1)})" d="M-5,-5L6,0 -5,5Z"/></svg>` });
    L.marker(L.latLng((from.lat + to.lat) / 2, (from.lng + to.lng) / 2), { icon: arrow, interactive: false, keyboard: false }).addTo(map);
  }

  /** A popup: its title, lines of text, a link to the event's row, and the sources it cites. */
  function popup(title, lines, sources, documents, row) {
    const box = document.createElement("div");
    box.className = "popup";
    append(box, "b", title);
    for (const line of lines) append(box, "p", line);
    if (row && document.getElementById(row.slice(1))) append(box, "a", "in the events table").href = row;
    const cite = append(box, "p", "Sources: ");
    cite.className = "cite";
    sources.forEach((id, i) => {
      const [href, outlet] = documents[id] || ["#", id];
      const link = append(cite, "a", id);
      link.href = href;
      link.title = outlet;
      if (i < sources.length - 1) cite.append(", ");
    });
    return box;
  }

  function append(parent, tag, content) {
    const element = document.createElement(tag);
    element.textContent = content;
    parent.append(element);
    return element;
  }

  /** Text as a node, so that Leaflet never reads a name as HTML. */
  function text(content) {
    const span = document.createElement("span");
    span.textContent = content;
    return span;
  }
})();
