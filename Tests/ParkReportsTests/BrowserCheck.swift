import Foundation

/// Opens a report in headless Chromium (when installed): console messages, a screenshot, and
/// measurements taken inside the page by a copy of it with a small checking script appended.
enum BrowserCheck {
    static let chromium = ExternalTools.find(["chromium", "chromium-browser", "google-chrome"])

    struct Chart: Decodable {
        var node: String?
        var kind: String?
        var w: Double
        var h: Double
        var capacity: Bool
        var demand: Bool
    }

    struct Measured: Decodable {
        var charts: [Chart]
        var gantt: Int
        var siteplan: Int
        var overflow: [String]
        var tofu: Bool
    }

    struct Outcome {
        var console: [String]
        var measured: Measured
        var screenshot: URL
    }

    /// Writes `html` as `<name>.html` under `.build/test-output/reports/`, screenshots it to
    /// `<name>.png` and measures it.
    static func open(_ html: String, name: String) throws -> Outcome {
        guard let chromium else { throw ToolMissing() }
        let dir = try ExternalTools.outputFolder("reports")
        let page = dir.appendingPathComponent("\(name).html")
        let checked = dir.appendingPathComponent("\(name).check.html")
        let screenshot = dir.appendingPathComponent("\(name).png")
        try Data(html.utf8).write(to: page)
        try Data(html.replacingOccurrences(of: "</body>", with: "<script>\(script)</script>\n</body>").utf8).write(
            to: checked)
        try? FileManager.default.removeItem(at: screenshot)

        let shot = try ExternalTools.run(
            chromium,
            flags(dir, name + "-shot") + [
                "--enable-logging=stderr", "--v=0", "--window-size=1400,2000", "--screenshot=\(screenshot.path)",
                page.absoluteString,
            ])
        let console = shot.2.split(separator: "\n").map(String.init).filter { $0.contains(":CONSOLE") }
        let dom = try ExternalTools.run(
            chromium, flags(dir, name + "-dom") + ["--window-size=1400,2000", "--dump-dom", checked.absoluteString])
        guard let start = dom.1.range(of: "<pre id=\"parkplan-check\">"),
            let end = dom.1.range(of: "</pre>", range: start.upperBound..<dom.1.endIndex)
        else {
            throw CheckFailed(message: "no measurements in the page (status \(dom.0)): \(dom.2.suffix(500))")
        }
        let json = String(dom.1[start.upperBound..<end.lowerBound])
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&amp;", with: "&")
        let measured = try JSONDecoder().decode(Measured.self, from: Data(json.utf8))
        return Outcome(console: console, measured: measured, screenshot: screenshot)
    }

    /// Headless flags with a profile folder of its own (tests run in parallel).
    static func flags(_ dir: URL, _ profile: String) -> [String] {
        [
            "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--no-first-run",
            "--user-data-dir=\(dir.appendingPathComponent(".profile-\(profile)").path)",
        ]
    }

    struct ToolMissing: Error {}
    struct CheckFailed: Error, CustomStringConvertible { var message: String; var description: String { message } }

    /// Measures charts, boxes whose text overflows, labels outside their shapes, and whether
    /// Chinese renders as real glyphs (two different characters drawn differently).
    static let script = """
        (function () {
          var r = { charts: [], overflow: [], tofu: false, gantt: 0, siteplan: 0 };
          document.querySelectorAll('svg.chart.utility').forEach(function (s) {
            var b = s.getBoundingClientRect(), cap = s.querySelector('path.capacity');
            r.charts.push({ node: s.getAttribute('data-node'), kind: s.getAttribute('data-kind'), w: b.width, h: b.height,
              capacity: !!cap && cap.getTotalLength() > 0, demand: !!s.querySelector('path.demand') });
          });
          r.gantt = document.querySelectorAll('svg.gantt').length;
          r.siteplan = document.querySelectorAll('svg.siteplan').length;
          document.querySelectorAll('.card .v, .card .s, .card .k, th, td, figcaption, .legend span, h1, h2, h3').forEach(function (e) {
            if (e.scrollWidth > e.clientWidth + 1) r.overflow.push(e.tagName + ': ' + e.textContent.slice(0, 60));
          });
          document.querySelectorAll('g.site').forEach(function (g) {
            var shape = g.querySelector('polygon, rect'), text = g.querySelector('text');
            if (!shape || !text) return;
            var a = shape.getBBox(), t = text.getBBox();
            if (t.x < a.x - 1 || t.y < a.y - 1 || t.x + t.width > a.x + a.width + 1 || t.y + t.height > a.y + a.height + 1)
              r.overflow.push('site label: ' + text.textContent.slice(0, 60));
          });
          document.querySelectorAll('svg.gantt text.row-label').forEach(function (t) {
            var b = t.getBBox(); if (b.x + b.width > 300) r.overflow.push('timeline label: ' + t.textContent.slice(0, 60));
          });
          var font = getComputedStyle(document.body).fontFamily;
          function pixels(ch) {
            var c = document.createElement('canvas'); c.width = 64; c.height = 64;
            var x = c.getContext('2d'); x.fillStyle = '#fff'; x.fillRect(0, 0, 64, 64);
            x.fillStyle = '#000'; x.font = '48px ' + font; x.fillText(ch, 4, 52); return c.toDataURL();
          }
          var a = pixels('园'), b = pixels('区'), c = pixels('划');
          r.tofu = a === b || b === c;
          var pre = document.createElement('pre'); pre.id = 'parkplan-check'; pre.textContent = JSON.stringify(r);
          document.body.appendChild(pre);
        })();
        """
}
