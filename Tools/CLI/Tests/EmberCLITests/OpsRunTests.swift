import EmberCore
import Foundation
import Testing
@testable import EmberCLIKit

@Suite struct OpsRunTests {
    @Test func addWithAlpha() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        try NumPy.save(Tensor([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]]), to: scratch.file("a.npy"))
        try NumPy.save(Tensor([10.0, 20.0, 30.0]), to: scratch.file("b.npy"))
        let out = scratch.file("out.npy")
        let command = try parse(["ops", "run", "add", scratch.file("a.npy"), scratch.file("b.npy"), "-o", out, "--arg", "alpha=2"],
                                as: OpsRun.self)
        #expect(try command.execute() == "\(out): float32 [2, 3]")
        let result = try NumPy.load(out)
        #expect(result.shape == [2, 3])
        #expect(result.scalars(as: Float.self) == [21, 42, 63, 24, 45, 66])
    }

    @Test func subWithMismatchedShapesReportsTheKernelsMessage() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        try NumPy.save(Tensor([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]]), to: scratch.file("a.npy"))
        try NumPy.save(Tensor([1.0, 2.0]), to: scratch.file("b.npy"))
        let command = try parse(["ops", "run", "sub", scratch.file("a.npy"), scratch.file("b.npy"), "-o", scratch.file("o.npy")],
                                as: OpsRun.self)
        #expect { try command.execute() } throws: { error in
            errorText(error) == "Error: sub: The size of tensor a (3) must match the size of tensor b (2) at non-singleton dimension 1; shapes [2, 3] and [2]"
                && Ember.exitCode(for: error) == .failure
        }
        #expect(!FileManager.default.fileExists(atPath: scratch.file("o.npy")))
    }

    @Test func jsonLiteralsAgainstTheSchemasTypes() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let input = fixture("vector_f32.npy")
        let out = scratch.file("d.npy")
        _ = try parse(["ops", "run", "_to_copy", input, "--arg", "dtype=\"float64\"", "-o", out], as: OpsRun.self).execute()
        #expect(try NumPy.load(out).dtype == .float64)
        _ = try parse(["ops", "run", "_to_copy", input, "--arg", "dtype=null", "-o", out], as: OpsRun.self).execute()
        #expect(try NumPy.load(out).dtype == .float32)
        _ = try parse(["ops", "run", "sub", input, input, "--arg", "alpha=0.5", "-o", out], as: OpsRun.self).execute()
        #expect(try NumPy.load(out).scalars(as: Float.self) == [0.5, 1, 1.5, 2, 2.5])
        _ = try parse(["ops", "run", "add", input, input, "--arg", "alpha=2", "-o", out], as: OpsRun.self).execute()
        #expect(try NumPy.load(out).scalars(as: Float.self) == [3, 6, 9, 12, 15])
        let boolAlpha = try parse(["ops", "run", "add", input, input, "--arg", "alpha=true", "-o", out], as: OpsRun.self)
        #expect { try boolAlpha.execute() } throws: { error in
            errorText(error) == "Error: add: Boolean alpha only supported for Boolean results."
        }
    }

    @Test(arguments: [
        (["ops", "run", "nope", "a.npy", "-o", "o.npy"], "Error: nope: unknown operator; see `ember ops list`"),
        (["ops", "run", "add", "IN", "IN", "-o", "o.npy", "-o", "p.npy"],
         "Error: add: returns 1 tensor; give one -o per tensor result (got 2)"),
        (["ops", "run", "add", "IN", "IN"], "Error: add: returns 1 tensor; give one -o per tensor result (got 0)"),
        (["ops", "run", "add", "IN", "-o", "o.npy"],
         "Error: add: missing an input file for argument 'other' (Tensor); schema: add(Tensor self, Tensor other, *, Scalar alpha=1) -> Tensor"),
        (["ops", "run", "add", "IN", "IN", "IN", "-o", "o.npy"],
         "Error: add: takes 2 tensor inputs, but 3 files were given; schema: add(Tensor self, Tensor other, *, Scalar alpha=1) -> Tensor"),
        (["ops", "run", "add", "IN", "IN", "--arg", "alpha=x", "-o", "o.npy"], "Error: add: argument 'alpha': cannot read 'x' as Scalar"),
        (["ops", "run", "add", "IN", "IN", "--arg", "beta=1", "-o", "o.npy"],
         "Error: add: got an unexpected keyword argument 'beta'; schema: add(Tensor self, Tensor other, *, Scalar alpha=1) -> Tensor"),
        (["ops", "run", "add", "IN", "IN", "--arg", "alpha", "-o", "o.npy"], "Error: add: --arg expects NAME=VALUE, got 'alpha'"),
        (["ops", "run", "add", "IN", "IN", "-o", "o.pt"], "Error: o.pt: outputs are written as .npy files; name them *.npy"),
        (["ops", "run", "add", "IN", "/nonexistent/b.npy", "-o", "o.npy"], "Error: /nonexistent/b.npy: cannot open: No such file or directory"),
        (["ops", "run", "add", "IN", "STORED", "-o", "o.npy"],
         "Error: STORED: holds 3 arrays (weight, bias, step); an input must hold one"),
    ])
    func errorsAreReportedNotCrashes(arguments: [String], message: String) throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let input = fixture("vector_f32.npy"), stored = fixture("stored.npz")
        let resolved = arguments.map { a -> String in
            switch a {
            case "IN": return input
            case "STORED": return stored
            case "o.npy", "p.npy", "o.pt": return scratch.file(a)
            default: return a
            }
        }
        let expected = message.replacingOccurrences(of: "STORED", with: stored)
            .replacingOccurrences(of: "Error: o.pt", with: "Error: \(scratch.file("o.pt"))")
        #expect { try parse(resolved, as: OpsRun.self).execute() } throws: { error in
            errorText(error) == expected && Ember.exitCode(for: error) == .failure
        }
    }

    @Test func tensorListTakesAllRemainingInputs() throws {
        let d = Dispatcher()
        let op = try d.define("demo::count(Tensor[] tensors, Tensor? weight=None) -> Tensor", package: "Demo")
        d.register(op, anyDType: { args in
            let n = try args.tensors(0).count
            return [.tensor(Tensor([Int64(n), try args.optionalTensor(1) == nil ? 0 : 1], shape: [2]))]
        }, package: "Demo")
        let scratch = try Scratch()
        defer { scratch.remove() }
        let input = fixture("vector_f32.npy"), out = scratch.file("n.npy")
        _ = try parse(["ops", "run", "demo::count", input, input, input, "-o", out], as: OpsRun.self).execute(dispatcher: d)
        #expect(try NumPy.load(out).scalars(as: Int64.self) == [3, 0])
        _ = try parse(["ops", "run", "demo::count", input, "--arg", "weight=null", "-o", out], as: OpsRun.self).execute(dispatcher: d)
        #expect(try NumPy.load(out).scalars(as: Int64.self) == [1, 0])
    }
}
