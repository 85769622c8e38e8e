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
        .package(path: "Packages/Data"),
        .package(path: "Datasets/CSV"),
        .package(path: "Plugins/Distance"),
        .package(path: "Plugins/BLAS"),
        .package(path: "Tools/CLI"),
    ],
    targets: [
        .target(
            name: "Ember",
            dependencies: [
                .product(name: "EmberCore", package: "Core"),
                .product(name: "EmberAutograd", package: "Autograd"),
                .product(name: "EmberData", package: "Data"),
                .product(name: "EmberDistance", package: "Distance"),
                .product(name: "EmberCSV", package: "CSV"),
                .product(name: "EmberBLAS", package: "BLAS"),
            ]
        ),
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
            name: "EmberDataTests",
            dependencies: [
                .product(name: "EmberData", package: "Data"),
                .product(name: "EmberCore", package: "Core"),
            ],
            path: "Packages/Data/Tests/EmberDataTests",
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
            name: "EmberCLITests",
            dependencies: [
                .product(name: "EmberCLIKit", package: "CLI"),
                .product(name: "EmberAutograd", package: "Autograd"),
            ],
            path: "Tools/CLI/Tests/EmberCLITests",
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
