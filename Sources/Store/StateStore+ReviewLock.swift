import Foundation

extension StateStore {
    /// Records a review decision on the state file at `statePath` under its review lock (`StateLock(reviewsOf:)`):
    /// the one path by which `proofmark review` and `proofmark serve` write decisions, so a decision is never
    /// written into a file a merge is replacing. Fails at once, naming the file, while a merge holds the lock: the
    /// decision is not recorded, and the caller says so.
    ///
    /// The store is opened anew for each decision, so a long-lived caller (the review server) always writes into
    /// the file now at `statePath`, not one a merge has since replaced.
    public static func recordReview(
        statePath: String, _ selection: ReviewSelection, decision: ReviewRecord.Decision, reviewer: String,
        reason: String?, at time: String
    ) throws(StoreError) -> [ReviewRecord] {
        guard FileManager.default.fileExists(atPath: statePath) else {
            throw StoreError(path: statePath, message: "no such state file", cause: .notFound)
        }
        let lock = try StateLock(reviewsOf: statePath, for: .review)
        defer { withExtendedLifetime(lock) {} }
        let store = try StateStore(path: statePath)
        return try store.review(selection, decision: decision, reviewer: reviewer, reason: reason, at: time)
    }
}
