// swift-tools-version:6.0
// EmberDistance: an example operator plugin and the template for user plugins. It declares
// `distance::cdist` through the dispatcher and registers float kernels for it.
import PackageDescription

let package = Package(
    name: "Distance",
    products: [
        .library(name: "EmberDistance", targets: ["EmberDistance"]),
    ],
    dependencies: [
        .package(path: "../../Packages/Core"),
    ],
    targets: [
        .target(name: "EmberDistance", dependencies: [.product(name: "EmberCore", package: "Core")]),
        .testTarget(
            name: "EmberDistanceTests",
            dependencies: ["EmberDistance", .product(name: "EmberCore", package: "Core")],
            resources: [.copy("Fixtures")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
