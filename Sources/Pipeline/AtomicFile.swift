import Base
import Foundation
import Store

/// A run's output files, written by `DurableFile`, their failures reported as the run's.
enum AtomicFile {
    static func write(_ text: String, to url: URL) throws(RunError) {
        try write(to: url) { append in try append(text) }
    }

    /// Writes what `produce` appends, piece by piece (memory stays bounded), then renames into place.
    static func write(to url: URL, _ produce: (_ append: (String) throws -> Void) throws -> Void) throws(RunError) {
        do {
            try DurableFile.write(to: url, produce)
        } catch .content(let error as StoreError) {
            throw RunError.state(error.description)
        } catch .content(let error as RunError) {
            throw error
        } catch .disk(_, let cause) {
            throw RunError.output(path: url.path, message: (cause as NSError).localizedDescription)
        } catch {
            throw RunError.output(path: url.path, message: "\(error)")
        }
    }
}
