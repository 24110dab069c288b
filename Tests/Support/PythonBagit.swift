public import Foundation

/// The Python `bagit` package's validator (the Library of Congress's reference implementation of RFC 8493), run as an
/// independent check on bags the tests write.
///
/// A clone on a fresh machine may not have it: there ``validate(_:)`` returns `nil` and the test skips that check,
/// saying so on standard output. `.ci/run` installs it and sets `PROOFMARK_REQUIRE_PYTHON_BAGIT`, under which a
/// missing validator fails the test instead of skipping, so CI cannot pass without running it.
public enum PythonBagit {
    /// Whether `python3 -c 'import bagit'` succeeds here.
    public static let isAvailable: Bool = {
        (try? run(["-c", "import bagit"]).status) == 0
    }()

    /// Validates every bag in one `python3` process; `nil` when the validator is not installed (and not required).
    public static func validate(_ bags: [URL]) throws -> (status: Int32, output: String)? {
        guard isAvailable else {
            if ProcessInfo.processInfo.environment["PROOFMARK_REQUIRE_PYTHON_BAGIT"] != nil {
                return (127, "python3 with the bagit package is required here (pip install bagit) but not installed")
            }
            print("note: python3's bagit package is not installed; the independent bag validation is skipped")
            return nil
        }
        return try run(
            [
                "-c",
                "import bagit, sys\nfor path in sys.argv[1:]: bagit.Bag(path).validate()\nprint(len(sys.argv) - 1)",
            ] + bags.map(\.path))
    }

    /// Through `CommandRunner`, which reads with read(2): `FileHandle.readDataToEndOfFile` traps when a signal
    /// interrupts it, which a loaded test run provokes.
    private static func run(_ arguments: [String]) throws -> (status: Int32, output: String) {
        let outcome = try CommandRunner.run(URL(fileURLWithPath: "/usr/bin/env"), ["python3"] + arguments)
        return (outcome.status, outcome.standardOutput + outcome.standardError)
    }
}
