import CXLSXWriter

/// One worksheet of an `XLSXWorkbook` (valid until the workbook is closed).
public struct XLSXSheet {
    let raw: UnsafeMutablePointer<lxw_worksheet>
    public let name: String

    public func write(_ row: Int, _ column: Int, _ text: String, _ format: XLSXFormat? = nil) throws {
        try XLSXError.check(
            worksheet_write_string(raw, try r(row), try c(column), text, format?.raw),
            "\(name) row \(row + 1) column \(column + 1)")
    }

    /// A number; non-finite values leave the cell empty (Excel has no infinity).
    public func write(_ row: Int, _ column: Int, _ number: Double, _ format: XLSXFormat? = nil) throws {
        guard number.isFinite else { return }
        try XLSXError.check(
            worksheet_write_number(raw, try r(row), try c(column), number, format?.raw),
            "\(name) row \(row + 1) column \(column + 1)")
    }

    /// A date (a real Excel date; show it with a format such as `yyyy-mm`).
    public func writeDate(_ row: Int, _ column: Int, year: Int, month: Int, day: Int = 1, _ format: XLSXFormat?) throws
    {
        var date = lxw_datetime(year: Int32(year), month: Int32(month), day: Int32(day), hour: 0, min: 0, sec: 0)
        try XLSXError.check(
            worksheet_write_datetime(raw, try r(row), try c(column), &date, format?.raw),
            "\(name) row \(row + 1) column \(column + 1)")
    }

    /// Width of columns `first...last` in characters.
    public func setColumns(_ first: Int, _ last: Int, width: Double, _ format: XLSXFormat? = nil) throws {
        try XLSXError.check(
            worksheet_set_column(raw, try c(first), try c(last), width, format?.raw), "\(name) column width")
    }

    /// Keeps the first `rows` rows and `columns` columns in view while scrolling.
    public func freeze(rows: Int, columns: Int = 0) throws {
        worksheet_freeze_panes(raw, try r(rows), try c(columns))
    }

    public func autofilter(firstRow: Int, firstColumn: Int, lastRow: Int, lastColumn: Int) throws {
        try XLSXError.check(
            worksheet_autofilter(raw, try r(firstRow), try c(firstColumn), try r(lastRow), try c(lastColumn)),
            "\(name) autofilter")
    }

    public func insert(_ chart: XLSXChart, row: Int, column: Int) throws {
        try XLSXError.check(worksheet_insert_chart(raw, try r(row), try c(column), chart.raw), "\(name) chart")
    }

    func r(_ row: Int) throws -> lxw_row_t {
        guard row >= 0, row < 1_048_576 else { throw XLSXError("\(name): row \(row + 1) is outside a sheet") }
        return lxw_row_t(row)
    }

    func c(_ column: Int) throws -> lxw_col_t {
        guard column >= 0, column < 16_384 else { throw XLSXError("\(name): column \(column + 1) is outside a sheet") }
        return lxw_col_t(column)
    }
}
