import ArgumentParser
import Foundation
import Pipeline
import Store

/// `--now`: the clock a command runs by, parsed and checked once for every command that takes it. Tests and reruns
/// pass it so that outputs do not depend on the wall clock; without it, the command uses the time it starts.
struct ClockOption: ParsableArguments {
    @Option(
        name: .customLong("now"),
        help: "The clock, ISO 8601 UTC such as 2026-11-30T02:00:00Z (default: now).")
    var now: String?

    func validate() throws {
        if let now, NightlyRun.date(fromTimestamp: now) == nil {
            throw ValidationError("--now \(now): expected an ISO 8601 UTC time such as 2026-11-30T02:00:00Z")
        }
    }

    /// The time given, or now.
    var date: Date { now.flatMap(NightlyRun.date(fromTimestamp:)) ?? Date() }

    /// The time as the state file and the outputs write it (`2026-11-30T02:00:00Z`).
    var timestamp: String { NightlyRun.timestamp(date, compact: false) }
}

/// `--state`: an existing state file, for the commands that read or review one (`run` and `merge` make theirs).
struct StateFileOption: ParsableArguments {
    @Option(name: .customLong("state"), help: "The state file (OUT/state.sqlite of a night's run).")
    var path: String

    /// The folder the state file is in: where the night's outputs are, by default.
    var folder: URL { URL(fileURLWithPath: path).deletingLastPathComponent() }

    /// Fails, naming the file, when there is no state file at the path.
    func requireExisting() throws(CommandError) {
        guard FileManager.default.fileExists(atPath: path) else { throw CommandError("\(path): no such state file") }
    }

    /// The state file, opened; a missing one is an error naming it, never a new empty state.
    func open() throws -> StateStore {
        try requireExisting()
        return try StateStore(path: path)
    }
}
