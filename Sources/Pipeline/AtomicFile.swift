import Evidence
import Foundation
import Store

/// A run's output files, written atomically by Evidence's `AtomicFileWriter`, their failures reported as the run's.
enum AtomicFile {
    static func write(_ text: String, to url: URL) throws(RunError) {
        try write(to: url) { append in try append(text) }
    }

    /// Writes what `produce` appends, piece by piece (memory stays bounded), then renames into place.
    static func write(to url: URL, _ produce: (_ append: (String) throws -> Void) throws -> Void) throws(RunError) {
        do {
            try AtomicFileWriter.write(to: url, produce)
        } catch .state(let error) {
            throw RunError.state(error.description)
        } catch .output(_, let message) {
            throw RunError.output(path: url.path, message: message)
        } catch {
            throw RunError.output(path: url.path, message: "\(error)")
        }
    }
}
