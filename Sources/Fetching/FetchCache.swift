import Base
internal import Foundation

/// The on-disk copies of fetched images that let a later night revalidate instead of downloading again.
///
/// Each URL has two files in `folder/<2 hex>/<key>`: `<key>.body` (the bytes as served) and `<key>.json` (the URL,
/// the final URL, the validators and the body's length and checksum), each written to a temporary file and renamed
/// into place, body first. The key is FNV-1a 128 of the URL's absolute string, not SHA-256: Intake does not
/// depend on swift-crypto, and the key only spreads files out. It is not trusted: the metadata names its URL and an
/// entry for another URL is a miss (so a crafted colliding URL can evict an entry, never stand in for it). The
/// body's FNV-1a 64 guards against a torn or damaged pair (two processes sharing a folder, a full disk): a mismatch
/// is a miss too. Neither hash is a security measure.
///
/// Only responses with an `ETag` or a `Last-Modified` are kept, since nothing else can be revalidated.
struct FetchCache: Sendable {
    /// What the metadata file holds.
    struct Entry: Codable, Sendable, Hashable {
        var url: String
        var finalURL: String
        var etag: String?
        var lastModified: String?
        var contentType: String?
        var byteCount: Int
        /// FNV-1a 64 of the body, hexadecimal.
        var checksum: String
    }

    let folder: URL

    /// The entry for `url`, when its metadata is readable, names `url` and its body file has the recorded length.
    func entry(for url: URL) -> Entry? {
        let files = self.files(for: url)
        guard let data = try? Data(contentsOf: files.metadata),
            let entry = try? JSONDecoder().decode(Entry.self, from: data), entry.url == url.absoluteString,
            let size = try? FileManager.default.attributesOfItem(atPath: files.body.path)[.size] as? NSNumber,
            size.intValue == entry.byteCount
        else { return nil }
        return entry
    }

    /// The cached bytes for `url`, when they still match `entry`.
    func body(for url: URL, entry: Entry) -> Data? {
        guard let bytes = try? Data(contentsOf: files(for: url).body), bytes.count == entry.byteCount,
            Self.fnv1a64Hex(bytes) == entry.checksum
        else { return nil }
        return bytes
    }

    /// Keeps `bytes` for `url` with the validators of the response that carried them.
    func store(
        url: URL, finalURL: URL, etag: String?, lastModified: String?, contentType: String?, bytes: Data
    ) throws {
        let files = self.files(for: url)
        try FileManager.default.createDirectory(
            at: files.body.deletingLastPathComponent(), withIntermediateDirectories: true)
        let entry = Entry(
            url: url.absoluteString, finalURL: finalURL.absoluteString, etag: etag, lastModified: lastModified,
            contentType: contentType, byteCount: bytes.count, checksum: Self.fnv1a64Hex(bytes))
        // Body first: until the new metadata lands, the old metadata's checksum no longer matches and reads miss.
        // Not flushed: an entry a crash loses fails its checksum and is fetched again.
        try DurableFile.write(bytes, to: files.body, flush: .byCaller)
        try writeMetadata(entry, to: files.metadata)
    }

    /// Records the validators a `304` carried, when they differ from the stored ones.
    func updateValidators(url: URL, entry: Entry, etag: String?, lastModified: String?) throws {
        var updated = entry
        updated.etag = etag ?? entry.etag
        updated.lastModified = lastModified ?? entry.lastModified
        guard updated != entry else { return }
        try writeMetadata(updated, to: files(for: url).metadata)
    }

    /// Forgets `url`. Missing files are not an error.
    func remove(url: URL) {
        let files = self.files(for: url)
        try? FileManager.default.removeItem(at: files.metadata)
        try? FileManager.default.removeItem(at: files.body)
    }

    private func writeMetadata(_ entry: Entry, to file: URL) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        try DurableFile.write(try encoder.encode(entry), to: file, flush: .byCaller)
    }

    private func files(for url: URL) -> (body: URL, metadata: URL) {
        let key = Self.fnv1a128Hex(Data(url.absoluteString.utf8))
        let shard = folder.appendingPathComponent(String(key.prefix(2)), isDirectory: true)
        return (shard.appendingPathComponent(key + ".body"), shard.appendingPathComponent(key + ".json"))
    }

    /// FNV-1a with 128-bit state (Fowler, Noll and Vo; IETF draft-eastlake-fnv), 32 hexadecimal digits. O(n).
    static func fnv1a128Hex(_ bytes: Data) -> String {
        var hash: UInt128 = 0x6c62_272e_07bb_0142_62b8_2175_6295_c58d
        let prime: UInt128 = 0x0000_0000_0100_0000_0000_0000_0000_013b
        for byte in bytes {
            hash ^= UInt128(byte)
            hash = hash &* prime
        }
        return hex(hash, digits: 32)
    }

    /// FNV-1a with 64-bit state, 16 hexadecimal digits. O(n).
    static func fnv1a64Hex(_ bytes: Data) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        return hex(hash, digits: 16)
    }

    private static func hex(_ value: some BinaryInteger, digits: Int) -> String {
        let text = String(value, radix: 16)
        return String(repeating: "0", count: max(0, digits - text.count)) + text
    }
}
