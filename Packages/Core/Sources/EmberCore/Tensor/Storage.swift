#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A reference-counted, 64-byte aligned buffer that one or more tensors view.
///
/// Every in-place write through a tensor bumps ``version``; autograd compares it with the
/// version it saved to detect a saved tensor that was modified.
public final class Storage: @unchecked Sendable {
    /// The first byte of the buffer.
    public let data: UnsafeMutableRawPointer
    /// The buffer's size in bytes.
    public let byteCount: Int
    /// The device the buffer lives on.
    public let device: Device
    /// Bumped by every in-place write (PyTorch's version counter, `tensor._version`).
    @inlinable public var version: Int { _version }
    @usableFromInline @exclusivity(unchecked) var _version: Int = 0
    private let deallocator: (@Sendable (UnsafeMutableRawPointer) -> Void)?

    /// Allocates an uninitialised CPU buffer of `byteCount` bytes (from ``HostAllocator``).
    public init(byteCount: Int) {
        self.data = HostAllocator.allocate(byteCount: byteCount)
        self.byteCount = byteCount
        self.device = .cpu
        self.deallocator = nil
    }

    /// Wraps memory owned elsewhere (a device buffer, a memory-mapped file); `deallocator`
    /// runs when the last tensor using it goes away.
    public init(
        wrapping data: UnsafeMutableRawPointer, byteCount: Int, device: Device,
        deallocator: @escaping @Sendable (UnsafeMutableRawPointer) -> Void
    ) {
        self.data = data
        self.byteCount = byteCount
        self.device = device
        self.deallocator = deallocator
    }

    deinit {
        if let deallocator { deallocator(data) } else { HostAllocator.deallocate(data, byteCount: byteCount) }
    }

    /// Records an in-place write.
    @inlinable public func bumpVersion() { _bump() }
    @usableFromInline func _bump() { _version &+= 1 }
}
