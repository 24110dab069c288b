extension RunCommand {
    /// The most listings, or image URLs, worked on at once: far above any machine's cores or a polite crawl, and
    /// low enough that the task groups and threads sized from it cannot overflow or exhaust the process.
    static let maximumJobs = 1024
}
