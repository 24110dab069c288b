import Findings
import Foundation
import GRDB
import TestSupport
import Testing

@testable import Store

/// Store errors keep their cause, so that a caller can tell a state file in use from a full disk or a file that is
/// not a state file, whatever the message says.
@Suite struct StoreErrorTests {
    @Test func aStateFileInUseIsInUse() throws {
        let folder = try TemporaryFolder()
        let path = folder.url.appendingPathComponent("state.sqlite").path
        let held = try StateLock(statePath: path)
        #expect(throws: StoreError.self) { try StateLock(statePath: path) }
        do {
            _ = try StateLock(statePath: path)
        } catch {
            #expect(error.cause == .inUse)
        }
        withExtendedLifetime(held) {}
    }

    @Test func aFileThatIsNoStateFileSaysSo() throws {
        let folder = try TemporaryFolder()
        let empty = folder.url.appendingPathComponent("empty.sqlite")
        try Data().write(to: empty)
        let text = folder.url.appendingPathComponent("notes.sqlite")
        try Data(String(repeating: "not a database, ", count: 300).utf8).write(to: text)
        for path in [empty.path, text.path, folder.url.path] {
            do {
                _ = try StateStore(path: path)
                Issue.record("\(path) opened as a state file")
            } catch {
                #expect(error.cause == .notAStateFile, "\(path): \(error)")
            }
        }
    }

    @Test func sqliteResultCodesMapToTheirCause() {
        let cases: [(ResultCode, StoreError.Cause)] = [
            (.SQLITE_FULL, .diskFull), (.SQLITE_BUSY, .inUse), (.SQLITE_LOCKED, .inUse),
            (.SQLITE_NOTADB, .notAStateFile), (.SQLITE_CORRUPT, .notAStateFile), (.SQLITE_IOERR, .io),
            (.SQLITE_IOERR_WRITE, .io), (.SQLITE_CONSTRAINT, .other),
        ]
        for (code, cause) in cases {
            let error = StoreError(path: "state.sqlite", wrapping: DatabaseError(resultCode: code, message: "x"))
            #expect(error.cause == cause, "\(code)")
        }
        // A StoreError thrown inside a transaction comes out as it was, not wrapped in a second one.
        let inner = StoreError(path: "state.sqlite", message: "f-1 was decided elsewhere", cause: .conflict)
        let outer = StoreError(path: "state.sqlite", wrapping: inner)
        #expect(outer.cause == .conflict && outer.description == "state.sqlite: f-1 was decided elsewhere")
    }

    @Test func anUnknownFindingIsNotFound() throws {
        let folder = try TemporaryFolder()
        let store = try StateStore(path: folder.url.appendingPathComponent("state.sqlite").path)
        do {
            _ = try store.review(
                StateStore.ReviewSelection(findingIDs: ["f-0"]), decision: .confirmed, reviewer: "ana", reason: nil,
                at: "2026-12-01T09:00:00Z")
            Issue.record("a review of an unknown finding was recorded")
        } catch {
            #expect(error.cause == .notFound)
        }
    }
}
