extension HTMLReport {
    /// The page's CSS: screen and A4-landscape print; fonts only from the system (offline).
    static let css = """
        :root { --existing:#6b7b8c; --committed:#2f6db5; --candidate:#e07b24; --free:#f4f1e8; --built:#a7d49b;
          --demand:#5b9bd5; --cap:#1d3557; --high:#fff1c2; --over:#ffd0cc; --ink:#1f2933; }
        * { box-sizing: border-box; }
        body { margin: 0 auto; max-width: 1340px; padding: 16px 20px 40px; color: var(--ink);
          font: 14px/1.45 "Noto Sans CJK SC","Source Han Sans SC","PingFang SC","Microsoft YaHei",system-ui,sans-serif; }
        header h1 { font-size: 24px; margin: 4px 0; }
        .sub { color: #52606d; margin: 0 0 8px; }
        h2 { font-size: 19px; border-bottom: 2px solid #1d3557; padding-bottom: 3px; margin: 26px 0 10px; }
        h3 { font-size: 15px; margin: 16px 0 6px; }
        .cards { display: grid; grid-template-columns: repeat(4, 1fr); gap: 12px; }
        .card { border: 1px solid #cbd2d9; border-radius: 6px; padding: 10px 12px; background: #fbfcfd; min-width: 0; }
        .card .k { color: #52606d; font-size: 13px; }
        .card .v { font-size: 24px; font-weight: 700; margin: 2px 0; overflow-wrap: anywhere; }
        .card .s { font-size: 12.5px; color: #3e4c59; overflow-wrap: anywhere; }
        .card.ok { border-left: 5px solid #2f9e44; } .card.bad { border-left: 5px solid #d64545; }
        .card.warn { border-left: 5px solid #e07b24; } .card.value { border-left: 5px solid #1d3557; }
        .meter { height: 8px; background: #e4e7eb; border-radius: 4px; margin: 4px 0; overflow: hidden; }
        .meter div { height: 100%; background: #1d3557; }
        .note { color: #52606d; margin: 8px 0 4px; }
        table { border-collapse: collapse; width: 100%; font-size: 13px; margin-bottom: 8px; }
        th, td { border-bottom: 1px solid #e4e7eb; padding: 4px 8px; text-align: left; vertical-align: top; overflow-wrap: anywhere; }
        th { background: #f0f4f8; } td.num { text-align: right; white-space: nowrap; }
        .legend { display: flex; flex-wrap: wrap; gap: 6px 18px; font-size: 12.5px; margin: 4px 0 8px; }
        .legend span { display: inline-flex; align-items: center; gap: 6px; }
        .sw { display: inline-block; width: 22px; height: 12px; border: 1px solid #9aa5b1; }
        svg { display: block; font-family: inherit; }
        svg text { fill: var(--ink); }
        .site polygon, .site rect { stroke: #3e4c59; stroke-width: 1; }
        .cat-existing { fill: var(--existing); background: var(--existing); }
        .cat-committed { fill: var(--committed); background: var(--committed); }
        .cat-candidate { fill: var(--candidate); background: var(--candidate); }
        .cat-free { fill: var(--free); background: var(--free); }
        .cat-planned_built { fill: var(--built); background: var(--built); }
        .cat-planned_not_built { fill: url(#hatch); background: repeating-linear-gradient(45deg,#fafafa 0 3px,#c4c4c4 3px 5px); }
        .site polygon.cat-planned_not_built, .site rect.cat-planned_not_built { stroke-dasharray: 5 3; }
        svg text.on-dark { fill: #fff; } svg text.on-light { fill: var(--ink); }
        svg text.group { font-weight: 700; font-size: 14px; }
        .site:hover polygon, .site:hover rect { stroke-width: 3; }
        .site polygon.changed, .site rect.changed { stroke: #c5221f; stroke-width: 4; }
        i.sw.changed { background: #fff; border: 3px solid #c5221f; }
        .bars .bar { fill: #1d3557; } .bars .bar.neg { fill: #d64545; }
        .plan-0 { stroke: #1d3557; background: #1d3557; } .plan-1 { stroke: #e07b24; background: #e07b24; }
        .plan-2 { stroke: #2f9e44; background: #2f9e44; } .plan-3 { stroke: #9c36b5; background: #9c36b5; }
        .plan-4 { stroke: #c5221f; background: #c5221f; } .plan-5 { stroke: #0b7285; background: #0b7285; }
        path.used-line { fill: none; stroke-width: 2; } path.cap-line { fill: none; stroke-width: 1.3; stroke-dasharray: 6 3; }
        ul.changes { margin: 4px 0 10px; padding-left: 20px; } ul.changes li { margin: 2px 0; }
        .charts { display: grid; grid-template-columns: 1fr 1fr; gap: 14px; }
        figure.chart-box { margin: 0; border: 1px solid #cbd2d9; border-radius: 6px; padding: 8px; break-inside: avoid; page-break-inside: avoid; }
        figure.chart-box.high { border-color: #e0a800; } figure.chart-box.over { border-color: #d64545; }
        figcaption { font-size: 13px; margin-bottom: 4px; } figcaption span { color: #3e4c59; }
        .grid { stroke: #e4e7eb; stroke-width: 1; } .frame, .tick { stroke: #7b8794; }
        text.axis { font-size: 10.5px; fill: #52606d; }
        .demand { fill: var(--demand); fill-opacity: .55; stroke: var(--demand); background: var(--demand); }
        .capacity { fill: none; stroke: var(--cap); stroke-width: 2.2; background: var(--cap); }
        .installed { fill: none; stroke: #7b8794; stroke-width: 1.4; stroke-dasharray: 5 4; background: repeating-linear-gradient(90deg,#7b8794 0 5px,transparent 5px 8px); }
        .band-high { fill: var(--high); background: var(--high); } .band-over { fill: var(--over); background: var(--over); }
        .completion { stroke: #2f9e44; stroke-width: 1.6; stroke-dasharray: 3 2; background: #2f9e44; }
        text.completion-label { font-size: 10px; fill: #2b7a3b; font-weight: 600; }
        .hover { fill: transparent; } .hover:hover { fill: rgba(0,0,0,.06); }
        .mark-high { fill: #e0a800; stroke: #fff; stroke-width: 1.5; } .mark-over { fill: #d64545; stroke: #fff; stroke-width: 1.5; }
        .stripe { fill: #f5f7fa; } text.row-label { font-size: 12px; }
        .build-candidate, .build-committed, .build-existing { fill: #f6c99b; background: #f6c99b; }
        .build-committed { fill: #a9c4e8; background: #a9c4e8; } .build-existing { fill: #c3cad2; background: #c3cad2; }
        .run-candidate { fill: var(--candidate); background: var(--candidate); }
        .run-committed { fill: var(--committed); background: var(--committed); }
        .run-existing { fill: var(--existing); background: var(--existing); }
        .expansion { fill: #2f9e44; fill-opacity: .35; stroke: #2f9e44; background: #b7dfbf; }
        .milestone { fill: #2f9e44; stroke: #fff; } .wanted { fill: #1d3557; stroke: #fff; }
        .blocker { fill: #d64545; stroke: #fff; }
        i.sw.milestone, i.sw.wanted { width: 10px; height: 10px; border: 0; transform: rotate(45deg); margin: 0 3px; }
        i.sw.milestone { background: #2f9e44; } i.sw.wanted { background: #1d3557; }
        i.sw.blocker { width: 14px; height: 12px; border: 0; background: #d64545; clip-path: polygon(50% 0, 100% 100%, 0 100%); }
        i.sw.completion { width: 3px; height: 14px; border: 0; }
        footer { margin-top: 28px; color: #7b8794; font-size: 12px; }
        @page { size: A4 landscape; margin: 10mm; }
        @media print {
          body { max-width: none; padding: 0; font-size: 11px; }
          section { break-before: page; } section#summary { break-before: auto; }
          svg, figure, table tr, .card { break-inside: avoid; page-break-inside: avoid; }
          svg.siteplan { max-height: 180mm; }
          .charts { grid-template-columns: 1fr 1fr; }
          * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
        }

        """
}
