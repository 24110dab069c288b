/// What one channel's export follows: the form, template or API version, the sources a person can open, what was
/// checked against them and what was not, and what a person still has to do. Written as FORMAT.md in every channel
/// folder.
///
/// `checkedOn` is the day the sources were last read for this table, not the export's clock: the file says how old
/// the knowledge is, and the same state gives the same bytes. When a channel changes its form, this table (and, for
/// eBay, `VeROReport` and `VeROReportSchemaTests`) is what to update.
struct ChannelFormat {
    struct Source {
        var title: String
        var address: String
    }

    /// The day the sources below were read.
    static let checkedOn = "2026-12-07"

    var title: String
    var follows: String
    var sources: [Source]
    var files: [String]
    var checked: [String]
    var notVerified: [String]
    var byHand: [String]

    /// FORMAT.md's text.
    var document: String {
        var text = "# \(title)\n\n\(follows)\n\nSources read on \(Self.checkedOn); check them again before filing if "
        text += "that is long ago.\n\n## Sources\n\n"
        for source in sources { text += "- \(source.title): <\(source.address)>\n" }
        text += "\n## Files\n\n"
        for file in files { text += "- \(file)\n" }
        text += "\n## Checked against the sources\n\n"
        for fact in checked { text += "- \(fact)\n" }
        text += "\n## Not verified\n\n"
        for fact in notVerified { text += "- \(fact)\n" }
        text += "\n## Still to do by hand\n\n"
        for (number, step) in byHand.enumerated() { text += "\(number + 1). \(step)\n" }
        return text
    }

    static func format(_ channel: ExportChannel, codes: VeROReasonCodes) -> ChannelFormat {
        switch channel {
        case .alibabaIPP: alibaba
        case .amazon: amazon
        case .ebayVeRO: ebay(codes)
        case .temu: temu
        case .scheduleA: scheduleA
        case .dmca: dmca
        }
    }

    static let prefilingFile =
        "`prefiling-checks.csv`: every issue the pre-filing checks raised, refused findings included (they are in no "
        + "other file)."

