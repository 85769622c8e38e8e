// swift-tools-version:6.0
// EmberCSV: a fast, strict RFC 4180 CSV reader that produces tensors, streams large files in
// chunks, and bundles the Iris data set.
import PackageDescription

let package = Package(
    name: "CSV",
    products: [
        .library(name: "EmberCSV", targets: ["EmberCSV"]),
    ],
    dependencies: [
        .package(path: "../../Packages/Core"),
        .package(path: "../../Packages/Data"),
    ],
    targets: [
        .target(
            name: "EmberCSV",
            dependencies: [
                .product(name: "EmberCore", package: "Core"),
                .product(name: "EmberData", package: "Data"),
            ],
            resources: [.copy("Resources/Iris.csv")]
        ),
        .testTarget(
            name: "EmberCSVTests",
            dependencies: [
                "EmberCSV",
                .product(name: "EmberCore", package: "Core"),
                .product(name: "EmberData", package: "Data"),
            ],
            resources: [.copy("Fixtures")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
