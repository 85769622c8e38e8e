// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Autograd",
    products: [
        .library(name: "EmberAutograd", targets: ["EmberAutograd"]),
    ],
    dependencies: [
        .package(path: "../Core"),
    ],
    targets: [
        .target(name: "EmberAutograd", dependencies: [.product(name: "EmberCore", package: "Core")]),
        .testTarget(
            name: "EmberAutogradTests",
            dependencies: ["EmberAutograd", .product(name: "EmberCore", package: "Core")],
            resources: [.copy("Fixtures")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
