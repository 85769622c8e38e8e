import Foundation

/// One half of a two-thread read: a parser over a byte range of the file.
private final class _PartJob: @unchecked Sendable {
    let parser: _TensorParser
    var failed = false

    init(_ parser: _TensorParser) { self.parser = parser }

    func run() {
        do { _ = try parser.readRows(max: .max) } catch { failed = true }
    }
}

extension _TensorParser {
    /// Reads every row on two threads when that cannot change the result: the source is a
    /// file of at least twice `options.parallelThreshold` bytes past the scanner's position, nothing
    /// has been parsed yet, no column is label-encoded (class numbers follow file order) and
    /// malformed rows are errors. The file is split after the first LF past its middle; each
    /// part is parsed by its own scanner. If the split fell inside a quoted field, the first
    /// part ends in an unterminated quote; that, or any other error, abandons the parallel
    /// read (nothing is kept) and returns false, and the caller reads sequentially, which
    /// reports the first error with its exact line.
    func readAllInParallel(_ source: CSVSource, options: CSVOptions) -> Bool {
        let reader = scanner.source
        let begin = scanner.offset
        let size = reader.size
        guard reader.isFile, encoders.isEmpty, !skipsBadRows, size - begin >= 2 * options.parallelThreshold,
              (0..<groupCount).allSatisfy({ groups[$0].rows == 0 }),
              let split = Self.lineStart(after: begin + (size - begin) / 2, in: reader, size: size)
        else { return false }
        let planList = Array(UnsafeBufferPointer(start: plans, count: fieldCount))
        let layouts = (0..<groupCount).map { groups[$0] }
        func part(_ range: Range<Int>) throws -> _PartJob {
            let s = try _Scanner(source, options: options, range: range)
            let fresh = layouts.map {
                _OutputGroup(dtype: $0.dtype, width: $0.width, squeezesSingleColumn: $0.squeezesSingleColumn,
                             initialRows: 1 << 16)
            }
            return _PartJob(_TensorParser(scanner: s, plans: planList, groups: fresh, encoders: [], options: options))
        }
        guard let first = try? part(begin..<split), let second = try? part(split..<size) else { return false }
        let done = DispatchSemaphore(value: 0)
        Thread {
            second.run()
            done.signal()
        }.start()
        first.run()
        done.wait()
        guard !first.failed, !second.failed else { return false }
        for g in 0..<groupCount {
            groups[g].append(first.parser.groups[g])
            groups[g].append(second.parser.groups[g])
        }
        scanner.finish()
        threadsUsed = 2
        return true
    }

    /// The offset after the first LF at or after `offset`, or nil when there is none before
    /// the last quarter of the file (lines that long are not worth splitting).
    private static func lineStart(after offset: Int, in reader: _SourceReader, size: Int) -> Int? {
        var position = offset
        var window = [UInt8](repeating: 0, count: 1 << 16)
        while position < offset + (size - offset) / 2 {
            let n = window.withUnsafeMutableBytes { reader.read(at: position, into: $0.baseAddress!, count: $0.count) }
            guard n > 0 else { return nil }
            if let i = window[..<n].firstIndex(of: 0x0A) { return position + i + 1 }
            position += n
        }
        return nil
    }

    /// Reads every remaining row: on two threads when ``readAllInParallel(_:options:)``
    /// applies, else in order.
    func readAll(_ source: CSVSource, options: CSVOptions) throws {
        if readAllInParallel(source, options: options) { return }
        _ = try readRows(max: .max)
    }
}
