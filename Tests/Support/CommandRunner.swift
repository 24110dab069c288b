public import Foundation
import Synchronization

/// Runs the built `proofmark` executable, for end-to-end tests.
public enum CommandRunner {
    /// What a finished command printed and returned.
    public struct Outcome: Sendable {
        /// The exit status, or the number of the signal that ended the command.
        public let status: Int32
        public let standardOutput: String
        public let standardError: String
        /// The signal that ended the command (`SIGKILL` for a `PROOFMARK_FAULT` checkpoint), `nil` when it exited.
        public let signal: Int32?
    }

    /// How long a command may run before it is killed as hung: a safety net, so that a command that never ends
    /// fails its test instead of stalling the suite forever. Far beyond what any command here takes on a loaded
    /// machine; no test's result depends on it otherwise.
    public static let patience: DispatchTimeInterval = .seconds(900)

    /// The `proofmark` binary beside the test bundle (SwiftPM builds both into the same products folder).
    public static func proofmarkURL() throws -> URL {
        var folder = Bundle.main.bundleURL
        for _ in 0..<4 {
            let candidate = folder.appendingPathComponent("proofmark")
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isDirectory), !isDirectory.boolValue
            {
                return candidate
            }
            folder.deleteLastPathComponent()
        }
        throw RunnerError.executableNotFound(Bundle.main.bundleURL.path)
    }

    /// Runs `proofmark` with `arguments` in `directory` and waits for it, on a thread of its own: waiting for a
    /// process must not hold one of the few threads Swift concurrency runs every test's tasks on.
    ///
    /// - Parameter environment: variables set (over this process's own) for the command.
    public static func proofmark(
        _ arguments: [String], in directory: URL = Fixtures.packageRoot, environment: [String: String] = [:]
    ) async throws -> Outcome {
        try await onOwnThread {
            try run(try proofmarkURL(), arguments, in: directory, environment: environment)
        }
    }

    /// Runs blocking work (waiting for a process, sleeping) on a thread outside Swift concurrency's pool.
    public static func onOwnThread<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            Thread.detachNewThread { continuation.resume(with: Result { try work() }) }
        }
    }

    /// Runs `executable` with `arguments` and waits for it, blocking the calling thread; its output is read whole.
    ///
    /// - Parameters:
    ///   - directory: the working directory, or this process's own when `nil`.
    ///   - environment: variables set (over this process's own) for the command.
    public static func run(
        _ executable: URL, _ arguments: [String], in directory: URL? = nil, environment: [String: String] = [:]
    ) throws -> Outcome {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        if !environment.isEmpty {
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        }
        if let directory { process.currentDirectoryURL = directory }
        let output = Pipe()
        let error = Pipe()
        process.standardOutput = output
        process.standardError = error
        try process.run()
        // Both pipes are read to the end before waiting, each on its own thread, so a large output on either cannot
        // fill a pipe and block the child. read(2) directly: FileHandle.readDataToEndOfFile traps when a signal
        // interrupts it (EINTR), which a busy test run does provoke.
        let errorData = Mutex(Data())
        let errorDone = DispatchSemaphore(value: 0)
        let errorDescriptor = error.fileHandleForReading.fileDescriptor
        Thread.detachNewThread {
            let data = readToEnd(errorDescriptor)
            errorData.withLock { $0 = data }
            errorDone.signal()
        }
        let finished = Mutex(false)
        let hung = Mutex(false)
        let processID = process.processIdentifier
        DispatchQueue.global().asyncAfter(deadline: .now() + patience) {
            finished.withLock { done in
                guard !done else { return }
                hung.withLock { $0 = true }
                kill(processID, SIGKILL)
            }
        }
        let outputData = readToEnd(output.fileHandleForReading.fileDescriptor)
        errorDone.wait()
        let (status, signal) = waitForExit(process)
        finished.withLock { $0 = true }
        var standardError = String(decoding: errorData.withLock { $0 }, as: UTF8.self)
        if hung.withLock({ $0 }) { standardError += "\n[CommandRunner: killed, still running after \(patience)]\n" }
        return Outcome(
            status: status, standardOutput: String(decoding: outputData, as: UTF8.self),
            standardError: standardError, signal: signal)
    }

    /// Waits for `process` to end and returns its exit status, or the signal that ended it (as both values).
    ///
    /// `waitid(2)` with `WNOWAIT` asks the kernel directly and leaves the child for Foundation to reap as usual; it
    /// does not depend on corelibs' `Process` noticing the end, which it does through a socket its own manager
    /// thread watches and reports by spinning the waiting thread's run loop (`isRunning` and `waitUntilExit()`).
    /// Only when Foundation has reaped the child already (`ECHILD`), and so has its status, is that used.
    private static func waitForExit(_ process: Process) -> (status: Int32, signal: Int32?) {
        var info = siginfo_t()
        var result: Int32
        repeat {
            result = waitid(P_PID, id_t(process.processIdentifier), &info, WEXITED | WNOWAIT)
        } while result == -1 && errno == EINTR
        guard result == 0 else {
            process.waitUntilExit()
            let status = process.terminationStatus
            return (status, process.terminationReason == .uncaughtSignal ? status : nil)
        }
        let status = info._sifields._sigchld.si_status
        return (status, info.si_code == Int32(CLD_EXITED) ? nil : status)
    }

    /// Everything readable from `descriptor` until end of file, retrying reads a signal interrupted.
    private static func readToEnd(_ descriptor: Int32) -> Data {
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count > 0 {
                data.append(contentsOf: buffer[0..<count])
            } else if count == 0 || errno != EINTR {
                return data
            }
        }
    }

    enum RunnerError: Error {
        case executableNotFound(String)
    }
}
