import Testing

@testable import ParkReports

@Suite struct TextWidthTests {
    @Test(arguments: [
        ("abc", 3), ("临汾", 4), ("临汾-A1", 7), ("ＡＢ", 4), ("e\u{0301}", 1), ("", 0), ("m³/day", 6),
        ("光伏组件项目 (2.5 bn)", 21), ("한국", 4), ("カタ", 4), ("，。", 4),
        // ASCII is measured bytewise: controls take no cell, as in the per-character path.
        ("a\tb", 2), ("a\r\nb", 2), ("\u{7F}x", 1), ("x\u{0301}", 1),
    ])
    func displayWidth(_ text: String, _ width: Int) {
        #expect(TextWidth.displayWidth(text) == width)
    }

    @Test func padCountsCells() {
        #expect(TextWidth.pad("临汾", to: 6) == "临汾  ")
        #expect(TextWidth.pad("ab", to: 4, right: true) == "  ab")
        #expect(TextWidth.pad("too long", to: 3) == "too long")
    }

    /// Every column starts at the same display cell on every line, with Chinese text in cells.
    @Test func terminalColumnsLineUpWithChinese() {
        let table = TextTable(
            header: ["项目", "site", "值"],
            rows: [["光伏组件项目", "A-01", "1,000"], ["elec", "标准厂房1号", "5"]],
            rightAligned: [2])
        let lines = table.render().split(separator: "\n").map(String.init)
        #expect(lines.count == 4)
        let widths = table.widths
        #expect(widths == [12, 11, 5])
        for line in lines where !line.hasPrefix("-") {
            // The text before column 2 is exactly widths[0] + 2 cells wide.
            var prefixWidth = 0
            var consumed = ""
            for ch in line {
                if prefixWidth >= widths[0] + 2 { break }
                consumed.append(ch)
                prefixWidth = TextWidth.displayWidth(consumed)
            }
            #expect(prefixWidth == widths[0] + 2, "\(line)")
            #expect(TextWidth.displayWidth(line) == widths.reduce(0, +) + 4, "\(line)")
        }
    }

    @Test func markdownTableEscapesAndAligns() {
        let md = TextTable(header: ["名称", "n"], rows: [["a|b", "1"], ["临汾\n经开区", "22"]], rightAligned: [1]).markdown()
        #expect(
            md == """
                | 名称        |   n |
                | ----------- | --: |
                | a\\|b        |   1 |
                | 临汾 经开区 |  22 |

                """)
    }
}
