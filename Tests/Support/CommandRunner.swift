public import Foundation
import Synchronization

/// Runs the built `proofmark` executable, for end-to-end tests.
public enum CommandRunner {
    /// What a finished command printed and returned.
    public struct Outcome: Sendable {
        public let status: Int32
        public let standardOutput: String
        public let standardError: String
    }

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
        try await onOwnThread { try proofmarkBlocking(arguments, in: directory, environment: environment) }
    }

    /// Runs blocking work (waiting for a process, sleeping) on a thread outside Swift concurrency's pool.
    public static func onOwnThread<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            Thread.detachNewThread { continuation.resume(with: Result { try work() }) }
        }
    }

    private static func proofmarkBlocking(
        _ arguments: [String], in directory: URL, environment: [String: String]
    ) throws -> Outcome {
        let process = Process()
        process.executableURL = try proofmarkURL()
        process.arguments = arguments
        if !environment.isEmpty {
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        }
        process.currentDirectoryURL = directory
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
        let outputData = readToEnd(output.fileHandleForReading.fileDescriptor)
        errorDone.wait()
        process.waitUntilExit()
        return Outcome(
            status: process.terminationStatus,
            standardOutput: String(decoding: outputData, as: UTF8.self),
            standardError: String(decoding: errorData.withLock { $0 }, as: UTF8.self))
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
