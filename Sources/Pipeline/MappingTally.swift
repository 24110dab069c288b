import Intake

/// How well a dump's records fitted the field mapping, over a run: what each explicit rule matched, and the values
/// left out of fields (`FieldWarning`), so that a silent empty column cannot pass for a good night.
struct MappingTally {
    let mapping: FieldMapping
    private var listings = 0
    private var unmatched: [String: Int] = [:]
    /// Per field and reason: how many records, and the first line.
    private var leftOut: [String: [String: (count: Int, line: Int)]] = [:]

    init(mapping: FieldMapping) { self.mapping = mapping }

    mutating func add(_ listing: Listing) {
        listings += 1
        for field in listing.unmatchedFields { unmatched[field, default: 0] += 1 }
        for warning in listing.fieldWarnings {
            let seen = leftOut[warning.field, default: [:]][warning.reason]
            leftOut[warning.field, default: [:]][warning.reason] = ((seen?.count ?? 0) + 1, seen?.line ?? listing.line)
        }
    }

    /// The warnings for `run.json` and the end of the run, in field order: variables not given, rules (not marked
    /// optional) that matched nothing in at least half of the listings (`price: price.value matched 0 of 97
    /// records`), then values left out of fields, with how many records and the first line.
    var warnings: [String] {
        var warnings = mapping.warnings
        for field in FieldMapping.fields {
            if let rule = mapping.rules[field], !rule.optional, listings > 0 {
                let matched = listings - unmatched[field, default: 0]
                if matched * 2 <= listings {
                    warnings.append(
                        "\(field): \(rule.expression.source) matched \(matched) of \(listings) records (\(rule.location))"
                    )
                }
            }
            for (reason, seen) in (leftOut[field] ?? [:]).sorted(by: { $0.key < $1.key }) {
                warnings.append(
                    "\(reason), in \(seen.count) record\(seen.count == 1 ? "" : "s") (first on line \(seen.line))")
            }
        }
        return warnings
    }
}
