// swift-tools-version: 6.1
import PackageDescription

/// Upcoming features every Swift target builds with (as Hummingbird does): explicit `any`, imports that do not
/// leak into the public interface, and members visible only through imports the file itself makes.
let strictSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("InternalImportsByDefault"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
    name: "Proofmark",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "proofmark", targets: ["proofmark"]),
        .library(name: "Imaging", targets: ["Imaging"]),
        .library(name: "PerceptualHash", targets: ["PerceptualHash"]),
        .library(name: "Matching", targets: ["Matching"]),
        .library(name: "Intake", targets: ["Intake"]),
        .library(name: "Fetching", targets: ["Fetching"]),
        .library(name: "TextFingerprint", targets: ["TextFingerprint"]),
        .library(name: "Evidence", targets: ["Evidence"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        // The review workbench's HTTP server (`proofmark serve`). No traits: neither swift-configuration nor the
        // full-Foundation form coding is needed, and each would add build time.
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1", traits: []),
        // Hummingbird's own byte buffers and header fields (built for Hummingbird anyway: no build time of their own).
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        // Hummingbird's logging API (built for Hummingbird anyway), to keep its per-start info lines off stderr.
        .package(url: "https://github.com/apple/swift-log", from: "1.14.0"),
    ],
    targets: [
        // libwebp is loaded at run time (dlopen), so building needs only libjpeg's and libpng's headers.
        .target(
            name: "CImageCodecs",
            linkerSettings: [
                .linkedLibrary("jpeg"), .linkedLibrary("png"), .linkedLibrary("dl", .when(platforms: [.linux])),
            ]
        ),
        .target(name: "Imaging", dependencies: ["CImageCodecs"], swiftSettings: strictSettings),
        // Hamming distances with the CPU's population count, chosen at run time (no compiler flags: see CHamming.h).
        .target(name: "CHamming"),
        .target(
            name: "PerceptualHash", dependencies: ["Imaging"],
            swiftSettings: strictSettings),
        .target(
            name: "TextFingerprint", exclude: ["Generated/README.md"], swiftSettings: strictSettings),
        // Small shared things every module may import: SHA-256 hex, ISO 8601 timestamps, durable atomic writes.
        .target(
            name: "Base", dependencies: ["FaultInjection", .product(name: "Crypto", package: "swift-crypto")],
            swiftSettings: strictSettings),
        // The finding model and its one JSON coding: Foundation only, so every module may depend on it.
        .target(name: "Findings", swiftSettings: strictSettings),
        .target(
            name: "Matching", dependencies: ["CHamming", "Findings", "Imaging", "PerceptualHash", "TextFingerprint"],
            swiftSettings: strictSettings),
        .target(
            name: "Store",
            dependencies: [
                "Base", "Findings", .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: strictSettings),
        .target(
            name: "Evidence",
            dependencies: [
                "Base", "Findings", "Imaging", "PerceptualHash", "Matching", "Store", "FaultInjection",
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: strictSettings
        ),
        .target(
            name: "Pipeline",
            dependencies: [
                "Base", "Findings", "Imaging", "PerceptualHash", "Intake", "Fetching", "Matching", "TextFingerprint",
                "Store", "Evidence", "FaultInjection", .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: strictSettings
        ),
        // `proofmark serve`: the local review workbench over the state file and a night's outputs.
        .target(
            name: "Review",
            dependencies: [
                "Base", "Findings", "Store", "Evidence", "Pipeline",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings
        ),
        .systemLibrary(name: "CZlib", providers: [.apt(["zlib1g-dev"])]),
        // libcurl is loaded at run time (dlopen of the libcurl.so.4 Foundation's networking already links), so
        // building needs no libcurl headers.
        .target(name: "CFetch", linkerSettings: [.linkedLibrary("dl", .when(platforms: [.linux]))]),
        .target(name: "Fetching", dependencies: ["Base", "CFetch"], swiftSettings: strictSettings),
        // Test-only crash points (`PROOFMARK_FAULT`), inert unless that variable is set.
        .target(name: "FaultInjection", swiftSettings: strictSettings),
        .target(name: "Intake", dependencies: ["Yams", "CZlib"], swiftSettings: strictSettings),
        .executableTarget(
            name: "proofmark",
            dependencies: [
                "Base", "Findings", "Imaging", "PerceptualHash", "Matching", "Pipeline", "Intake", "Fetching",
                "Evidence", "Store", "Review", .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strictSettings
        ),
        .target(
            name: "TestSupport",
            dependencies: ["Imaging"],
            path: "Tests/Support",
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "ImagingTests",
            dependencies: ["Imaging", "TestSupport"],
            exclude: ["Fixtures"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "PerceptualHashTests",
            dependencies: ["PerceptualHash", "Imaging", "TestSupport"],
            exclude: ["Fixtures"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "TextFingerprintTests",
            dependencies: ["TextFingerprint"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "FindingsTests",
            dependencies: ["Findings"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "MatchingTests",
            dependencies: ["Matching", "Findings", "PerceptualHash", "Imaging", "TestSupport"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "StoreTests",
            dependencies: ["Findings", "Store", "TestSupport", .product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "EvidenceTests",
            dependencies: ["Base", "Evidence", "Findings", "Imaging", "Matching", "Store", "TestSupport"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "FetchingTests",
            dependencies: ["Fetching", "TestSupport"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "PipelineTests",
            dependencies: ["Pipeline", "Findings", "Intake", "Fetching", "TestSupport", "Imaging"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "IntakeTests",
            dependencies: ["Intake", "TestSupport"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "ReviewTests",
            dependencies: ["Review", "Findings", "Store", "Evidence", "Pipeline", "TestSupport"],
            exclude: ["Browser"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "proofmarkTests",
            dependencies: ["proofmark", "Findings", "TestSupport", "Store", "FaultInjection"],
            swiftSettings: strictSettings
        ),
    ],
    swiftLanguageModes: [.v6]
)
