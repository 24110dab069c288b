extension ImageMatch {
    /// The nightly run's default `--min-score`.
    public static let defaultMinimumScore = 0.5

    /// Whether this match alone would be reported at `minimumScore`: a trusted match at least that strong (an image
    /// signal alone scores its strength; an untrusted one never makes a finding by itself).
    public func isFinding(atMinimumScore minimumScore: Double = defaultMinimumScore) -> Bool {
        trusted && strength >= minimumScore
    }
}
