import Foundation
import Testing
@testable import EmberCore
import EmberTestSupport

/// A failed save never destroys the previous checkpoint nor leaves a temporary file.
@Suite struct CheckpointAtomicTests {
    struct Interrupted: Error {}

    /// A folder holding `last.safetensors` (the sample checkpoint) and its bytes.
    static func previous() throws -> (ScratchFolder, String, Data) {
        let folder = try ScratchFolder()
        let path = folder.file("last.safetensors")
        try CheckpointTests.sample().save(to: path)
        return (folder, path, try Data(contentsOf: URL(fileURLWithPath: path)))
    }

    @Test func aWriterFailingMidwayLeavesThePreviousFile() throws {
        let (folder, path, before) = try Self.previous()
        defer { folder.remove() }
        var next = CheckpointTests.sample()
        next.epoch = 8
        var chunks = 0
        #expect(throws: Interrupted.self) {
            try next.save(to: path) { out, chunk in
                chunks += 1
                guard chunks < 3 else { throw Interrupted() }  // the header and a tensor are written
                try out.write(chunk)
            }
        }
        #expect(chunks == 3)
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
        #expect(folder.contents == ["last.safetensors"], "the temporary file is removed")
        #expect(try Checkpoint(contentsOf: path).epoch == 7)
    }

    @Test func aRefusedOrUnwritableSaveLeavesThePreviousFile() throws {
        let (folder, path, before) = try Self.previous()
        defer { folder.remove() }
        var bad = CheckpointTests.sample()
        bad.metadata["epoch"] = "9"
        #expect(throws: CheckpointError.self) { try bad.save(to: path) }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)

        // The rename fails after all data is written: a folder stands at the destination.
        let blocked = folder.file("blocked.safetensors")
        try FileManager.default.createDirectory(atPath: blocked + "/inside", withIntermediateDirectories: true)
        do {
            try CheckpointTests.sample().save(to: blocked)
            Issue.record("saving over a folder succeeded")
        } catch let e as SafeTensorsError {
            #expect(e.code == .io && e.message.hasPrefix("cannot rename the temporary file onto"), "\(e)")
        }
        #expect(folder.contents == ["blocked.safetensors", "last.safetensors"])
        #expect(FileManager.default.fileExists(atPath: blocked + "/inside"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
    }
}

/// Records an issue unless `body` throws a ``CheckpointError`` with `code` whose description
/// is `message`.
func expectCheckpointError(
    _ code: CheckpointError.Code, _ message: String,
    sourceLocation: SourceLocation = #_sourceLocation, _ body: () throws -> Void
) {
    do {
        try body()
        Issue.record("expected \(code): \(message)", sourceLocation: sourceLocation)
    } catch let error as CheckpointError {
        #expect(error.code == code, "\(error)", sourceLocation: sourceLocation)
        #expect(error.description == message, sourceLocation: sourceLocation)
    } catch {
        Issue.record("unexpected error \(error)", sourceLocation: sourceLocation)
    }
}
