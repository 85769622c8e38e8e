// swift-tools-version:6.0
// The `ember` command-line tool: introspects the operator registry, runs any registered
// operator on .npy files, and summarises tensor files.
import PackageDescription

let package = Package(
    name: "CLI",
    products: [
        .executable(name: "ember", targets: ["EmberCLI"]),
        .library(name: "EmberCLIKit", targets: ["EmberCLIKit"]),
    ],
    dependencies: [
        .package(path: "../../Packages/Core"),
        .package(path: "../../Packages/Autograd"),
        .package(path: "../../Plugins/Distance"),
        .package(path: "../../Plugins/BLAS"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        .target(
            name: "EmberCLIKit",
            dependencies: [
                .product(name: "EmberCore", package: "Core"),
                .product(name: "EmberAutograd", package: "Autograd"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(
            name: "EmberCLI",
            dependencies: [
                "EmberCLIKit", .product(name: "EmberDistance", package: "Distance"),
                .product(name: "EmberBLAS", package: "BLAS"),
            ]
        ),
        .testTarget(
            name: "EmberCLITests",
            dependencies: ["EmberCLIKit", .product(name: "EmberAutograd", package: "Autograd")],
            resources: [.copy("Fixtures")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
