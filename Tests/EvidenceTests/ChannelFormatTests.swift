import Foundation
import Testing

@testable import Evidence

/// Every channel folder says what its files follow: the form or API version, the day the sources were read, an
/// address a person can open, what is verified and what is not, and what is left to do by hand.
@Suite struct ChannelFormatTests {
    @Test(arguments: ExportChannel.allCases)
    func everyChannelFolderCarriesItsFormat(channel: ExportChannel) throws {
        let fixture = try ExportFixture(PrefilingChecksTests.clean)
        let format = try #require(try fixture.export(channel).file("FORMAT.md"))
        for heading in [
            "## Sources", "## Files", "## Checked against the sources", "## Not verified", "## Still to do by hand",
        ] {
            #expect(format.contains(heading), "\(channel): \(heading)")
        }
        #expect(format.contains("Sources read on \(ChannelFormat.checkedOn)"))
        #expect(format.contains("<https://"), "\(channel) names no address")
        #expect(format.contains("1. "), "\(channel) leaves nothing to do by hand")
        #expect(format.contains("prefiling-checks.csv"))
        // The file is the same whatever the clock.
        #expect(try fixture.export(channel, today: "2027-01-01").file("FORMAT.md") == format)
    }

    @Test func theEBayFormatNamesV2AndMarksWhatComesFromV1AsUnverified() {
        let text = EbayVeROChannel.filingFormat(VeROReasonCodes()).document
        #expect(text.contains("/commerce/vero/v2") && text.contains("reportVeroViolations"))
        let unverified = text.components(separatedBy: "## Not verified").last ?? ""
        #expect(unverified.contains("\"reportItems\"") && unverified.contains("At most 150"))
        #expect(VeROReport.facts.contains { !$0.verified } && VeROReport.facts.contains(where: \.verified))
    }
}
