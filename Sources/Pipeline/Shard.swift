import Base
import Evidence
public import Foundation
import Intake

/// One of `count` deterministic parts of a night's dump, for running one night on several machines.
///
/// A listing belongs to the shard given by a stable hash (SHA-256) of its marketplace and seller, or of its
/// marketplace and listing id when the dump names no seller. Sharding by seller keeps all of a seller's listings in
/// one shard's state, so that a listing relisted under a new id by the same seller is recognised there exactly as a
/// single run would. Bad records are shared round-robin by line, so that merged shards report each once.
public struct Shard: Sendable, Hashable, CustomStringConvertible {
    /// 1...count.
    public var index: Int
    public var count: Int

    public init?(index: Int, count: Int) {
        guard count >= 1, (1...count).contains(index) else { return nil }
        self.index = index
        self.count = count
    }

    /// Reads `K/N` (1 ≤ K ≤ N).
    public init?(_ text: String) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let k = Int(parts[0].trimmingCharacters(in: .whitespaces)),
            let n = Int(parts[1].trimmingCharacters(in: .whitespaces))
        else { return nil }
        self.init(index: k, count: n)
    }

    public var description: String { "\(index)/\(count)" }

    /// The suffix shard runs add to the night's run id.
    var runIDSuffix: String { "-\(index)of\(count)" }

    /// The shard a scheduler's environment names: a Kubernetes Indexed Job (`JOB_COMPLETION_INDEX`, 0-based, with
    /// `PROOFMARK_SHARD_COUNT`, which the manifest sets) or a Slurm job array (`SLURM_ARRAY_TASK_ID` counted from
    /// `SLURM_ARRAY_TASK_MIN`, out of `SLURM_ARRAY_TASK_COUNT`). Nil when neither is there; an error when one is
    /// there but incomplete or inconsistent, since running the whole dump in every pod would be a silent waste.
    public static func fromEnvironment(_ environment: [String: String]) throws(ShardError) -> Shard? {
        func number(_ name: String) throws(ShardError) -> Int? {
            guard let text = environment[name] else { return nil }
            guard let value = Int(text.trimmingCharacters(in: .whitespaces)) else {
                throw ShardError(message: "\(name)=\(text) is not a whole number")
            }
            return value
        }
        if let index = try number("JOB_COMPLETION_INDEX") {
            guard let count = try number("PROOFMARK_SHARD_COUNT") else {
                throw ShardError(
                    message: "JOB_COMPLETION_INDEX is set but PROOFMARK_SHARD_COUNT is not: set it in the Job's "
                        + "environment to the number of completions")
            }
            guard let shard = Shard(index: index + 1, count: count) else {
                throw ShardError(
                    message: "JOB_COMPLETION_INDEX=\(index) is outside 0..<\(count) (PROOFMARK_SHARD_COUNT)")
            }
            return shard
        }
        if let task = try number("SLURM_ARRAY_TASK_ID") {
            guard let count = try number("SLURM_ARRAY_TASK_COUNT") else {
                throw ShardError(message: "SLURM_ARRAY_TASK_ID is set but SLURM_ARRAY_TASK_COUNT is not")
            }
            let minimum = try number("SLURM_ARRAY_TASK_MIN") ?? 0
            guard let shard = Shard(index: task - minimum + 1, count: count) else {
                throw ShardError(
                    message: "SLURM_ARRAY_TASK_ID=\(task) with SLURM_ARRAY_TASK_MIN=\(minimum) is not one of "
                        + "\(count) tasks (use a contiguous --array range)")
            }
            return shard
        }
        return nil
    }

    /// Whether `listing` is this shard's.
    func owns(_ listing: Listing) -> Bool {
        let key =
            "\(listing.marketplace)\n" + (listing.sellerID.map { "seller\n\($0)" } ?? "listing\n\(listing.listingID)")
        return Self.bucket(of: key, count: count) == index - 1
    }

    /// Whether a bad record on `line` is this shard's to report.
    func owns(line: Int) -> Bool { (line - 1) % count == index - 1 }

    static func bucket(of key: String, count: Int) -> Int {
        let digest = Hashing.sha256(Data(key.utf8))
        let prefix = digest.prefix(8).reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
        return Int(prefix % UInt64(count))
    }
}

/// The shard named on the command line or by the environment is not usable.
public struct ShardError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}
