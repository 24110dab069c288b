import ArgumentParser
import Findings
import Foundation
import Pipeline
import Store

/// `proofmark review`: an analyst confirms or dismisses findings, by id or by filter.
struct ReviewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "review",
        abstract: "Confirm or dismiss findings, recording who, when and why.",
        discussion: """
            Name findings by id, or select those not resolved by --brand, --seller and --min-score (all given \
            filters must match). Decisions persist across nights: a dismissed finding stays dismissed until its \
            evidence grows (a new image signal, a new mark, a higher severity), then it comes back as new with the \
            earlier decision shown in findings.jsonl as previous_review. Only confirmed findings are exported. For \
            sharded nights, review the merged state file: proofmark merge carries its decisions forward. --undo \
            takes back the latest decision (recorded as withdrawn: the finding is open again). A review refuses \
            while proofmark merge is replacing the state file, so that no decision is lost with it. \
            Exit status: 0 when recorded, 1 otherwise (unknown finding id, nothing selected, no such state file).
            """
    )

    @OptionGroup var state: StateFileOption

    @Argument(help: "Finding ids (f-…).")
    var findingIDs: [String] = []

    @Flag(help: "Confirm the findings: they may be exported.")
    var confirm = false

    @Flag(help: "Dismiss the findings: never exported while their evidence stays the same.")
    var dismiss = false

    @Flag(help: "Take back the latest decision: the finding is open again (recorded as withdrawn).")
    var undo = false

    @Option(help: "Why (kept with the decision).")
    var reason: String?

    @Option(help: "Who decides (default: the OS user).")
    var reviewer: String?

    @Option(help: "Select the findings of this brand.")
    var brand: String?

    @Option(help: "Select the findings of this seller id.")
    var seller: String?

    @Option(name: .customLong("min-score"), help: "Select the findings scoring at least this (0…1).")
    var minimumScore: Double?

    /// The decision's time.
    @OptionGroup var clock: ClockOption

    func validate() throws {
        guard [confirm, dismiss, undo].filter({ $0 }).count == 1 else {
            throw ValidationError("give exactly one of --confirm, --dismiss and --undo")
        }
        guard !findingIDs.isEmpty || brand != nil || seller != nil || minimumScore != nil else {
            throw ValidationError("name findings by id, or select them with --brand, --seller or --min-score")
        }
    }

    func run() throws {
        do {
            let who =
                reviewer ?? ProcessInfo.processInfo.environment["USER"].flatMap { $0.isEmpty ? nil : $0 }
                ?? NSUserName()
            let decision: ReviewRecord.Decision = confirm ? .confirmed : dismiss ? .dismissed : .withdrawn
            let written = try StateStore.recordReview(
                statePath: state.path,
                StateStore.ReviewSelection(
                    findingIDs: findingIDs, brand: brand, sellerID: seller, minimumScore: minimumScore),
                decision: decision, reviewer: who, reason: reason,
                at: clock.timestamp)
            guard !written.isEmpty else { throw CommandError("no finding matches the filters") }
            let verb = decision.rawValue
            print("\(verb) \(written.count) finding\(written.count == 1 ? "" : "s") as \(who)")
            for review in written { print("\(review.findingID)\t\(verb)") }
        } catch {
            FileHandle.standardError.write(Data("proofmark review: \(error)\n".utf8))
            throw ExitCode(1)
        }
    }
}
