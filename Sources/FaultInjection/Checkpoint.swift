internal import Foundation
internal import Synchronization

/// A named point of a run where a test may make the process die at once, as `kill -9` would, to check that the
/// next run recovers from exactly that state.
///
/// Inert unless the environment variable `PROOFMARK_FAULT` names a checkpoint, as `name` or `name:N` (die the N-th
/// time the point is reached, counting from 1; `name` alone is `name:1`). When it does, ``reached()`` writes one line
/// to standard error and sends the process `SIGKILL`: no `defer`, no `deinit`, no buffered write, no open
/// transaction reaches the disk after it. It exists for the crash-recovery tests (`CrashRecoveryTests`), which stop
/// a run at each of these points instead of killing it on a timer, so that every trial interrupts the same work
/// however loaded the machine is. The variable is read once, at the first checkpoint.
public enum Checkpoint: String, CaseIterable, Sendable {
    /// A batch of listings has been committed to the state file (`BatchWriter`).
    case batchWritten = "batch-written"
    /// Inside the transaction that folds tonight's findings into history, before it commits.
    case completing = "completing"
    /// The night is recorded as complete (or failed) in the state file; no evidence is written yet.
    case completed = "completed"
    /// A bag's files, its manifests included, are written in its temporary folder, not yet renamed into place.
    case bagBeforeRename = "bag-before-rename"
    /// A bag has been renamed into place; its key is not recorded in the state file yet.
    case bagWritten = "bag-written"
    /// Every bag's key is recorded; the morning report and the run's counts are not written yet.
    case bagsRecorded = "bags-recorded"
    /// An output file's bytes are all written to its temporary file, not yet flushed or renamed into place.
    case outputBeforeRename = "output-before-rename"
    /// `findings.jsonl` and `run.json` are in place; the state file does not record them as written yet.
    case outputsWritten = "outputs-written"

    /// The environment variable that arms one checkpoint.
    public static let environmentVariable = "PROOFMARK_FAULT"

    /// Kills the process here when `PROOFMARK_FAULT` names this checkpoint and this is its N-th passage; does
    /// nothing otherwise.
    public func reached() {
        guard let armed = Self.armed, armed.checkpoint == self else { return }
        let passage = Self.passages.add(1, ordering: .relaxed).newValue
        guard passage == armed.passage else { return }
        FileHandle.standardError.write(
            Data("proofmark: \(Self.environmentVariable): stopped at \(rawValue):\(passage)\n".utf8))
        kill(getpid(), SIGKILL)
        // SIGKILL cannot be caught; should it somehow not be delivered, the process still ends here.
        _exit(137)
    }

    /// The armed checkpoint and passage, from the environment; `nil` (every checkpoint inert) when the variable is
    /// unset or names no checkpoint.
    private static let armed: (checkpoint: Checkpoint, passage: Int)? = {
        guard let value = ProcessInfo.processInfo.environment[environmentVariable] else { return nil }
        let parts = value.split(separator: ":", maxSplits: 1).map(String.init)
        guard let checkpoint = parts.first.flatMap(Checkpoint.init(rawValue:)) else { return nil }
        let passage = parts.count == 2 ? Int(parts[1]) : 1
        guard let passage, passage >= 1 else { return nil }
        return (checkpoint, passage)
    }()

    private static let passages = Atomic<Int>(0)
}
