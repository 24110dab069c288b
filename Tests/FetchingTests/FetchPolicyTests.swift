import Testing

@testable import Fetching

/// A night's two fetch settings make the whole policy, in the library rather than in the command.
@Suite struct FetchPolicyTests {
    @Test func concurrencyAndTimeoutMakeThePerHostLimitAndTheAttemptTimeout() {
        let night = FetchPolicy(concurrency: 8, timeoutSeconds: 60, access: .publicOnly)
        #expect(night.maximumConcurrentRequests == 8 && night.maximumConcurrentRequestsPerHost == 4)
        #expect(night.requestTimeout == .seconds(20) && night.totalTimeout == .seconds(60))
        #expect(night == FetchPolicy())
        let small = FetchPolicy(concurrency: 1, timeoutSeconds: 5.5, access: .publicOnly)
        #expect(small.maximumConcurrentRequestsPerHost == 1)
        #expect(small.requestTimeout == .milliseconds(5_500) && small.totalTimeout == .milliseconds(5_500))
    }
}
