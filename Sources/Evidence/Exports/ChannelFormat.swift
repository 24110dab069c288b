/// What one channel's export follows: the form, template or API version, the sources a person can open, what was
/// checked against them and what was not, and what a person still has to do. Written as FORMAT.md in every channel
/// folder.
///
/// `checkedOn` is the day the sources were last read for this table, not the export's clock: the file says how old
/// the knowledge is, and the same state gives the same bytes. When a channel changes its form, this table (and, for
/// eBay, `VeROReport` and `VeROReportSchemaTests`) is what to update; each channel's table is in its own file
/// (`ComplaintChannel.format(codes:)`).
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

    static let prefilingFile =
        "`prefiling-checks.csv`: every issue the pre-filing checks raised, refused findings included (they are in no "
        + "other file)."
}
