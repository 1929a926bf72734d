namespace Sitrep.Report;

/// <summary>The report's one style sheet: screen layout, map colours by event kind, and print rules.</summary>
public static class ReportStyle
{
    public const string Css = """
        :root{--ink:#1d2329;--muted:#5f6b76;--rule:#d9dee3;--strike:#c62828;--capture:#e06c00;--displacement:#6a1b9a;--other:#455a64;--place:#1f4e79}
        body{font:15px/1.5 system-ui,"Segoe UI",Roboto,sans-serif;color:var(--ink);max-width:68rem;margin:1.5rem auto;padding:0 1rem}
        h1,h2,h3,h4{line-height:1.2;margin:1.4em 0 .5em}h1{margin-top:0}h4{margin:.3em 0}
        .meta,figcaption,.cite{color:var(--muted)}.cite{font-size:.82em;white-space:nowrap}td .cite{white-space:normal}.cite a{color:inherit}
        section.story{border-top:3px solid var(--ink);margin-top:2rem}section.sources{border-top:1px solid var(--rule);margin-top:2rem}
        nav ol{padding-left:1.2rem}ul.summary li{margin:.2rem 0}
        table{border-collapse:collapse;width:100%;font-size:.92em}th,td{border-bottom:1px solid var(--rule);padding:.3rem .4rem;text-align:left;vertical-align:top}
        th{background:#f3f5f7}table.sources td:first-child{white-space:nowrap}tr:target{background:#fff6d6}
        ol.timeline{list-style:none;padding-left:0;border-left:3px solid var(--rule);margin-left:.4rem}
        ol.timeline li{padding:.15rem 0 .35rem 1rem;position:relative}
        ol.timeline li::before{content:"";position:absolute;left:-.45rem;top:.55rem;width:.6rem;height:.6rem;border-radius:50%;background:var(--ink)}
        ol.timeline time{font-weight:600;font-variant-numeric:tabular-nums;margin-right:.4rem}
        .kind{font-weight:600;white-space:nowrap}.kind.strike{color:var(--strike)}.kind.capture{color:var(--capture)}.kind.displacement{color:var(--displacement)}
        ul.claims{list-style:none;padding-left:0}ul.claims li{margin:.25rem 0}
        .count{display:inline-block;min-width:1.6em;text-align:center;border-radius:.8em;background:var(--place);color:#fff;font-weight:600;font-size:.85em;margin-right:.3rem}
        .contradiction{margin:.6rem 0 1rem}.sides{display:flex;gap:.8rem;flex-wrap:wrap}
        .sides blockquote{flex:1 1 14rem;margin:0;padding:.5rem .7rem;background:#fff4e5;border-left:4px solid var(--capture)}
        .sides .value{font-size:1.2em;font-weight:700;margin:0}.sides footer{font-size:.88em;color:var(--muted)}
        .if,.then{font-style:italic;color:var(--muted)}
        .original,.derived,.cited{font-weight:600}.original{color:#2e7d32}.derived{color:var(--capture)}
        figure.map,figure.chart{margin:1rem 0}.map-view{height:520px;border:1px solid var(--rule);background:#e8f0f7}
        svg.symbols{position:absolute;width:0;height:0}
        .leaflet-tooltip.country-name{background:none;border:none;box-shadow:none;font-size:11px;color:#8a949c;letter-spacing:.08em;text-transform:uppercase;padding:0}
        .leaflet-tooltip.place-label{background:rgba(255,255,255,.8);border:none;box-shadow:none;padding:0 .2rem;font-size:12px;color:var(--ink)}
        .leaflet-tooltip.country-name::before,.leaflet-tooltip.place-label::before{display:none}
        .marker.place{fill:var(--place);stroke:#fff;stroke-width:1.2}
        .marker.event{stroke:#fff;stroke-width:1.2}.marker.strike{fill:var(--strike)}.marker.capture{fill:var(--capture)}
        .marker.displacement{fill:var(--displacement)}.marker.other{fill:var(--other)}.leaflet-marker-icon.marker{background:none;border:none}
        .flight{fill:none;stroke:var(--displacement);stroke-width:2.2;stroke-dasharray:6 3}.flight-arrow path{fill:var(--displacement)}
        th button.sort{all:unset;cursor:pointer;font-weight:600}th button.sort::after{content:" ↕";color:var(--muted);font-size:.8em}
        th[aria-sort=ascending] button.sort::after{content:" ↑"}th[aria-sort=descending] button.sort::after{content:" ↓"}
        .popup b{display:block}.popup p{margin:.25rem 0}
        .key{display:inline-flex;align-items:center;gap:.25rem;margin-right:.8rem}.key svg{width:1.1em;height:1.1em}
        .chart-view{min-height:2rem}svg.timeline-chart{display:block;font-size:11px}.timeline-chart .axis{color:var(--muted)}
        .timeline-chart .main-event line{stroke:var(--ink);stroke-width:.6;stroke-dasharray:2 2}.timeline-chart .main-event text{fill:var(--ink);font-weight:600}
        .timeline-chart .legend text{fill:var(--muted)}.timeline-chart rect{stroke:#fff;stroke-width:.5}
        @media (max-width:40rem){body{margin:.8rem auto;padding:0 .6rem;overflow-wrap:anywhere}.map-view{height:360px}.cite{white-space:normal}table{display:block;overflow-x:auto}.sides{display:block}}
        @media print{
          body{font-size:10.5pt;max-width:none;margin:0}a{color:inherit;text-decoration:none}nav{display:none}
          section.story{break-before:page;border-top:none}section.story:first-of-type{break-before:auto}
          figure.map,tr,li,.contradiction,blockquote{break-inside:avoid}h2,h3,h4{break-after:avoid}
          *{-webkit-print-color-adjust:exact;print-color-adjust:exact}
          @page{margin:14mm}
        }
        """;
}
