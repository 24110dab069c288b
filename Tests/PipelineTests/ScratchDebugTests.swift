import Foundation
import Imaging
import Matching
import PerceptualHash
import Testing

@testable import Pipeline

@Suite struct ScratchDebug {
    @Test func views() throws {
        guard let spec = ProcessInfo.processInfo.environment["PM_DEBUG"] else { return }
        let parts = spec.split(separator: ",").map(String.init)
        let ref = try Fingerprinter.referenceViews(contentsOfFile: parts[0])
        let refContent = ref.views.filter { $0.kind == .content }
        print("reference", ref.information, refContent.map { "\($0.name)\($0.region)" })
        for file in parts.dropFirst() {
            let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: file)))
            let (fp, luma) = try Fingerprinter.fingerprintKeepingLuma(bytes, path: .fast)
            print(file, fp.scaleDenominator, luma.width, luma.height)
            for g in ContentLayout(luma).groups { print("  group bg", g.background, "objects", g.objects.count, g.bounds) }
            for s in ViewPlanner.suspectContentViews(of: luma) {
                var best: [(Int, String)] = []
                for r in refContent {
                    let d = r.dihedral.values.map { $0.distance(to: s.hash) }.min() ?? 999
                    best.append((d, r.name))
                }
                best.sort { $0.0 < $1.0 }
                print("  ", s.name, s.region, "q", s.quality, best.prefix(3).map { "\($0.1)=\($0.0)" })
            }
        }
    }
}
