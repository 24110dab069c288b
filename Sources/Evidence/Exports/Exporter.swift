public import Foundation
public import Store

/// `proofmark export`: the findings ready to file through one channel, checked, grouped and written.
///
/// Candidates are the findings not resolved on the marketplaces the channel serves, on rights it carries
/// (`ExportChannel`); each goes
/// through `PrefilingChecks`, and only those with no refusal are exported. Everything comes from the state file:
/// findings, their listings as last dumped, review decisions, and the latest run's snapshot of the registry's
/// rights and authorised sellers. No dismissed finding, no authorised seller, and (without `includeUnreviewed`) no
/// unconfirmed finding ever reaches a file.
public enum Exporter {
    public struct Options: Sendable {
        public var includeUnreviewed: Bool
        /// The filing day (`YYYY-MM-DD`), which judges expiry.
        public var today: String
        /// When the export was made (ISO 8601), written into notices: the clock passed in.
        public var generatedAt: String
        /// `OUT/bundles`, for Schedule A's exhibit index (hashes of each bag's tag manifest when present).
        public var bundlesFolder: URL?
        /// eBay's VeRO reason codes, for the symbolic reasons (`trademark-counterfeit`, `trademark-listing-use`,
        /// `copyright-image`, `copyright-text`, `design-patent`); empty when none were given.
        public var veroReasonCodes: VeROReasonCodes

        public init(
            includeUnreviewed: Bool = false, today: String, generatedAt: String, bundlesFolder: URL? = nil,
            veroReasonCodes: VeROReasonCodes = VeROReasonCodes()
        ) {
            self.includeUnreviewed = includeUnreviewed
            self.today = today
            self.generatedAt = generatedAt
            self.bundlesFolder = bundlesFolder
            self.veroReasonCodes = veroReasonCodes
        }
    }

    /// What an export comes to: the checks' issues, what passes, and the files.
    public struct Result: Sendable {
        public var channel: ExportChannel
        /// Findings not resolved on the channel's marketplaces.
        public var candidates: Int
        /// Findings not resolved that the channel does not take: on other marketplaces, or (dmca) on rights other
        /// than copyright.
        public var outsideChannel: Int
        public var exported: [String]
        public var issues: [PrefilingIssue]
        public var files: [ExportFile]
        /// What a person should know before filing, beyond the issues (the channel's `notes`): eBay reports
        /// without reason codes, for one.
        public var notes: [String] = []

        public var refused: Int { Set(issues.filter { $0.level == .refuse }.map(\.findingID)).count }
        public var warnings: Int { issues.filter { $0.level == .warn }.count }
    }

    /// Reads the state, runs the checks and builds the files (nothing is written).
    public static func prepare(
        store: StateStore, channel: ExportChannel, options: Options
    ) throws(ReportError) -> Result {
        let findings: [ReviewedFinding]
        let rights: [String: RegisteredRightRecord]
        let sellers: Set<AuthorizedSeller>
        do {
            findings = try store.openFindingsWithReviews()
            rights = try store.registeredRights()
            sellers = try store.authorizedSellers()
        } catch {
            throw ReportError.state(error)
        }
        let mine = findings.filter { reviewed in
            channel.serves(marketplace: reviewed.finding.marketplace)
                && rights[reviewed.finding.right].map { channel.accepts(rightKind: $0.kind) } ?? true
        }
        let items = mine.map { ExportItem($0, right: rights[$0.finding.right]) }
        let (passing, issues) = PrefilingChecks.run(
            items, channel: channel, authorizedSellers: sellers,
            options: PrefilingChecks.Options(
                includeUnreviewed: options.includeUnreviewed, today: options.today,
                veroReasonCodes: options.veroReasonCodes))
        let context = ChannelExport.Context(
            generatedAt: options.generatedAt, bundlesFolder: options.bundlesFolder,
            veroReasonCodes: options.veroReasonCodes, owner: rights.values.map(\.owner).min() ?? "")
        var files = ChannelExport.files(channel, passing, context)
        files.append(
            ExportFile(
                path: "FORMAT.md", contents: channel.implementation.format(codes: options.veroReasonCodes).document))
        files.append(
            ExportFile(
                path: "prefiling-checks.csv",
                contents: CSV.document(
                    header: ["finding_id", "check", "level", "message"],
                    rows: issues.map { [$0.findingID, $0.check.rawValue, $0.level.rawValue, $0.message] })))
        files.sort { $0.path < $1.path }
        var result = Result(
            channel: channel, candidates: items.count, outsideChannel: findings.count - mine.count,
            exported: passing.map(\.findingID).sorted(), issues: issues, files: files)
        result.notes = channel.implementation.notes(result, options: options)
        return result
    }

    /// Writes `result`'s files into `folder/<channel>/`, replacing what an earlier export left there: the files go
    /// to a temporary folder first, which then takes the channel folder's place. Returns the channel folder.
    @discardableResult
    public static func write(_ result: Result, into folder: URL) throws(ReportError) -> URL {
        let target = folder.appendingPathComponent(result.channel.rawValue)
        let staging = folder.appendingPathComponent(".\(result.channel.rawValue).tmp")
        let manager = FileManager.default
        do {
            try? manager.removeItem(at: staging)
            try manager.createDirectory(at: staging, withIntermediateDirectories: true)
            var folders: Set<String> = [staging.path]
            for file in result.files {
                let url = staging.appendingPathComponent(file.path)
                let parent = url.deletingLastPathComponent()
                if folders.insert(parent.path).inserted {
                    try manager.createDirectory(at: parent, withIntermediateDirectories: true)
                }
                // open(2) and write(2), not Foundation's writers, which flush every file to disk: nothing here
                // needs to survive a crash file by file, the folder takes the old one's place only when complete.
                let descriptor = open(url.path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
                guard descriptor >= 0 else {
                    throw ReportError.output(path: url.path, message: String(cString: strerror(errno)))
                }
                let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
                try handle.write(contentsOf: Data(file.contents.utf8))
                try handle.close()
            }
            if manager.fileExists(atPath: target.path) { try manager.removeItem(at: target) }
            try manager.moveItem(at: staging, to: target)
        } catch {
            throw ReportError.output(path: target.path, message: (error as NSError).localizedDescription)
        }
        return target
    }
}
