/// Why an image URL could not be fetched: recorded per image, and the run goes on.
///
/// `category` is stable and meant for counting and filtering; `message` is for people.
public struct FetchError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The URL as asked for.
    public var url: String
    /// One of:
    /// - `http-<status>`: the final response was not a `200` (`http-404`, `http-500`, `http-429`, ...);
    /// - `timeout`: an attempt outlived the request timeout, or the URL outlived the total timeout;
    /// - `too-large`: the body is, or would be, over the size cap;
    /// - `too-many-redirects`: more redirects than the policy allows (a loop ends here too);
    /// - `unsupported-scheme`: not `http` or `https`, asked for or redirected to;
    /// - `invalid-url`: no host, or a URL the HTTP client refuses;
    /// - `connection`: the host could not be resolved or reached, or the connection dropped;
    /// - `tls`: the TLS handshake or the server's certificate failed;
    /// - `bad-response`: the server's answer was not valid HTTP;
    /// - `refused-address`: the host is, or resolved to, an address the ``NetworkAccess`` does not open
    ///   (loopback, private, link-local, ...), on the first hop or a redirect;
    /// - `refused-credentials`: the URL (or a redirect's) carries a user name or password;
    /// - `cancelled`: the calling task was cancelled.
    public var category: String
    public var message: String
    /// HTTP attempts made, retries included; 0 when nothing was sent.
    public var attempts: Int

    public init(url: String, category: String, message: String, attempts: Int) {
        self.url = url
        self.category = category
        self.message = message
        self.attempts = attempts
    }

    public var description: String {
        "\(url): \(category): \(message)" + (attempts > 1 ? " (after \(attempts) attempts)" : "")
    }
}
