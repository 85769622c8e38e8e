// swift-tools-version:6.0
// `ember-bench`: Ember's benchmark executable. Build and run in release:
//   swift run -c release --package-path Benchmarks ember-bench [--filter SUBSTRING]
// `python3 Benchmarks/compare.py` runs the same workloads in PyTorch and prints ratios;
// `python3 Benchmarks/compare_csv.py` times pandas.read_csv on the CSV figure's file.
import PackageDescription

let package = Package(
    name: "Benchmarks",
    products: [
        .executable(name: "ember-bench", targets: ["EmberBench"]),
    ],
    dependencies: [
        .package(path: "../Packages/Core"),
        .package(path: "../Packages/Autograd"),
        .package(path: "../Packages/Optim"),
        .package(path: "../Packages/NN"),
        .package(path: "../Datasets/CSV"),
        .package(path: "../Plugins/BLAS"),
    ],
    targets: [
        .executableTarget(
            name: "EmberBench",
            dependencies: [
                .product(name: "EmberCore", package: "Core"),
                .product(name: "EmberAutograd", package: "Autograd"),
                .product(name: "EmberOptim", package: "Optim"),
                .product(name: "EmberNN", package: "NN"),
                .product(name: "EmberCSV", package: "CSV"),
                .product(name: "EmberBLAS", package: "BLAS"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
