// swift-tools-version: 6.1
import PackageDescription

// Proofmark's benchmark suite, a package of its own so that the root package does not depend on package-benchmark.
// Run from this folder: `swift package --disable-sandbox benchmark` (see README.md here).
let package = Package(
    name: "ProofmarkBenchmarks",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(url: "https://github.com/ordo-one/package-benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
        .package(name: "Proofmark", path: ".."),
    ],
    targets: [
        .executableTarget(
            name: "DecodeHash",
            dependencies: [
                .product(name: "Benchmark", package: "package-benchmark"),
                .product(name: "Imaging", package: "Proofmark"),
                .product(name: "PerceptualHash", package: "Proofmark"),
            ],
            path: "Benchmarks/DecodeHash",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "package-benchmark")]
        ),
        .executableTarget(
            name: "HammingSearch",
            dependencies: [
                .product(name: "Benchmark", package: "package-benchmark"),
                .product(name: "Matching", package: "Proofmark"),
                .product(name: "PerceptualHash", package: "Proofmark"),
            ],
            path: "Benchmarks/HammingSearch",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "package-benchmark")]
        ),
        // The evidence and registry stages of a night (issue 18): side-by-side, PNG, bag, registry views.
        .executableTarget(
            name: "EvidenceStages",
            dependencies: [
                .product(name: "Benchmark", package: "package-benchmark"),
                .product(name: "Evidence", package: "Proofmark"),
                .product(name: "Imaging", package: "Proofmark"),
                .product(name: "Matching", package: "Proofmark"),
                .product(name: "PerceptualHash", package: "Proofmark"),
            ],
            path: "Benchmarks/EvidenceStages",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "package-benchmark")]
        ),
        // Text matching over a generated listing set, driven by `text/text_peers.py` beside the Python peers.
        .executableTarget(
            name: "TextScan",
            dependencies: [
                .product(name: "Matching", package: "Proofmark"), .product(name: "Intake", package: "Proofmark"),
            ],
            path: "Benchmarks/TextScan"
        ),
    ],
    swiftLanguageModes: [.v6]
)
