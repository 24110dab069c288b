import Foundation
import Store

/// DMCA notices (17 U.S.C. § 512(c)(3)), one per copyrighted work and marketplace (`DMCANotice`), for listings of
/// any marketplace on copyright only.
struct DMCAChannel: ComplaintChannel {
    let id = "dmca"
    let displayName = "DMCA notices"
    let marketplaces: [MarketplaceRule] = []
    let limit: Int? = nil
    let allowsMixedIPTypes = false
    let groupsNoticesByRight = true

    func accepts(rightKind: String) -> Bool { rightKind == "copyright" }

    func serves(marketplace: String) -> Bool { true }

    func requiredFields(_ item: ExportItem) -> [(name: String, value: String?)] {
        [("url", item.listing.url), ("registration", item.right?.registration), ("holder", item.right?.holder)]
    }

    func files(_ items: [ExportItem], _ context: ChannelExport.Context) -> [ExportFile] {
        DMCANotice.files(items, context)
    }

    func format(codes: VeROReasonCodes) -> ChannelFormat { Self.filingFormat }

    static let filingFormat = ChannelFormat(
        title: "DMCA notices (dmca)",
        follows:
            "Follows 17 U.S.C. § 512(c)(3)(A), the elements of a notification of claimed infringement: one notice "
            + "per copyrighted work and marketplace, every element present, blanks marked [TO COMPLETE: ...].",
        sources: [
            ChannelFormat.Source(title: "17 U.S.C. § 512", address: "https://www.law.cornell.edu/uscode/text/17/512"),
            ChannelFormat.Source(
                title: "U.S. Copyright Office DMCA Designated Agent Directory",
                address: "https://dmca.copyright.gov/osp/"),
        ],
        files: [
            "`<marketplace>-<right>.txt`: the notice, with elements (i) to (vi) as the statute numbers them.",
            ChannelFormat.prefilingFile,
        ],
        checked: [
            "Elements (i) to (vi) of § 512(c)(3)(A): signature; the work; the material and where to find it; the "
                + "complaining party's contact details; the good-faith statement; the accuracy statement and, under "
                + "penalty of perjury, the authority to act."
        ],
        notVerified: [
            "Each marketplace's designated agent: not looked up (the notice leaves it blank).",
            "A marketplace may prefer its own web form to a notice by email; not checked per marketplace.",
        ],
        byHand: [
            "Look up the marketplace's designated agent in the Copyright Office directory and fill in the To line.",
            "Fill in the signer's name, address, telephone and email; read the statements; sign and date.",
            "Send it to the agent (or through the marketplace's own form), with the evidence bundles at hand.",
        ])
}

extension ExportChannel {
    /// DMCA notices to complete and sign (`dmca`).
    public static let dmca = ExportChannel(DMCAChannel())
}
