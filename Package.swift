// swift-tools-version:6.0
// The Ember umbrella package: the `Ember` product re-exports every sub-package, and this
// manifest re-hosts each sub-package's test folder so that one `swift test` at the root
// runs every test (each sub-package also builds and tests alone with --package-path).
import PackageDescription

let package = Package(
    name: "Ember",
    products: [
        .library(name: "Ember", targets: ["Ember"]),
    ],
    dependencies: [
        .package(path: "Packages/Core"),
        .package(path: "Packages/Autograd"),
        .package(path: "Packages/NN"),
        .package(path: "Packages/Data"),
        .package(path: "Packages/Optim"),
        .package(path: "Datasets/CSV"),
        .package(path: "Datasets/Image"),
        .package(path: "Plugins/Distance"),
        .package(path: "Plugins/BLAS"),
        .package(path: "Tools/CLI"),
        .package(path: "Examples"),
        .package(path: "Tools/Plot"),
    ],
    targets: [
        .target(
            name: "Ember",
            dependencies: [
                .product(name: "EmberCore", package: "Core"),
                .product(name: "EmberAutograd", package: "Autograd"),
                .product(name: "EmberNN", package: "NN"),
                .product(name: "EmberData", package: "Data"),
                .product(name: "EmberOptim", package: "Optim"),
                .product(name: "EmberDistance", package: "Distance"),
                .product(name: "EmberCSV", package: "CSV"),
                .product(name: "EmberImage", package: "Image"),
                .product(name: "EmberPlot", package: "Plot"),
                .product(name: "EmberBLAS", package: "BLAS"),
                "_EmberAutoRegister",
            ]
        ),
        // A load-time constructor that registers the bundled plugins (see BundledPlugins.swift).
        .target(name: "_EmberAutoRegister"),
        .testTarget(
            name: "EmberCoreTests",
            dependencies: [
                .product(name: "EmberCore", package: "Core"),
                .product(name: "EmberTestSupport", package: "Core"),
            ],
            path: "Packages/Core/Tests/EmberCoreTests",
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "EmberAutogradTests",
            dependencies: [
                .product(name: "EmberAutograd", package: "Autograd"),
                .product(name: "EmberCore", package: "Core"),
            ],
            path: "Packages/Autograd/Tests/EmberAutogradTests",
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "EmberNNTests",
            dependencies: [
                .product(name: "EmberNN", package: "NN"),
                .product(name: "EmberCore", package: "Core"),
                .product(name: "EmberAutograd", package: "Autograd"),
                .product(name: "EmberTestSupport", package: "Core"),
            ],
            path: "Packages/NN/Tests/EmberNNTests",
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "EmberDataTests",
            dependencies: [
                .product(name: "EmberData", package: "Data"),
                .product(name: "EmberCore", package: "Core"),
            ],
            path: "Packages/Data/Tests/EmberDataTests",
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "EmberOptimTests",
            dependencies: [
                .product(name: "EmberOptim", package: "Optim"),
                .product(name: "EmberCore", package: "Core"),
                .product(name: "EmberAutograd", package: "Autograd"),
                .product(name: "EmberNN", package: "NN"),
                .product(name: "EmberTestSupport", package: "Core"),
            ],
            path: "Packages/Optim/Tests/EmberOptimTests",
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "EmberDistanceTests",
            dependencies: [
                .product(name: "EmberDistance", package: "Distance"),
                .product(name: "EmberCore", package: "Core"),
                .product(name: "EmberAutograd", package: "Autograd"),
            ],
            path: "Plugins/Distance/Tests/EmberDistanceTests",
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "EmberBLASTests",
            dependencies: [
                .product(name: "EmberBLAS", package: "BLAS"),
                .product(name: "EmberCore", package: "Core"),
                .product(name: "EmberTestSupport", package: "Core"),
            ],
            path: "Plugins/BLAS/Tests/EmberBLASTests"
        ),
        .testTarget(
            name: "EmberCSVTests",
            dependencies: [
                .product(name: "EmberCSV", package: "CSV"),
                .product(name: "EmberCore", package: "Core"),
                .product(name: "EmberData", package: "Data"),
            ],
            path: "Datasets/CSV/Tests/EmberCSVTests",
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "EmberImageTests",
            dependencies: [
                .product(name: "EmberImage", package: "Image"),
                .product(name: "EmberCore", package: "Core"),
            ],
            path: "Datasets/Image/Tests/EmberImageTests",
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "EmberPlotTests",
            dependencies: [
                .product(name: "EmberPlot", package: "Plot"),
                .product(name: "EmberImage", package: "Image"),
            ],
            path: "Tools/Plot/Tests/EmberPlotTests",
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "EmberCLITests",
            dependencies: [
                .product(name: "EmberCLIKit", package: "CLI"),
                .product(name: "EmberAutograd", package: "Autograd"),
            ],
            path: "Tools/CLI/Tests/EmberCLITests",
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "EmberExamplesTests",
            dependencies: [
                .product(name: "EmberExamples", package: "Examples"),
                .product(name: "EmberCore", package: "Core"),
            ],
            path: "Examples/Tests/EmberExamplesTests",
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "EmberIntegrationTests",
            dependencies: ["Ember", .product(name: "EmberTestSupport", package: "Core")],
            path: "Tests/EmberIntegrationTests"
        ),
    ],
    swiftLanguageModes: [.v6]
)
