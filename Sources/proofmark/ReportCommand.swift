import ArgumentParser
import Evidence
import Foundation
import Store

/// `proofmark report`: the morning report of a night, rebuilt from the state file.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write the HTML morning report of a night from the state file.",
        discussion: """
            Writes DIR/report/index.html and its thumbnails (DIR/report/thumbs/), for the latest completed night or \
            the one --run names. Findings whose bundle is in DIR/bundles are linked to it and to its claim chart, \
            and get a thumbnail of their first side-by-side image. The page opens offline and makes no request to \
            any host. Exit status: 0 when written, 1 otherwise (no such state file or run, output not writable).
            """
    )

    @OptionGroup var state: StateFileOption

    @Option(help: "The output folder of the night: the report goes to DIR/report, bundles are read from DIR/bundles.")
    var out: String

    @Option(name: .customLong("run"), help: "The run to report (default: the latest completed run).")
    var runID: String?

    func run() throws {
        do {
            let store = try state.open()
            let folder = URL(fileURLWithPath: out)
            let summary = try MorningReport.write(
                store: store, runID: runID, outputFolder: folder,
                bundlesFolder: folder.appendingPathComponent("bundles"))
            let statuses = ["new", "ongoing", "relisted", "resolved"].map { "\(summary.byStatus[$0] ?? 0) \($0)" }
            var line = "wrote \(summary.reportFile.path): run \(summary.runID), \(summary.findings) findings ("
            line += statuses.joined(separator: ", ") + ")"
            line += "; thumbnails: \(summary.thumbnailsMade) made, \(summary.thumbnailsKept) up to date"
            if summary.thumbnailFailureCount > 0 { line += ", \(summary.thumbnailFailureCount) failed" }
            print(line)
            for failure in summary.thumbnailFailures {
                FileHandle.standardError.write(Data("proofmark report: no thumbnail for \(failure)\n".utf8))
            }
        } catch {
            FileHandle.standardError.write(Data("proofmark report: \(error)\n".utf8))
            throw ExitCode(1)
        }
    }
}
