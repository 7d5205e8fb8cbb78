import CXLSXWriter
import Foundation

/// A failed libxlsxwriter call: what was attempted and the library's message.
public struct XLSXError: Error, CustomStringConvertible, Sendable {
    public let message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }

    /// Throws unless `code` is `LXW_NO_ERROR`.
    static func check(_ code: lxw_error, _ what: @autoclosure () -> String) throws {
        guard code != LXW_NO_ERROR else { return }
        let text = lxw_strerror(code).map { String(cString: $0) } ?? "error \(code.rawValue)"
        throw XLSXError("\(what()): \(text)")
    }
}

/// An `.xlsx` workbook written by libxlsxwriter (the only code that imports CXLSXWriter).
/// Strings are UTF-8; the file is written by `close()`. Not thread-safe; use from one thread.
public final class XLSXWorkbook {
    let raw: UnsafeMutablePointer<lxw_workbook>
    private var closed = false

    public init(path: String) throws {
        guard let raw = workbook_new(path) else { throw XLSXError("cannot create the workbook \(path)") }
        self.raw = raw
    }

    deinit {
        // A workbook never closed (an error on the way) is closed here to free its memory.
        if !closed { _ = workbook_close(raw) }
    }

    /// Document properties; `created` fixes the time stored in the file (and its ZIP entries)
    /// so the same content gives the same bytes.
    public func setProperties(title: String, created: Date) throws {
        try title.withCString { t in
            try "parkplan".withCString { app in
                var props = lxw_doc_properties()
                props.title = UnsafeMutablePointer(mutating: t)
                props.author = UnsafeMutablePointer(mutating: app)
                props.created = time_t(created.timeIntervalSince1970)
                try XLSXError.check(workbook_set_properties(raw, &props), "set the workbook properties")
            }
        }
    }

    /// A new sheet; names are at most 31 characters without `[]:*?/\`.
    public func addSheet(_ name: String) throws -> XLSXSheet {
        guard let sheet = workbook_add_worksheet(raw, name) else {
            throw XLSXError("cannot add the sheet '\(name)' (a duplicate, too long or with [ ] : * ? / \\)")
        }
        return XLSXSheet(raw: sheet, name: name)
    }

    /// A cell format.
    public func addFormat(_ style: XLSXStyle) throws -> XLSXFormat {
        guard let f = workbook_add_format(raw) else { throw XLSXError("cannot add a cell format") }
        if style.bold { format_set_bold(f) }
        if let n = style.numberFormat { format_set_num_format(f, n) }
        if let bg = style.background { format_set_bg_color(f, bg) }
        if style.wrap { format_set_text_wrap(f) }
        if style.border { format_set_border(f, UInt8(LXW_BORDER_THIN.rawValue)) }
        return XLSXFormat(raw: f)
    }

    /// A native line chart of `series` (each a column of a sheet against a category column);
    /// `xNumberFormat` shows the categories (e.g. dates as `yyyy-mm`), one label per `xLabelEvery`.
    public func addLineChart(
        title: String, categories: XLSXRange, series: [XLSXSeries],
        xAxis: String, yAxis: String, xNumberFormat: String? = nil,
        xLabelEvery: Int = 1
    ) throws -> XLSXChart {
        guard let chart = workbook_add_chart(raw, UInt8(LXW_CHART_LINE.rawValue)) else {
            throw XLSXError("cannot add a chart")
        }
        chart_title_set_name(chart, title)
        for s in series {
            guard let added = chart_add_series(chart, nil, nil) else {
                throw XLSXError("cannot add the series '\(s.name)'")
            }
            chart_series_set_categories(
                added, categories.sheet, categories.firstRow, categories.firstColumn,
                categories.lastRow, categories.lastColumn)
            chart_series_set_values(
                added, s.values.sheet, s.values.firstRow, s.values.firstColumn,
                s.values.lastRow, s.values.lastColumn)
            chart_series_set_name(added, s.name)
            var line = lxw_chart_line()
            line.color = s.color
            line.width = s.width
            line.dash_type =
                s.dashed ? UInt8(LXW_CHART_LINE_DASH_DASH.rawValue) : UInt8(LXW_CHART_LINE_DASH_SOLID.rawValue)
            chart_series_set_line(added, &line)
        }
        chart_axis_set_name(chart.pointee.x_axis, xAxis)
        chart_axis_set_name(chart.pointee.y_axis, yAxis)
        if let xNumberFormat { chart_axis_set_num_format(chart.pointee.x_axis, xNumberFormat) }
        if xLabelEvery > 1 {
            chart_axis_set_interval_unit(chart.pointee.x_axis, UInt16(min(xLabelEvery, Int(UInt16.max))))
        }
        chart_legend_set_position(chart, UInt8(LXW_CHART_LEGEND_BOTTOM.rawValue))
        return XLSXChart(raw: chart)
    }

    /// Writes the file; the workbook cannot be used afterwards.
    public func close() throws {
        guard !closed else { return }
        closed = true
        try XLSXError.check(workbook_close(raw), "write the workbook")
    }
}

public struct XLSXFormat {
    let raw: UnsafeMutablePointer<lxw_format>
}

public struct XLSXChart {
    let raw: UnsafeMutablePointer<lxw_chart>
}

/// What a cell format sets.
public struct XLSXStyle: Sendable {
    public var bold = false
    /// Excel number format, e.g. `#,##0.0` or `yyyy-mm`.
    public var numberFormat: String?
    /// RGB, e.g. 0xDDEBF7.
    public var background: UInt32?
    public var wrap = false
    public var border = false
    public init(
        bold: Bool = false, numberFormat: String? = nil, background: UInt32? = nil, wrap: Bool = false,
        border: Bool = false
    ) {
        self.bold = bold; self.numberFormat = numberFormat; self.background = background; self.wrap = wrap
        self.border = border
    }
}

/// A rectangle of cells on a named sheet (0-based rows and columns).
public struct XLSXRange: Sendable {
    public var sheet: String
    public var firstRow: UInt32, firstColumn: UInt16, lastRow: UInt32, lastColumn: UInt16
    public init(sheet: String, firstRow: Int, firstColumn: Int, lastRow: Int, lastColumn: Int) {
        self.sheet = sheet; self.firstRow = UInt32(firstRow); self.firstColumn = UInt16(firstColumn)
        self.lastRow = UInt32(lastRow); self.lastColumn = UInt16(lastColumn)
    }
}

/// One line of a chart.
public struct XLSXSeries: Sendable {
    public var name: String
    public var values: XLSXRange
    public var color: UInt32
    public var width: Float
    public var dashed: Bool
    public init(name: String, values: XLSXRange, color: UInt32, width: Float = 2.25, dashed: Bool = false) {
        self.name = name; self.values = values; self.color = color; self.width = width; self.dashed = dashed
    }
}
