import Foundation

/// Measures training time without what is not training (drawing frames): a stopwatch that
/// can be paused.
final class TrainingClock {
    private var total: TimeInterval = 0
    private var startedAt: Date?

    /// Starts (or resumes) timing.
    func resume() {
        if startedAt == nil { startedAt = Date() }
    }

    /// Pauses timing, adding the time since the last resume.
    func pause() {
        if let start = startedAt { total += Date().timeIntervalSince(start) }
        startedAt = nil
    }

    /// Runs `body` with the clock paused.
    func excluding<R>(_ body: () throws -> R) rethrows -> R {
        pause()
        defer { resume() }
        return try body()
    }

    /// The time measured so far, in milliseconds.
    var milliseconds: Double {
        (total + (startedAt.map { Date().timeIntervalSince($0) } ?? 0)) * 1000
    }
}
