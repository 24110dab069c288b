import Foundation
import Store
import TestSupport
import Testing

@testable import Evidence

@Suite struct MorningReportRobustnessTests {
    @Test func theReportShowsTheLatestRobustnessMeasurementEscaped() throws {
        let folder = try TemporaryFolder()
        let store = try MorningReportTests.hostileState(folder)
        _ = try folder.write(
            """
            {"registered_images":25,"negatives":85,"negatives_source":"<script>x</script>","edited_pictures":1980,
             "seed":"1","min_score":0.5,"false_positive_rate_at_min_score":0,
             "recall_at_min_score":0.807,"recall_at_1pct_fp":0.864,"recall_at_0_1pct_fp":0.824,
             "families":{"composite":{"recall_at_min_score":0.42,"recall_at_1pct_fp":0.46,"recall_at_0_1pct_fp":0.42,
               "target_at_1pct_fp":0.9}},
             "text":{"recall":1,"false_positive_rate":0.003,"fair_use_flagged_rate":0,"copy_recall":1}}
            """, to: "robustness/robustness.json")
        let (_, page) = try MorningReportTests.write(store, into: folder.url)
        let section = try #require(page.range(of: "<h2>Matcher robustness</h2>"))
        let findings = try #require(page.range(of: "<h2>Findings</h2>"))
        #expect(section.lowerBound < findings.lowerBound)
        let body = String(page[section.upperBound..<findings.lowerBound])
        #expect(body.contains("<td>composite</td><td>42.0%</td><td>46.0%</td><td>42.0%</td><td>90.0%</td>"))
        #expect(body.contains("&lt;script&gt;x&lt;/script&gt;") && !body.contains("<script>x"))
        #expect(body.contains("fair use flagged 0.0%"))
        let unexpected = Set(HTMLTag.scan(page).map(\.name)).subtracting(MorningReportTests.reportTags)
        #expect(unexpected.isEmpty, "\(unexpected)")
    }

    @Test func withoutAMeasurementThereIsNoSectionAndADamagedOneIsNamed() throws {
        let folder = try TemporaryFolder()
        let store = try MorningReportTests.hostileState(folder)
        let (_, plain) = try MorningReportTests.write(store, into: folder.url)
        #expect(!plain.contains("Matcher robustness"))
        _ = try folder.write("{not json", to: "robustness/robustness.json")
        let (_, damaged) = try MorningReportTests.write(store, into: folder.url)
        #expect(damaged.contains("robustness/robustness.json could not be read"))
    }
}
