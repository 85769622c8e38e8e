import EmberCore

/// A sample type that the default collate knows how to batch (PyTorch's `default_collate`).
///
/// - ``Tensor``: stacked along a new first dimension (`torch.stack`), promoting dtypes;
/// - `Int`, `Int64`, `Int32`, `Float`, `Double`, `Bool`: a 1-d tensor (int64, int64, int32,
///   float32, float64, bool), as PyTorch turns Python numbers into a tensor;
/// - `String`: the array of strings;
/// - `[Element]`: collated position by position (all samples must have the same length);
/// - `[String: Value]`: collated key by key, for the keys of the first sample.
///
/// Tuples of collatable values, such as `(Tensor, Tensor)`, are collated element by element
/// by `defaultCollate` and by the ``DataLoader`` (Swift tuples cannot conform to protocols);
/// a tuple nested inside another value needs a custom collate function.
public protocol Collatable: Sendable {
    /// The type of a batch of such samples.
    associatedtype Batch: Sendable

    /// Combines samples into one batch.
    /// - Throws: `EmberError` when the samples do not fit together (different shapes, missing
    ///   keys, different lengths).
    static func collate(_ samples: [Self]) throws -> Batch
}

extension Tensor: Collatable {
    /// The samples stacked along a new first dimension.
    public static func collate(_ samples: [Tensor]) throws -> Tensor { try stackSamples(samples) }
}

extension Int: Collatable {
    /// An int64 tensor of the values.
    public static func collate(_ samples: [Int]) throws -> Tensor {
        Tensor(samples.map { Int64($0) }, shape: [samples.count])
    }
}

extension Int64: Collatable {
    /// An int64 tensor of the values.
    public static func collate(_ samples: [Int64]) throws -> Tensor { Tensor(samples, shape: [samples.count]) }
}

extension Int32: Collatable {
    /// An int32 tensor of the values.
    public static func collate(_ samples: [Int32]) throws -> Tensor { Tensor(samples, shape: [samples.count]) }
}

extension Float: Collatable {
    /// A float32 tensor of the values.
    public static func collate(_ samples: [Float]) throws -> Tensor { Tensor(samples, shape: [samples.count]) }
}

extension Double: Collatable {
    /// A float64 tensor of the values (PyTorch's dtype for Python floats).
    public static func collate(_ samples: [Double]) throws -> Tensor { Tensor(samples, shape: [samples.count]) }
}

extension Bool: Collatable {
    /// A bool tensor of the values.
    public static func collate(_ samples: [Bool]) throws -> Tensor { Tensor(samples, shape: [samples.count]) }
}

extension String: Collatable {
    /// The strings themselves.
    public static func collate(_ samples: [String]) throws -> [String] { samples }
}

extension Array: Collatable where Element: Collatable {
    /// One batch per position: element `j` of the result collates element `j` of every sample.
    /// - Throws: `EmberError.shapeMismatch` when the samples' lengths differ.
    public static func collate(_ samples: [[Element]]) throws -> [Element.Batch] {
        guard let length = samples.first?.count else { return [] }
        guard samples.allSatisfy({ $0.count == length }) else {
            throw EmberError(.shapeMismatch, op: "default_collate", "each element in list of batch should be of equal size")
        }
        return try (0..<length).map { j in try Element.collate(samples.map { $0[j] }) }
    }
}

extension Dictionary: Collatable where Key == String, Value: Collatable {
    /// One batch per key of the first sample, collating that key's value in every sample.
    /// - Throws: `EmberError.invalidArgument` when a sample lacks one of those keys.
    public static func collate(_ samples: [[Key: Value]]) throws -> [Key: Value.Batch] {
        guard let first = samples.first else { return [:] }
        var batch: [Key: Value.Batch] = [:]
        for key in first.keys {
            let values = try samples.enumerated().map { i, sample in
                guard let value = sample[key] else {
                    throw EmberError(.invalidArgument, op: "default_collate", "sample \(i) of the batch has no key \(key)")
                }
                return value
            }
            batch[key] = try Value.collate(values)
        }
        return batch
    }
}
