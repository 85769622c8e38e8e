import EmberCore
import Foundation
import Testing
@testable import EmberCLIKit

@Suite struct OpsListTests {
    @Test func jsonListsAddWithItsFloat32CPUKernel() throws {
        let command = try parse(["ops", "list", "--json"], as: OpsList.self)
        let text = try command.render(Dispatcher.shared.operators)
        let array = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]])
        let add = try #require(array.first { $0["name"] as? String == "add" })
        #expect(add["schema"] as? String == "add(Tensor self, Tensor other, *, Scalar alpha=1) -> Tensor")
        #expect(add["package"] as? String == "EmberCore")
        #expect(add["doc"] as? String == "Adds other, scaled by alpha, to self.")
        #expect(add["composite"] is NSNull)
        #expect((add["layers"] as? [Any])?.isEmpty == true)
        let kernels = try #require(add["kernels"] as? [[String: Any]])
        let f32 = kernels.first { $0["dtype"] as? String == "float32" }
        #expect(f32?["device"] as? String == "cpu")
        #expect(f32?["package"] as? String == "EmberCore")
        #expect((f32?["overrides"] as? [String]) == [])
        #expect(Set(array.compactMap { $0["name"] as? String }).isSuperset(of: ["add", "sub", "_to_copy"]))
    }

    @Test func textShowsOneBlockPerOperator() throws {
        let command = try parse(["ops", "list"], as: OpsList.self)
        let text = try command.render(Dispatcher.shared.operators)
        #expect(text.contains("""
            sub(Tensor self, Tensor other, *, Scalar alpha=1) -> Tensor
              Subtracts other, scaled by alpha, from self.
              defined by EmberCore
              cpu: bool, uint8, int8, int16, int32, int64, float16, bfloat16, float32, float64 by EmberCore
            """))
    }

    @Test func textGroupsKernelsByPackageAndShowsOverridesLayersAndComposites() throws {
        let d = Dispatcher()
        let scale = try d.define("demo::scale(Tensor self, float factor=2.0) -> Tensor", package: "DemoA", doc: "Scales.")
        let echo = try d.define("demo::echo(Tensor self) -> Tensor", package: "DemoA")
        let kernel: Kernel = { args in [args[0]] }
        d.register(scale, dtypes: [.float32, .float64], package: "DemoA", kernel: kernel)
        d.register(scale, dtypes: [.float32], package: "DemoB", kernel: kernel)
        d.registerLayer(.autograd, for: scale, package: "DemoGrad") { op, args, next in try next(args.values) }
        d.registerComposite(echo, package: "DemoA", kernel: kernel)
        #expect(OpsList.text(d.operators) == """
            demo::echo(Tensor self) -> Tensor
              defined by DemoA
              composite by DemoA

            demo::scale(Tensor self, float factor=2.0) -> Tensor
              Scales.
              defined by DemoA
              cpu: float32 by DemoB (overrides DemoA)
              cpu: float64 by DemoA
              layer autograd by DemoGrad
            """)
        let json = try JSONSerialization.jsonObject(with: Data(try OpsList.json(d.operators).utf8)) as! [[String: Any]]
        #expect((json[0]["composite"] as? [String: Any])?["package"] as? String == "DemoA")
        #expect(((json[1]["layers"] as? [[String: Any]])?.first)?["layer"] as? String == "autograd")
        #expect(((json[1]["kernels"] as? [[String: Any]])?.first)?["overrides"] as? [String] == ["DemoA"])
    }
}
