// swift-tools-version:6.0
// EmberDistance: an example operator plugin and the template for user plugins. It declares
// `distance::cdist` through the dispatcher registers float kernels for it,
// and its derivative with EmberAutograd.
import PackageDescription

let package = Package(
    name: "Distance",
    products: [
        .library(name: "EmberDistance", targets: ["EmberDistance"]),
    ],
    dependencies: [
        .package(path: "../../Packages/Core"),
        .package(path: "../../Packages/Autograd"),
    ],
    targets: [
        .target(name: "EmberDistance", dependencies: [
            .product(name: "EmberCore", package: "Core"),
            .product(name: "EmberAutograd", package: "Autograd"),
        ]),
        .testTarget(
            name: "EmberDistanceTests",
            dependencies: [
                "EmberDistance", .product(name: "EmberCore", package: "Core"),
                .product(name: "EmberAutograd", package: "Autograd"),
            ],
            resources: [.copy("Fixtures")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
