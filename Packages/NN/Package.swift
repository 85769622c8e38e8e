// swift-tools-version:6.0
// EmberNN: modules, layers, functional operators, losses, initialisers and state dicts
// (PyTorch's torch.nn).
import PackageDescription

let package = Package(
    name: "NN",
    products: [
        .library(name: "EmberNN", targets: ["EmberNN"]),
    ],
    dependencies: [
        .package(path: "../Core"),
        .package(path: "../Autograd"),
    ],
    targets: [
        .target(
            name: "EmberNN",
            dependencies: [
                .product(name: "EmberCore", package: "Core"),
                .product(name: "EmberAutograd", package: "Autograd"),
            ]
        ),
        .testTarget(
            name: "EmberNNTests",
            dependencies: [
                "EmberNN",
                .product(name: "EmberCore", package: "Core"),
                .product(name: "EmberAutograd", package: "Autograd"),
                .product(name: "EmberTestSupport", package: "Core"),
            ],
            resources: [.copy("Fixtures")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