    static let alibaba = ChannelFormat(
        title: "Alibaba IPP complaints (alibaba-ipp)",
        follows:
            "Follows the complaint flow of Alibaba's Intellectual Property Protection platform (IPP) for a registered "
            + "IPP account, which covers Taobao, Tmall, Tmall.hk, 1688, Alibaba.com and AliExpress. IPP publishes no "
            + "bulk-upload template: the files are Proofmark's own layout, one complaint per right, to paste into "
            + "the portal.",
        sources: [
            Source(title: "IPP FAQ", address: "https://ipp.alibabagroup.com/faq/en.htm"),
            Source(title: "IPP instructions", address: "https://ipp.alibabagroup.com/instruction/en.htm"),
        ],
        files: [
            "`complaints.csv`: one row per complaint (marketplace, right, registration, holder, reason, URL count).",
            "`<complaint>-urls.txt`: the complaint's listing URLs, one per line, to paste into IPP.",
            "`listings.csv`: every listing of every complaint, with where it infringes, test-buy order ids and the "
                + "finding it comes from.",
            prefilingFile,
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

    static let amazon = ChannelFormat(
        title: "Amazon Brand Registry notices (amazon)",
        follows:
            "Follows Amazon's Report a Violation tool (Brand Registry) and the Report Infringement form of each "
            + "Amazon store. Amazon publishes no bulk-upload template: notices.csv is Proofmark's own layout, one "
            + "batch per store and IP type, to enter into the tool.",
        sources: [
            Source(
                title: "Report Infringement form (amazon.com)", address: "https://www.amazon.com/report/infringement")
        ],
        files: [
            "`notices.csv`: one row per listing (ASIN, URL, registrations, where it infringes, test-buy order ids, "
                + "seller), grouped into batches of one store and one IP type.",
            prefilingFile,
        ],
        checked: [
            "Nothing against Amazon's own pages: none describing the form's fields or limits could be read for "
                + "this review."
        ],
        notVerified: [
            "50 listings per report, a form per Amazon store, and a trademark that must cover the store's country: "
                + "from a law firm's note on the form, not from Amazon's own pages (the pre-filing jurisdiction "
                + "check applies the last).",
            "One IP type per notice, and the form's choices for where a listing infringes (product, image, text): "
                + "Proofmark's reading of the tool, not re-checked against Amazon's current form.",
        ],
        byHand: [
            "Sign in to Brand Registry (enrolment and a registered trademark per store are needed).",
            "For each batch: open Report a Violation, choose the IP type, enter the ASINs, choose where each "
                + "infringes, give the registration and the test-buy order ids, add evidence from the bundles.",
            "Submit, and keep Amazon's case id beside the batch.",
        ])

    static func ebay(_ codes: VeROReasonCodes) -> ChannelFormat {
        let reasonCodes: String =
            if codes.isEmpty {
                "No --vero-reason-codes was given: every veroReasonCodeId holds Proofmark's symbolic reason "
                    + "(trademark-counterfeit, ...), which eBay does not take. Export again with eBay's "
                    + "getVeroReasonCodes response, or replace them by hand."
            } else if codes.catalogue.isEmpty {
                "Reason codes: the code ids named in the --vero-reason-codes file."
            } else {
                "Reason codes: chosen from the getVeroReasonCodes response given to --vero-reason-codes, on each "
                    + "listing's eBay marketplace, by the words of the codes' brief texts (items.csv shows each "
                    + "code and its text: check them)."
            }
        return ChannelFormat(
            title: "eBay VeRO reports (ebay-vero)",
            follows:
                "Request bodies for eBay's VeRO API v2 (`/commerce/vero/v2`, OpenAPI document 2.0.0), whose filing "
                + "method eBay's API index names reportVeroViolations. The v1 API (`createVeroReport`, "
                + "`/commerce/vero/v1`) was decommissioned on 2026-09-30. The v2 request body's schema could not "
                + "be read when this was written: the field names are v1's, carried over (see Not verified). "
                + reasonCodes,
            sources: [
                Source(title: "VeRO API v2 OpenAPI document", address: VeROReport.v2Spec),
                Source(title: "VeRO API v2 overview", address: VeROReport.v2Overview),
                Source(title: "eBay API index (lists reportVeroViolations)", address: VeROReport.apiIndex),
                Source(title: "v1 createVeroReport (body, 150-item limit)", address: VeROReport.v1Request),
                Source(title: "v1 ReportItemDetails (fields, lengths)", address: VeROReport.v1Item),
                Source(title: "v1 getVeroReasonCodes (response shape)", address: VeROReport.v1ReasonCodes),
            ],
            files: [
                "`report-<marketplace>-<n>.json`: one request body each, at most \(VeROReport.maxItems) reported "
                    + "listings; a listing appears once per reason code.",
                "`items.csv`: every finding, the request file and entry it is in, its reason code and the code's "
                    + "text, and its full message (a message over \(VeROReport.maxMessage) characters is shortened "
                    + "in the request, with a warning).",
                prefilingFile,
            ],
            checked: VeROReport.facts.filter(\.verified).map { "\($0.statement) (<\($0.source)>)." },
            notVerified: VeROReport.facts.filter { !$0.verified }.map {
                "\($0.statement): from v1 (<\($0.source)>), not read in the v2 document."
            } + [
                "The eBay marketplace ids (EBAY_US, EBAY_GB, EBAY_DE, ...) are eBay's MarketplaceIdEnum values as v1 "
                    + "used them.",
                "Choosing a code by the words of its brief text is Proofmark's rule; eBay publishes no mapping.",
            ],
            byHand: [
                "Compare the body's field names and limits with the v2 OpenAPI document before the first filing; "
                    + "if they differ, do not file: update VeROReport (and its test) first.",
                "Get an OAuth token for a VeRO Program member with the scope "
                    + "https://api.ebay.com/oauth/api_scope/commerce.vero.",
                "POST each report-*.json to reportVeroViolations with Content-Type: application/json, and keep the "
                    + "report id eBay returns beside the file name (eBay offers no way to look it up later).",
                "copyEmailToRightsOwner is false: set it to true if you want eBay's notice copied to you.",
            ])
    }

    static let temu = ChannelFormat(
        title: "Temu IP Portal complaints (temu)",
        follows:
            "Follows the report contents Temu's Intellectual Property Policy (US, last updated 2025-04-27) asks of "
            + "a notice filed through its Intellectual Property Infringement Report Portal (IP Portal). Temu "
            + "publishes no bulk-upload template: the files are Proofmark's own layout, one complaint per right.",
        sources: [
            Source(
                title: "Temu Intellectual Property Policy",
                address: "https://www.temu.com/intellectual-property-policy.html"),
            Source(
                title: "Temu UK/EU Intellectual Property Policy",
                address: "https://www.temu.com/uk/intellectual-property-policy.html"),
        ],
        files: [
            "`complaints.csv`: one row per complaint (right, registration, holder, reason, URL count).",
            "`<complaint>-urls.txt`: the complaint's listing URLs, one per line.",
            "`listings.csv`: every listing of every complaint, with where it infringes (product, image, text), "
                + "test-buy order ids and the finding it comes from.",
            prefilingFile,
        ],
        checked: [
            "A report identifies the right (registration number), the type of infringement (on the product, the "
                + "packaging, the detail page's images or its text), the links, supporting documents such as "
                + "test-purchase order ids, contact details, and a good-faith statement; it is sworn under penalty "
                + "of perjury (Temu IP Policy, section 1).",
            "Temu may not remove listings that are fair use, such as showing compatibility (UK/EU policy): the "
                + "pre-filing checks refuse fair-use wording with no copied image.",
        ],
        notVerified: [
            "200 listings per complaint, all on the same right: from a third-party guide, not from Temu's pages.",
            "Packaging is not told apart from the product: Proofmark's `product` covers both.",
        ],
        byHand: [
            "Sign in to the IP Portal (a Temu account is needed) and register the right with its proof of "
                + "ownership.",
            "For each row of complaints.csv: paste the URLs of its urls.txt, choose the type of infringement per "
                + "listings.csv, add test-buy order ids and evidence from the bundles.",
            "Give contact details and make the good-faith and accuracy statements yourself: Proofmark makes none.",
        ])

    static let scheduleA = ChannelFormat(
        title: "Schedule A defendants (schedule-a)",
        follows:
            "Follows the practice of \"Schedule A\" complaints in US district courts (most of them in the Northern "
            + "District of Illinois): defendants named by seller alias and store in a schedule to the complaint, "
            + "with exhibits per defendant. No court publishes a form for it: defendants.csv and the exhibit "
            + "indexes are Proofmark's own layout, for counsel to turn into the schedule and exhibits.",
        sources: [
            Source(title: "N.D. Ill. Local Rules", address: "https://www.ilnd.uscourts.gov/LocalRules.aspx"),
            Source(title: "Fed. R. Civ. P. 20 (joinder)", address: "https://www.law.cornell.edu/rules/frcp/rule_20"),
        ],
        files: [
            "`defendants.csv`: one Doe per seller and marketplace, most accused listings first, with alias, store "
                + "URL, listing URLs, asserted US registrations, whether it ships to the US, currency.",
            "`exhibits/doe-<n>.csv`: the defendant's exhibits, one per listing, each naming its evidence bundle and "
                + "the SHA-256 of the bundle's tag manifest (when the bundles folder is at hand).",
            prefilingFile,
        ],
        checked: [
            "Nothing: no court publishes a Schedule A form to check the files against."
        ],
        notVerified: [
            "Only US registrations are asserted: Proofmark's rule for a US court (the pre-filing jurisdiction "
                + "check).",
            "The schedule's columns: judges' standing orders differ, and none was checked for this export.",
            "Whether the defendants may be joined in one action (Rule 20) is counsel's call; Proofmark only groups "
                + "by seller.",
        ],
        byHand: [
            "Counsel drafts the complaint and decides joinder, sealing and the schedule's form under the assigned "
                + "judge's standing order.",
            "Turn defendants.csv into the schedule, and the exhibit indexes into exhibits (screenshots and "
                + "side-by-side pictures are in the bundles; verify each with proofmark verify).",
        ])

    static let dmca = ChannelFormat(
        title: "DMCA notices (dmca)",
        follows:
            "Follows 17 U.S.C. § 512(c)(3)(A), the elements of a notification of claimed infringement: one notice "
            + "per copyrighted work and marketplace, every element present, blanks marked [TO COMPLETE: ...].",
        sources: [
            Source(title: "17 U.S.C. § 512", address: "https://www.law.cornell.edu/uscode/text/17/512"),
            Source(
                title: "U.S. Copyright Office DMCA Designated Agent Directory",
                address: "https://dmca.copyright.gov/osp/"),
        ],
        files: [
            "`<marketplace>-<right>.txt`: the notice, with elements (i) to (vi) as the statute numbers them.",
            prefilingFile,
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
