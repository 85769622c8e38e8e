import EmberCore
import Foundation
import Testing
@testable import EmberCLIKit

@Suite struct InspectTests {
    @Test func archiveWithIntegersAndAnEmptyArray() throws {
        let path = fixture("positional.npz")
        let command = try parse(["inspect", path], as: Inspect.self)
        #expect(try Inspect.describe(command.file) == """
            \(path): 2 tensors
              arr_0  int8     [2, 3]  min=-128  max=127  mean=10.5
              arr_1  float32  [0]     (empty)
            """)
    }

    @Test func nanPropagatesAndZeroDimTensorsShow() throws {
        let path = fixture("stored.npz")
        #expect(try Inspect.describe(path) == """
            \(path): 3 tensors
              weight  float32  [2, 3]  min=nan  max=nan  mean=nan
              bias    float32  [5]     min=1  max=5  mean=3
              step    int32    []      min=-7  max=-7  mean=-7
            """)
    }

    @Test func npyIsNamedAfterItsFile() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let path = scratch.file("weights.npy")
        try NumPy.save(Tensor([[0.5, -1e-7], [1e10, 2]], dtype: .float64), to: path)
        #expect(try Inspect.describe(path) == """
            \(path): 1 tensor
              weights  float64  [2, 2]  min=-1e-07  max=1e+10  mean=2.5e+09
            """)
    }

    @Test func unknownFormatsAndDamagedFilesAreErrors() throws {
        #expect { try Inspect.describe("model.bin") } throws: {
            errorText($0) == "Error: model.bin: unknown tensor file format (ember reads .npy, .npz and .safetensors)"
        }
        let scratch = try Scratch()
        defer { scratch.remove() }
        let path = scratch.file("bad.npz")
        try Data("not a zip".utf8).write(to: URL(fileURLWithPath: path))
        #expect { try Inspect.describe(path) } throws: {
            errorText($0) == "Error: \(path): not a ZIP archive (no end-of-central-directory record)"
        }
    }

    @Test func safetensorsListsTensorsInFileOrderThenMetadata() throws {
        let path = fixture("special.safetensors")
        #expect(try Inspect.describe(path) == """
            \(path): 7 tensors
              empty_i64       int64    [2, 0]  (empty)
              scalar          float64  []      min=3.5  max=3.5  mean=3.5
              a_same          float32  [1]     min=4  max=4  mean=4
              b_same          float32  [1]     min=3  max=3  mean=3
              empty           float32  [0, 3]  (empty)
              ünïcode.wéight  float32  [2]     min=-2  max=1  mean=-0.5
              transposed      int16    [3, 2]  min=0  max=5  mean=2.5
            metadata:
              note  "quote\\" backslash\\\\ newline\\n tab\\t \\u{01} é ✓ /"
            """)
        let bf16 = fixture("all_dtypes.safetensors")
        let lines = try Inspect.describe(bf16).split(separator: "\n")
        #expect(lines.count == 13)
        #expect(lines[5] == "  bfloat16  bfloat16  [2, 3]  min=nan  max=nan  mean=nan")
        #expect(lines[1] == "  int64     int64     [2, 3]  min=-9223372036854775808  max=9223372036854775807  mean=1.50138e+15")
        #expect(lines.suffix(2) == ["metadata:", "  format  \"pt\""])
    }

    @Test func damagedSafetensorsAreErrors() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let path = scratch.file("bad.safetensors")
        try Data([8, 0, 0, 0, 0, 0, 0, 0] + Array(#"{"a":1} "#.utf8)).write(to: URL(fileURLWithPath: path))
        #expect { try Inspect.describe(path) } throws: {
            errorText($0) == "Error: \(path): tensor 'a': the entry is the number 1, not an object with dtype, shape and data_offsets"
        }
    }

    @Test func checkpointsShowTheirEpochAndSections() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let path = scratch.file("last.safetensors")
        var checkpoint = Checkpoint(epoch: 4, metadata: ["note": "best"])
        checkpoint[section: "model"] = .init(tensors: ["weight": Tensor([[1.0, -1]], dtype: .float32)])
        checkpoint[section: "optimizer"] = .init(
            tensors: ["state.0.step": Tensor(scalar: Float(4)), "state.0.momentum_buffer": Tensor([[0.5, 0]], dtype: .float32)],
            metadata: ["param_groups.0.lr": "0.1", "param_groups.0.params": "[0]"])
        try checkpoint.save(to: path)
        #expect(try Inspect.describe(path) == """
            \(path): 3 tensors
              checkpoint (format 1): epoch 4; sections model (1 tensor), optimizer (2 tensors)
              model.weight                       float32  [1, 2]  min=-1  max=1  mean=0
              optimizer.state.0.momentum_buffer  float32  [1, 2]  min=0  max=0.5  mean=0.25
              optimizer.state.0.step             float32  []      min=4  max=4  mean=4
            metadata:
              ember.checkpoint                 "1"
              ember.sections                   "model,optimizer"
              epoch                            "4"
              format                           "pt"
              note                             "best"
              optimizer.param_groups.0.lr      "0.1"
              optimizer.param_groups.0.params  "[0]"
            """)
        try SafeTensors.save(["w": Tensor([1.0])], metadata: ["ember.checkpoint": "1", "ember.sections": "model"], to: path)
        #expect(try Inspect.describe(path).split(separator: "\n")[1]
                == "  checkpoint (format 1): unreadable: tensor 'w' is in no section (sections: model)")
    }
}
