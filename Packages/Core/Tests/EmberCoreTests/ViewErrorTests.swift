import Testing
@testable import EmberCore
import EmberTestSupport

/// Errors of the view operators, copy_ and subscripts: the message must be PyTorch's
/// (recorded in views.json by make_view_fixtures.py), or for the few that name PyTorch
/// types, the Ember wording asserted here.
@Suite struct ViewErrorTests {
    /// Calls operator `name` with `args`, discarding the results.
    static func call(_ name: String, _ args: IValue...) throws {
        _ = try Dispatcher.shared.call(name, args)
    }

    /// Fixture name → the same failing call through the dispatcher (float64 bases).
    static let cases: [String: @Sendable (Bases) throws -> Void] = [
        "view_incompatible": { try call("view", .tensor($0.AT), .ints([-1])) },
        "view_invalid_size": { try call("view", .tensor($0.A), .ints([5, 5])) },
        "view_two_inferred": { try call("view", .tensor($0.A), .ints([-1, -1])) },
        "view_negative": { try call("view", .tensor($0.A), .ints([-2, 12])) },
        "view_ambiguous": { try call("view", .tensor($0.E), .ints([-1, 0])) },
        "reshape_invalid": { try call("reshape", .tensor($0.A), .ints([7, -1])) },
        "permute_duplicate": { try call("permute", .tensor($0.A), .ints([0, 0, 1])) },
        "transpose_dim": { try call("transpose", .tensor($0.A), .int(0), .int(3)) },
        "t_3d": { try call("t", .tensor($0.A)) },
        "expand_mismatch": { try call("expand", .tensor($0.A), .ints([3, 3, 4])) },
        "expand_leading_infer": { try call("expand", .tensor($0.M), .ints([-1, 3, 4])) },
        "select_range": { try call("select", .tensor($0.A), .int(1), .int(3)) },
        "select_0d": { try call("select", .tensor($0.Z), .int(0), .int(0)) },
        "slice_step": { try call("slice", .tensor($0.A), .int(0), .int(0), .int(2), .int(0)) },
        "slice_0d": { try call("slice", .tensor($0.Z), .int(0), .int(0), .int(1), .int(1)) },
        "narrow_exceeds": { try call("narrow", .tensor($0.A), .int(2), .int(3), .int(2)) },
        "narrow_start": { try call("narrow", .tensor($0.A), .int(2), .int(-5), .int(1)) },
        "narrow_length": { try call("narrow", .tensor($0.A), .int(0), .int(0), .int(-1)) },
        "narrow_0d": { try call("narrow", .tensor($0.Z), .int(0), .int(0), .int(1)) },
        "diagonal_same": { try call("diagonal", .tensor($0.M), .int(0), .int(1), .int(-1)) },
        "diagonal_dim": { try call("diagonal", .tensor($0.M), .int(0), .int(0), .int(2)) },
        "diagonal_0d": { try call("diagonal", .tensor($0.Z), .int(0), .int(0), .int(1)) },
        "squeeze_duplicate": { try call("squeeze", .tensor($0.A), .ints([1, -2])) },
        "unsqueeze_dim": { try call("unsqueeze", .tensor($0.A), .int(4)) },
        "flatten_order": { try call("flatten", .tensor($0.A), .int(2), .int(1)) },
        "unflatten_product": { try call("unflatten", .tensor($0.A), .int(1), .ints([2, 2])) },
        "unflatten_empty": { try call("unflatten", .tensor($0.A), .int(1), .ints([])) },
        "split_zero": { try call("split", .tensor($0.A), .int(0), .int(0)) },
        "split_negative": { try call("split", .tensor($0.A), .int(-1), .int(0)) },
        "split_0d": { try call("split", .tensor($0.Z), .int(1), .int(0)) },
        "split_sizes_sum": { try call("split_with_sizes", .tensor($0.A), .ints([1, 1]), .int(1)) },
        "split_sizes_negative": { try call("split_with_sizes", .tensor($0.A), .ints([4, -1]), .int(1)) },
        "chunk_zero": { try call("chunk", .tensor($0.A), .int(0), .int(0)) },
        "chunk_0d": { try call("chunk", .tensor($0.Z), .int(1), .int(0)) },
        "unbind_0d": { try call("unbind", .tensor($0.Z), .int(0)) },
        "movedim_lengths": { try call("movedim", .tensor($0.A), .ints([0, 1]), .ints([0])) },
        "movedim_source": { try call("movedim", .tensor($0.A), .ints([0, 0]), .ints([1, 2])) },
        "movedim_destination": { try call("movedim", .tensor($0.A), .ints([0, 1]), .ints([2, -1])) },
        "as_strided_bounds": { try call("as_strided", .tensor($0.M), .ints([3, 3]), .ints([4, 2]), .int(1)) },
        "as_strided_negative": { try call("as_strided", .tensor($0.M), .ints([2, 2]), .ints([-1, 1]), .none) },
        "as_strided_lengths": { try call("as_strided", .tensor($0.M), .ints([2, 2]), .ints([1]), .none) },
        "as_strided_offset": { try call("as_strided", .tensor($0.M), .ints([2, 2]), .ints([1, 1]), .int(-1)) },
        "copy_internal_overlap": { try call("copy_", .tensor($0.O.expand(3, 4)), .tensor($0.M), .bool(false)) },
        "copy_partial_overlap": {
            try call("copy_", .tensor($0.V.slice(start: 1)), .tensor($0.V.slice(end: -1)), .bool(false))
        },
        "copy_transposed_overlap": { try call("copy_", .tensor($0.Q3), .tensor($0.Q3.t()), .bool(false)) },
        "copy_shape": { try call("copy_", .tensor($0.M.clone()), .tensor($0.M.view(1, 3, 4)), .bool(false)) },
        "index_out_of_bounds": { _ = try $0.M.getItem([5]) },
        "index_out_of_bounds_dim1": { _ = try $0.M.getItem([0, -5]) },
        "index_after_newaxis": { _ = try $0.M.getItem([.newAxis, 7]) },
        "index_after_ellipsis": { _ = try $0.A.getItem([.ellipsis, 4]) },
        "index_too_many": { _ = try $0.M.getItem([0, 0, 0]) },
        "index_0d": { _ = try $0.Z.getItem([0]) },
        "index_0d_slice": { _ = try $0.Z.getItem([.range(0, 1)]) },
        "index_step_zero": { _ = try $0.M.getItem([.range(step: 0)]) },
        "index_step_negative": { _ = try $0.M.getItem([.range(step: -1)]) },
    ]

