import EmberCore
import Foundation
import Synchronization

/// One part of a parallel read: a byte range of the file, parsed by its own scanner and
/// parser when a worker takes it.
private final class _PartJob: @unchecked Sendable {
    let range: Range<Int>
    var parser: _TensorParser?
    var failed = false

    init(_ range: Range<Int>) { self.range = range }
}

/// The parts of a parallel read and the counter workers take them from.
private final class _PartQueue: Sendable {
    let jobs: [_PartJob]
    let next = Atomic<Int>(0)
    /// Set when a part fails: the others stop early (their work would be thrown away).
    let failed = Atomic<Bool>(false)
    let make: @Sendable (Range<Int>) throws -> _TensorParser

    init(jobs: [_PartJob], make: @escaping @Sendable (Range<Int>) throws -> _TensorParser) {
        self.jobs = jobs
        self.make = make
    }

    /// Parses parts until none is left.
    func work() {
        while !failed.load(ordering: .relaxed) {
            let i = next.add(1, ordering: .relaxed).oldValue
            guard i < jobs.count else { return }
            let job = jobs[i]
            do {
                let parser = try make(job.range)
                _ = try parser.readRows(max: .max)
                job.parser = parser
            } catch {
                job.failed = true
                failed.store(true, ordering: .relaxed)
            }
        }
    }
}

extension _TensorParser {
    /// Reads every row on two threads when that cannot change the result: the source is a
    /// file of at least twice `options.parallelThreshold` bytes past the scanner's position,
    /// nothing has been parsed yet, no column is label-encoded (class numbers follow file
    /// order) and malformed rows are errors.
    ///
    /// The file is cut after the first LF past each of up to 16 equally spaced offsets, and
    /// two workers (this thread and one more) take the parts in turn, so that a core busy
    /// with something else slows the read down rather than stalling it on one half. A part
    /// whose end falls inside a quoted field ends in an unterminated quote; that, or any
    /// other error, abandons the parallel read (nothing is kept) and returns false, and the
    /// caller reads sequentially, which reports the first error with its exact line.
    func readAllInParallel(_ source: CSVSource, options: CSVOptions) -> Bool {
        let reader = scanner.source
        let begin = scanner.offset
        let size = reader.size
        let threshold = max(options.parallelThreshold, 1)
        guard reader.isFile, encoders.isEmpty, !skipsBadRows, size - begin >= 2 * threshold,
              (0..<groupCount).allSatisfy({ groups[$0].rows == 0 })
        else { return false }
        let partCount = min(16, (size - begin) / threshold)
        var cuts = [begin]
        for k in 1..<partCount {
            if let cut = Self.lineStart(after: begin + (size - begin) * k / partCount, in: reader, size: size),
               cut > cuts.last!
            {
                cuts.append(cut)
            }
        }
        cuts.append(size)
        guard cuts.count > 2 else { return false }
        let plans = Array(UnsafeBufferPointer(start: self.plans, count: fieldCount))
        let layouts = (0..<groupCount).map { (groups[$0].dtype, groups[$0].width, groups[$0].squeezesSingleColumn) }
        let queue = _PartQueue(jobs: zip(cuts, cuts.dropFirst()).map { _PartJob($0..<$1) }) { range in
            let s = try _Scanner(source, options: options, range: range)
            let fresh = layouts.map { _OutputGroup(dtype: $0.0, width: $0.1, squeezesSingleColumn: $0.2, initialRows: 1 << 14) }
            return _TensorParser(scanner: s, plans: plans, groups: fresh, encoders: [], options: options)
        }
        let done = DispatchSemaphore(value: 0)
        Thread {
            queue.work()
            done.signal()
        }.start()
        queue.work()
        done.wait()
        guard !queue.failed.load(ordering: .relaxed) else { return false }
        parts = queue.jobs.map { $0.parser! }
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

    /// The rows of group `g` read so far (by the parts of a parallel read, if there was one).
    func rowCount(_ g: Int) -> Int {
        groups[g].rows + parts.reduce(0) { $0 + $1.groups[g].rows }
    }

    /// Group `g` as a tensor: its rows, or the parts' rows in order after a parallel read
    /// (copied once, straight into the tensor).
    func makeTensor(_ g: Int) -> Tensor {
        guard !parts.isEmpty else { return groups[g].makeTensor() }
        let layout = groups[g]
        let rows = rowCount(g)
        let t = Tensor(empty: layout.squeezesSingleColumn && layout.width == 1 ? [rows] : [rows, layout.width],
                       dtype: layout.dtype)
        var offset = 0
        for part in parts {
            let bytes = part.groups[g].rows * layout.rowBytes
            if bytes > 0 { (t.dataPointer + offset).copyMemory(from: part.groups[g].data, byteCount: bytes) }
            offset += bytes
        }
        return t
    }
}
