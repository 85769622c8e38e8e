// swift-tools-version:6.0
// `ember-bench`: Ember's benchmark executable. Build and run in release:
//   swift run -c release --package-path Benchmarks ember-bench [--filter SUBSTRING]
// `python3 Benchmarks/compare.py` runs the same workloads in PyTorch and prints ratios.
import PackageDescription

let package = Package(
    name: "Benchmarks",
    products: [
        .executable(name: "ember-bench", targets: ["EmberBench"]),
    ],
    dependencies: [
        .package(path: "../Packages/Core"),
    ],
    targets: [
        .executableTarget(
            name: "EmberBench",
            dependencies: [.product(name: "EmberCore", package: "Core")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
