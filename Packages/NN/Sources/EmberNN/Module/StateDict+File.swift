#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import EmberCore

/// State dicts as safetensors files, the format of Python's
/// `safetensors.torch.save_file(model.state_dict(), path)` and `load_file(path)`.
extension StateDict {
    /// The entries of `tensors`, in their order.
    public init(_ tensors: NamedTensors) {
        self.init(tensors.map { ($0.name, $0.tensor) })
    }

    /// The entries as named tensors, in order.
    public var namedTensors: NamedTensors {
        var result = NamedTensors()
        for (name, tensor) in self { result[name] = tensor }
        return result
    }

    /// Reads the safetensors file at `url` (a file URL): every tensor, in file order, with the
    /// dtype it was saved in.
    ///
    /// - Throws: ``SafeTensorsError`` for a file that cannot be read or is damaged.
    public init(contentsOf url: URL) throws {
        self.init(try SafeTensors.load(contentsOf: url).tensors)
    }

    /// Reads the safetensors file at `path`; see ``init(contentsOf:)-(URL)``.
    public init(contentsOf path: String) throws {
        self.init(try SafeTensors.load(path).tensors)
    }

    /// Writes the entries and `metadata` to `url` (a file URL) as safetensors, replacing any
    /// file there atomically; each tensor keeps its dtype.
    ///
    /// - Throws: ``SafeTensorsError`` when the file cannot be written; a previous file is
    ///   then intact.
    public func save(to url: URL, metadata: [String: String]? = nil) throws {
        try SafeTensors.save(namedTensors, metadata: metadata, to: url)
    }

    /// Writes the entries and `metadata` to `path`; see ``save(to:metadata:)-(URL,_)``.
    public func save(to path: String, metadata: [String: String]? = nil) throws {
        try SafeTensors.save(namedTensors, metadata: metadata, to: path)
    }
}

/// Saving a module's state dict to a safetensors file and loading one back.
extension Module {
    /// Writes ``stateDict(prefix:)`` to `url` (a file URL) as safetensors, atomically: what
    /// Python's `safetensors.torch.save_file(model.state_dict(), path, metadata)` writes.
    ///
    /// - Throws: ``SafeTensorsError`` when the file cannot be written; a previous file is
    ///   then intact.
    public func save(to url: URL, metadata: [String: String]? = nil) throws {
        try stateDict().save(to: url, metadata: metadata)
    }

    /// Writes ``stateDict(prefix:)`` to `path`; see ``save(to:metadata:)-(URL,_)``.
    public func save(to path: String, metadata: [String: String]? = nil) throws {
        try stateDict().save(to: path, metadata: metadata)
    }

    /// Loads the state dict in the safetensors file at `url` (a file URL) into this module, as
    /// ``loadStateDict(_:strict:)`` does: dtypes are converted to the module's, shapes must
    /// match, and with `strict` missing or unexpected keys are errors.
    ///
    /// - Throws: ``SafeTensorsError`` for an unreadable or damaged file, ``StateDictError``
    ///   for a state dict that does not fit (nothing is copied then).
    @discardableResult
    public func load(from url: URL, strict: Bool = true) throws -> IncompatibleKeys {
        try loadStateDict(StateDict(contentsOf: url), strict: strict)
    }

    /// Loads the state dict in the safetensors file at `path`; see ``load(from:strict:)-(URL,_)``.
    @discardableResult
    public func load(from path: String, strict: Bool = true) throws -> IncompatibleKeys {
        try loadStateDict(StateDict(contentsOf: path), strict: strict)
    }
}
