public import ArgumentParser
import Evidence
import Foundation
import Pipeline
import Store

/// `proofmark export`: complaint files for one channel, after the pre-filing checks.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write complaint exports for a marketplace channel, after the pre-filing checks.",
        discussion: """
            Exports the confirmed findings not resolved on the channel's marketplaces into OUT/<channel>/ \
            (alibaba-ipp and temu: complaints per right, 300 and 200 URLs each; amazon: notices.csv, one IP type \
            and at most 50 listings per batch; ebay-vero: VeRO API v2 request bodies, 150 listings each; schedule-a: \
            defendants.csv and exhibits/doe-N.csv; dmca: a notice per work to complete and sign), with \
            prefiling-checks.csv and FORMAT.md (which form or API version the files follow, its sources, and what \
            is left to do by hand). The checks refuse a finding that is dismissed, unconfirmed (unless \
            --include-unreviewed), of an authorised seller, on an expired right or one of the wrong jurisdiction, \
            worded as fair use with no image copied, or missing a field the channel requires; they warn when a \
            listing's findings mix IP types. Every issue is named on stderr and in prefiling-checks.csv. Exit \
            status: 0 when the export was written (refused findings left out of it); with --check, 0 when nothing \
            would be refused and 2 when something would; 1 when the export could not be made.
            """
    )

    @OptionGroup var state: StateFileOption

    @Option(help: ArgumentHelp(ExportChannel.listed))
    var channel: ExportChannel

    @Option(help: "The exports folder (default: exports/ beside the state file); files go to OUT/<channel>/.")
    var out: String?

    @Flag(help: "Run the pre-filing checks only; write nothing.")
    var check = false

    @Flag(name: .customLong("include-unreviewed"), help: "Export findings nobody confirmed too (with a warning).")
    var includeUnreviewed = false

    /// The filing time: judges expiry and dates the notices.
    @OptionGroup var clock: ClockOption

    @Option(help: "The findings' bundles (default: bundles/ beside the state file), for Schedule A's exhibits.")
    var bundles: String?

    @Option(
        name: .customLong("vero-reason-codes"),
        help: ArgumentHelp(
            "eBay's getVeroReasonCodes response, saved as it is (or a JSON object naming a code id per reason).",
            discussion: "Reasons: trademark-counterfeit, trademark-listing-use, copyright-image, copyright-text, "
                + "design-patent. Give it twice to name some codes beside a response: named codes win."))
    var veroReasonCodes: [String] = []

    func run() throws {
        let result: Exporter.Result
        do {
            let store = try state.open()
            let base = state.folder
            let time = clock.timestamp
            var codes = VeROReasonCodes()
            for path in veroReasonCodes {
                if let problem = InputFile.problem(path) { throw CommandError("\(path) \(problem)") }
                guard let data = FileManager.default.contents(atPath: path) else {
                    throw CommandError("\(path): cannot be read")
                }
                codes.merge(try VeROReasonCodes(data: data, path: path))
            }
            let bundlesFolder = bundles.map { URL(fileURLWithPath: $0) } ?? base.appendingPathComponent("bundles")
            result = try Exporter.prepare(
                store: store, channel: channel,
                options: Exporter.Options(
                    includeUnreviewed: includeUnreviewed, today: String(time.prefix(10)), generatedAt: time,
                    bundlesFolder: bundlesFolder, veroReasonCodes: codes))
            for issue in result.issues {
                FileHandle.standardError.write(Data("proofmark export: \(Terminal.safe(issue.description))\n".utf8))
            }
            var line = "\(channel.rawValue): \(result.candidates) candidates, \(result.exported.count) "
            line += check ? "would be exported" : "exported"
            line += ", \(result.refused) refused, \(result.warnings) warnings"
            if result.outsideChannel > 0 {
                line += "; \(result.outsideChannel) findings on other marketplaces or rights"
            }
            for note in result.notes {
                FileHandle.standardError.write(Data("proofmark export: \(note)\n".utf8))
            }
            if !check {
                let folder = out.map { URL(fileURLWithPath: $0) } ?? base.appendingPathComponent("exports")
                let written = try Exporter.write(result, into: folder)
                line += "; wrote \(result.files.count) files to \(written.path)"
            }
            print(line)
        } catch {
            FileHandle.standardError.write(Data("proofmark export: \(error)\n".utf8))
            throw ExitCode(1)
        }
        if check, result.refused > 0 { throw ExitCode(2) }
    }
}

/// Dump text made safe for a terminal: control characters shown as escapes, never sent.
enum Terminal {
    static func safe(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || scalar == "\u{202E}" {
                out += "\\u{" + String(scalar.value, radix: 16) + "}"
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}

/// `--channel`: one of the registered channels' names (`ExportChannel.allCases`), which ArgumentParser lists when
/// another is given; there is no default channel.
extension ExportChannel: ExpressibleByArgument {
    /// The channels' names as help lists them: `alibaba-ipp, amazon, ... or dmca`.
    static var listed: String {
        let names = allCases.map(\.rawValue)
        return names.dropLast().joined(separator: ", ") + (names.count > 1 ? " or " : "") + (names.last ?? "") + "."
    }
}
