public import Foundation

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
    public static func proofmark(
        _ arguments: [String], in directory: URL = Fixtures.packageRoot
    ) async throws -> Outcome {
        try await onOwnThread { try proofmarkBlocking(arguments, in: directory) }
    }

    /// Runs blocking work (waiting for a process, sleeping) on a thread outside Swift concurrency's pool.
    public static func onOwnThread<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            Thread.detachNewThread { continuation.resume(with: Result { try work() }) }
        }
    }

    private static func proofmarkBlocking(_ arguments: [String], in directory: URL) throws -> Outcome {
        let process = Process()
        process.executableURL = try proofmarkURL()
        process.arguments = arguments
        process.currentDirectoryURL = directory
        let output = Pipe()
        let error = Pipe()
        process.standardOutput = output
        process.standardError = error
        try process.run()
        // Read both pipes to the end before waiting, so a large output cannot fill a pipe and block the child.
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        let errorData = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Outcome(
            status: process.terminationStatus,
            standardOutput: String(decoding: outputData, as: UTF8.self),
            standardError: String(decoding: errorData, as: UTF8.self))
    }

    enum RunnerError: Error {
        case executableNotFound(String)
    }
}
