// swift-tools-version:6.0
// EmberData: datasets, samplers and the DataLoader (PyTorch's torch.utils.data).
import PackageDescription

let package = Package(
    name: "Data",
    products: [
        .library(name: "EmberData", targets: ["EmberData"]),
    ],
    dependencies: [
        .package(path: "../Core"),
    ],
    targets: [
        .target(
            name: "EmberData",
            dependencies: [.product(name: "EmberCore", package: "Core")]
        ),
        .testTarget(
            name: "EmberDataTests",
            dependencies: ["EmberData", .product(name: "EmberCore", package: "Core")],
            resources: [.copy("Fixtures")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
