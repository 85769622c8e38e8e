import EmberCore
import Foundation
import Testing

@testable import EmberCSV

/// Whole-file reads of large files run on two threads; the result must be the sequential one.
@Suite struct CSVParallelTests {
    /// Options that split files of 256 kB and more.
    static let splitting = options { $0.parallelThreshold = 128 << 10 }
    static let size = 3 * 128 << 10

    /// Writes `text` to a temporary file and calls `body` with its path.
    func withFile<R>(_ text: String, _ body: (String) throws -> R) throws -> R {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("ember-csv-\(UUID().uuidString).csv").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return try body(path)
    }

    /// Rows of numbers (some quoted, some with CRLF) and a text column, `bytes` long or more,
    /// plus a row whose quoted text `middle` spans the middle of the file.
    static func numericCSV(bytes: Int, middle: String = "") -> String {
        var rows: [String] = ["a,b,note,c"]
        var size = 0
        var i = 0
        var inserted = middle.isEmpty
        while size < bytes {
            let row = i % 7 == 0 ? "\(i),\"\(Double(i) / 8)\",\"x, \"\"y\"\"\",-\(i).5\r" : "\(i),\(Double(i) * 0.001),plain,\(i % 13)e-3"
            rows.append(row)
            size += row.utf8.count + 1
            i += 1
            if !inserted && size >= bytes / 2 {
                inserted = true
                // From half of `bytes` (not counting itself), it spans the middle of the file.
                rows.append("0,0,\"\(middle)\",0")
            }
        }
        return rows.joined(separator: "\n") + "\n"
    }

    static func sequential(_ path: String, columns: [CSVColumnRef]) throws -> [Float] {
        var values: [Float] = []
        try CSVReader(.file(path), columns: columns).forEachChunk(maxRows: 100_000) { values += $0.scalars(as: Float.self) }
        return values
    }

    @Test func twoThreadsGiveTheSequentialResult() throws {
        let text = Self.numericCSV(bytes: Self.size)
        try withFile(text) { path in
            let columns: [CSVColumnRef] = ["a", "b", "c"]
            let reader = try CSVReader(.file(path), columns: columns, options: Self.splitting)
            let whole = try reader.readAll()
            #expect(reader.parser.threadsUsed == 2)
            #expect(reader.scanner.atEnd && reader.rowsRead == whole.shape[0])
            #expect(try reader.readAll().shape == [0, 3] && reader.rowsRead == whole.shape[0])
            #expect(sameBits(whole.scalars(as: Float.self), try Self.sequential(path, columns: columns)))
            #expect(whole.shape[0] > 10_000)
            // The dataset reads its two tensors the same way.
            let data = try CSVDataset(.file(path), features: ["a", "b"], targets: ["c"], options: Self.splitting)
            #expect(data.count == whole.shape[0] && data.targets.dtype == .float32)
        }
    }

    @Test func aSplitInsideAQuotedFieldFallsBackToOneThread() throws {
        // 200 kB of quoted line breaks from 192 kB on, in a file of 584 kB cut in 4 parts
        // (at about 146, 292 and 438 kB): one cut falls inside the quotes.
        let middle = String(repeating: "line\n", count: 40_000)
        let text = Self.numericCSV(bytes: Self.size, middle: middle)
        try withFile(text) { path in
            let columns: [CSVColumnRef] = ["a", "c"]
            let reader = try CSVReader(.file(path), columns: columns, options: Self.splitting)
            let whole = try reader.readAll()
            #expect(reader.parser.threadsUsed == 1)
            #expect(sameBits(whole.scalars(as: Float.self), try Self.sequential(path, columns: columns)))
        }
    }

    @Test func errorsInTheSecondHalfNameTheirLine() throws {
        var text = Self.numericCSV(bytes: Self.size)
        let lineBreaks = text.utf8.filter { $0 == 0x0A }.count  // "\r\n" is one Character: count bytes
        text += "1,2,z,oops\n"
        try withFile(text) { path in
            #expect(errorText { try CSV.readTensor(.file(path), columns: ["a", "c"], options: Self.splitting) }
                == "\(path):\(lineBreaks + 1):4: unparsable number 'oops' in column 'c'")
        }
    }
}
