// swift-tools-version:6.0
// EmberImage: RGBA images, PNG files through libpng, and an animated GIF encoder.
import PackageDescription

let package = Package(
    name: "Image",
    products: [
        .library(name: "EmberImage", targets: ["EmberImage"]),
    ],
    dependencies: [
        .package(path: "../../Packages/Core"),
    ],
    targets: [
        .systemLibrary(
            name: "CLibPNG",
            pkgConfig: "libpng",
            providers: [.apt(["libpng-dev"])]
        ),
        .target(
            name: "EmberImage",
            dependencies: [
                "CLibPNG",
                .product(name: "EmberCore", package: "Core"),
            ]
        ),
        .testTarget(
            name: "EmberImageTests",
            dependencies: [
                "EmberImage",
                .product(name: "EmberCore", package: "Core"),
            ],
            resources: [.copy("Fixtures")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
