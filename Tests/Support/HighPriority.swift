public import Testing

/// Runs a test at high task priority, for tests that measure time: Swift concurrency's few threads are shared by
/// every test running at once, and a timing test's resumptions would otherwise queue behind other tests' work.
public struct HighPriorityTrait: SuiteTrait, TestTrait, TestScoping {
    public var isRecursive: Bool { true }

    public func provideScope(
        for test: Test, testCase: Test.Case?, performing function: @Sendable () async throws -> Void
    ) async throws {
        guard testCase != nil else { return try await function() }
        try await withoutActuallyEscaping(function) { function in
            let box = UncheckedBox(function)
            try await Task(priority: .high) { try await box.value() }.value
        }
    }
}

extension Trait where Self == HighPriorityTrait {
    /// Runs the test (or every test of the suite) at high task priority.
    public static var highPriority: Self { HighPriorityTrait() }
}

/// Carries the test's non-escaping body into the task that runs it; the task is awaited before the body's scope
/// ends, which is what makes this safe.
private struct UncheckedBox<T>: @unchecked Sendable {
    let value: T
    init(_ value: T) { self.value = value }
}
