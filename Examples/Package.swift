// swift-tools-version:6.0
// `ember-examples`: the four programs of the seed guide (../shared/seed), in Swift, with their
// training animations. `swift run -c release --package-path Examples ember-examples all`.
import PackageDescription

let package = Package(
    name: "Examples",
    products: [
        .executable(name: "ember-examples", targets: ["EmberExamplesCLI"]),
        .library(name: "EmberExamples", targets: ["EmberExamples"]),
    ],
    dependencies: [
        .package(path: "../Packages/Core"),
        .package(path: "../Packages/Autograd"),
        .package(path: "../Packages/NN"),
        .package(path: "../Packages/Optim"),
        .package(path: "../Packages/Data"),
        .package(path: "../Datasets/CSV"),
        .package(path: "../Datasets/Image"),
        .package(path: "../Plugins/BLAS"),
        .package(path: "../Tools/Plot"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        .target(
            name: "EmberExamples",
            dependencies: [
                .product(name: "EmberCore", package: "Core"),
                .product(name: "EmberAutograd", package: "Autograd"),
                .product(name: "EmberNN", package: "NN"),
                .product(name: "EmberOptim", package: "Optim"),
                .product(name: "EmberData", package: "Data"),
                .product(name: "EmberCSV", package: "CSV"),
                .product(name: "EmberImage", package: "Image"),
                .product(name: "EmberBLAS", package: "BLAS"),
                .product(name: "EmberPlot", package: "Plot"),
            ]
        ),
        .executableTarget(
            name: "EmberExamplesCLI",
            dependencies: ["EmberExamples", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        .testTarget(
            name: "EmberExamplesTests",
            dependencies: ["EmberExamples", .product(name: "EmberCore", package: "Core")],
            resources: [.copy("Fixtures")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
