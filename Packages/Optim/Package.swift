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
        .package(path: "../NN"),  // tests only: checkpoints of a model and its optimizer
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
                .product(name: "EmberNN", package: "NN"),
                .product(name: "EmberTestSupport", package: "Core"),
            ],
            resources: [.copy("Fixtures")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
