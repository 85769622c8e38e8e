import EmberCSV
import EmberCore
import Glibc

/// Figures for EmberCSV: parsing a ~100 MB numeric CSV file into a float32 tensor.
/// `Benchmarks/compare_csv.py` times pandas.read_csv on the same file.
enum CSVFigures {
    /// The benchmark file of short decimals; written once (deterministically) and reused.
    static let path = "/tmp/ember-csv-bench-100MB.csv"
    /// A file of full-precision doubles (shortest round-trip forms, up to 17 digits, as
    /// pandas' `to_csv` writes float64 columns).
    static let reprPath = "/tmp/ember-csv-bench-repr-50MB.csv"

    static var all: [Figure] {
        [
            Figure(name: "csv_parse_MBps", unit: "MB/s") {
                parseSpeed(path, bytes: ensureFile(path, size: 100_000_000, appendNumber: appendDecimal))
            },
            Figure(name: "csv_parse_1thread_MBps", unit: "MB/s") {
                // The same file streamed in chunks of 64k rows: one thread, bounded memory.
                let bytes = ensureFile(path, size: 100_000_000, appendNumber: appendDecimal)
                let seconds = secondsPerCall(iterations: 1, repetitions: 5) {
                    do {
                        try CSVReader(.file(path)).forEachChunk(maxRows: 1 << 16) { blackHole($0) }
                    } catch {
                        fatalError("\(path): \(error)")
                    }
                }
                return Double(bytes) / seconds / 1e6
            },
            Figure(name: "csv_parse_repr_MBps", unit: "MB/s") {
                parseSpeed(reprPath, bytes: ensureFile(reprPath, size: 50_000_000, appendNumber: appendRepr))
            },
        ]
    }

    /// MB/s of `CSV.readTensor(.file(path))` into float32, the median of 5 runs.
    static func parseSpeed(_ path: String, bytes: Int) -> Double {
        let seconds = secondsPerCall(iterations: 1, repetitions: 5) {
            do {
                blackHole(try CSV.readTensor(.file(path)).tensor)
            } catch {
                fatalError("\(path): \(error)")
            }
        }
        return Double(bytes) / seconds / 1e6
    }

    /// Writes a header and rows of 10 numbers from `appendNumber` until the file holds more
    /// than `size` bytes, unless it exists; returns its size.
    static func ensureFile(_ path: String, size: Int,
                           appendNumber: (inout [UInt8], (UInt64) -> UInt64) -> Void) -> Int
    {
        var st = stat()
        if stat(path, &st) == 0 && st.st_size > size { return Int(st.st_size) }
        let temporary = path + ".partial"
        guard let file = fopen(temporary, "w") else { fatalError("cannot write \(temporary)") }
        var state: UInt64 = 0x5EED
        func next(_ n: UInt64) -> UInt64 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return (state >> 33) % n
        }
        var line: [UInt8] = Array("c0,c1,c2,c3,c4,c5,c6,c7,c8,c9\n".utf8)
        var written = 0
        while written <= size {
            for c in 0..<10 {
                if c > 0 { line.append(UInt8(ascii: ",")) }
                appendNumber(&line, next)
            }
            line.append(UInt8(ascii: "\n"))
            if line.count > 1 << 16 {
                written += fwrite(line, 1, line.count, file)
                line.removeAll(keepingCapacity: true)
            }
        }
        written += fwrite(line, 1, line.count, file)
        fclose(file)
        rename(temporary, path)
        return written
    }

    /// Decimals like `-1234.5678`, `0.25`, `17` and `6.02e-5` (about 9 bytes each).
    private static func appendDecimal(_ out: inout [UInt8], _ next: (UInt64) -> UInt64) {
        if next(4) == 0 { out.append(UInt8(ascii: "-")) }
        let kind = next(10)
        let integer = next([10, 100, 1000, 10000][Int(next(4))])
        out += Array(String(integer).utf8)
        if kind == 0 { return }  // an integer
        let digits = Int(next(6)) + 1
        out.append(UInt8(ascii: "."))
        for _ in 0..<digits { out.append(UInt8(ascii: "0") + UInt8(next(10))) }
        if kind == 1 {  // scientific notation
            out += Array("e\(Int(next(40)) - 20)".utf8)
        }
    }

    /// Random doubles of magnitudes 1e-3...1e5 in their shortest round-trip form
    /// (`0.7316540207695641`, `-41234.56789012345`), about 18 bytes each.
    private static func appendRepr(_ out: inout [UInt8], _ next: (UInt64) -> UInt64) {
        let unit = Double(next(1 << 31) << 22 | next(1 << 22)) / 0x1p53
        let scale = [1e-3, 1e-1, 1, 10, 1e3, 1e5][Int(next(6))]
        let value = (next(2) == 0 ? -1 : 1) * unit * scale
        out += Array("\(value)".utf8)
    }
}
