// The evidence and registry stages of a night, one entry per stage (issue 18), on the product-size fixture
// (Benchmarks/Fixtures/product-1000.jpg) as the suspect and the small one as the registered picture:
//   side-by-side render   SideBySide.render of the two pictures decoded, with an outlined region and a caption
//   PNG encode            PNGEncoder.encode of that side-by-side picture (the fast zlib setting)
//   bag write             BagIt.write of a bag holding both JPEGs, the PNG and a finding's JSON, into a new folder
//   registry views        Fingerprinter.referenceViews (crops, turns, content views, their PDQ hashes) and the local
//                         features of a registered picture and its mirror image (FeatureReference): one asset
// One iteration is one picture or one bag, so `throughput` reads as items per second on one core.

import Benchmark
import Evidence
import Foundation
import Imaging
import Matching
import PerceptualHash

/// Benchmarks/Fixtures beside this source.
private func fixture(_ name: String) -> Data {
    let path = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // EvidenceStages
        .deletingLastPathComponent()  // Benchmarks (targets)
        .deletingLastPathComponent()  // Benchmarks (package)
        .appendingPathComponent("Fixtures").appendingPathComponent(name).path
    guard let data = FileManager.default.contents(atPath: path) else {
        fatalError("cannot read \(path); run Benchmarks/Fixtures/make_fixtures.py")
    }
    return data
}

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .throughput, .mallocCountTotal, .instructions],
        timeUnits: .milliseconds,
        warmupIterations: 2,
        maxDuration: .seconds(3),
        maxIterations: 200
    )

    let suspectBytes = fixture("product-1000.jpg")
    let registeredBytes = fixture("small-400.jpg")
    let suspect: Image
    let registered: Image
    do {
        suspect = try ImageDecoder.decode(suspectBytes, options: DecodingOptions()).image
        registered = try ImageDecoder.decode(registeredBytes, options: DecodingOptions()).image
    } catch {
        fatalError("cannot decode the fixtures: \(error)")
    }
    let region = PixelRect(x: 200, y: 150, width: 500, height: 400)
    let caption = ["registered small-400 (a000) against product-1000, pdq distance 12, region 500 x 400"]
    let sideBySide = SideBySide.render(registered: registered, suspect: suspect, region: region, caption: caption)
    let png: Data
    do {
        png = Data(try PNGEncoder.encode(sideBySide))
    } catch {
        fatalError("cannot encode the side-by-side picture: \(error)")
    }

    Benchmark("side-by-side render, \(sideBySide.width)x\(sideBySide.height)") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(SideBySide.render(registered: registered, suspect: suspect, region: region, caption: caption))
        }
    }
    Benchmark("PNG encode, side-by-side \(sideBySide.width)x\(sideBySide.height)") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try PNGEncoder.encode(sideBySide))
        }
    }
    Benchmark("bag write, 2 JPEGs + side-by-side PNG + finding JSON") { benchmark in
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "proofmark-bench-bags-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        var contents = BagContents()
        contents.payload = [
            .init(path: "finding.json", bytes: Data(#"{"finding_id":"f-0","score":0.97}"#.utf8)),
            .init(path: "images/registered.jpg", bytes: registeredBytes),
            .init(path: "images/suspect.jpg", bytes: suspectBytes),
            .init(path: "side-by-side-1.png", bytes: png),
        ]
        contents.info = [("Source-Organization", "Benchmark"), ("External-Identifier", "f-0")]
        for iteration in benchmark.scaledIterations {
            try BagIt.write(contents, to: folder.appendingPathComponent("f-\(iteration)"))
        }
    }
    Benchmark("registry views + features, one \(registered.width)x\(registered.height) asset") { benchmark in
        for _ in benchmark.scaledIterations {
            let (views, information, luma) = Fingerprinter.referenceViews(of: registered)
            blackHole((views, information, FeatureReference(id: "a000", luma: luma)))
        }
    }
    Benchmark("registry views + features, one \(suspect.width)x\(suspect.height) asset") { benchmark in
        for _ in benchmark.scaledIterations {
            let (views, information, luma) = Fingerprinter.referenceViews(of: suspect)
            blackHole((views, information, FeatureReference(id: "a001", luma: luma)))
        }
    }
}
