import EmberCore
import Foundation
import Testing

@testable import EmberCSV

/// Chunked reading equals whole-file reading, whatever the block and chunk sizes.
@Suite struct CSVStreamingTests {
    /// A file with every kind of field: quoted numbers, escaped quotes and line breaks inside
    /// labels, CRLF and LF, blank lines, spaces, long mantissas, missing values.
    static func awkwardCSV(rows: Int, seed: UInt64 = 7) -> String {
        var state = seed
        func next() -> UInt64 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return state >> 33
        }
        var text = "id,\"value, raw\",label,score\r\n"
        let labels = ["alpha", "\"quoted, with comma\"", "\"multi\nline\"", "\"say \"\"hi\"\"\"", "beta"]
        for i in 0..<rows {
            let value: String
            switch next() % 6 {
            case 0: value = "\"\(Double(next() % 100_000) / 1000)\""
            case 1: value = " \(Int(next() % 1000) - 500) "
            case 2: value = "3.14159265358979323846\(next() % 10)"
            case 3: value = ""
            case 4: value = "\(Double(next() % 1_000_000)) e-3".replacingOccurrences(of: " ", with: "")
            default: value = "-\(next() % 100).\(next() % 1000)"
            }
            let score = Double(next() % 2_000_000) / 7
            text += "\(i),\(value),\(labels[Int(next() % 5)]),\(score)"
            text += next() % 3 == 0 ? "\r\n" : "\n"
            if next() % 50 == 0 { text += "\n" }
        }
        return text
    }

    static let streamOptions = options {
        $0.labelEncoded = ["label"]
        $0.onMissing = .nan
    }

    @Test func chunksConcatenateToTheWholeFile() throws {
        let text = Self.awkwardCSV(rows: 1500)
        let whole = try CSV.readTensor(.text(text), options: Self.streamOptions)
        #expect(whole.tensor.shape == [1500, 4])
        let expected = whole.tensor.scalars(as: Float.self)
        for (blockSize, chunk) in [(64, 1), (64, 7), (100, 1000), (4096, 333), (1 << 20, 5000)] {
            var o = Self.streamOptions
            o.blockSize = blockSize
            let reader = try CSVReader(.text(text), options: o)
            var values: [Float] = []
            var chunks = 0
            try reader.forEachChunk(maxRows: chunk) { t in
                #expect(t.shape[0] <= chunk && t.shape[1] == 4)
                values += t.scalars(as: Float.self)
                chunks += 1
            }
            #expect(sameBits(values, expected), "block \(blockSize), chunk \(chunk)")
            #expect(chunks == (1500 + chunk - 1) / chunk)
            #expect(reader.rowsRead == 1500)
            #expect(reader.labelEncodings == whole.labelEncodings)
        }
        #expect(whole.labelEncodings["label"]?.count == 5)
    }

    @Test func memoryStaysBoundedByTheBlock() throws {
        let text = Self.awkwardCSV(rows: 3000)
        var o = Self.streamOptions
        o.blockSize = 256
        let reader = try CSVReader(.text(text), options: o)
        while let chunk = try reader.nextChunk(maxRows: 100) { #expect(chunk.shape[0] <= 100) }
        #expect(reader.scanner.capacity == 256)
        // A row longer than the block grows it just enough.
        let long = "a,b\n" + String(repeating: "1", count: 1000) + ",2\n3,4\n"
        var small = CSVOptions()
        small.blockSize = 64
        let grown = try CSVReader(.text(long), options: small)
        #expect(try grown.readAll().shape == [2, 2])
        #expect(grown.scanner.capacity == 1024)
    }

    @Test func errorsAreTheSameWhateverTheBlockSize() throws {
        let text = Self.awkwardCSV(rows: 400) + "400,\"unterminated,beta,1\n"
        var messages = Set<String>()
        for blockSize in [64, 100, 1 << 20] {
            var o = Self.streamOptions
            o.blockSize = blockSize
            messages.insert(errorText { try CSV.readTensor(.text(text, name: "s.csv"), options: o) })
        }
        #expect(messages.count == 1)
        let message = try #require(messages.first)
        #expect(message.hasPrefix("s.csv:") && message.hasSuffix(":2: unterminated quote: the quoted field in column 'value, raw' never closes"))
    }

    @Test func readsFilesInChunks() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("ember-csv-\(UUID().uuidString).csv").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let text = Self.awkwardCSV(rows: 2000, seed: 11)
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        var o = Self.streamOptions
        o.blockSize = 1000
        let fromFile = try CSVReader(.file(path), options: o)
        var values: [Float] = []
        try fromFile.forEachChunk(maxRows: 128) { values += $0.scalars(as: Float.self) }
        let expected = try CSV.readTensor(.text(text), options: Self.streamOptions).tensor.scalars(as: Float.self)
        #expect(sameBits(values, expected))
        #expect(errorText { try CSVReader(.file(path + ".missing")) }
            == "\(path).missing: cannot open: No such file or directory")
    }
}
