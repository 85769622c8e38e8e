import Testing
import EmberCore
import EmberTestSupport
@testable import EmberNN

@Suite struct LayerRegistryTests {
    let activation = try! Fixture("activation")
    let embedding = try! Fixture("embedding")

    @Test func buildsLayersFromNamesAndPyTorchKeywordArguments() throws {
        let r = LayerRegistry.shared
        #expect(try r.make("Linear", ["in_features": 3, "out_features": 2]).description
                == "Linear(in_features=3, out_features=2, bias=True)")
        #expect(try r.make("LeakyReLU", ["negative_slope": 0.2, "inplace": true]).description
                == activation.string("repr_LeakyReLU_0.2_inplace"))
        #expect(try r.make("GELU", ["approximate": "tanh"]).description == activation.string("repr_GELU_tanh"))
        #expect(try r.make("Softmax", ["dim": nil]).description == activation.string("repr_Softmax"))
        #expect(try r.make("Hardtanh", ["min_val": -2, "max_val": 3.0]).description == activation.string("repr_Hardtanh_-2_3"))
        #expect(try r.make("Unflatten", ["dim": 1, "unflattened_size": [2, 5]]).description == embedding.string("repr_unflatten"))
        #expect(try r.make("Embedding", ["num_embeddings": 5, "embedding_dim": 4, "padding_idx": -2]).description
                == embedding.string("repr_e2"))
        #expect(try r.make("Bilinear", ["in1_features": 5, "in2_features": 6, "out_features": 7, "bias": false]).description
                == embedding.string("repr_b2"))
        let linear = try #require(try r.make("Linear", ["in_features": 3, "out_features": 2, "dtype": "float64"]) as? Linear)
        #expect(linear.weight.dtype == .float64)
        #expect(try r.make("Identity", ["anything": 54]) is Identity)
    }

    @Test func everyLayerInTheRegistryBuildsWithItsDefaults() throws {
        let required: [String: [String: LayerArgument]] = [
            "Linear": ["in_features": 2, "out_features": 2], "Bilinear": ["in1_features": 2, "in2_features": 2, "out_features": 2],
            "Embedding": ["num_embeddings": 3, "embedding_dim": 2], "Unflatten": ["dim": 0, "unflattened_size": [1]],
        ]
        let expected = ["Bilinear", "CELU", "ELU", "Embedding", "Flatten", "GELU", "Hardsigmoid", "Hardswish", "Hardtanh",
                        "Identity", "LeakyReLU", "Linear", "LogSoftmax", "Mish", "PReLU", "ReLU", "ReLU6", "SELU", "SiLU",
                        "Sigmoid", "Softmax", "Softplus", "Tanh", "Unflatten"]
        for name in expected {
            #expect(LayerRegistry.shared.contains(name), "\(name)")
            let layer = try LayerRegistry.shared.make(name, required[name] ?? [:])
            #expect(layer.typeName == name)
        }
    }

    @Test func errorsNameTheLayerAndTheArgument() {
        let r = LayerRegistry.shared
        func message(_ name: String, _ args: [String: LayerArgument]) -> String? {
            do { _ = try r.make(name, args); return nil } catch { return "\(error)" }
        }
        #expect(message("Conv9d", [:])?.hasPrefix("unknown layer 'Conv9d'; registered: AdaptiveAvgPool1d, AdaptiveAvgPool2d,") == true)
        #expect(message("Linear", ["in_features": 3]) == "Linear: missing required argument 'out_features'")
        #expect(message("Linear", ["in_features": "3", "out_features": 2])
                == "Linear: argument 'in_features' must be int, got str '3'")
        #expect(message("ReLU", ["inplace": 1]) == "ReLU: argument 'inplace' must be bool, got int 1")
        #expect(message("ReLU", ["implace": true]) == "ReLU: unexpected argument 'implace'; it takes 'inplace'")
        #expect(message("Sigmoid", ["dim": 1]) == "Sigmoid: unexpected argument 'dim'; it takes none")
        #expect(message("GELU", ["approximate": "fast"]) == "GELU: argument 'approximate' must be one of 'none', 'tanh', got 'fast'")
        #expect(message("Hardtanh", ["min_val": 1, "max_val": 0]) == "Hardtanh: max_val (0.0) must be greater than min_val (1.0)")
        #expect(message("Unflatten", ["dim": 1, "unflattened_size": 2.5])
                == "Unflatten: argument 'unflattened_size' must be int list, got float 2.5")
        do {
            _ = try r.make("Linear", [:])
            Issue.record("expected an error")
        } catch LayerRegistryError.Code.missingArgument {
        } catch {
            Issue.record("wrong error \(error)")
        }
    }

    @Test func registeringAddsOrReplacesABuilder() throws {
        let r = LayerRegistry()
        #expect(r.names.isEmpty)
        r.register("Block") { args in Sequential(Linear(try args.int("width"), 1), ReLU()) }
        let block = try r.make("Block", ["width": 4])
        #expect(block.description == "Sequential(\n  (0): Linear(in_features=4, out_features=1, bias=True)\n  (1): ReLU()\n)")
        r.register("Block") { _ in Identity() }
        #expect(try r.make("Block") is Identity)
        #expect(r.names == ["Block"])
    }

    @Test func argumentValuesPrintAsPython() {
        let values: [LayerArgument] = [3, 0.5, true, "tanh", [2, 5], [6], nil]
        #expect(values.map(\.description) == ["3", "0.5", "True", "'tanh'", "(2, 5)", "(6,)", "None"])
    }
}
