import EmberCore

/// Learning-rate schedulers in a ``Checkpoint``: a section of metadata only, the scheduler's
/// ``LRScheduler/stateDict()`` entries (`last_epoch`, `_step_count`, `base_lrs`, ...), read in
/// the file as `scheduler.last_epoch`, ...
extension Checkpoint {
    /// Adds (or replaces) section `section` with `scheduler`'s progress.
    public mutating func addScheduler(_ scheduler: LRScheduler, as section: String = "scheduler") {
        self[section: section] = Section(metadata: scheduler.stateDict())
    }

    /// Adds (or replaces) section `section` with `scheduler`'s progress.
    public mutating func addScheduler(_ scheduler: ReduceLROnPlateau, as section: String = "scheduler") {
        self[section: section] = Section(metadata: scheduler.stateDict())
    }

    /// Restores `scheduler` from section `section`. Restore the optimizer first: the
    /// scheduler's rates are checked against its groups.
    ///
    /// - Throws: ``CheckpointError`` (`missingSection`), or `EmberError` (`invalidState`) for
    ///   a missing or unreadable entry.
    public func restoreScheduler(_ scheduler: LRScheduler, from section: String = "scheduler") throws {
        try scheduler.loadStateDict(self.section(section).metadata)
    }

    /// Restores `scheduler` from section `section`.
    ///
    /// - Throws: ``CheckpointError`` (`missingSection`), or `EmberError` (`invalidState`) for
    ///   a missing or unreadable entry.
    public func restoreScheduler(_ scheduler: ReduceLROnPlateau, from section: String = "scheduler") throws {
        try scheduler.loadStateDict(self.section(section).metadata)
    }
}
