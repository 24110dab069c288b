import ArgumentParser
import Foundation
import Review

/// `proofmark serve`: the review workbench in a browser (the server lives in the Review library).
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Review the latest night's findings in a browser: confirm, dismiss, file.",
        discussion: """
            Serves a local review workbench over the state file and the night's outputs: the queue of the latest \
            night's findings worst first with filters and counts, each finding with its pictures, signals, \
            history and seller record, decisions with one key each (j/k move, c confirm, d dismiss, u undo) or in \
            bulk over a filter, and exports per channel after the pre-filing checks. Decisions are recorded as \
            proofmark review records them (who: --reviewer; when: the clock; why: the reason), and exports are \
            written as proofmark export writes them, into OUT/exports. It listens on 127.0.0.1 unless --host says \
            otherwise (with --host 0.0.0.0, --name gives the name analysts open) and prints the address to open, \
            with a one-time access token; --port 0 picks a free port. \
            Stop it with Ctrl-C.
            """
    )

    @OptionGroup var state: StateFileOption

    @Option(help: "The night's outputs (bundles/, exports/): default, the state file's folder.")
    var out: String?

    @Option(help: "The address to listen on (default 127.0.0.1: this machine only).")
    var host = "127.0.0.1"

    @Option(
        help: ArgumentHelp(
            "A name the server answers as besides --host (repeatable): the name analysts open, e.g. with --host 0.0.0.0.",
            discussion: "Every request's Host header must name the server; any other name (a DNS name rebound to it) "
                + "is refused."))
    var name: [String] = []

    @Option(help: "The port (0: any free port, printed).")
    var port = 8080

    @Option(help: "Who decides (default: the OS user).")
    var reviewer: String?

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port \(port): expected 0 to 65535") }
    }

    func run() async throws {
        do { try state.requireExisting() } catch {
            FileHandle.standardError.write(Data("proofmark serve: \(error)\n".utf8))
            throw ExitCode(1)
        }
        let who =
            reviewer ?? ProcessInfo.processInfo.environment["USER"].flatMap { $0.isEmpty ? nil : $0 } ?? NSUserName()
        let output = out.map { URL(fileURLWithPath: $0) } ?? state.folder
        let configuration = ReviewServer.Configuration(
            statePath: state.path, outputFolder: output, host: host, names: name, port: port, reviewer: who)
        if let problem = ReviewServer.problem(with: configuration) {
            FileHandle.standardError.write(Data("proofmark serve: \(problem)\n".utf8))
            throw ExitCode(1)
        }
        do {
            try await ReviewServer.run(configuration) { url in
                FileHandle.standardOutput.write(
                    Data("proofmark serve: reviewing as \(who); open \(url.absoluteString)\n".utf8))
            }
        } catch {
            FileHandle.standardError.write(Data("proofmark serve: \(error)\n".utf8))
            throw ExitCode(1)
        }
    }
}
