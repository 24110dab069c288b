internal import CFetch
internal import Foundation

/// The one place where Swift meets CFetch (libcurl): every unsafe pointer and C type of the transport lives in
/// this file.
///
/// A handle belongs to one transfer thread, which runs its hops one after another (``perform(_:)`` blocks that
/// thread); ``cancel()`` may come from any thread. It keeps libcurl's live connections, DNS cache and TLS sessions
/// from one hop and attempt to the next, and closes them in `deinit`.
///
/// `@unchecked Sendable`: the C handle is used by its owning thread only, except for `CFetch_handleCancel`, which
/// is made for other threads (an atomic flag, and a mutex around the socket list it shuts down).
final class CurlHandle: @unchecked Sendable {
    private let handle: OpaquePointer

    /// A new handle; `nil` when libcurl cannot be initialised (or memory runs out).
    init?() {
        guard let handle = CFetch_handleCreate() else { return nil }
        self.handle = handle
    }

    deinit {
        CFetch_handleDestroy(handle)
    }

    /// libcurl's version line, as it reports itself at run time ("libcurl/7.88.1 OpenSSL/3.0.15 ...").
    static var libraryVersion: String {
        String(cString: CFetch_libraryVersion())
    }

    /// Why no handle can be made (libcurl missing or failing to initialise), or `nil` when handles can be made.
    static var unavailableReason: String? {
        CFetch_unavailableReason().map { String(cString: $0) }
    }

    /// Prepares the calling thread to run transfers: a write to a connection the peer closed must give an error
    /// there, not a SIGPIPE that would end the process.
    static func prepareThread() {
        CFetch_blockSIGPIPEOnThisThread()
    }

    /// Clears an earlier cancellation; the owning thread calls it before each attempt.
    func arm() {
        CFetch_handleArm(handle)
    }

    /// Ends the running hop (and any later one until the next ``arm()``) as ``Hop/Failure/cancelled``, at once
    /// when it is waiting on the network.
    func cancel() {
        CFetch_handleCancel(handle)
    }

    /// Runs one GET to its end on the calling thread.
    func perform(_ request: Hop.Request) -> Hop.Result {
        var result = CFetch_Result()
        let headers = request.headers.joined(separator: "\n")
        let milliseconds = Self.milliseconds(request.timeout)
        // Retained for the perform, which is the only time CFetch calls the check.
        let judge = request.addressRefusal.map(AddressJudge.init)
        withExtendedLifetime(judge) {
            request.url.withCString { url in
                request.userAgent.withCString { userAgent in
                    headers.withCString { headers in
                        var cRequest = CFetch_Request(
                            url: url, user_agent: userAgent, headers: headers, timeout_ms: milliseconds,
                            maximum_bytes: Int64(request.maximumBytes),
                            address_check: judge == nil ? nil : Self.checkAddress,
                            address_context: judge.map { Unmanaged.passUnretained($0).toOpaque() })
                        _ = CFetch_perform(handle, &cRequest, &result)
                    }
                }
            }
        }
        let headerText =
            result.headers.map { pointer in
                String(
                    decoding: UnsafeRawBufferPointer(start: pointer, count: result.headers_length), as: UTF8.self)
            } ?? ""
        var body = Data()
        if let bytes = result.body {
            // The block came from malloc and is the caller's now: Data frees it.
            body = Data(bytesNoCopy: bytes, count: result.body_length, deallocator: .free)
        }
        let message = withUnsafeBytes(of: &result.message) { raw in
            String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
        }
        return Hop.Result(
            failure: Self.failure(result.failure), status: Int(result.status),
            receivedBytes: Int(result.received_bytes), headers: HTTPHeaderBlock(headerText),
            redirectURL: result.redirect_url.map { String(cString: $0) }, body: body, message: message)
    }

    /// Holds a hop's address check for CFetch's C callback.
    private final class AddressJudge {
        let refusal: @Sendable ([UInt8]) -> String?
        init(_ refusal: @escaping @Sendable ([UInt8]) -> String?) { self.refusal = refusal }
    }

    /// CFetch's address hook: asks the hop's ``AddressJudge`` and copies its reason into CFetch's buffer.
    private static let checkAddress: CFetch_AddressCheck = { context, address, length, reason, reasonSize in
        guard let context else { return 0 }
        let judge = Unmanaged<AddressJudge>.fromOpaque(context).takeUnretainedValue()
        let bytes = address.map { Array(UnsafeBufferPointer(start: $0, count: length)) } ?? []
        guard let refusal = judge.refusal(bytes) else { return 0 }
        if let reason, reasonSize > 0 {
            let utf8 = Array(refusal.utf8.prefix(reasonSize - 1))
            for (index, byte) in utf8.enumerated() { reason[index] = CChar(bitPattern: byte) }
            reason[utf8.count] = 0
        }
        return 1
    }

    private static func failure(_ code: Int32) -> Hop.Failure? {
        switch code {
        case Int32(CFetch_NONE.rawValue): nil
        case Int32(CFetch_TIMEOUT.rawValue): .timeout
        case Int32(CFetch_TOO_LARGE_DECLARED.rawValue): .tooLargeDeclared
        case Int32(CFetch_TOO_LARGE_STREAMED.rawValue): .tooLargeStreamed
        case Int32(CFetch_CONNECT_FAILED.rawValue): .connectFailed
        case Int32(CFetch_CONNECTION_LOST.rawValue): .connectionLost
        case Int32(CFetch_TLS.rawValue): .tls
        case Int32(CFetch_BAD_RESPONSE.rawValue): .badResponse
        case Int32(CFetch_CANCELLED.rawValue): .cancelled
        case Int32(CFetch_UNSUPPORTED_SCHEME.rawValue): .unsupportedScheme
        case Int32(CFetch_INVALID_URL.rawValue): .invalidURL
        case Int32(CFetch_ADDRESS_REFUSED.rawValue): .addressRefused
        default: .other
        }
    }

    /// Whole milliseconds, rounded up so that a positive duration never becomes libcurl's "no timeout" (0).
    private static func milliseconds(_ duration: Duration) -> Int64 {
        let (seconds, attoseconds) = duration.components
        let whole = seconds.multipliedReportingOverflow(by: 1000)
        guard !whole.overflow else { return Int64.max }
        let fraction = attoseconds / 1_000_000_000_000_000
        let remainder = attoseconds % 1_000_000_000_000_000
        return max(1, whole.partialValue + fraction + (remainder > 0 ? 1 : 0))
    }
}
