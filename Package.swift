// swift-tools-version: 6.1
import PackageDescription

/// Upcoming features every Swift target builds with (as Hummingbird does): explicit `any`, imports that do not
/// leak into the public interface, and members visible only through imports the file itself makes.
let strictSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("InternalImportsByDefault"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

/// Image and evidence code runs optimised in debug builds too: `swift test` runs whole nights that decode, hash and
/// draw hundreds of images, and unoptimised pixel loops made it several times slower without making it any safer.
let optimisedInDebug: [SwiftSetting] = [.unsafeFlags(["-O"], .when(configuration: .debug))]

/// Hamming distances between binary descriptors are population counts; x86-64's baseline has no POPCNT instruction
/// (it came with Nehalem and Barcelona, 2008), so without this the feature matcher counts bits in software, several
/// times slower. The manifest is compiled for the build machine, which for native builds is the target.
#if arch(x86_64)
    let hardwarePopcount: [SwiftSetting] = [.unsafeFlags(["-Xcc", "-mpopcnt"])]
#else
    let hardwarePopcount: [SwiftSetting] = []
#endif

let package = Package(
    name: "Proofmark",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "proofmark", targets: ["proofmark"]),
        .library(name: "Imaging", targets: ["Imaging"]),
        .library(name: "PerceptualHash", targets: ["PerceptualHash"]),
        .library(name: "Matching", targets: ["Matching"]),
        .library(name: "Intake", targets: ["Intake"]),
        .library(name: "TextFingerprint", targets: ["TextFingerprint"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
    ],
    targets: [
        .target(
            name: "CImageCodecs",
            cSettings: [.unsafeFlags(["-O2"], .when(configuration: .debug))],
            linkerSettings: [.linkedLibrary("jpeg"), .linkedLibrary("png"), .linkedLibrary("webp")]
        ),
        .target(name: "Imaging", dependencies: ["CImageCodecs"], swiftSettings: strictSettings + optimisedInDebug),
        .target(
            name: "PerceptualHash", dependencies: ["Imaging"],
            swiftSettings: strictSettings + optimisedInDebug + hardwarePopcount),
        .target(
            name: "TextFingerprint", exclude: ["Generated/README.md"], swiftSettings: strictSettings + optimisedInDebug),
        .target(
            name: "Matching", dependencies: ["Imaging", "PerceptualHash", "TextFingerprint"],
            swiftSettings: strictSettings + optimisedInDebug + hardwarePopcount),
        .target(
            name: "Store",
            dependencies: [
                .product(name: "GRDB", package: "GRDB.swift"), .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: strictSettings),
        .target(
            name: "Evidence",
            dependencies: [
                "Imaging", "PerceptualHash", "Matching", "Store", .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: strictSettings + optimisedInDebug
        ),
        .target(
            name: "Pipeline",
            dependencies: [
                "Imaging", "PerceptualHash", "Intake", "Matching", "TextFingerprint", "Store", "Evidence",
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: strictSettings
        ),
        .systemLibrary(name: "CZlib", providers: [.apt(["zlib1g-dev"])]),
        .target(name: "CFetch", linkerSettings: [.linkedLibrary("curl")]),
        .target(name: "Intake", dependencies: ["Yams", "CZlib", "CFetch"], swiftSettings: strictSettings),
        .executableTarget(
            name: "proofmark",
            dependencies: [
                "Imaging", "PerceptualHash", "Matching", "Pipeline", "Intake", "Evidence", "Store",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
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
            name: "MatchingTests",
            dependencies: ["Matching", "PerceptualHash", "Imaging", "TestSupport"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "StoreTests",
            dependencies: ["Store", "TestSupport", .product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "EvidenceTests",
            dependencies: ["Evidence", "Imaging", "Matching", "Store", "TestSupport"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "PipelineTests",
            dependencies: ["Pipeline", "Intake", "TestSupport", "Imaging"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "IntakeTests",
            dependencies: ["Intake", "TestSupport"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "proofmarkTests",
            dependencies: ["proofmark", "TestSupport", "Store"],
            swiftSettings: strictSettings
        ),
    ],
    swiftLanguageModes: [.v6]
)
