import Base
import Foundation
public import Store

/// Why the morning report could not be written, naming the file concerned.
///
/// A finding whose thumbnail cannot be made is not an error: its row shows no picture and `ReportSummary` lists why.
public enum ReportError: Error, Sendable, CustomStringConvertible {
    /// The state file could not be opened or read.
    case state(StoreError)
    /// The state file holds no completed run to report.
    case noCompletedRun(statePath: String)
    /// The run asked for is not in the state file.
    case runNotFound(statePath: String, runID: String)
    /// The run asked for did not complete (`running`, `failed`, `abandoned`), so it reports no findings.
    case runNotCompleted(statePath: String, runID: String, status: String)
    /// A file of the report could not be written.
    case output(path: String, message: String)

    public var description: String {
        switch self {
        case .state(let error): "\(error)"
        case .noCompletedRun(let path): "\(path): no completed run to report"
        case .runNotFound(let path, let runID): "\(path): run \(runID) is not in the state file"
        case .runNotCompleted(let path, let runID, let status):
            "\(path): run \(runID) did not complete (\(status)); it reports no findings"
        case .output(let path, let message): "\(path): \(message)"
        }
    }
}

extension ReportError {
    /// A file of the report that was not written: what its producer threw (a state file that cannot be read is its
    /// own error), or the file system's refusal.
    init(writing path: String, _ failure: DurableFile.Failure) {
        switch failure {
        case .content(let error as ReportError): self = error
        case .content(let error as StoreError): self = .state(error)
        case .content(let error): self = .output(path: path, message: "\(error)")
        case .disk(_, let cause): self = .output(path: path, message: (cause as NSError).localizedDescription)
        }
    }
}
