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
            errorText($0) == "Error: model.bin: unknown tensor file format (ember reads .npy and .npz)"
        }
        let scratch = try Scratch()
        defer { scratch.remove() }
        let path = scratch.file("bad.npz")
        try Data("not a zip".utf8).write(to: URL(fileURLWithPath: path))
        #expect { try Inspect.describe(path) } throws: {
            errorText($0) == "Error: \(path): not a ZIP archive (no end-of-central-directory record)"
        }
    }
}
