import Testing
@testable import EmberCore

@Suite struct HostAllocatorTests {
    @Test func largeBlocksAreReusedAlreadyAllocated() {
        // An odd size class that no other test uses, so parallel tests cannot take the block.
        let size = 7 * 1024 * 1024 + 12345
        let first = HostAllocator.allocate(byteCount: size)
        first.storeBytes(of: 42, as: Int.self)
        HostAllocator.deallocate(first, byteCount: size)
        let second = HostAllocator.allocate(byteCount: size + 100)  // same 1 MB size class
        #expect(second == first)
        HostAllocator.deallocate(second, byteCount: size + 100)
    }

    @Test func sizeClassesRoundUp() {
        #expect(HostAllocator.sizeClass(256 * 1024) == 256 * 1024)
        #expect(HostAllocator.sizeClass(256 * 1024 + 1) == 320 * 1024)
        #expect(HostAllocator.sizeClass(5 * 1024 * 1024 + 1) == 6 * 1024 * 1024)
    }

    @Test func blocksAreAlignedAndStorageUsesThem() {
        for size in [100, 300_000, 5_000_000] {
            let s = Storage(byteCount: size)
            #expect(Int(bitPattern: s.data) % 64 == 0)
        }
        // Blocks up to a cache line come from malloc: aligned for any element type.
        for size in [1, 16, HostAllocator.smallBlockMaximum] {
            let s = Storage(byteCount: size)
            #expect(Int(bitPattern: s.data) % 16 == 0)
        }
    }
}
