import Foundation

/// A one-line progress display on a terminal (`epoch 37/100  loss 2.1398  5210 epochs/s`),
/// redrawn at most every 0.1 s; silent when disabled or when stderr is not a terminal.
final class Progress {
    private let total: Int
    private let enabled: Bool
    private let started = Date()
    private var lastDrawn = Date.distantPast

    init(total: Int, enabled: Bool) {
        self.total = total
        self.enabled = enabled && isatty(STDERR_FILENO) != 0
    }

    /// Shows that `epoch` (0-based) ended with `loss`.
    func update(epoch: Int, loss: @autoclosure () -> Double) {
        guard enabled else { return }
        let now = Date()
        guard now.timeIntervalSince(lastDrawn) >= 0.1 || epoch + 1 == total else { return }
        lastDrawn = now
        let rate = Double(epoch + 1) / Swift.max(now.timeIntervalSince(started), 1e-9)
        let line = "epoch \(epoch + 1)/\(total)  loss \(format(loss(), decimals: 4))  \(Int(rate)) epochs/s"
        FileHandle.standardError.write(Data(("\r\u{1B}[K" + line).utf8))
    }

    /// Clears the line.
    func finish() {
        guard enabled else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }
}
