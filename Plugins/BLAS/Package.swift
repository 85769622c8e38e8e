// swift-tools-version:6.0
// EmberBLAS: float32/float64 matrix products on Debian's OpenBLAS (`libopenblas-dev`). It
// registers kernels for mm, addmm, bmm, baddbmm and matmul over Core's reference ones;
// Core keeps each operator's checks and messages, OpenBLAS multiplies.
import PackageDescription

let package = Package(
    name: "BLAS",
    products: [
        .library(name: "EmberBLAS", targets: ["EmberBLAS"]),
    ],
    dependencies: [
        .package(path: "../../Packages/Core"),
    ],
    targets: [
        .systemLibrary(name: "CBLAS", pkgConfig: "openblas", providers: [.apt(["libopenblas-dev"])]),
        .target(name: "EmberBLAS", dependencies: ["CBLAS", .product(name: "EmberCore", package: "Core")]),
        .testTarget(
            name: "EmberBLASTests",
            dependencies: [
                "EmberBLAS", .product(name: "EmberCore", package: "Core"),
                .product(name: "EmberTestSupport", package: "Core"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
