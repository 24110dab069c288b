import Foundation

/// Checks a path given on the command line before it is opened for reading: a FIFO would block forever, a device
/// such as `/dev/zero` would be read forever, and a directory gives an NSError dump instead of words.
enum InputFile {
    /// Why `path` cannot be read as an input file ("does not exist", "is a directory", "is not a regular file"),
    /// or `nil` when it is a regular file (symbolic links followed).
    static func problem(_ path: String) -> String? {
        guard !path.isEmpty else { return "is an empty path" }
        var status = stat()
        guard stat(path, &status) == 0 else {
            return errno == ENOENT ? "does not exist" : "cannot be read (\(String(cString: strerror(errno))))"
        }
        switch status.st_mode & S_IFMT {
        case S_IFREG: return nil
        case S_IFDIR: return "is a directory"
        default: return "is not a regular file"
        }
    }
}
