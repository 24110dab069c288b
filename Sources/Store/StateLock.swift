public import Foundation

/// An exclusive lock on a state file, held for as long as this value lives, so that two runs never interleave
/// their writes to one state.
///
/// It is `flock(2)` on `<state>.lock`: the kernel drops it when the process ends however it ends (`kill -9`
/// included), so a crashed run never leaves a stale lock behind. The lock file itself stays; it holds no data.
public final class StateLock: Sendable {
    private let descriptor: Int32

    /// Takes the lock, or fails at once, naming the file, when another process holds it.
    public convenience init(statePath: String) throws(StoreError) {
        try self.init(
            lockPath: statePath + ".lock", subject: statePath,
            busy: "another proofmark process is using this state file; wait for it to finish (or stop it) and run again"
        )
    }

    /// Takes the lock of an output folder (`<folder>/.proofmark.lock`): two runs writing one folder with different
    /// state files would leave outputs that disagree.
    public convenience init(outputFolder: URL) throws(StoreError) {
        try self.init(
            lockPath: outputFolder.appendingPathComponent(".proofmark.lock").path, subject: outputFolder.path,
            busy: "another proofmark process is writing this output folder; wait for it to finish (or stop it) "
                + "and run again")
    }

    private init(lockPath: String, subject statePath: String, busy busyMessage: String) throws(StoreError) {
        do {
            try FileManager.default.createDirectory(
                at: URL(fileURLWithPath: lockPath).deletingLastPathComponent(), withIntermediateDirectories: true)
        } catch {
            throw StoreError(path: lockPath, message: "cannot create its folder: \(error.localizedDescription)")
        }
        let fd = open(lockPath, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            throw StoreError(path: lockPath, message: "cannot open the lock file: \(String(cString: strerror(errno)))")
        }
        guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
            let busy = errno == EWOULDBLOCK
            let reason = String(cString: strerror(errno))
            close(fd)
            throw StoreError(
                path: statePath,
                message: busy ? busyMessage : "cannot lock: \(reason)")
        }
        descriptor = fd
    }

    deinit {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}
