import GRDB

extension StateStore {
    /// Replaces the snapshot of the registry's rights and authorised sellers with the latest run's, in one
    /// transaction: exports judge expiry, jurisdiction and authorisation from it with the state file alone.
    public func recordRegistry(
        rights: [RegisteredRightRecord], authorizedSellers: [AuthorizedSeller]
    ) throws(StoreError) {
        try write { db in
            try db.execute(sql: "DELETE FROM registry_rights; DELETE FROM registry_sellers")
            for right in rights { try right.insert(db) }
            for seller in authorizedSellers {
                try db.execute(
                    sql: "INSERT OR IGNORE INTO registry_sellers (brand, seller_id) VALUES (?, ?)",
                    arguments: [seller.brand, seller.sellerID])
            }
        }
    }

    /// The latest run's rights, by id.
    public func registeredRights() throws(StoreError) -> [String: RegisteredRightRecord] {
        try read { db in
            var rights: [String: RegisteredRightRecord] = [:]
            for right in try RegisteredRightRecord.fetchAll(db) { rights[right.id] = right }
            return rights
        }
    }

    /// The latest run's authorised sellers.
    public func authorizedSellers() throws(StoreError) -> Set<AuthorizedSeller> {
        try read { db in
            Set(
                try Row.fetchAll(db, sql: "SELECT brand, seller_id FROM registry_sellers").map {
                    AuthorizedSeller(brand: $0[0], sellerID: $0[1])
                })
        }
    }
}
