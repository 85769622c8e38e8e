import Testing
@testable import EmberCore

/// Reductions throw PyTorch's messages (verbatim) for bad dims, unsupported dtypes and
/// reductions without identity over no elements.
@Suite struct ReductionErrorTests {
    /// The message of the error `op` throws for `args`, or nil when it succeeds.
    func message(_ op: String, _ args: [IValue]) -> String? {
        do {
            let handle = try Dispatcher.shared.lookup(op)
            _ = try Dispatcher.shared.call(handle, Dispatcher.shared.definition(handle).schema.bind(positional: args))
            return nil
        } catch let error as EmberError {
            return error.message
        } catch {
            return "\(error)"
        }
    }

    let x = Tensor([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]])
    let empty = Tensor([Float](), shape: [0, 3])

    @Test func dimOutOfRange() {
        let expected = "Dimension out of range (expected to be in range of [-2, 1], but got 3)"
        for op in ["sum", "mean", "amax", "var", "norm", "logsumexp", "all", "count_nonzero"] {
            let dimIndex = op == "norm" ? 2 : 1
            var args: [IValue] = [.tensor(x), op == "norm" ? .scalar(2) : .ints([3])]
            if dimIndex == 2 { args.append(.ints([3])) }
            #expect(message(op, args) == expected, "\(op)")
        }
        for op in ["prod", "max.dim", "argmax", "cumsum", "softmax", "log_softmax", "cumprod", "min.dim"] {
            #expect(message(op, [.tensor(x), .int(-3)]) == "Dimension out of range (expected to be in range of [-2, 1], but got -3)", "\(op)")
        }
        #expect(message("sum", [.tensor(Tensor(scalar: Float(2))), .ints([1])])
                == "Dimension out of range (expected to be in range of [-1, 0], but got 1)")
    }

    @Test func repeatedDims() {
        #expect(message("sum", [.tensor(x), .ints([0, -2])]) == "dim 0 appears multiple times in the list of dims")
        #expect(message("amax", [.tensor(x), .ints([1, 1])]) == "dim 1 appears multiple times in the list of dims")
    }

    @Test func floatingOnlyOperators() {
        let long = Tensor([1, 2, 3])
        #expect(message("mean", [.tensor(long)])
                == "mean(): could not infer output dtype. Input dtype must be either a floating point or complex dtype. Got: Long")
        #expect(message("mean", [.tensor(Tensor([true, false]))])
                == "mean(): could not infer output dtype. Input dtype must be either a floating point or complex dtype. Got: Bool")
        #expect(message("mean", [.tensor(x), .none, .bool(false), .dtype(.int32)])
                == "mean(): could not infer output dtype. Optional dtype must be either a floating point or complex dtype. Got: Int")
        #expect(message("mean", [.tensor(long), .none, .bool(false), .dtype(.float64)]) == nil)
        #expect(message("var", [.tensor(long)]) == "std and var only support floating point and complex dtypes")
        #expect(message("std", [.tensor(long)]) == "std and var only support floating point and complex dtypes")
        #expect(message("norm", [.tensor(long)]) == "linalg.vector_norm: Expected a floating point or complex tensor as input. Got Long")
        #expect(message("softmax", [.tensor(long), .int(0)]) == "\"softmax_lastdim_kernel_impl\" not implemented for 'Long'")
        #expect(message("log_softmax", [.tensor(Tensor([[1, 2]])), .int(0)]) == "\"log_softmax_kernel_impl\" not implemented for 'Long'")
        #expect(message("softmax", [.tensor(long), .int(0), .dtype(.float64)]) == nil)
        #expect(message("argmax", [.tensor(Tensor([true, false]))]) == "argmax(): does not support bool input")
    }

    @Test func emptyReductionsWithoutIdentity() {
        let hint = " Specify the reduction dim with the 'dim' argument."
        #expect(message("max", [.tensor(empty)]) == "max(): Expected reduction dim to be specified for input.numel() == 0." + hint)
        #expect(message("min", [.tensor(empty)]) == "min(): Expected reduction dim to be specified for input.numel() == 0." + hint)
        #expect(message("amax", [.tensor(empty)]) == "amax(): Expected reduction dim to be specified for input.numel() == 0." + hint)
        #expect(message("argmax", [.tensor(empty)]) == "argmax(): Expected reduction dim to be specified for input.numel() == 0.")
        #expect(message("max.dim", [.tensor(empty), .int(0)]) == "max(): Expected reduction dim 0 to have non-zero size.")
        #expect(message("amin", [.tensor(empty), .ints([0])]) == "amin(): Expected reduction dim 0 to have non-zero size.")
        #expect(message("argmin", [.tensor(empty), .int(0)]) == "argmin(): Expected reduction dim 0 to have non-zero size.")
        #expect(message("norm", [.tensor(empty), .scalar(.double(.infinity))])
                == "linalg.vector_norm cannot compute the inf norm on an empty tensor because the operation does not have an identity")
        #expect(message("norm", [.tensor(empty), .scalar(-1), .ints([0])])
                == "linalg.vector_norm cannot compute the -1 norm on the dimension 0 because this dimension is empty and the operation does not have an identity")
    }

    @Test func emptyReductionsAlongNonEmptyDims() {
        // Reducing a non-empty dim of an empty tensor is fine: the result is empty.
        #expect(message("max.dim", [.tensor(empty), .int(1)]) == nil)
        #expect(message("amax", [.tensor(empty), .ints([1])]) == nil)
        #expect(message("norm", [.tensor(empty), .scalar(.double(.infinity)), .ints([1])]) == nil)
        #expect(empty.max(dim: 1).values.shape == [0])
        #expect(empty.amax(dim: 1).shape == [0])
    }

    @Test func errorsNameTheOperator() throws {
        do {
            _ = try Dispatcher.shared.call("sum", [.tensor(x), .ints([5]), .bool(false), .none])
            Issue.record("sum over dim 5 of a 2-d tensor did not throw")
        } catch let error as EmberError {
            #expect(error.code == .invalidDimension)
            #expect(error.op == "sum")
            #expect(error.description == "sum: Dimension out of range (expected to be in range of [-2, 1], but got 5)")
        }
    }
}
