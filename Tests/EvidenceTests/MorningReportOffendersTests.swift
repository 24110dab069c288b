import Findings
import Foundation
import Store
import TestSupport
import Testing

@testable import Evidence

@Suite struct MorningReportOffendersTests {
    @Test func theReportRanksRepeatOffendersAndShowsDecisions() throws {
        let folder = try TemporaryFolder()
        let store = try MorningReportTests.hostileState(folder)
        _ = try store.review(
            .init(findingIDs: ["f-a"]), decision: .confirmed, reviewer: "<b>ana</b>", reason: nil, at: "t")
        let (_, page) = try MorningReportTests.write(store, into: folder.url)
        let section = try #require(page.range(of: "<h2>Repeat offenders</h2>"))
        let findings = try #require(page.range(of: "<h2>Findings</h2>"))
        #expect(section.lowerBound < findings.lowerBound)
        // s-1 has the confirmed finding: a strike, so first in the table.
        let offenders = String(page[section.upperBound..<findings.lowerBound])
        let firstRow = try #require(offenders.range(of: "<tr><td>"))
        #expect(offenders[firstRow.upperBound...].hasPrefix("<bdi>s-1</bdi>"))
        #expect(page.contains("<b>confirmed</b> <span class=\"q\">by &lt;b&gt;ana&lt;/b&gt;</span>"))
        let unexpected = Set(HTMLTag.scan(page).map(\.name)).subtracting(MorningReportTests.reportTags)
        #expect(unexpected.isEmpty, "\(unexpected)")
    }
}
