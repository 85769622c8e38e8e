import ArgumentParser
import EmberCore
import Foundation
import Testing
@testable import EmberCLIKit

/// `Tests/EmberCLITests/Fixtures/<name>` (files written by NumPy; see
/// Packages/Core/Scripts/make_npy_fixtures.py).
func fixture(_ name: String) -> String { Bundle.module.resourcePath! + "/Fixtures/" + name }

/// Parses a command line as `ember` would and returns the subcommand of type `C`.
func parse<C: ParsableCommand>(_ arguments: [String], as type: C.Type) throws -> C {
    let command = try Ember.parseAsRoot(arguments)
    guard let typed = command as? C else {
        throw EmberError(.invalidArgument, "parsed \(Swift.type(of: command)), expected \(C.self)")
    }
    return typed
}

/// What `ember` prints for `error` on standard error (before exiting with status 1).
func errorText(_ error: any Error) -> String { Ember.fullMessage(for: error) }

/// A scratch folder, removed by `remove()`.
struct Scratch {
    let path = NSTemporaryDirectory() + "ember-cli-\(UUID().uuidString)"
    init() throws { try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true) }
    func file(_ name: String) -> String { path + "/" + name }
    /// The names in the folder, sorted.
    var contents: [String] { (try? FileManager.default.contentsOfDirectory(atPath: path).sorted()) ?? [] }
    func remove() { try? FileManager.default.removeItem(atPath: path) }
}
