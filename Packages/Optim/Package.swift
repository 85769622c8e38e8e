// swift-tools-version:6.0
// EmberOptim: optimizers, learning-rate schedulers and gradient clipping (PyTorch's torch.optim).
import PackageDescription

let package = Package(
    name: "Optim",
    products: [
        .library(name: "EmberOptim", targets: ["EmberOptim"]),
    ],
    dependencies: [
        .package(path: "../Core"),
        .package(path: "../Autograd"),
    ],
    targets: [
        .target(
            name: "EmberOptim",
            dependencies: [
                .product(name: "EmberCore", package: "Core"),
                .product(name: "EmberAutograd", package: "Autograd"),
            ]
        ),
        .testTarget(
            name: "EmberOptimTests",
            dependencies: [
                "EmberOptim",
                .product(name: "EmberCore", package: "Core"),
                .product(name: "EmberAutograd", package: "Autograd"),
            ],
            resources: [.copy("Fixtures")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
