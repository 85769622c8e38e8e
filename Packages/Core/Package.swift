// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Core",
    products: [
        .library(name: "EmberCore", targets: ["EmberCore"]),
        .library(name: "EmberTestSupport", targets: ["EmberTestSupport"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-numerics", from: "1.1.1"),
    ],
    targets: [
        .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        .target(name: "_EmberCoreSupport"),
        .target(
            name: "EmberCore",
            dependencies: ["CZlib", "_EmberCoreSupport", .product(name: "Numerics", package: "swift-numerics")]
        ),
        .target(name: "EmberTestSupport", dependencies: ["EmberCore"]),
        .testTarget(
            name: "EmberCoreTests",
            dependencies: ["EmberCore", "EmberTestSupport"],
            resources: [.copy("Fixtures")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
