import Evidence

/// Hex SHA-256 digests: Evidence's `Hashing`, the one implementation the project has.
typealias Digest = Hashing
