import ArgumentParser
import Foundation
import Pipeline
import Store

extension RunCommand {
    /// The most listings, or image URLs, worked on at once: far above any machine's cores or a polite crawl, and
    /// low enough that the task groups and threads sized from it cannot overflow or exhaust the process.
    static let maximumJobs = 1024
}

extension RunCommand {
    /// What stderr says about marketplaces whose dump shrank far below the last completed night.
    static func shrinkWarnings(_ summary: RunSummary) -> [String] {
        summary.shrunkMarketplaces.map { shrink in
            "warning: \(shrink.marketplace): \(shrink.tonight) listings tonight against \(shrink.lastNight) on the "
                + "last completed night (run \(shrink.lastRunID)); "
                + (summary.shrinkAccepted
                    ? "the shrink was accepted (--accept-shrink): absent listings' findings are resolved as listing-gone"
                    : "findings of absent listings are left as they were, not resolved as listing-gone "
                        + "(a failed crawl?); if the shrink is real, run again with --accept-shrink")
        }
    }
}

extension RunCommand {
    /// Every file the run reads is a regular file (a FIFO would block, `/dev/zero` would be read forever), and the
    /// output folder is a folder that is not the current one by accident.
    func validateFiles() throws {
        guard !out.isEmpty else { throw ValidationError("--out is empty: name the output folder") }
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: out, isDirectory: &isDirectory), !isDirectory.boolValue {
            throw ValidationError("--out \(out) is not a folder")
        }
        if let state, state.isEmpty { throw ValidationError("--state is empty: name the state file") }
        let inputs: [(String, String?)] = [
            ("--registry", registry), ("--dump", dump), ("--map-file", mapFile), ("--signing-key", signingKey),
        ]
        for case (let option, let path?) in inputs {
            if let problem = InputFile.problem(path) { throw ValidationError("\(option) \(path) \(problem)") }
        }
    }
}
