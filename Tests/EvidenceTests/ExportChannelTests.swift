import Testing

@testable import Evidence

/// The registered channels: one name each, found by name and by nothing else, and each known marketplace filed
/// through exactly one of them.
@Suite struct ExportChannelTests {
    @Test func everyRegisteredChannelIsFoundByItsNameAndByNoOther() {
        let names = ExportChannel.allCases.map(\.rawValue)
        #expect(names == ["alibaba-ipp", "amazon", "ebay-vero", "temu", "schedule-a", "dmca"])
        #expect(Set(names).count == names.count)
        for channel in ExportChannel.allCases {
            #expect(ExportChannel(rawValue: channel.rawValue) == channel)
            #expect(!channel.displayName.isEmpty)
            #expect(channel.rawValue.allSatisfy { $0.isLowercase || $0.isNumber || $0 == "-" })
        }
        for unknown in ["", "Amazon", "etsy", "ebay", "amazon "] {
            #expect(ExportChannel(rawValue: unknown) == nil, "\(unknown)")
        }
    }

    @Test func eachKnownMarketplaceIsServedByOneMarketplaceChannelAndByTheAnyMarketplaceOnes() {
        let table = ExportChannel.marketplaceTable
        #expect(Set(table.map(\.marketplace)).count == table.count, "a marketplace listed twice")
        for entry in table {
            let serving = ExportChannel.allCases.filter { $0.serves(marketplace: entry.marketplace) }
            #expect(Set(serving.map(\.rawValue)) == [entry.channel.rawValue, "schedule-a", "dmca"])
        }
        #expect(ExportChannel.amazon.serves(marketplace: "www.Amazon.de"))
        #expect(ExportChannel.amazon.acceptedJurisdictions(marketplace: "amazon.de") == ["EU", "DE"])
        #expect(ExportChannel.alibabaIPP.acceptedJurisdictions(marketplace: "aliexpress") == nil)
        #expect(ExportChannel.scheduleA.acceptedJurisdictions(marketplace: "aliexpress") == ["US"])
        #expect(!ExportChannel.temu.serves(marketplace: "etsy") && ExportChannel.dmca.serves(marketplace: "etsy"))
        #expect(
            ExportChannel.dmca.accepts(rightKind: "copyright") && !ExportChannel.dmca.accepts(rightKind: "trademark"))
    }
}
