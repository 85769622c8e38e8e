// swift-tools-version:6.0
// EmberPlot: a small matplotlib-style plotting library (figure, axes, scatter, lines, ticks,
// text, legend) that renders to EmberImage's RGBAImage, PNG files and animated GIFs.
import PackageDescription

let package = Package(
    name: "Plot",
    products: [
        .library(name: "EmberPlot", targets: ["EmberPlot"]),
    ],
    dependencies: [
        .package(path: "../../Datasets/Image"),
    ],
    targets: [
        .target(
            name: "EmberPlot",
            dependencies: [.product(name: "EmberImage", package: "Image")]
        ),
        .testTarget(
            name: "EmberPlotTests",
            dependencies: ["EmberPlot", .product(name: "EmberImage", package: "Image")],
            resources: [.copy("Fixtures")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