    @Test func messagesMatchPyTorch() throws {
        let fixture = try ViewFixture()
        let bases = try fixture.bases(.float64)
        for (name, body) in ViewErrorTests.cases {
            let expected = try fixture.message(name)
            #expect(emberErrorMessage { try body(bases) } == expected, "\(name)")
        }
    }

    @Test func errorsNameTheOperatorAndCode() throws {
        let a = Tensor((0..<6).map(Double.init), shape: [2, 3])
        #expect(throws: EmberError.self) { try Dispatcher.shared.call("view", [.tensor(a), .ints([4])]) }
        do {
            _ = try Dispatcher.shared.call("transpose", [.tensor(a), .int(0), .int(2)])
            Issue.record("transpose with dim 2 of a matrix did not throw")
        } catch let error as EmberError {
            #expect(error.code == .invalidDimension)
            #expect(error.op == "transpose")
            #expect(error.description.hasPrefix("transpose: Dimension out of range"))
        }
        do {
            _ = try a.getItem([3])
            Issue.record("index 3 of a [2, 3] tensor did not throw")
        } catch let error as EmberError {
            #expect(error.code == .indexOutOfRange)
        }
    }

    /// Where PyTorch's message names its own types or a sparse layout, Ember words it itself.
    @Test func emberWordedMessages() {
        let a = Tensor((0..<24).map(Double.init), shape: [2, 3, 4])
        #expect(emberErrorMessage { try ViewErrorTests.call("permute", .tensor(a), .ints([1, 0])) }
            == "permute(): number of dimensions in the tensor input does not match the length of the desired ordering of dimensions i.e. input.dim() = 3 is not equal to len(dims) = 2")
        #expect(emberErrorMessage { try ViewErrorTests.call("expand", .tensor(a), .ints([4])) }
            == "expand([2, 3, 4] (float64), size=[4]): the number of sizes provided (1) must be greater or equal to the number of dimensions in the tensor (3)")
        let copyMessage = emberErrorMessage {
            try ViewErrorTests.call("copy_", .tensor(a), .tensor(a.select(dim: 2, index: 0).select(dim: 0, index: 0)), .bool(false))
        }
        #expect(copyMessage?.hasPrefix("The size of tensor a (4) must match the size of tensor b (3) at non-singleton dimension 2") == true,
                "\(copyMessage ?? "no error")")
        #expect(emberErrorMessage { try ViewErrorTests.call("unflatten", .tensor(a), .int(1), .ints([-1, -1])) }
            == "only one dimension can be inferred")
        #expect(emberErrorMessage { try ViewErrorTests.call("unflatten", .tensor(Tensor(scalar: 1.0)), .int(0), .ints([1])) }
            == "Dimension specified as 0 but tensor has no dimensions")
        // PyTorch lets later ellipses expand to nothing; Ember refuses them, as NumPy does.
        #expect(emberErrorMessage { _ = try a.getItem([.ellipsis, 0, .ellipsis]) }
            == "an index can only have a single ellipsis ('...')")
    }
}
