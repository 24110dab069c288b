import Findings
import Store

/// DMCA takedown notices, one per copyrighted work and marketplace, with every element 17 U.S.C. §512(c)(3)(A)
/// requires, to be completed and signed by a person (Proofmark never signs a notice, and never states a good-faith
/// belief on anyone's behalf: the statements are written for the signer to adopt).
///
/// The elements, as the statute numbers them: (i) a physical or electronic signature of a person authorised to act
/// for the owner; (ii) identification of the copyrighted work; (iii) identification of the infringing material and
/// information reasonably sufficient to locate it; (iv) the complaining party's contact information; (v) a statement
/// of good-faith belief that the use is not authorised by the owner, its agent, or the law; (vi) a statement that the
/// information is accurate and, under penalty of perjury, that the complaining party is authorised to act for the
/// owner. Blanks to fill are marked `[TO COMPLETE: …]`.
enum DMCANotice {
    static let blank = "[TO COMPLETE"

    static func files(_ items: [ExportItem], _ context: ChannelExport.Context) -> [ExportFile] {
        ChannelExport.grouped(items) { [$0.finding.marketplace, $0.finding.right] }.map { key, group in
            ExportFile(
                path: "\(ChannelExport.slug(key[0]))-\(ChannelExport.slug(key[1])).txt",
                contents: notice(marketplace: key[0], items: group, context))
        }
    }

    static func notice(marketplace: String, items: [ExportItem], _ context: ChannelExport.Context) -> String {
        let right = items[0].right
        let owner = right?.holder ?? context.owner
        let registration = right?.registration ?? items[0].finding.right
        var works: [String] = []
        for item in items {
            for element in item.elements {
                let work: String? =
                    switch element {
                    case .image(let image): "registered image \"\(image.asset)\""
                    case .textCopy(let text): "registered text \"\(text.text)\""
                    default: nil
                    }
                if let work, !works.contains(work) { works.append(work) }
            }
        }
        var text = """
            DMCA NOTICE OF CLAIMED INFRINGEMENT (17 U.S.C. § 512(c)(3))
            Draft prepared by Proofmark on \(context.generatedAt). It is not a notice until a person authorised to act
            for the copyright owner has completed, checked and signed it.

            To: the designated DMCA agent of \(marketplace) [TO COMPLETE: the agent's name and address as listed with the U.S. Copyright Office]

            (ii) Copyrighted work claimed to be infringed:
                Owner: \(owner)
                Work: the work registered with the U.S. Copyright Office as \(registration) (\(right?.id ?? items[0].finding.right))
            """
        for work in works { text += "\n    Including the \(work)" }
        text += """


            (iii) Material claimed to be infringing, and where to find it (\(items.count) listing\(items.count == 1 ? "" : "s")):

            """
        for item in items {
            text += "    \(item.listing.url ?? "") (listing \(item.finding.listingID)"
            if let seller = item.finding.sellerID { text += ", seller \(seller)" }
            text += "; finding \(item.findingID))\n"
        }
        text += """

            (iv) Complaining party:
                Name: [TO COMPLETE: name of the signer]
                On behalf of: \(owner)
                Address: [TO COMPLETE: postal address]
                Telephone: [TO COMPLETE: telephone number]
                Email: [TO COMPLETE: email address]

            (v) I have a good faith belief that use of the material in the manner complained of is not authorized by
            the copyright owner, its agent, or the law.

            (vi) The information in this notification is accurate, and under penalty of perjury, I am authorized to act
            on behalf of the owner of an exclusive right that is allegedly infringed.

            (i) Signature: [TO COMPLETE: physical or electronic signature of the person authorised to act for the owner]
                Date: [TO COMPLETE: date of signing]

            """
        return text
    }
}
