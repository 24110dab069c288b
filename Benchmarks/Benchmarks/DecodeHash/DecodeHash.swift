// Decode and hash cost per image, at the three sizes a marketplace feed holds.
//
// For each fixture in Benchmarks/Fixtures (small 400 px, product 1000 px, large 3000 px), with the file's bytes
// already in memory:
//   fast          Fingerprinter.fingerprint(bytes, path: .fast): DCT-scaled RGB decode + luma + PDQ (8 dihedral) + dHash
//   exact         the same on the full-size decode
//   decode        the fast path's decode alone (same DecodingOptions)
//   decode-grey   a DCT-scaled decode straight to libjpeg's Y channel, the floor any JPEG hashing path pays
//   hash          luma + PDQ + dHash alone, on the fast path's decoded image (fast ≈ decode + hash)
// and, for the product size only, the hash split into its parts: luma, PDQ (from luma), dHash (from luma).
//
// One iteration is one image, so `throughput` reads as images per second on one core.
// Set PROOFMARK_BENCHMARK_FIXTURES to measure other files named small-*.jpg, product-*.jpg and large-*.jpg.

import Benchmark
import Foundation
import Imaging
import PerceptualHash

/// The folder holding the fixtures: $PROOFMARK_BENCHMARK_FIXTURES, else Benchmarks/Fixtures beside this source.
private func fixturesFolder() -> URL {
    if let override = ProcessInfo.processInfo.environment["PROOFMARK_BENCHMARK_FIXTURES"], !override.isEmpty {
        return URL(fileURLWithPath: override, isDirectory: true)
    }
    return URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // DecodeHash
        .deletingLastPathComponent()  // Benchmarks (targets)
        .deletingLastPathComponent()  // Benchmarks (package)
        .appendingPathComponent("Fixtures", isDirectory: true)
}

private struct Fixture {
    /// "small", "product" or "large".
    let size: String
    let fileName: String
    let bytes: [UInt8]
}

/// Each size's fixture: the first file, by name, starting with "<size>-" and ending in ".jpg".
private func loadFixtures() -> [Fixture] {
    let folder = fixturesFolder()
    let names: [String]
    do {
        names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
    } catch {
        fatalError("cannot list benchmark fixtures in \(folder.path): \(error)")
    }
    return ["small", "product", "large"].map { size in
        guard let name = names.first(where: { $0.hasPrefix(size + "-") && $0.hasSuffix(".jpg") }) else {
            fatalError("no \(size)-*.jpg in \(folder.path); run Benchmarks/Fixtures/make_fixtures.py")
        }
        guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent(name).path) else {
            fatalError("cannot read \(folder.appendingPathComponent(name).path)")
        }
        return Fixture(size: size, fileName: name, bytes: [UInt8](data))
    }
}

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        // `instructions` reads hardware counters; where the kernel or VM has none it is reported as 0 or left out.
        metrics: [.wallClock, .throughput, .mallocCountTotal, .instructions],
        timeUnits: .microseconds,
        warmupIterations: 3,
        maxDuration: .seconds(2),
        maxIterations: 2_000
    )

    let maximumPixelCount = DecodingOptions.defaultMaximumPixelCount
    let fastOptions = Fingerprinter.options(for: .fast, maximumPixelCount: maximumPixelCount)
    let greyOptions = DecodingOptions(
        minimumShortSide: Fingerprinter.fastMinimumShortSide, prefersGrey: true, appliesOrientation: false)

    for fixture in loadFixtures() {
        let bytes = fixture.bytes
        // Check each path works on this file before timing it, and say what it decodes to.
        let decoded: DecodedImage
        do {
            decoded = try ImageDecoder.decode(bytes, options: fastOptions)
            _ = try ImageDecoder.decode(bytes, options: greyOptions)
            _ = try Fingerprinter.fingerprint(bytes, path: .exact)
        } catch {
            fatalError("\(fixture.fileName): \(error)")
        }
        let label = "\(fixture.size) \(decoded.source.width)x\(decoded.source.height)"

        Benchmark("fast decode+hash, \(label)") { benchmark in
            for _ in benchmark.scaledIterations {
                blackHole(try Fingerprinter.fingerprint(bytes, path: .fast, maximumPixelCount: maximumPixelCount))
            }
        }
        Benchmark("exact decode+hash, \(label)") { benchmark in
            for _ in benchmark.scaledIterations {
                blackHole(try Fingerprinter.fingerprint(bytes, path: .exact, maximumPixelCount: maximumPixelCount))
            }
        }
        Benchmark("decode (fast options, 1/\(decoded.source.scaleDenominator) RGB), \(label)") { benchmark in
            for _ in benchmark.scaledIterations {
                blackHole(try ImageDecoder.decode(bytes, options: fastOptions))
            }
        }
        Benchmark("decode grey (1/\(decoded.source.scaleDenominator) Y), \(label)") { benchmark in
            for _ in benchmark.scaledIterations {
                blackHole(try ImageDecoder.decode(bytes, options: greyOptions))
            }
        }
        let image = decoded.image
        Benchmark("hash only (luma+PDQ+dHash of \(image.width)x\(image.height)), \(label)") { benchmark in
            for _ in benchmark.scaledIterations {
                // What Fingerprinter does after decoding: dHash comes from PDQ's 64×64 downsample.
                let result = PDQ.hash(image.luma())
                blackHole(result.downsampled.map(DHash.init))
            }
        }
        guard fixture.size == "product" else { continue }
        let luma = image.luma()
        Benchmark("hash part: luma of \(image.width)x\(image.height) RGB, \(label)") { benchmark in
            for _ in benchmark.scaledIterations {
                blackHole(image.luma())
            }
        }
        Benchmark("hash part: PDQ (8 dihedral) of \(image.width)x\(image.height) luma, \(label)") { benchmark in
            for _ in benchmark.scaledIterations {
                blackHole(PDQ.hash(luma))
            }
        }
        Benchmark("hash part: dHash of \(image.width)x\(image.height) luma, \(label)") { benchmark in
            for _ in benchmark.scaledIterations {
                blackHole(DHash(luma))
            }
        }
    }
}
