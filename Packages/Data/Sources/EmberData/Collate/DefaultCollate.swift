import EmberCore

/// Batches samples with their ``Collatable`` rule (PyTorch's `default_collate`).
public func defaultCollate<S: Collatable>(_ samples: [S]) throws -> S.Batch {
    try S.collate(samples)
}

/// Batches tuple samples element by element: `[(x0, y0), (x1, y1)]` becomes
/// `(collate([x0, x1]), collate([y0, y1]))` (PyTorch's `default_collate` on tuples).
public func defaultCollate<T0: Collatable, T1: Collatable, each T: Collatable>(
    _ samples: [(T0, T1, repeat each T)]
) throws -> (T0.Batch, T1.Batch, repeat (each T).Batch) {
    try collateColumns(samples)
}

/// Collates each position of the tuples separately.
private func collateColumns<each T: Collatable>(_ samples: [(repeat each T)]) throws -> (repeat (each T).Batch) {
    let columns = (repeat Column<each T>(capacity: samples.count))
    for sample in samples {
        repeat (each columns).values.append(each sample)
    }
    return (repeat try (each T).collate((each columns).values))
}

/// One growing column of a batch of tuples (a reference, so a pack expansion can append).
private final class Column<Value> {
    var values: [Value] = []
    init(capacity: Int) { values.reserveCapacity(capacity) }
}
