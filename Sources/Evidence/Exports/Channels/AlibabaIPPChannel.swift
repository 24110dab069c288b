import Foundation
import Store

/// Alibaba's Intellectual Property Protection platform (IPP), for Taobao, Tmall, 1688, Alibaba.com and AliExpress:
/// one complaint per marketplace and right, at most 300 URLs each (`ChannelExport.complaintsPerRight`).
struct AlibabaIPPChannel: PerRightComplaintChannel {
    let id = "alibaba-ipp"
    let displayName = "Alibaba IPP"
    // Alibaba.com and AliExpress sell across borders; IPP acts on registrations of any jurisdiction. Taobao,
    // Tmall and 1688 sell in mainland China.
    let marketplaces = [
        MarketplaceRule(["alibaba", "alibaba.com", "aliexpress", "aliexpress.com"], ["*"]),
        MarketplaceRule(["taobao", "tmall", "1688"], ["CN"]),
    ]
    let limit: Int? = 300
    let allowsMixedIPTypes = false
    let groupsNoticesByRight = true

    static let filingFormat = ChannelFormat(
        title: "Alibaba IPP complaints (alibaba-ipp)",
        follows:
            "Follows the complaint flow of Alibaba's Intellectual Property Protection platform (IPP) for a registered "
            + "IPP account, which covers Taobao, Tmall, Tmall.hk, 1688, Alibaba.com and AliExpress. IPP publishes no "
            + "bulk-upload template: the files are Proofmark's own layout, one complaint per right, to paste into "
            + "the portal.",
        sources: [
            ChannelFormat.Source(title: "IPP FAQ", address: "https://ipp.alibabagroup.com/faq/en.htm"),
            ChannelFormat.Source(title: "IPP instructions", address: "https://ipp.alibabagroup.com/instruction/en.htm"),
        ],
        files: [
            "`complaints.csv`: one row per complaint (marketplace, right, registration, holder, reason, URL count).",
            "`<complaint>-urls.txt`: the complaint's listing URLs, one per line, to paste into IPP.",
            "`listings.csv`: every listing of every complaint, with where it infringes, test-buy order ids and the "
                + "finding it comes from.",
            ChannelFormat.prefilingFile,
        ],
        checked: [
            "IPP covers Taobao, Tmall, Tmall.hk, 1688, Alibaba.com and AliExpress (IPP FAQ).",
            "A complaint is matched with an IPR already submitted and approved on IPP, and several IPRs are to be "
                + "submitted separately (IPP FAQ): hence one complaint per right.",
        ],
        notVerified: [
            "The limit of 300 URLs per complaint is Proofmark's own: no published IPP limit was found. (A "
                + "third-party guide says the form for people without an IPP account takes 10 links per complaint; "
                + "this export is for IPP accounts.)",
            "The complaint reason's wording is Proofmark's; IPP offers its own list of reasons to choose from.",
        ],
        byHand: [
            "Sign in to IPP; the right must be submitted and approved there first (registration certificate, "
                + "identification, and an authorisation letter when you are not the holder).",
            "For each row of complaints.csv: start a complaint, pick the approved right, paste the URLs of its "
                + "urls.txt, choose IPP's reason that fits the reason column, attach evidence from the bundles.",
            "Submit, and keep IPP's complaint number beside the complaint id.",
        ])
}

extension ExportChannel {
    /// Alibaba IPP complaints (`alibaba-ipp`).
    public static let alibabaIPP = ExportChannel(AlibabaIPPChannel())
}
